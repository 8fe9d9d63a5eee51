/**
 * Legal references of a justified refusal (п.9 b): picked from the list of acts the
 * municipality maintains, or written by hand. A draft stores them as cited at the time of
 * writing (strings), so the editor maps between the stored citations and the list.
 */

export interface TLegalActOption {
  id: string;
  title: string;
  citation: string;
}

/** How an act of the list is cited in an answer: "Федеральный закон … № 257-ФЗ «Об …»". */
export function citeLegalAct(act: Pick<TLegalActOption, "title" | "citation">): string {
  return `${act.citation.trim()} «${act.title.trim()}»`;
}

/** The references of a draft, in the list's order first, then the hand-written lines; no blanks or repeats. */
export function joinLegalReferences(
  pickedIds: readonly string[],
  acts: readonly TLegalActOption[],
  otherLines: string,
): string[] {
  const picked = new Set(pickedIds);
  const result: string[] = [];
  const add = (reference: string) => {
    const trimmed = reference.trim();
    if (trimmed !== "" && !result.includes(trimmed)) result.push(trimmed);
  };
  for (const act of acts) if (picked.has(act.id)) add(citeLegalAct(act));
  for (const line of otherLines.split("\n")) add(line);
  return result;
}

/**
 * A stored draft's references back into the editor: those citing an act of the list tick it,
 * the rest (hand-written, or an act since removed from the list) become lines of free text.
 */
export function splitLegalReferences(
  references: readonly string[],
  acts: readonly TLegalActOption[],
): { pickedIds: string[]; otherLines: string } {
  const byCitation = new Map(acts.map((a) => [citeLegalAct(a), a.id]));
  const pickedIds: string[] = [];
  const other: string[] = [];
  for (const reference of references) {
    const trimmed = reference.trim();
    if (trimmed === "") continue;
    const id = byCitation.get(trimmed);
    if (id === undefined) other.push(trimmed);
    else if (!pickedIds.includes(id)) pickedIds.push(id);
  }
  return { pickedIds, otherLines: other.join("\n") };
}
