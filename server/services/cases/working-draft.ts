import type { TPrismaClient } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { composeAnswerText, type TAnswerParts } from "../../domain/cases/answer-rules";
import { decideDraftWork } from "../../domain/cases/working-draft";
import { isUniqueViolation, ServiceError } from "../errors";
import type { TCaseActor } from "./transition";

/**
 * Saving and submitting a draft both take the case's row lock first, so a save that races the
 * submission (a blur autosave as the person clicks "submit", a second tab) waits for it instead
 * of the two creating the same version. Always the case row first, then drafts: no deadlock.
 * NO KEY UPDATE is the lock any update of the case takes anyway, and it leaves inserts that
 * merely reference the case (events, attachments, notifications) unblocked.
 */
export async function lockCaseForDrafting(tx: Prisma.TransactionClient, caseId: string) {
  await tx.$queryRaw`SELECT "id" FROM "Case" WHERE "id" = ${caseId} FOR NO KEY UPDATE`;
}

/**
 * Saves the executor's working draft: the one AnswerDraft row of the case with no submittedAt,
 * numbered as the next version. Incomplete text is fine (completeness is checked on
 * submission); the case's status, version and deadlines stay as they are, and no timeline event
 * is written: nothing has happened for anyone else yet. Submission (transition.ts) finalises
 * this row.
 */
export async function saveWorkingDraft(
  prisma: TPrismaClient,
  actor: TCaseActor,
  input: { caseId: string; draft: TAnswerParts },
  now: Date,
) {
  try {
    return await prisma.$transaction(async (tx) => {
      await lockCaseForDrafting(tx, input.caseId);
      const c = await tx.case.findUnique({
        where: { id: input.caseId },
        select: {
          id: true,
          municipalityId: true,
          status: true,
          departmentId: true,
          drafts: {
            where: { submittedAt: { not: null } },
            orderBy: { version: "desc" },
            take: 1,
            select: { version: true },
          },
        },
      });
      if (!c || !actor.municipalityIds.includes(c.municipalityId)) {
        throw new ServiceError("NOT_FOUND", "Публикация не найдена");
      }
      const decision = decideDraftWork({
        status: c.status,
        actorRoles: actor.roles,
        actor: { userId: actor.userId, departmentId: actor.departmentId },
        caseDepartmentId: c.departmentId,
      });
      if (!decision.ok) {
        throw new ServiceError(decision.code === "FORBIDDEN" ? "FORBIDDEN" : "CONFLICT", decision.message);
      }

      const parts = {
        kind: input.draft.kind,
        measures: input.draft.measures ?? null,
        stages: input.draft.stages ?? null,
        refusalReason: input.draft.refusalReason ?? null,
        legalReferences: [...(input.draft.legalReferences ?? [])],
        text: composeAnswerText(input.draft),
        authorId: actor.userId,
      };
      // Under the lock nothing changes the drafts meanwhile; the guard on submittedAt keeps a
      // submitted version untouchable all the same.
      const updated = await tx.answerDraft.updateMany({
        where: { caseId: c.id, submittedAt: null },
        data: parts,
      });
      const version = (c.drafts[0]?.version ?? 0) + 1;
      if (updated.count === 0) {
        await tx.answerDraft.create({ data: { caseId: c.id, version, createdAt: now, ...parts } });
      }
      return { caseId: c.id, version, savedAt: now };
    });
  } catch (error) {
    // Defence in depth: the row this save meant to create exists after all.
    if (isUniqueViolation(error)) {
      throw new ServiceError(
        "CONFLICT",
        "Проект ответа только что изменился (возможно, его уже отправили на проверку). Обновите страницу.",
      );
    }
    throw error;
  }
}
