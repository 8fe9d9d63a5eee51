/**
 * The value of an `<input type="datetime-local">` ("2026-11-27T14:05") read as wall-clock time
 * in the municipality's zone, not in the browser's: a coordinator in Kaliningrad registering a
 * Moscow district's publication types Moscow time, and the clocks of the regulation start there.
 */

import { zoneOffsetMinutes } from "./zone";

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

export type TLocalInputResult =
  | { ok: true; at: Date }
  /** INVALID: not a date and time of the calendar; NONEXISTENT: skipped by a clock change. */
  | { ok: false; reason: "INVALID" | "NONEXISTENT" };

/**
 * The instant shown as `value` on the clocks of `timeZone`.
 *
 * When clocks go back, a wall-clock time happens twice; the first occurrence is taken, the
 * earlier deadline being the safe reading. When clocks go forward, a time that never happened
 * is refused (NONEXISTENT) instead of being silently moved by an hour.
 */
export function parseLocalDateTime(value: string, timeZone: string): TLocalInputResult {
  const match = LOCAL_INPUT.exec(value.trim());
  if (!match) return { ok: false, reason: "INVALID" };
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, reason: "INVALID" };
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wallClock);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return { ok: false, reason: "INVALID" };
  }
  // The zone's offsets half a day either side cover any daylight-saving change near this time;
  // a candidate is right when the zone's offset at the resulting instant is the one assumed.
  const offsets = new Set(
    [wallClock - 12 * 3600_000, wallClock + 12 * 3600_000].map((guess) => zoneOffsetMinutes(new Date(guess), timeZone)),
  );
  const matches = [...offsets]
    .map((offset) => wallClock - offset * 60_000)
    .filter((instant) => zoneOffsetMinutes(new Date(instant), timeZone) * 60_000 === wallClock - instant)
    .sort((a, b) => a - b);
  const first = matches[0];
  return first === undefined ? { ok: false, reason: "NONEXISTENT" } : { ok: true, at: new Date(first) };
}

/** `at` as an `<input type="datetime-local">` value on the clocks of `timeZone`, to the minute. */
export function formatLocalDateTime(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}
