import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseImportBoolean, parseImportDateTime } from "./values";

const MSK = "Europe/Moscow";
const read = (value: string, options: { allowDateOnly?: boolean } = {}, zone = MSK) => {
  const r = parseImportDateTime(value, zone, options);
  return r.ok ? r.at.toISOString() : r.reason;
};

describe("reading dates of the curator's export", () => {
  it("reads Russian dates as Moscow wall-clock time", () => {
    expect(read("28.11.2026 14:05")).toBe("2026-11-28T11:05:00.000Z");
    expect(read("28.11.2026 14:05:33")).toBe("2026-11-28T11:05:33.000Z");
    expect(read("1.2.2026 9:05")).toBe("2026-02-01T06:05:00.000Z");
    expect(read("28.11.2026, 14:05")).toBe("2026-11-28T11:05:00.000Z");
    expect(read("  28.11.26 14:05  ")).toBe("2026-11-28T11:05:00.000Z");
    expect(read("28.11.2026\u00a014:05")).toBe("2026-11-28T11:05:00.000Z");
  });

  it("reads ISO 8601: with an offset as that instant, without one in the municipality's zone", () => {
    expect(read("2026-11-28T14:05:00+03:00")).toBe("2026-11-28T11:05:00.000Z");
    expect(read("2026-11-28T14:05:00Z")).toBe("2026-11-28T14:05:00.000Z");
    expect(read("2026-11-28T14:05:00.123+0500")).toBe("2026-11-28T09:05:00.000Z");
    expect(read("2026-11-28 14:05")).toBe("2026-11-28T11:05:00.000Z");
    expect(read("2026-11-28T14:05:07")).toBe("2026-11-28T11:05:07.000Z");
  });

  it("reads the same wall-clock time in the municipality's own zone", () => {
    expect(read("28.11.2026 14:05", {}, "Asia/Vladivostok")).toBe("2026-11-28T04:05:00.000Z");
  });

  it("wants a time for the receipt, allows a bare date for the publication", () => {
    expect(read("28.11.2026")).toBe("DATE_ONLY");
    expect(read("2026-11-28")).toBe("DATE_ONLY");
    expect(read("28.11.2026", { allowDateOnly: true })).toBe("2026-11-27T21:00:00.000Z");
  });

  it("refuses impossible dates and times", () => {
    for (const value of [
      "32.13.2026",
      "31.11.2026 10:00",
      "29.02.2026 10:00",
      "28.11.2026 24:00",
      "28.11.2026 14:60",
      "2026-13-01T10:00",
      "28.11.1926 14:05",
      "2026-11-28T14:05+25:00",
      "вчера",
      "46354.58",
      "",
    ]) {
      expect(read(value), value).toBe("INVALID");
    }
    expect(read("29.02.2028 10:00")).toBe("2028-02-29T07:00:00.000Z");
  });

  it("refuses a wall-clock time skipped by a clock change", () => {
    expect(read("29.03.2026 02:30", {}, "Europe/Berlin")).toBe("NONEXISTENT");
  });

  // Moscow has kept UTC+3 all year since 2014.
  it("never throws, and reads back a Moscow time it was given to the second", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const r = parseImportDateTime(value, MSK);
        if (r.ok) expect(Number.isNaN(r.at.getTime())).toBe(false);
      }),
    );
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2015-01-01T00:00:00Z"), max: new Date("2099-12-30T00:00:00Z"), noInvalidDate: true }),
        (at) => {
          const wall = new Date(at.getTime() + 3 * 3600_000);
          const p = (n: number) => String(n).padStart(2, "0");
          const text = `${p(wall.getUTCDate())}.${p(wall.getUTCMonth() + 1)}.${wall.getUTCFullYear()} ${p(wall.getUTCHours())}:${p(wall.getUTCMinutes())}:${p(wall.getUTCSeconds())}`;
          const r = parseImportDateTime(text, MSK);
          expect(r.ok && r.at.getTime()).toBe(Math.floor(at.getTime() / 1000) * 1000);
        },
      ),
    );
  });
});

describe("reading yes/no cells", () => {
  it.each([
    ["да", true],
    ["Да", true],
    ["1", true],
    ["true", true],
    ["TRUE", true],
    ["нет", false],
    ["0", false],
    ["false", false],
    ["", false],
    ["  ", false],
  ])("%s → %s", (value, expected) => {
    expect(parseImportBoolean(value)).toBe(expected);
  });

  it("does not guess at anything else", () => {
    expect(parseImportBoolean("может быть")).toBeNull();
    expect(parseImportBoolean("2")).toBeNull();
  });
});
