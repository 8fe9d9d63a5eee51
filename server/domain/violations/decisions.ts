/**
 * The deputy head's decisions on violations (п.12): no measures, a remark, a reprimand, or
 * another measure described in words. Decisions are append-only: a later decision supersedes
 * the earlier one in the register, and both stay in the record with who took them and when —
 * nothing about a violation is ever deleted or rewritten.
 *
 * The kinds mirror the Prisma enum ViolationDecisionKind (the domain may not import the client).
 */

export const DECISION_KINDS = ["NO_MEASURES", "REMARK", "REPRIMAND", "OTHER"] as const;
export type TDecisionKind = (typeof DECISION_KINDS)[number];

export const DECISION_LABELS = {
  NO_MEASURES: "Меры не применяются",
  REMARK: "Замечание",
  REPRIMAND: "Выговор",
  OTHER: "Иное",
} as const satisfies Record<TDecisionKind, string>;

export const DECISION_TEXT_MAX = 2000;

export interface TDecisionProblem {
  field: "kind" | "text";
  message: string;
}

/**
 * A decision's kind and text, the text already trimmed (empty = none). "Иное" means nothing
 * without saying what, so it needs the text; for the others the text is an optional reason.
 */
export function checkDecision(decision: { kind: TDecisionKind; text: string | null }): TDecisionProblem | null {
  if (!(DECISION_KINDS as readonly string[]).includes(decision.kind)) {
    return { field: "kind", message: "Выберите решение" };
  }
  const text = decision.text ?? "";
  if (decision.kind === "OTHER" && text === "") {
    return { field: "text", message: "Для решения «Иное» опишите принятую меру" };
  }
  if (text.length > DECISION_TEXT_MAX) {
    return { field: "text", message: `Текст решения: не более ${DECISION_TEXT_MAX} символов` };
  }
  return null;
}

/** Newest first; decisions recorded in the same millisecond keep a stable order by id. */
export function sortDecisionsNewestFirst<T extends { createdAt: Date; id: string }>(decisions: readonly T[]): T[] {
  return [...decisions].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  );
}

/** The decision in force: the latest one; null while the deputy head has not decided. */
export function currentDecision<T extends { createdAt: Date; id: string }>(decisions: readonly T[]): T | null {
  return sortDecisionsNewestFirst(decisions)[0] ?? null;
}
