import { describe, expect, it } from "vitest";
import { formatDateTime, isValidTimeZone, RUSSIAN_TIME_ZONES } from "./zone";

describe("time zones", () => {
  it("knows the zones of Russia and refuses made-up ones", () => {
    for (const zone of RUSSIAN_TIME_ZONES) expect(isValidTimeZone(zone)).toBe(true);
    expect(isValidTimeZone("Europe/Rostov")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
    expect(isValidTimeZone(" Europe/Moscow")).toBe(false);
  });

  it("shows a UTC instant in Moscow time (UTC+3, no daylight saving)", () => {
    expect(formatDateTime(new Date("2026-11-27T20:05:00Z"), "Europe/Moscow")).toBe("27.11.2026, 23:05");
    expect(formatDateTime(new Date("2026-07-01T21:30:00Z"), "Europe/Moscow")).toBe("02.07.2026, 00:30");
  });
});
