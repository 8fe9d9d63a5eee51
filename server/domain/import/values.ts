import { parseLocalDateTime } from "../time/local-input";

/**
 * Cell values of the curator's exports. Dates come as Russian people write them
 * ("28.11.2026 14:05"), as ISO 8601 ("2026-11-28T14:05:00+03:00"), or — from XLSX date cells —
 * as a zone-less "2026-11-28T14:05:00" made by the file reader. A time without an offset is the
 * municipality's wall clock.
 */

export type TDateReading =
  | { ok: true; at: Date }
  /** INVALID: not a date; NONEXISTENT: skipped by a clock change; DATE_ONLY: the time is missing. */
  | { ok: false; reason: "INVALID" | "NONEXISTENT" | "DATE_ONLY" };

const RUSSIAN = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:\s*г\.?)?(?:(?:\s*,\s*|\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/u;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/u;

/** Years outside this range are typing mistakes, not publications. */
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * An instant from a cell. `allowDateOnly`: a date without a time means the start of that day
 * (acceptable for the publication date, not for the receipt time that starts the clocks).
 */
export function parseImportDateTime(
  raw: string,
  timeZone: string,
  options: { allowDateOnly?: boolean } = {},
): TDateReading {
  const value = raw.trim().replace(/\u00a0/g, " ");
  let parts: { year: number; month: number; day: number; time: [number, number, number] | null; offset?: string };
  const russian = RUSSIAN.exec(value);
  const iso = russian ? null : ISO.exec(value);
  if (russian) {
    const [, d, m, y, hh, mm, ss] = russian;
    const year = Number(y);
    parts = {
      year: y?.length === 2 ? 2000 + year : year,
      month: Number(m),
      day: Number(d),
      time: hh === undefined ? null : [Number(hh), Number(mm), Number(ss ?? 0)],
    };
  } else if (iso) {
    const [, y, m, d, hh, mm, ss, offset] = iso;
    parts = {
      year: Number(y),
      month: Number(m),
      day: Number(d),
      time: hh === undefined ? null : [Number(hh), Number(mm), Number(ss ?? 0)],
      ...(offset ? { offset } : {}),
    };
  } else {
    return { ok: false, reason: "INVALID" };
  }
  return readParts(parts, timeZone, options.allowDateOnly ?? false);
}

function readParts(
  parts: { year: number; month: number; day: number; time: [number, number, number] | null; offset?: string },
  timeZone: string,
  allowDateOnly: boolean,
): TDateReading {
  const { year, month, day } = parts;
  if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, reason: "INVALID" };
  if (!parts.time && !allowDateOnly) {
    // Still refuse an impossible date as such, not as a missing time.
    return isCalendarDate(year, month, day) ? { ok: false, reason: "DATE_ONLY" } : { ok: false, reason: "INVALID" };
  }
  const [hour, minute, second] = parts.time ?? [0, 0, 0];
  const local = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
  if (parts.offset === undefined) return parseLocalDateTime(local, timeZone);

  // An explicit offset names the instant itself; the wall-clock checks still apply.
  const check = parseLocalDateTime(local, "UTC");
  if (!check.ok) return { ok: false, reason: "INVALID" };
  const offsetMinutes = parseOffset(parts.offset);
  if (offsetMinutes === null) return { ok: false, reason: "INVALID" };
  return { ok: true, at: new Date(check.at.getTime() - offsetMinutes * 60_000) };
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function parseOffset(offset: string): number | null {
  if (offset === "Z" || offset === "z") return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset);
  if (!match) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? 0);
  if (hours > 14 || minutes > 59) return null;
  return (match[1] === "-" ? -1 : 1) * (hours * 60 + minutes);
}

const TRUE_WORDS = new Set(["да", "д", "yes", "y", "true", "1", "+", "истина", "x", "х", "✓", "✔", "значимая"]);
const FALSE_WORDS = new Set(["нет", "н", "no", "n", "false", "0", "-", "—", "ложь", "не значимая", "незначимая"]);

/** да/нет, 1/0, true/false (and the like); an empty cell is "no"; anything else is not read. */
export function parseImportBoolean(raw: string): boolean | null {
  const value = raw.trim().toLowerCase().replace(/ё/g, "е");
  if (value === "") return false;
  if (TRUE_WORDS.has(value)) return true;
  if (FALSE_WORDS.has(value)) return false;
  return null;
}
