import { localDayOf } from "../time/local-day";

/**
 * Closing months (п.13 monthly analysis). A month ends at 00:00 of the next month's first day in
 * the municipality's zone (30 November 21:00 UTC is 1 December 00:00 in Moscow), and from then
 * on its figures no longer change. The scheduler closes every month that has ended since the
 * municipality's last closed one, oldest first; on its very first run it closes only the month
 * just ended, not the whole past. Months are "YYYY-MM", compared as strings.
 */

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthKey(value: string): boolean {
  return MONTH_PATTERN.test(value);
}

function parts(month: string): { y: number; m: number } {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new RangeError(`not a month: ${month}`);
  return { y: Number(match[1]), m: Number(match[2]) };
}

function format(y: number, m: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`;
}

export function addMonths(month: string, count: number): string {
  const { y, m } = parts(month);
  const index = y * 12 + (m - 1) + count;
  return format(Math.floor(index / 12), (index % 12) + 1);
}

/** The month `at` falls in, in `zone`. */
export function monthOfInstant(at: Date, zone: string): string {
  return localDayOf(at, zone).slice(0, 7);
}

/**
 * The months to close at `now`, oldest first: those after `lastClosed` and before the current
 * month in `zone`; with nothing closed yet, only the previous month. Nothing when the last
 * closed month is the previous one or later (a clock set back never reopens or repeats one).
 */
export function findMonthsToClose(params: { lastClosed: string | null; now: Date; timeZone: string }): string[] {
  const current = monthOfInstant(params.now, params.timeZone);
  const previous = addMonths(current, -1);
  const last = params.lastClosed;
  if (last === null || !isMonthKey(last)) return [previous];
  const months: string[] = [];
  for (let month = addMonths(last, 1); month < current; month = addMonths(month, 1)) months.push(month);
  return months;
}
