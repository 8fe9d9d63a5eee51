import type { TAnswerKind } from "./case-types";

/**
 * The content of an answer (п.9): either (a) the measures taken with the stages and dates of the
 * solution, or (b) a justified explanation why the question cannot be solved with references to
 * legal acts; and it must fit the network's format. Photos and other materials are "where there
 * are any", so they are never required. The editor checks a draft with this before submission.
 */

export interface TAnswerParts {
  kind: TAnswerKind;
  /** Opening line addressed to the author, e.g. "Здравствуйте, Иван!". */
  greeting?: string | null;
  /** (a) the measures taken. */
  measures?: string | null;
  /** (a) the stages and dates of the solution. */
  stages?: string | null;
  /** (b) why the question cannot be solved. */
  refusalReason?: string | null;
  /** (b) the legal acts, as cited. */
  legalReferences?: readonly string[];
  /** Closing line, e.g. contacts for further questions. */
  closing?: string | null;
}

export type TAnswerField = "kind" | "measures" | "stages" | "refusalReason" | "legalReferences" | "text";

export interface TAnswerProblem {
  field: TAnswerField;
  /** For people, in Russian. */
  message: string;
}

function clean(value: string | null | undefined): string {
  return value?.trim() ?? "";
}

function cleanReferences(references: readonly string[] | undefined): string[] {
  return (references ?? []).map((r) => r.trim()).filter((r) => r !== "");
}

const segmenter = new Intl.Segmenter("ru", { granularity: "grapheme" });

/**
 * Characters as a person sees them: grapheme clusters (Intl.Segmenter), so "👍🏽", a flag or "й"
 * written with a combining mark is one character, where `.length` would count two to four
 * UTF-16 units. Networks count in different ways; graphemes are what the author can check by
 * eye, and the limits are set with a margin.
 */
export function countCharacters(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count += 1;
  return count;
}

/**
 * The answer as it will be posted: the parts of the chosen kind, one paragraph each, in the
 * order a reader needs them. Parts of the other kind are left out, so switching the kind in the
 * editor never posts stale text.
 */
export function composeAnswerText(parts: TAnswerParts): string {
  const body =
    parts.kind === "MEASURES"
      ? [clean(parts.measures), clean(parts.stages)]
      : [clean(parts.refusalReason), formatReferences(cleanReferences(parts.legalReferences))];
  return [clean(parts.greeting), ...body, clean(parts.closing)].filter((p) => p !== "").join("\n\n");
}

function formatReferences(references: string[]): string {
  if (references.length === 0) return "";
  // Citations often end with their own full stop; the sentence adds one.
  const list = references.map((r) => r.replace(/[.;\s]+$/u, "")).join("; ");
  return `${references.length === 1 ? "Основание" : "Основания"}: ${list}.`;
}

/** п.11: the answer to a repeated publication reports what was done or how the solution progresses. */
export const REPEATED_NEEDS_MEASURES_MESSAGE =
  "Ответ на повторную публикацию должен содержать сведения о принятых мерах или о ходе решения вопроса (п.11)";

/**
 * Problems that keep a draft from submission, one per field, the most fundamental first. `text`
 * is the text to be posted when the executor has edited it by hand; by default it is composed
 * from the parts. `maxAnswerLength` is the network's limit, null for none; `repeated` marks the
 * answer to a repeated publication (п.11). The editor runs this in the browser before
 * submission and the service runs it again, so both speak with the same words.
 */
export function checkAnswer(
  parts: TAnswerParts,
  options: { maxAnswerLength: number | null; text?: string; repeated?: boolean },
): TAnswerProblem[] {
  const problems: TAnswerProblem[] = [];
  if (options.repeated && parts.kind !== "MEASURES") {
    problems.push({ field: "kind", message: REPEATED_NEEDS_MEASURES_MESSAGE });
  }
  if (parts.kind === "MEASURES") {
    if (clean(parts.measures) === "") {
      problems.push({ field: "measures", message: "Опишите меры, принятые для решения вопроса (п.9)" });
    }
    if (clean(parts.stages) === "") {
      problems.push({ field: "stages", message: "Укажите этапы и сроки решения вопроса (п.9)" });
    }
  } else {
    if (clean(parts.refusalReason) === "") {
      problems.push({
        field: "refusalReason",
        message: "Обоснуйте, почему вопрос не может быть решён (п.9)",
      });
    }
    if (cleanReferences(parts.legalReferences).length === 0) {
      problems.push({
        field: "legalReferences",
        message: "Добавьте хотя бы одну ссылку на правовой акт (п.9)",
      });
    }
  }

  const text = options.text ?? composeAnswerText(parts);
  if (text.trim() === "") {
    problems.push({ field: "text", message: "Текст ответа пуст" });
  } else if (options.maxAnswerLength !== null) {
    const length = countCharacters(text);
    if (length > options.maxAnswerLength) {
      problems.push({
        field: "text",
        message: `Ответ длиннее, чем допускает социальная сеть: ${length} из ${options.maxAnswerLength} символов, сократите на ${length - options.maxAnswerLength}`,
      });
    }
  }
  return problems;
}
