import { hasPermission } from "../auth/permissions";
import type { TRole } from "../auth/roles";

/**
 * The responsible person's explanation of a violation (п.12).
 *
 * Who: the person the violation is charged to. A violation charged to a department with no
 * person named (routing, forwarding and posting go to the coordinating department; a draft of a
 * case routed without an executor goes to its department) may be explained by anyone of that
 * department who holds `violations.explain` — whoever answers for the department's work then.
 *
 * Once: the explanation is final when given. It is part of the record the deputy head decides
 * on, so it is never rewritten (the schema keeps one explanation, with who gave it and when).
 * It may come before or after a decision: a late explanation stays on the record, and the
 * deputy head may then record a new decision, which supersedes the earlier one.
 */

export const EXPLANATION_MAX = 4000;

export interface TExplainable {
  responsibleUserId: string | null;
  responsibleDepartmentId: string | null;
  explanation: string | null;
}

export interface TExplainer {
  id: string;
  departmentId: string | null;
  roles: readonly TRole[];
}

export type TExplainDecision = { ok: true } | { ok: false; code: "FORBIDDEN" | "CONFLICT"; message: string };

/** Whether this person answers for the violation (regardless of whether it is explained yet). */
export function isAnswerableFor(violation: Omit<TExplainable, "explanation">, person: TExplainer): boolean {
  if (!hasPermission(person.roles, "violations.explain")) return false;
  if (violation.responsibleUserId !== null) return violation.responsibleUserId === person.id;
  return violation.responsibleDepartmentId !== null && violation.responsibleDepartmentId === person.departmentId;
}

export function decideExplanation(violation: TExplainable, person: TExplainer): TExplainDecision {
  if (!isAnswerableFor(violation, person)) {
    return {
      ok: false,
      code: "FORBIDDEN",
      message:
        violation.responsibleUserId !== null
          ? "Объяснение даёт сотрудник, за которым числится нарушение"
          : "Объяснение даёт сотрудник отдела, за которым числится нарушение",
    };
  }
  if (violation.explanation !== null) {
    return { ok: false, code: "CONFLICT", message: "Объяснение по этому нарушению уже дано; изменить его нельзя" };
  }
  return { ok: true };
}

/** The explanation's text, trimmed; a problem in Russian or null. */
export function checkExplanation(text: string): string | null {
  if (text.trim() === "") return "Напишите объяснение";
  if (text.trim().length > EXPLANATION_MAX) return `Объяснение: не более ${EXPLANATION_MAX} символов`;
  return null;
}
