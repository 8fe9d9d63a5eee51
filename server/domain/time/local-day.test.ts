import { describe, expect, it } from "vitest";
import { isLocalDay, localDayOf, localDayRange, nextLocalDay, startOfLocalDay } from "./local-day";

describe("calendar days as a date input gives them", () => {
  it("knows which days exist", () => {
    expect(isLocalDay("2026-11-27")).toBe(true);
    expect(isLocalDay("2028-02-29")).toBe(true);
    expect(isLocalDay("2026-02-29")).toBe(false);
    expect(isLocalDay("2026-13-01")).toBe(false);
    expect(isLocalDay("27.11.2026")).toBe(false);
    expect(isLocalDay("2026-11-27T00:00")).toBe(false);
    expect(isLocalDay("")).toBe(false);
  });

  it("steps to the next day across months and years", () => {
    expect(nextLocalDay("2026-11-30")).toBe("2026-12-01");
    expect(nextLocalDay("2026-12-31")).toBe("2027-01-01");
    expect(nextLocalDay("2028-02-28")).toBe("2028-02-29");
    expect(nextLocalDay("2026-02-30")).toBeNull();
  });

  it("starts a day at 00:00 local time", () => {
    expect(startOfLocalDay("2026-11-27", "Europe/Moscow")?.toISOString()).toBe("2026-11-26T21:00:00.000Z");
    expect(startOfLocalDay("2027-01-01", "Asia/Vladivostok")?.toISOString()).toBe("2026-12-31T14:00:00.000Z");
    expect(startOfLocalDay("2026-11-27", "UTC")?.toISOString()).toBe("2026-11-27T00:00:00.000Z");
    expect(startOfLocalDay("2026-02-30", "Europe/Moscow")).toBeNull();
  });

  it("starts days right around a daylight-saving change", () => {
    // Berlin moves to summer time at 02:00 on 2026-03-29: that midnight is still UTC+1, the next UTC+2.
    expect(startOfLocalDay("2026-03-29", "Europe/Berlin")?.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfLocalDay("2026-03-30", "Europe/Berlin")?.toISOString()).toBe("2026-03-29T22:00:00.000Z");
  });

  it("tells the local day of an instant", () => {
    // 22:30 UTC is already the next day in Moscow.
    expect(localDayOf(new Date("2026-11-27T22:30:00Z"), "Europe/Moscow")).toBe("2026-11-28");
    expect(localDayOf(new Date("2026-11-27T20:59:59Z"), "Europe/Moscow")).toBe("2026-11-27");
  });
});

describe("a period of whole local days", () => {
  const zone = "Europe/Moscow";

  it("covers from 00:00 of the first day up to, not including, 00:00 after the last", () => {
    const { start, end } = localDayRange({ from: "2026-11-01", to: "2026-11-03" }, zone);
    expect(start?.toISOString()).toBe("2026-10-31T21:00:00.000Z");
    expect(end?.toISOString()).toBe("2026-11-03T21:00:00.000Z");
    // A publication received at 23:59:59.5 on the last day is inside the period.
    const lastMoment = new Date("2026-11-03T20:59:59.500Z");
    expect(lastMoment < end!).toBe(true);
  });

  it("is one whole day when both ends are the same day", () => {
    const { start, end } = localDayRange({ from: "2026-11-27", to: "2026-11-27" }, zone);
    expect(end!.getTime() - start!.getTime()).toBe(24 * 3600_000);
  });

  it("leaves a missing or invalid end open", () => {
    expect(localDayRange({ from: "2026-11-27" }, zone)).toEqual({
      start: new Date("2026-11-26T21:00:00.000Z"),
      end: null,
    });
    expect(localDayRange({ to: "2026-11-27" }, zone)).toEqual({
      start: null,
      end: new Date("2026-11-27T21:00:00.000Z"),
    });
    expect(localDayRange({ from: "вчера", to: "2026-02-31" }, zone)).toEqual({ start: null, end: null });
    expect(localDayRange({ from: null, to: "" }, zone)).toEqual({ start: null, end: null });
  });
});
