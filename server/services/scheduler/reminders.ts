import { CLOCK_LABELS, OPEN_STATUSES, type TClockKind } from "../../domain/cases/case-types";
import { formatRemaining } from "../../domain/cases/clocks";
import { listClockRuns } from "../../domain/cases/violations";
import { findAudience } from "../../domain/scheduler/audience";
import { findDueReminders, normaliseReminderPercents, reminderDedupeKey } from "../../domain/scheduler/reminders";
import { SLA_MAX_MINUTES } from "../../domain/settings/sla-settings";
import { formatDateTime } from "../../domain/time/zone";
import { clockSnapshotOf, VIOLATION_CASE_SELECT } from "../cases/record-violations";
import type { TTickContext, TTickMunicipality } from "./context";
import { notifyOnce, type TNotice } from "./notify-once";

const CLAUSE_OF = {
  ROUTE: "п.7",
  DRAFT: "п.10",
  FORWARD: "п.10",
  REWORK: "п.10",
  ANSWER: "п.8",
} as const satisfies Record<TClockKind, string>;

const { violations: _violations, ...REMINDER_CASE_SELECT } = VIOLATION_CASE_SELECT;

/**
 * Reminders before deadlines (by default at half and three quarters of each clock) to the
 * people who must act (server/domain/scheduler). Only cases with a clock still to run are read:
 * the T0 clocks end with the 24-hour one, so those received within the longest possible clock
 * and not yet past it (the municipality's receipt-time index), plus those whose step clock runs
 * now (its deadline index). A batch of cases costs one query for the cases and one for which of
 * their reminders exist, whatever the number of minutes they stay due.
 */
export async function sendReminders(ctx: TTickContext, m: TTickMunicipality): Promise<number> {
  const { prisma, now, batchSize } = ctx;
  const percents = normaliseReminderPercents(m.reminderPercents);
  if (percents.length === 0) return 0;
  const receivedSince = new Date(now.getTime() - SLA_MAX_MINUTES * 60_000);
  let cursor = "";
  let sent = 0;
  for (;;) {
    const batch = await prisma.case.findMany({
      where: {
        municipalityId: m.id,
        status: { in: [...OPEN_STATUSES] },
        id: { gt: cursor },
        OR: [{ receivedAt: { gt: receivedSince }, answerDueAt: { gt: now } }, { currentDueAt: { gt: now } }],
      },
      select: REMINDER_CASE_SELECT,
      orderBy: { id: "asc" },
      take: batchSize,
    });
    const notices: TNotice[] = [];
    for (const c of batch) {
      const runs = listClockRuns(clockSnapshotOf(c, c.drafts[0]?.submittedAt ?? null));
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
    sent += await notifyOnce(prisma, notices, now);
    const last = batch.at(-1);
    if (!last || batch.length < batchSize) return sent;
    cursor = last.id;
  }
}
