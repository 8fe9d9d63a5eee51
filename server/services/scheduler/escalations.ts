import { escalationDedupeKey, isEscalationDue, type TAlertCopy } from "../../domain/scheduler/escalation";
import { formatMinutes } from "../../domain/settings/sla-settings";
import { readWithoutJit, type TTickContext, type TTickMunicipality } from "./context";
import { notifyOnce, type TNotice } from "./notify-once";

interface TLeader {
  id: string;
  roles: readonly string[];
}

/**
 * The municipalities whose leaders have an unconfirmed alert old enough to escalate, found with
 * two queries for them all (their leaders, then one such alert of any of them); each of those is
 * then looked at as before. A region where nobody has an alert pending costs those two queries.
 */
export async function escalateAlertsIn(
  ctx: TTickContext,
  municipalities: readonly TTickMunicipality[],
  attempt: (m: TTickMunicipality, work: () => Promise<number>) => Promise<number | null>,
): Promise<number> {
  const { prisma, now } = ctx;
  if (municipalities.length === 0) return 0;
  const leaders = await prisma.user.findMany({
    where: { municipalityId: { in: municipalities.map((m) => m.id) }, roles: { hasSome: ["HEAD", "DEPUTY_HEAD"] } },
    select: { id: true, roles: true, municipalityId: true },
  });
  if (leaders.length === 0) return 0;
  // The shortest escalation time of all: a superset of the alerts any municipality would read.
  const minutes = Math.min(...municipalities.map((m) => Math.max(0, m.alertEscalationMinutes)));
  // One index probe per leader (recipient, time), forced by the LATERAL … LIMIT 1: as a join or
  // an `IN (…)` the planner, finding hardly any alerts in its statistics, reads all the
  // notifications instead (a sequential scan, ≈ 250 ms on 1.8 M rows).
  const pending = await readWithoutJit(
    prisma,
    prisma.$queryRaw<{ userId: string }[]>`
    SELECT u."id" AS "userId" FROM unnest(${leaders.map((u) => u.id)}::text[]) AS u("id")
    CROSS JOIN LATERAL (
      SELECT 1 FROM "Notification" n
      WHERE n."userId" = u."id" AND n."kind" = 'SIGNIFICANT_ALERT' AND n."acknowledgedAt" IS NULL
        AND n."createdAt" <= ${new Date(now.getTime() - minutes * 60_000)} AND n."caseId" IS NOT NULL
      LIMIT 1) AS alert`,
  );
  const municipalityOf = new Map(leaders.map((u) => [u.id, u.municipalityId]));
  const withPending = new Set(pending.map((p) => municipalityOf.get(p.userId)));
  let escalated = 0;
  for (const m of municipalities) {
    if (!withPending.has(m.id)) continue;
    const own = leaders.filter((u) => u.municipalityId === m.id);
    escalated += (await attempt(m, () => escalateAlerts(ctx, m, own))) ?? 0;
  }
  return escalated;
}

/**
 * п.13: a socially significant publication's alert the head has not confirmed ("Ознакомлен")
 * within the municipality's `alertEscalationMinutes` goes again to the deputy head and the
 * manager, once per publication (server/domain/scheduler/escalation.ts decides). Only the
 * unconfirmed copies of the head's and the deputy head's alerts are read, through the
 * recipients' index.
 */
export async function escalateAlerts(
  ctx: TTickContext,
  m: TTickMunicipality,
  knownLeaders?: readonly TLeader[],
): Promise<number> {
  const { prisma, now, batchSize } = ctx;
  const leaders =
    knownLeaders ??
    (await prisma.user.findMany({
      where: { municipalityId: m.id, roles: { hasSome: ["HEAD", "DEPUTY_HEAD"] } },
      select: { id: true, roles: true },
    }));
  if (leaders.length === 0) return 0;
  const leaderIds = leaders.map((u) => u.id);
  const heads = new Set(leaders.filter((u) => u.roles.includes("HEAD")).map((u) => u.id));
  const sentBefore = new Date(now.getTime() - Math.max(0, m.alertEscalationMinutes) * 60_000);
  let cursor = "";
  let escalated = 0;
  for (;;) {
    const pending = await prisma.notification.findMany({
      where: {
        // Any unconfirmed copy: whose confirmation counts (the head's, or the deputy head's while
        // the post is vacant) is the domain's decision below.
        userId: { in: leaderIds },
        kind: "SIGNIFICANT_ALERT",
        acknowledgedAt: null,
        createdAt: { lte: sentBefore },
        caseId: { not: null },
        id: { gt: cursor },
      },
      select: { id: true, caseId: true },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    const caseIds = [...new Set(pending.map((p) => p.caseId).filter((id): id is string => id !== null))];
    const copies =
      caseIds.length === 0
        ? []
        : await prisma.notification.findMany({
            where: { userId: { in: leaderIds }, kind: "SIGNIFICANT_ALERT", caseId: { in: caseIds } },
            select: {
              caseId: true,
              userId: true,
              createdAt: true,
              acknowledgedAt: true,
              body: true,
              case: { select: { number: true } },
            },
          });
    const notices: TNotice[] = [];
    for (const caseId of caseIds) {
      const ofCase = copies.filter((c) => c.caseId === caseId);
      const alertCopies: TAlertCopy[] = ofCase.map((c) => ({
        recipientIsHead: heads.has(c.userId),
        createdAt: c.createdAt,
        acknowledgedAt: c.acknowledgedAt,
      }));
      if (!isEscalationDue({ copies: alertCopies, escalationMinutes: m.alertEscalationMinutes, now })) continue;
      const first = ofCase[0];
      if (!first?.case) continue;
      const userIds = await ctx.recipients.resolve(m.id, [
        { kind: "roles", roles: ["DEPUTY_HEAD", "MANAGER"], departmentId: null },
      ]);
      notices.push({
        dedupe: escalationDedupeKey(caseId),
        userIds,
        caseId,
        kind: "SIGNIFICANT_ESCALATION",
        title: `Не подтверждено главой: социально значимая публикация № ${first.case.number}`,
        body:
          `Глава не ознакомился с сообщением о социально значимой публикации в течение ` +
          `${formatMinutes(m.alertEscalationMinutes)} (п.13). ${first.body}`,
      });
    }
    escalated += await notifyOnce(prisma, notices, now);
    const last = pending.at(-1);
    if (!last || pending.length < batchSize) return escalated;
    cursor = last.id;
  }
}
