import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths, findMonthsToClose, monthOfInstant } from "./months";

const MSK = "Europe/Moscow";

describe("months ending in the municipality's zone", () => {
  it("November ends at midnight Moscow time, 21:00 UTC on 30 November", () => {
    expect(monthOfInstant(new Date("2026-11-30T20:59:59.999Z"), MSK)).toBe("2026-11");
    expect(monthOfInstant(new Date("2026-11-30T21:00:00Z"), MSK)).toBe("2026-12");
    // Kamchatka (UTC+12) is already in December at noon UTC; Kaliningrad (UTC+2) two hours later than Moscow.
    expect(monthOfInstant(new Date("2026-11-30T12:00:00Z"), "Asia/Kamchatka")).toBe("2026-12");
    expect(monthOfInstant(new Date("2026-11-30T21:30:00Z"), "Europe/Kaliningrad")).toBe("2026-11");
  });

  it("the first run closes only the month just ended", () => {
    const now = new Date("2026-12-15T09:00:00Z");
    expect(findMonthsToClose({ lastClosed: null, now, timeZone: MSK })).toEqual(["2026-11"]);
  });

  it("closes every month ended since the last one closed, oldest first, across a year", () => {
    const now = new Date("2027-02-01T00:00:00Z"); // 03:00 on 1 February in Moscow
    expect(findMonthsToClose({ lastClosed: "2026-10", now, timeZone: MSK })).toEqual(["2026-11", "2026-12", "2027-01"]);
    expect(findMonthsToClose({ lastClosed: "2027-01", now, timeZone: MSK })).toEqual([]);
  });

  it("does nothing twice, and nothing when the clock is set back", () => {
    const before = new Date("2026-11-30T20:59:00Z");
    const after = new Date("2026-11-30T21:00:00Z");
    expect(findMonthsToClose({ lastClosed: "2026-10", now: before, timeZone: MSK })).toEqual([]);
    expect(findMonthsToClose({ lastClosed: "2026-10", now: after, timeZone: MSK })).toEqual(["2026-11"]);
    expect(findMonthsToClose({ lastClosed: "2026-12", now: after, timeZone: MSK })).toEqual([]);
  });

  it("month arithmetic crosses years both ways", () => {
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2027-01", -1)).toBe("2026-12");
    expect(addMonths("2026-03", -15)).toBe("2024-12");
  });

  it("closing what is found leaves nothing to close at the same moment (property)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2035-01-01T00:00:00Z"), noInvalidDate: true }),
        fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
        fc.constantFrom(MSK, "Europe/Kaliningrad", "Asia/Kamchatka", "Europe/Berlin"),
        (now, monthsBack, timeZone) => {
          const current = monthOfInstant(now, timeZone);
          const lastClosed = monthsBack === null ? null : addMonths(current, -1 - monthsBack);
          const months = findMonthsToClose({ lastClosed, now, timeZone });
          expect(months.length).toBe(monthsBack === null ? 1 : monthsBack);
          months.forEach((m, i) => {
            expect(m < current).toBe(true);
            if (i > 0) expect(m).toBe(addMonths(months[i - 1] as string, 1));
          });
          const last = months.at(-1) ?? lastClosed;
          expect(findMonthsToClose({ lastClosed: last, now, timeZone })).toEqual([]);
        },
      ),
    );
  });
});
