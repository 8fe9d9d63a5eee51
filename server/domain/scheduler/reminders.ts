import type { TClockKind } from "../cases/case-types";
import type { TClockRun } from "../cases/violations";

/**
 * Reminders before a deadline: when a set share of a clock's length has passed (by default half
 * and three quarters, `Municipality.reminderPercents`), the people who must act are told how
 * much time is left.
 *
 * The scheduler asks at every tick which reminders are due for a case at `now`; the answer does
 * not depend on when or how often it asks. For each clock still running and not yet past its
 * deadline it is the LATEST share whose moment has passed: a tick every minute sends the 50 %
 * reminder at half time and the 75 % one at three quarters, while a scheduler that was down
 * from 40 % to 80 % sends only the 75 % one on its first tick back (the 50 % one would tell
 * people less than they need, and two at once is noise). Once the deadline has passed nothing
 * is due: the clock is a violation then, not a reminder. Each reminder is written under a
 * dedupe key naming the clock instance and the share, so it goes out once.
 */

export interface TDueReminder {
  clock: TClockKind;
  clockStartedAt: Date;
  dueAt: Date;
  /** The share of the clock's length that has passed, in per cent. */
  percent: number;
  /** The moment that share was reached. */
  remindAt: Date;
}

/** The regulation's defaults (the Municipality.reminderPercents column default). */
export const DEFAULT_REMINDER_PERCENTS = [50, 75] as const;

/**
 * The shares worth reminding at: whole per cents strictly between 0 and 100, each once,
 * ascending. Anything else in the stored list (a 0, a 100, a fraction) is dropped rather than
 * refused, so one bad value never stops the other reminders.
 */
export function normaliseReminderPercents(values: readonly number[]): number[] {
  const valid = values.filter((p) => Number.isInteger(p) && p > 0 && p < 100);
  return [...new Set(valid)].sort((a, b) => a - b);
}

/** The moment `percent` of the run's length has passed (to the millisecond, rounded). */
export function reminderMoment(run: Pick<TClockRun, "startedAt" | "dueAt">, percent: number): Date {
  const start = run.startedAt.getTime();
  return new Date(start + Math.round(((run.dueAt.getTime() - start) * percent) / 100));
}

/**
 * The reminders due at `now` among the case's clock runs (`listClockRuns`): for each run still
 * running and not past its deadline, the latest configured share whose moment is at or before
 * `now`. Runs already stopped by their action, or by closure, get none.
 */
export function findDueReminders(params: {
  runs: readonly TClockRun[];
  percents: readonly number[];
  now: Date;
}): TDueReminder[] {
  const { runs, now } = params;
  const percents = normaliseReminderPercents(params.percents);
  const result: TDueReminder[] = [];
  for (const run of runs) {
    if (run.stoppedAt !== null) continue;
    if (now.getTime() >= run.dueAt.getTime()) continue;
    let latest: TDueReminder | null = null;
    for (const percent of percents) {
      const remindAt = reminderMoment(run, percent);
      if (remindAt.getTime() > now.getTime()) break;
      latest = { clock: run.kind, clockStartedAt: run.startedAt, dueAt: run.dueAt, percent, remindAt };
    }
    if (latest) result.push(latest);
  }
  return result.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/**
 * One reminder of one clock instance: `reminder:<caseId>:<clock>:<clockStartedAt ISO>:<percent>`
 * (the notification service appends `:<userId>`). A new instance of a step clock (a second
 * return for rework) starts at another moment, so it gets its own reminders.
 */
export function reminderDedupeKey(
  caseId: string,
  reminder: Pick<TDueReminder, "clock" | "clockStartedAt" | "percent">,
) {
  return `reminder:${caseId}:${reminder.clock}:${reminder.clockStartedAt.toISOString()}:${reminder.percent}`;
}
