import { describe, expect, it } from "vitest";
import { endOfLocalDay, formatDateTime, isValidTimeZone, RUSSIAN_TIME_ZONES, zoneOffsetMinutes } from "./zone";

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

describe("calendar days in a zone", () => {
  it("knows Moscow is UTC+3 and Kaliningrad UTC+2", () => {
    expect(zoneOffsetMinutes(new Date("2026-11-27T12:00:00Z"), "Europe/Moscow")).toBe(180);
    expect(zoneOffsetMinutes(new Date("2026-11-27T12:00:00Z"), "Europe/Kaliningrad")).toBe(120);
  });

  it("ends a day at 23:59:59 local time", () => {
    expect(endOfLocalDay("2026-12-31", "Europe/Moscow")?.toISOString()).toBe("2026-12-31T20:59:59.000Z");
    expect(endOfLocalDay("2026-12-31", "Asia/Vladivostok")?.toISOString()).toBe("2026-12-31T13:59:59.000Z");
  });

  it("handles a zone with daylight saving on its change day", () => {
    // Berlin leaves summer time on 2026-10-25: the evening is UTC+1.
    expect(endOfLocalDay("2026-10-25", "Europe/Berlin")?.toISOString()).toBe("2026-10-25T22:59:59.000Z");
  });

  it("refuses days that do not exist", () => {
    expect(endOfLocalDay("2026-02-30", "Europe/Moscow")).toBeNull();
    expect(endOfLocalDay("31.12.2026", "Europe/Moscow")).toBeNull();
  });
});
