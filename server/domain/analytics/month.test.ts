import { describe, expect, it } from "vitest";
import {
  evaluationMoment,
  monthBounds,
  monthOfInstant,
  monthsEnding,
  phaseOfMonth,
  previousMonth,
  sameMonthYearAgo,
  weeksOfMonth,
} from "./month";

const MSK = "Europe/Moscow";

describe("months of the analysis in the municipality's zone", () => {
  it("runs from 00:00 local on the 1st to 00:00 local on the next month's 1st", () => {
    expect(monthBounds("2026-03", MSK)).toEqual({
      month: "2026-03",
      from: new Date("2026-02-28T21:00:00.000Z"),
      to: new Date("2026-03-31T21:00:00.000Z"),
    });
    expect(monthBounds("2026-12", "Asia/Vladivostok")).toEqual({
      month: "2026-12",
      from: new Date("2026-11-30T14:00:00.000Z"),
      to: new Date("2026-12-31T14:00:00.000Z"),
    });
  });

  it("puts 23:30 on the last day in the month and 00:30 on the 1st in the next", () => {
    const { to } = monthBounds("2026-03", MSK);
    const lateOnThe31st = new Date("2026-03-31T20:30:00.000Z"); // 23:30 MSK
    const earlyOnThe1st = new Date("2026-03-31T21:30:00.000Z"); // 00:30 MSK, 1 April
    expect(lateOnThe31st < to).toBe(true);
    expect(earlyOnThe1st >= to).toBe(true);
    expect(monthOfInstant(lateOnThe31st, MSK)).toBe("2026-03");
    expect(monthOfInstant(earlyOnThe1st, MSK)).toBe("2026-04");
  });

  it("has bounds for the months a report derives from its own, in any year", () => {
    expect(monthBounds("1999-12", MSK).to).toEqual(new Date("1999-12-31T21:00:00.000Z"));
    expect(monthsEnding("2000-02", 3)).toEqual(["1999-12", "2000-01", "2000-02"]);
  });

  it("refuses what is not a month", () => {
    expect(() => monthBounds("2026-13", MSK)).toThrow(RangeError);
    expect(() => monthBounds("март", MSK)).toThrow(RangeError);
  });

  it("steps back a month, a year, and lists the twelve months ending at one", () => {
    expect(previousMonth("2026-01")).toBe("2025-12");
    expect(previousMonth("2026-03")).toBe("2026-02");
    expect(sameMonthYearAgo("2026-03")).toBe("2025-03");
    const year = monthsEnding("2026-02", 12);
    expect(year).toHaveLength(12);
    expect(year[0]).toBe("2025-03");
    expect(year[11]).toBe("2026-02");
    expect(monthsEnding("2026-02", 3)).toEqual(["2025-12", "2026-01", "2026-02"]);
  });

  it("tells a past, the current and a future month, and judges a month at its end or now", () => {
    const running = new Date("2026-03-31T20:59:59.000Z");
    expect(phaseOfMonth("2026-03", MSK, running)).toBe("CURRENT");
    expect(phaseOfMonth("2026-03", MSK, new Date("2026-03-31T21:00:00.000Z"))).toBe("PAST");
    expect(phaseOfMonth("2026-03", MSK, new Date("2026-02-28T20:59:00.000Z"))).toBe("FUTURE");
    const bounds = monthBounds("2026-03", MSK);
    expect(evaluationMoment(bounds, running)).toEqual(running);
    expect(evaluationMoment(bounds, new Date("2026-05-01T00:00:00Z"))).toEqual(bounds.to);
  });
});

describe("weeks of routine posting judged in a month", () => {
  it("takes the weeks whose Sunday is in the month, once they have ended", () => {
    // Sundays of March 2026: 1, 8, 15, 22 and 29. The week of Monday 23 February ends on 1 March.
    const atEnd = weeksOfMonth("2026-03", MSK, new Date("2026-03-31T21:00:00.000Z"));
    expect(atEnd.map((w) => w.monday)).toEqual(["2026-02-23", "2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"]);
    expect(atEnd[0]).toEqual({
      monday: "2026-02-23",
      start: new Date("2026-02-22T21:00:00.000Z"),
      end: new Date("2026-03-01T21:00:00.000Z"),
    });
    // The week of Monday 30 March ends on Sunday 5 April: it is April's, judged once it is over.
    expect(weeksOfMonth("2026-04", MSK, new Date("2026-04-05T21:00:00.000Z")).map((w) => w.monday)).toEqual([
      "2026-03-30",
    ]);
    expect(weeksOfMonth("2026-04", MSK, new Date("2026-06-01T00:00:00Z")).map((w) => w.monday)).toEqual([
      "2026-03-30",
      "2026-04-06",
      "2026-04-13",
      "2026-04-20",
    ]);
  });

  it("judges only the weeks over by now while the month runs", () => {
    // Thursday 12 March: the weeks ending 1 and 8 March are over.
    expect(weeksOfMonth("2026-03", MSK, new Date("2026-03-12T12:00:00Z")).map((w) => w.monday)).toEqual([
      "2026-02-23",
      "2026-03-02",
    ]);
    // Sunday 1 March, 23:59 MSK: not yet.
    expect(weeksOfMonth("2026-03", MSK, new Date("2026-03-01T20:59:00Z"))).toEqual([]);
  });

  it("keeps weeks adjacent across a daylight-saving change", () => {
    const weeks = weeksOfMonth("2026-03", "Europe/Berlin", new Date("2026-05-01T00:00:00Z"));
    const across = weeks.find((w) => w.monday === "2026-03-23");
    expect(across && (across.end.getTime() - across.start.getTime()) / 3600_000).toBe(167);
    for (let i = 1; i < weeks.length; i += 1) expect(weeks[i]?.start).toEqual(weeks[i - 1]?.end);
  });
});
