import { addMonths } from "../scheduler/months";
import { startOfLocalDay } from "../time/local-day";
import { isMonth, monthOf } from "../violations/month";
import type { TMonthKey } from "./types";

/**
 * Months of the analysis in a municipality's zone. A month is [00:00 local of its 1st day,
 * 00:00 local of the next month's 1st day): in Moscow, March 2026 is [28 Feb 21:00 UTC,
 * 31 Mar 21:00 UTC), so a publication at 23:30 on 31 March (20:30 UTC) is March's and one at
 * 00:30 on 1 April (21:30 UTC on 31 March) is April's. Keys are "YYYY-MM", years 2000–2100.
 */

const DAY_MS = 24 * 3600_000;

export interface TMonthBounds {
  month: TMonthKey;
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
}

export { isMonth };

const MONTH_KEY = /^\d{4}-(0[1-9]|1[0-2])$/;

/** "YYYY-MM" of any year. What people may ask for is `isMonth` (years 2000–2100). */
export function isMonthKey(value: string): boolean {
  return MONTH_KEY.test(value);
}

/**
 * The bounds of `month` in `zone`; throws for something that is not "YYYY-MM" (input is
 * validated with isMonth first; months derived from it — a year before, the trend — may fall
 * outside isMonth's years and still have bounds).
 */
export function monthBounds(month: TMonthKey, zone: string): TMonthBounds {
  if (!isMonthKey(month)) throw new RangeError(`not a month: ${month}`);
  const from = startOfLocalDay(`${month}-01`, zone);
  const to = startOfLocalDay(`${addMonths(month, 1)}-01`, zone);
  if (!from || !to) throw new RangeError(`not a month: ${month}`);
  return { month, from, to };
}

export function previousMonth(month: TMonthKey): TMonthKey {
  return addMonths(month, -1);
}

/** The same month a year before: "2026-03" → "2025-03". */
export function sameMonthYearAgo(month: TMonthKey): TMonthKey {
  return addMonths(month, -12);
}

/** The `count` months ending at `month`, oldest first: monthsEnding("2026-02", 3) → 2025-12, 2026-01, 2026-02. */
export function monthsEnding(month: TMonthKey, count: number): TMonthKey[] {
  return Array.from({ length: count }, (_, i) => addMonths(month, i - count + 1));
}

/** The month `at` falls in, in `zone`. */
export function monthOfInstant(at: Date, zone: string): TMonthKey {
  return monthOf(at, zone);
}

export type TMonthPhase = "PAST" | "CURRENT" | "FUTURE";

/** Whether `month` has ended, is running or has not begun at `now` in `zone`. */
export function phaseOfMonth(month: TMonthKey, zone: string, now: Date): TMonthPhase {
  const { from, to } = monthBounds(month, zone);
  if (now.getTime() < from.getTime()) return "FUTURE";
  return now.getTime() < to.getTime() ? "CURRENT" : "PAST";
}

/**
 * The moment a month is judged at: its end once it has ended, `now` while it runs. Everything
 * "by the end of the month" (open cases, clocks run out, answers due) is evaluated there, so a
 * closed month's figures depend only on what happened before its end.
 */
export function evaluationMoment(bounds: Pick<TMonthBounds, "to">, now: Date): Date {
  return now.getTime() < bounds.to.getTime() ? now : bounds.to;
}

export interface TWeek {
  /** Local calendar day of the Monday ("2026-03-02"). */
  monday: string;
  /** Monday 00:00 local, inclusive. */
  start: Date;
  /** The next Monday 00:00 local, exclusive. */
  end: Date;
}

/**
 * The ISO weeks (Monday 00:00 to the next Monday 00:00, local time) a month judges routine
 * posting on: those whose Sunday lies in the month, i.e. that end within it. Each week thus
 * belongs to exactly one month, and by the month's end every one of its weeks is over, so the
 * snapshot taken when the month closes holds them all and no later recomputation adds one (a
 * week straddling two months, 23 February – 1 March 2026, is March's). While the month runs,
 * only the weeks that have ended by `now` are judged: the running week never counts as short
 * before its Sunday is over.
 */
export function weeksOfMonth(month: TMonthKey, zone: string, now: Date): TWeek[] {
  if (!isMonthKey(month)) throw new RangeError(`not a month: ${month}`);
  const [y, m] = month.split("-").map(Number) as [number, number];
  const weeks: TWeek[] = [];
  for (let day = 1; day <= 31; day += 1) {
    const sunday = new Date(Date.UTC(y, m - 1, day));
    if (sunday.getUTCMonth() !== m - 1) break;
    if (sunday.getUTCDay() !== 0) continue;
    const monday = new Date(sunday.getTime() - 6 * DAY_MS).toISOString().slice(0, 10);
    const nextMonday = new Date(sunday.getTime() + DAY_MS).toISOString().slice(0, 10);
    const start = startOfLocalDay(monday, zone) as Date;
    const end = startOfLocalDay(nextMonday, zone) as Date;
    if (end.getTime() <= now.getTime()) weeks.push({ monday, start, end });
  }
  return weeks;
}
