import { CLOCK_LABELS, OPEN_STATUSES, type TClockKind } from "../../domain/cases/case-types";
import { formatRemaining } from "../../domain/cases/clocks";
import { listClockRuns } from "../../domain/cases/violations";
import { findAudience } from "../../domain/scheduler/audience";
import { findDueReminders, normaliseReminderPercents, reminderDedupeKey } from "../../domain/scheduler/reminders";
import { SLA_MAX_MINUTES } from "../../domain/settings/sla-settings";
import { formatDateTime } from "../../domain/time/zone";
import { clockSnapshotOf, type TViolationCase } from "../cases/record-violations";
import { describeError, readWithoutJit, type TTickContext, type TTickMunicipality } from "./context";
import { notifyOnce, type TNotice } from "./notify-once";

const CLAUSE_OF = {
  ROUTE: "п.7",
  DRAFT: "п.10",
  FORWARD: "п.10",
  REWORK: "п.10",
  ANSWER: "п.8",
} as const satisfies Record<TClockKind, string>;

/**
 * The cases' clock columns (`TViolationCase`, what `VIOLATION_CASE_SELECT` reads) and their first
 * draft's submission. Hand-written because a minute's reminders read every open case with a
 * clock running (8 700 on the bench's region): Prisma's findMany with the drafts relation took
 * about twice as long for the same rows (≈ 200 against ≈ 110 ms).
 */
function loadCases(ctx: TTickContext, ids: readonly string[]) {
  return ctx.prisma.$queryRaw<(TViolationCase & { firstDraftSubmittedAt: Date | null })[]>`
    SELECT c."id", c."municipalityId", c."number", c."status"::text AS "status", c."receivedAt",
      c."slaRouteMinutes", c."slaDraftMinutes", c."slaForwardMinutes", c."slaReworkMinutes", c."slaAnswerMinutes",
      c."routeDueAt", c."draftDueAt", c."answerDueAt", c."forwardDueAt", c."reworkDueAt",
      c."currentClock"::text AS "currentClock", c."currentDueAt", c."routedAt", c."postedAt", c."closedAt",
      c."departmentId", c."executorId",
      (SELECT min(d."submittedAt") FROM "AnswerDraft" d WHERE d."caseId" = c."id") AS "firstDraftSubmittedAt"
    FROM "Case" c WHERE c."id" = ANY(${ids}::text[])
    ORDER BY c."id"`;
}

/** Reminders for one municipality: `sendRemindersIn` with it alone. */
export function sendReminders(ctx: TTickContext, m: TTickMunicipality): Promise<number> {
  return sendRemindersIn(ctx, [m]);
}

/**
 * Reminders before deadlines (by default at half and three quarters of each clock) to the
 * people who must act (server/domain/scheduler). Only cases with a clock still to run are read:
 * the T0 clocks end with the 24-hour one, so those received within the longest possible clock
 * and not yet past it, plus those whose step clock runs now. One query finds their ids across
 * all the municipalities (the (municipalityId, status, …) index); they are then read and judged
 * `batchSize` at a time, with one query for the cases, one for which of their reminders exist
 * and one insert, whatever the number of municipalities or of minutes a reminder stays due.
 */
export async function sendRemindersIn(ctx: TTickContext, municipalities: readonly TTickMunicipality[]) {
  const { prisma, now, batchSize } = ctx;
  const settings = new Map(
    municipalities
      .map((m) => ({ m, percents: normaliseReminderPercents(m.reminderPercents) }))
      .filter((s) => s.percents.length > 0)
      .map((s) => [s.m.id, s]),
  );
  if (settings.size === 0) return 0;
  const receivedSince = new Date(now.getTime() - SLA_MAX_MINUTES * 60_000);
  const found = await readWithoutJit(
    prisma,
    prisma.case.findMany({
      where: {
        municipalityId: { in: [...settings.keys()] },
        status: { in: [...OPEN_STATUSES] },
        OR: [{ receivedAt: { gt: receivedSince }, answerDueAt: { gt: now } }, { currentDueAt: { gt: now } }],
      },
      select: { id: true, municipalityId: true },
      orderBy: { id: "asc" },
    }),
  );
  if (found.length === 0) return 0;
  await ctx.recipients.preload([...new Set(found.map((f) => f.municipalityId))]);
  let sent = 0;
  for (let i = 0; i < found.length; i += batchSize) {
    const ids = found.slice(i, i + batchSize).map((f) => f.id);
    try {
      sent += await remindBatch(ctx, ids, settings);
    } catch (error) {
      // The dedupe keys make the next tick send what this batch did not.
      ctx.errors.push(`reminders, cases ${ids[0]}…${ids.at(-1)}: ${describeError(error)}`);
    }
  }
  return sent;
}

async function remindBatch(
  ctx: TTickContext,
  ids: readonly string[],
  settings: ReadonlyMap<string, { m: TTickMunicipality; percents: number[] }>,
): Promise<number> {
  const { prisma, now } = ctx;
  const batch = await loadCases(ctx, ids);
  const notices: TNotice[] = [];
  for (const c of batch) {
    const setting = settings.get(c.municipalityId);
    if (!setting) continue;
    const { m, percents } = setting;
    const runs = listClockRuns(clockSnapshotOf(c, c.firstDraftSubmittedAt));
    for (const reminder of findDueReminders({ runs, percents, now })) {
      const userIds = await ctx.recipients.resolve(m.id, findAudience(reminder.clock, c));
      notices.push({
        dedupe: reminderDedupeKey(c.id, reminder),
        userIds,
        caseId: c.id,
        kind: "DEADLINE_REMINDER",
        title: `Срок истекает: публикация № ${c.number}`,
        body:
          `${CLOCK_LABELS[reminder.clock]} (${CLAUSE_OF[reminder.clock]}): прошло ${reminder.percent} % срока, ` +
          `${formatRemaining(reminder.dueAt, now)} — до ${formatDateTime(reminder.dueAt, m.timeZone)}.`,
      });
    }
  }
  return notifyOnce(prisma, notices, now);
}
