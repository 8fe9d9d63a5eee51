import { localDayOf, startOfLocalDay } from "../time/local-day";

/**
 * ISO 8601 weeks on a municipality's calendar (п.6: "at least twice a week"). A week runs from
 * Monday 00:00 to the next Monday 00:00 local time, the end exclusive, so a post at Sunday
 * 23:30 in Moscow (20:30 UTC) is in that week and one at Monday 00:30 (Sunday 21:30 UTC) in the
 * next. A week belongs to the ISO year of its Thursday: 2027-01-03 is in 2026-W53, 2026-12-28
 * starts it. The bounds come from `startOfLocalDay`, so a week that spans a daylight-saving
 * change is 167 or 169 hours long and still meets its neighbours exactly.
 */

export interface TIsoWeek {
  /** The ISO week-numbering year (that of the week's Thursday). */
  year: number;
  /** 1–53. */
  week: number;
  /** "2026-W53": sortable, and what dedupe keys and URLs use. */
  key: string;
  /** The local calendar day of the Monday ("2026-12-28"). */
  monday: string;
  /** The local calendar day of the Sunday ("2027-01-03"). */
  sunday: string;
  /** Monday 00:00 local, inclusive. */
  start: Date;
  /** The next Monday 00:00 local, exclusive. */
  end: Date;
}

const DAY_MS = 24 * 3600_000;
const KEY_PATTERN = /^(\d{4})-W(\d{2})$/;

/** A local calendar day as a UTC-midnight Date, for calendar arithmetic that ignores zones. */
function civil(day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

const dayString = (date: Date) => date.toISOString().slice(0, 10);

/** 1 for Monday … 7 for Sunday, of a UTC-midnight civil date. */
const isoWeekdayOfCivil = (date: Date) => ((date.getUTCDay() + 6) % 7) + 1;

function isoWeekOfCivil(date: Date): { year: number; week: number; monday: Date } {
  const weekday = isoWeekdayOfCivil(date);
  const monday = new Date(date.getTime() - (weekday - 1) * DAY_MS);
  const thursday = new Date(monday.getTime() + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return { year, week, monday };
}

export function isoWeekKey(year: number, week: number): string {
  return `${year}-W${String(week).padStart(2, "0")}`;
}

function weekFromMonday(monday: Date, year: number, week: number, timeZone: string): TIsoWeek {
  const mondayDay = dayString(monday);
  const nextMonday = dayString(new Date(monday.getTime() + 7 * DAY_MS));
  const start = startOfLocalDay(mondayDay, timeZone);
  const end = startOfLocalDay(nextMonday, timeZone);
  // Both are real days produced above; null would mean the calendar itself is broken.
  if (!start || !end) throw new Error(`No local midnight for ${mondayDay} in ${timeZone}`);
  return {
    year,
    week,
    key: isoWeekKey(year, week),
    monday: mondayDay,
    sunday: dayString(new Date(monday.getTime() + 6 * DAY_MS)),
    start,
    end,
  };
}

/** The ISO week an instant falls in on the clocks of `timeZone`. */
export function isoWeekOf(instant: Date, timeZone: string): TIsoWeek {
  const { year, week, monday } = isoWeekOfCivil(civil(localDayOf(instant, timeZone)));
  return weekFromMonday(monday, year, week, timeZone);
}

/** Number of ISO weeks in an ISO year: 53 when 28 December is in week 53 (2020, 2026, 2032), else 52. */
export function isoWeeksInYear(year: number): number {
  return isoWeekOfCivil(new Date(Date.UTC(year, 11, 28))).week;
}

/** The week a key such as "2026-W53" names; null for anything else, including "2027-W53". */
export function isoWeekByKey(key: string, timeZone: string): TIsoWeek | null {
  const match = KEY_PATTERN.exec(key);
  if (!match) return null;
  const [year, week] = [Number(match[1]), Number(match[2])];
  if (week < 1 || week > isoWeeksInYear(year)) return null;
  // 4 January is always in week 1.
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const firstMonday = new Date(jan4.getTime() - (isoWeekdayOfCivil(jan4) - 1) * DAY_MS);
  return weekFromMonday(new Date(firstMonday.getTime() + (week - 1) * 7 * DAY_MS), year, week, timeZone);
}

/** The week after (`+1`) or before (`-1`) `week`. */
export function shiftIsoWeek(week: TIsoWeek, by: number, timeZone: string): TIsoWeek {
  const monday = new Date(civil(week.monday).getTime() + by * 7 * DAY_MS);
  const { year, week: number } = isoWeekOfCivil(monday);
  return weekFromMonday(monday, year, number, timeZone);
}

/** The last `count` weeks, oldest first, the last one being the week of `now`. */
export function lastIsoWeeks(now: Date, timeZone: string, count: number): TIsoWeek[] {
  const n = Math.max(0, Math.floor(count));
  const current = isoWeekOf(now, timeZone);
  return Array.from({ length: n }, (_, i) => shiftIsoWeek(current, i - (n - 1), timeZone));
}

/**
 * The weeks that overlap [from, to), oldest first (a month's weeks for analytics: those that lie
 * wholly or partly in it). Empty when `to` is not after `from`.
 */
export function isoWeeksOverlapping(from: Date, to: Date, timeZone: string): TIsoWeek[] {
  const weeks: TIsoWeek[] = [];
  if (to.getTime() <= from.getTime()) return weeks;
  for (let week = isoWeekOf(from, timeZone); week.start.getTime() < to.getTime();) {
    weeks.push(week);
    week = shiftIsoWeek(week, 1, timeZone);
  }
  return weeks;
}

/** 1 for Monday … 7 for Sunday, on the clocks of `timeZone`. */
export function localIsoWeekday(instant: Date, timeZone: string): number {
  return isoWeekdayOfCivil(civil(localDayOf(instant, timeZone)));
}

/** Thursday, from which a week still short of routine posts is reminded about (п.6). */
export const ROUTINE_REMINDER_WEEKDAY = 4;

/** True from Thursday 00:00 to Sunday 23:59:59 local time. */
export function isThursdayOrLater(instant: Date, timeZone: string): boolean {
  return localIsoWeekday(instant, timeZone) >= ROUTINE_REMINDER_WEEKDAY;
}

/** "28.12–03.01" (short) or "28.12.2026–03.01.2027": the week's days as people write them. */
export function formatIsoWeekDays(week: Pick<TIsoWeek, "monday" | "sunday">, withYear = false): string {
  const format = (day: string) => {
    const [y, m, d] = day.split("-");
    return withYear ? `${d}.${m}.${y}` : `${d}.${m}`;
  };
  return `${format(week.monday)}–${format(week.sunday)}`;
}
