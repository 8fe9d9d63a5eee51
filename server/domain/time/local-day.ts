import { zoneOffsetMinutes } from "./zone";

/**
 * Calendar days ("2026-11-27", as a date input gives them) in a municipality's zone. A period
 * "from 1 to 3 November" means whole local days: from 00:00 on the 1st up to, not including,
 * 00:00 on the 4th. The end is exclusive so that nothing received in the last second of a day
 * (23:59:59.5) falls between two periods.
 */

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Year, month (1–12) and day of a real calendar day; null for anything else. */
function parseLocalDay(day: string): { y: number; m: number; d: number } | null {
  const match = DAY_PATTERN.exec(day);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return { y, m, d };
}

/** True for "YYYY-MM-DD" naming a day that exists (not "2026-02-30"). */
export function isLocalDay(day: string): boolean {
  return parseLocalDay(day) !== null;
}

/** The day after `day`: "2026-12-31" → "2027-01-01"; null if `day` is not a day. */
export function nextLocalDay(day: string): string | null {
  const parts = parseLocalDay(day);
  if (!parts) return null;
  return new Date(Date.UTC(parts.y, parts.m - 1, parts.d + 1)).toISOString().slice(0, 10);
}

/**
 * 00:00 local time of a calendar day in `zone`, as a UTC instant; null if no such day. In the
 * rare zones that skip midnight at a daylight-saving change the result is the first instant
 * the offset allows, which is what "the start of that day" means there.
 */
export function startOfLocalDay(day: string, zone: string): Date | null {
  const parts = parseLocalDay(day);
  if (!parts) return null;
  const wallClock = Date.UTC(parts.y, parts.m - 1, parts.d);
  // The offset at the wall-clock guess is right except within hours of a DST change; a second
  // pass with the offset found corrects that (as endOfLocalDay in zone.ts does).
  const first = wallClock - zoneOffsetMinutes(new Date(wallClock), zone) * 60_000;
  return new Date(wallClock - zoneOffsetMinutes(new Date(first), zone) * 60_000);
}

/** The calendar day an instant falls on in `zone` ("2026-11-27"). */
export function localDayOf(at: Date, zone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    at,
  );
}

/**
 * The instants a period of whole local days covers: `start` inclusive (00:00 of `from`), `end`
 * exclusive (00:00 of the day after `to`). A missing or invalid end is left open (null).
 */
export function localDayRange(
  period: { from?: string | null; to?: string | null },
  zone: string,
): { start: Date | null; end: Date | null } {
  const start = period.from ? startOfLocalDay(period.from, zone) : null;
  const after = period.to ? nextLocalDay(period.to) : null;
  return { start, end: after ? startOfLocalDay(after, zone) : null };
}
