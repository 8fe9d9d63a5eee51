import type { TPrismaClient } from "../../db/client";
import { hasPermission } from "../../domain/auth/permissions";
import { checkDecision } from "../../domain/violations/decisions";
import { checkExplanation, decideExplanation } from "../../domain/violations/explanations";
import { audit } from "../admin/users";
import { ServiceError } from "../errors";
import type { ViolationDecisionKind } from "../../db/generated/client";
import type { TViolationExplainer } from "./register";

/**
 * The two writes the register allows (п.12), each with its audit row in one transaction. There
 * is deliberately no way to delete or rewrite anything: an explanation is given once, a decision
 * is only ever added (a later one supersedes the earlier in the register, both are kept).
 */

export interface TViolationActor extends TViolationExplainer {
  /** The client's address, for the audit log. */
  ip?: string;
}

const NOT_FOUND = "Нарушение не найдено";

/** The responsible person explains the violation, once (explanations.ts says who may). */
export async function explainViolation(
  prisma: TPrismaClient,
  actor: TViolationActor,
  input: { violationId: string; explanation: string },
  now: Date,
) {
  const text = input.explanation.trim();
  const problem = checkExplanation(text);
  if (problem) throw new ServiceError("BAD_REQUEST", problem, "explanation");
  return prisma.$transaction(async (tx) => {
    const v = await tx.violation.findFirst({
      where: { id: input.violationId, municipalityId: { in: [...actor.municipalityIds] } },
      select: {
        id: true,
        municipalityId: true,
        caseId: true,
        type: true,
        responsibleUserId: true,
        responsibleDepartmentId: true,
        explanation: true,
      },
    });
    if (!v) throw new ServiceError("NOT_FOUND", NOT_FOUND);
    const decision = decideExplanation(v, { id: actor.userId, departmentId: actor.departmentId, roles: actor.roles });
    if (!decision.ok) throw new ServiceError(decision.code, decision.message);
    // Only an unexplained row is written: of two people of a department explaining at once, the
    // first wins and the other is told, instead of silently replacing the first's words.
    const written = await tx.violation.updateMany({
      where: { id: v.id, explanation: null },
      data: { explanation: text, explainedAt: now, explainedById: actor.userId },
    });
    if (written.count !== 1) {
      throw new ServiceError("CONFLICT", "Объяснение по этому нарушению уже дано; изменить его нельзя");
    }
    await audit(
      tx,
      { userId: actor.userId, municipalityId: v.municipalityId, ip: actor.ip, now },
      "violation.explain",
      v.id,
      { caseId: v.caseId, type: v.type, explanation: text },
      "Violation",
    );
    return { id: v.id, explainedAt: now };
  });
}

/** The deputy head records a decision; earlier ones stay. */
export async function decideViolation(
  prisma: TPrismaClient,
  actor: TViolationActor,
  input: { violationId: string; kind: ViolationDecisionKind; text: string | null },
  now: Date,
) {
  if (!hasPermission(actor.roles, "violations.decide")) {
    throw new ServiceError("FORBIDDEN", "Решение по нарушению принимает заместитель главы");
  }
  const text = input.text?.trim() || null;
  const problem = checkDecision({ kind: input.kind, text });
  if (problem) throw new ServiceError("BAD_REQUEST", problem.message, problem.field);
  return prisma.$transaction(async (tx) => {
    const v = await tx.violation.findFirst({
      where: { id: input.violationId, municipalityId: { in: [...actor.municipalityIds] } },
      select: { id: true, municipalityId: true, caseId: true, type: true },
    });
    if (!v) throw new ServiceError("NOT_FOUND", NOT_FOUND);
    const decision = await tx.violationDecision.create({
      data: { violationId: v.id, kind: input.kind, text, decidedById: actor.userId, createdAt: now },
      select: { id: true, kind: true, text: true, createdAt: true },
    });
    await audit(
      tx,
      { userId: actor.userId, municipalityId: v.municipalityId, ip: actor.ip, now },
      "violation.decide",
      v.id,
      { caseId: v.caseId, type: v.type, decisionId: decision.id, kind: decision.kind, text },
      "Violation",
    );
    return decision;
  });
}
