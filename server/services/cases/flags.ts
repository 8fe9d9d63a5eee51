import type { TPrismaClient } from "../../db/client";
import { hasPermission } from "../../domain/auth/permissions";
import { suggestRepeats } from "../../domain/cases/repeat-suggestions";
import { ServiceError } from "../errors";
import { notifyRoles } from "./notify";
import { notifyBoardChanged } from "../wall/notify-change";
import type { TCaseActor } from "./transition";

async function loadCaseFor(prisma: TPrismaClient, actor: TCaseActor, caseId: string) {
  const c = await prisma.case.findUnique({ where: { id: caseId } });
  if (!c || !actor.municipalityIds.includes(c.municipalityId))
    throw new ServiceError("NOT_FOUND", "Публикация не найдена");
  return c;
}

/**
 * п.13: a socially significant publication is reported to the head and the deputy head at once.
 * Marking twice changes nothing and notifies nobody again.
 */
export async function markSignificant(
  prisma: TPrismaClient,
  actor: TCaseActor,
  input: { caseId: string; reason: string },
  now: Date,
) {
  if (!hasPermission(actor.roles, "case.markSignificant"))
    throw new ServiceError("FORBIDDEN", "Недостаточно прав для этого действия");
  const reason = input.reason.trim();
  if (reason.length < 5) throw new ServiceError("BAD_REQUEST", "Укажите, чем публикация социально значима", "reason");
  const c = await loadCaseFor(prisma, actor, input.caseId);
  if (c.significant) return { caseId: c.id, alreadyMarked: true };
  await prisma.$transaction(async (tx) => {
    const updated = await tx.case.updateMany({
      where: { id: c.id, significant: false },
      data: { significant: true, significantAt: now },
    });
    if (updated.count === 0) return; // marked by someone else a moment ago
    await notifyBoardChanged(tx, c.municipalityId);
    await tx.caseEvent.create({
      data: { caseId: c.id, at: now, actorId: actor.userId, type: "MARKED_SIGNIFICANT", comment: reason },
    });
    await notifyRoles(tx, {
      municipalityId: c.municipalityId,
      roles: ["HEAD", "DEPUTY_HEAD"],
      caseId: c.id,
      kind: "SIGNIFICANT_ALERT",
      title: `Социально значимая публикация № ${c.number}`,
      body: reason,
      dedupe: `significant:${c.id}`,
      now,
    });
  });
  return { caseId: c.id, alreadyMarked: false };
}

/** п.11: earlier cases this one may repeat, strongest first, with reasons. */
export async function findRepeatCandidates(prisma: TPrismaClient, actor: TCaseActor, caseId: string) {
  const c = await loadCaseFor(prisma, actor, caseId);
  const since = new Date(c.receivedAt.getTime() - 365 * 24 * 3600_000);
  const candidates = await prisma.case.findMany({
    where: {
      municipalityId: c.municipalityId,
      id: { not: c.id },
      receivedAt: { gte: since, lte: c.receivedAt },
      OR: [
        ...(c.authorName ? [{ authorName: { equals: c.authorName, mode: "insensitive" as const } }] : []),
        ...(c.authorUrl ? [{ authorUrl: c.authorUrl }] : []),
        ...(c.topicId ? [{ topicId: c.topicId }] : []),
        { postUrl: { startsWith: c.postUrl.split("?")[0] ?? c.postUrl } },
      ],
    },
    select: {
      id: true,
      number: true,
      status: true,
      departmentId: true,
      postUrl: true,
      authorName: true,
      authorUrl: true,
      topicId: true,
      settlement: true,
      receivedAt: true,
    },
    take: 500,
    orderBy: { receivedAt: "desc" },
  });
  return suggestRepeats(c, candidates);
}

/** Links a case to the earlier one it repeats; while unrouted it takes that case's department. */
export async function linkRepeat(
  prisma: TPrismaClient,
  actor: TCaseActor,
  input: { caseId: string; repeatOfId: string },
  now: Date,
) {
  if (!hasPermission(actor.roles, "case.route"))
    throw new ServiceError("FORBIDDEN", "Недостаточно прав для этого действия");
  const c = await loadCaseFor(prisma, actor, input.caseId);
  const earlier = await loadCaseFor(prisma, actor, input.repeatOfId);
  if (earlier.municipalityId !== c.municipalityId || earlier.id === c.id || earlier.receivedAt > c.receivedAt) {
    throw new ServiceError(
      "BAD_REQUEST",
      "Повторной может быть только более поздняя публикация того же муниципального образования",
      "repeatOfId",
    );
  }
  await prisma.$transaction([
    prisma.case.update({ where: { id: c.id }, data: { repeated: true, repeatOfId: earlier.id } }),
    prisma.caseEvent.create({
      data: {
        caseId: c.id,
        at: now,
        actorId: actor.userId,
        type: "LINKED_REPEAT",
        data: { repeatOfId: earlier.id, repeatOfNumber: earlier.number },
      },
    }),
  ]);
  return { caseId: c.id, repeatOfId: earlier.id, suggestedDepartmentId: earlier.departmentId };
}
