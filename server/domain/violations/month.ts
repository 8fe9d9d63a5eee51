import { localDayOf, startOfLocalDay } from "../time/local-day";

/**
 * Calendar months ("2026-03", as a month input gives them) in a municipality's zone. The register
 * puts a violation in the month its deadline passed (`dueAt`, which is also its `detectedAt`):
 * the month is [00:00 of its 1st day, 00:00 of the next month's 1st day) local time, the end
 * exclusive so that nothing due in the last second of a month falls between two months.
 */

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The earliest and latest years the register accepts: anything else is a typo, not a filter. */
export const MONTH_YEAR_RANGE = { min: 2000, max: 2100 } as const;

export function isMonth(value: string): boolean {
  const match = MONTH_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  return year >= MONTH_YEAR_RANGE.min && year <= MONTH_YEAR_RANGE.max;
}

/** The month after `month`: "2026-12" → "2027-01". */
export function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** The instants of a local month: `start` inclusive, `end` exclusive; null for a value that is not a month. */
export function monthRange(month: string, zone: string): { start: Date; end: Date } | null {
  if (!isMonth(month)) return null;
  const start = startOfLocalDay(`${month}-01`, zone);
  const end = startOfLocalDay(`${nextMonth(month)}-01`, zone);
  return start && end ? { start, end } : null;
}

/** The month an instant falls in, in `zone` ("2026-03"). */
export function monthOf(at: Date, zone: string): string {
  return localDayOf(at, zone).slice(0, 7);
}

const MONTH_NAMES = [
  "январь",
  "февраль",
  "март",
  "апрель",
  "май",
  "июнь",
  "июль",
  "август",
  "сентябрь",
  "октябрь",
  "ноябрь",
  "декабрь",
] as const;

/** "март 2026" for headings and file names; the value itself when it is not a month. */
export function formatMonth(month: string): string {
  if (!isMonth(month)) return month;
  const [y, m] = month.split("-").map(Number) as [number, number];
  return `${MONTH_NAMES[m - 1]} ${y}`;
}
