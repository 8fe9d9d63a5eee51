import { describe, expect, it } from "vitest";
import { formatMonth, isMonth, monthOf, monthRange, nextMonth } from "./month";

describe("months of the register", () => {
  it("accepts a month as a month input gives it, and nothing else", () => {
    expect(isMonth("2026-03")).toBe(true);
    expect(isMonth("2026-12")).toBe(true);
    expect(isMonth("2026-13")).toBe(false);
    expect(isMonth("2026-00")).toBe(false);
    expect(isMonth("2026-3")).toBe(false);
    expect(isMonth("03.2026")).toBe(false);
    expect(isMonth("2026-03-01")).toBe(false);
    expect(isMonth("1899-01")).toBe(false);
    expect(isMonth("")).toBe(false);
  });

  it("steps to the next month across a year", () => {
    expect(nextMonth("2026-11")).toBe("2026-12");
    expect(nextMonth("2026-12")).toBe("2027-01");
  });

  it("covers a month from 00:00 of its first day to 00:00 of the next month, local time", () => {
    expect(monthRange("2026-03", "Europe/Moscow")).toEqual({
      start: new Date("2026-02-28T21:00:00.000Z"),
      end: new Date("2026-03-31T21:00:00.000Z"),
    });
    expect(monthRange("2026-12", "Europe/Moscow")).toEqual({
      start: new Date("2026-11-30T21:00:00.000Z"),
      end: new Date("2026-12-31T21:00:00.000Z"),
    });
    expect(monthRange("2026-02", "Asia/Vladivostok")?.start.toISOString()).toBe("2026-01-31T14:00:00.000Z");
    expect(monthRange("2026-13", "Europe/Moscow")).toBeNull();
  });

  it("puts an instant in the month of its local day", () => {
    // 20:30 UTC is 23:30 in Moscow (UTC+3): still March there; half an hour later it is April.
    expect(monthOf(new Date("2026-03-31T20:30:00Z"), "Europe/Moscow")).toBe("2026-03");
    expect(monthOf(new Date("2026-03-31T21:00:00Z"), "Europe/Moscow")).toBe("2026-04");
    expect(monthOf(new Date("2026-03-31T21:00:00Z"), "UTC")).toBe("2026-03");
  });

  it("names a month in Russian", () => {
    expect(formatMonth("2026-03")).toBe("март 2026");
    expect(formatMonth("2027-01")).toBe("январь 2027");
  });
});
