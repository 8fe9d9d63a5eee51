import { diffWordsWithSpace } from "diff";
import { pluralRu } from "./russian-plural";

/**
 * What changed between two submitted versions of an answer, word by word, for the internal
 * review (п.10): the reviewer checks that the remarks were addressed without rereading the
 * whole text. Whitespace is kept as its own token, so paragraphs survive in the rendering.
 */

export type TDiffPartKind = "same" | "added" | "removed";

export interface TDiffPart {
  kind: TDiffPartKind;
  text: string;
}

export function diffAnswerTexts(before: string, after: string): TDiffPart[] {
  const parts: TDiffPart[] = [];
  for (const change of diffWordsWithSpace(before, after)) {
    const kind: TDiffPartKind = change.added ? "added" : change.removed ? "removed" : "same";
    const last = parts.at(-1);
    // Adjacent changes of one kind read as one fragment.
    if (last?.kind === kind) last.text += change.value;
    else parts.push({ kind, text: change.value });
  }
  return parts;
}

const WORD = /[\p{L}\p{N}]+/gu;

function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** A one-line summary of the changes in Russian, e.g. for a screen reader before the marked text. */
export function summarizeDiff(parts: readonly TDiffPart[]): string {
  let added = 0;
  let removed = 0;
  let changedSpacing = false;
  for (const p of parts) {
    if (p.kind === "same") continue;
    const words = countWords(p.text);
    if (words === 0) changedSpacing = true;
    if (p.kind === "added") added += words;
    else removed += words;
  }
  if (added === 0 && removed === 0) {
    return changedSpacing ? "Изменены только пробелы и переносы строк" : "Текст не изменился";
  }
  const pieces: string[] = [];
  if (added > 0) pieces.push(`добавлено ${added} ${pluralRu(added, "слово", "слова", "слов")}`);
  if (removed > 0) pieces.push(`удалено ${removed} ${pluralRu(removed, "слово", "слова", "слов")}`);
  const sentence = pieces.join(", ");
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
