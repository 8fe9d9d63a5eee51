import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatLocalDateTime, parseLocalDateTime } from "./local-input";

const instant = (value: string, zone: string) => {
  const result = parseLocalDateTime(value, zone);
  return result.ok ? result.at.toISOString() : result.reason;
};

describe("reading a datetime-local value in the municipality's zone", () => {
  it("reads Moscow time as UTC+3 all year round (no daylight saving)", () => {
    expect(instant("2026-11-27T12:00", "Europe/Moscow")).toBe("2026-11-27T09:00:00.000Z");
    expect(instant("2026-07-01T00:30", "Europe/Moscow")).toBe("2026-06-30T21:30:00.000Z");
    expect(instant("2027-01-01T00:00", "Europe/Moscow")).toBe("2026-12-31T21:00:00.000Z");
  });

  it("reads the same wall-clock time differently in another zone", () => {
    expect(instant("2026-11-27T12:00", "Asia/Vladivostok")).toBe("2026-11-27T02:00:00.000Z");
    expect(instant("2026-11-27T12:00", "Europe/Kaliningrad")).toBe("2026-11-27T10:00:00.000Z");
  });

  it("follows daylight saving in Berlin: UTC+1 in winter, UTC+2 in summer", () => {
    expect(instant("2026-01-15T10:00", "Europe/Berlin")).toBe("2026-01-15T09:00:00.000Z");
    expect(instant("2026-07-15T10:00", "Europe/Berlin")).toBe("2026-07-15T08:00:00.000Z");
  });

  it("refuses a time skipped when Berlin's clocks go forward (29 March 2026, 02:00 → 03:00)", () => {
    expect(instant("2026-03-29T01:59", "Europe/Berlin")).toBe("2026-03-29T00:59:00.000Z");
    expect(instant("2026-03-29T02:30", "Europe/Berlin")).toBe("NONEXISTENT");
    expect(instant("2026-03-29T03:00", "Europe/Berlin")).toBe("2026-03-29T01:00:00.000Z");
  });

  it("takes the first of the two 02:30s when Berlin's clocks go back (25 October 2026)", () => {
    expect(instant("2026-10-25T02:30", "Europe/Berlin")).toBe("2026-10-25T00:30:00.000Z");
    expect(instant("2026-10-25T03:00", "Europe/Berlin")).toBe("2026-10-25T02:00:00.000Z");
    expect(instant("2026-10-25T01:59", "Europe/Berlin")).toBe("2026-10-24T23:59:00.000Z");
  });

  it("accepts seconds, which some browsers add", () => {
    expect(instant("2026-11-27T12:00:30", "Europe/Moscow")).toBe("2026-11-27T09:00:30.000Z");
  });

  it.each([
    "",
    "2026-11-27",
    "2026-11-27 12:00",
    "27.11.2026 12:00",
    "2026-02-29T10:00",
    "2026-04-31T10:00",
    "2026-13-01T10:00",
    "2026-11-27T24:00",
    "2026-11-27T12:60",
    "2026-11-27T12:00Z",
  ])("refuses %j as not a date and time", (value) => {
    expect(instant(value, "Europe/Moscow")).toBe("INVALID");
  });
});

describe("writing an instant as a datetime-local value", () => {
  it("shows the wall-clock time of the zone, to the minute", () => {
    expect(formatLocalDateTime(new Date("2026-11-27T20:05:42Z"), "Europe/Moscow")).toBe("2026-11-27T23:05");
    expect(formatLocalDateTime(new Date("2026-12-31T21:00:00Z"), "Europe/Moscow")).toBe("2027-01-01T00:00");
    expect(formatLocalDateTime(new Date("2026-07-15T08:00:00Z"), "Europe/Berlin")).toBe("2026-07-15T10:00");
    expect(formatLocalDateTime(new Date("2026-11-27T00:00:00Z"), "Europe/Berlin")).toBe("2026-11-27T01:00");
  });

  const minutes = fc
    .integer({ min: Date.UTC(2020, 0, 1) / 60_000, max: Date.UTC(2035, 0, 1) / 60_000 })
    .map((m) => new Date(m * 60_000));

  it("reads back every minute it writes in Moscow", () => {
    fc.assert(
      fc.property(minutes, (at) => {
        expect(parseLocalDateTime(formatLocalDateTime(at, "Europe/Moscow"), "Europe/Moscow")).toEqual({ ok: true, at });
      }),
    );
  });

  it("in Berlin reads back the same wall-clock time, the first one when it happened twice", () => {
    fc.assert(
      fc.property(minutes, (at) => {
        const shown = formatLocalDateTime(at, "Europe/Berlin");
        const read = parseLocalDateTime(shown, "Europe/Berlin");
        if (!read.ok) throw new Error(`${shown} could not be read back`);
        expect(formatLocalDateTime(read.at, "Europe/Berlin")).toBe(shown);
        expect(read.at.getTime()).toBeLessThanOrEqual(at.getTime());
        expect(at.getTime() - read.at.getTime()).toBeLessThanOrEqual(3600_000);
      }),
    );
  });
});
