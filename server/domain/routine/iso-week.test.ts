import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localDayOf } from "../time/local-day";
import {
  formatIsoWeekDays,
  isoWeekByKey,
  isoWeekOf,
  isoWeeksInYear,
  isoWeeksOverlapping,
  isThursdayOrLater,
  lastIsoWeeks,
  localIsoWeekday,
  shiftIsoWeek,
} from "./iso-week";

const MSK = "Europe/Moscow";
const at = (iso: string) => new Date(iso);
const keyOf = (iso: string, zone = MSK) => isoWeekOf(at(iso), zone).key;

describe("ISO weeks across the turn of the year", () => {
  it("puts the last days of 2026 and the first of 2027 in 2026-W53, which starts on 28 December", () => {
    // 2026 starts on a Thursday, so it has 53 ISO weeks.
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(keyOf("2026-12-28T09:00:00Z")).toBe("2026-W53");
    expect(keyOf("2026-12-31T09:00:00Z")).toBe("2026-W53");
    expect(keyOf("2027-01-01T09:00:00Z")).toBe("2026-W53");
    expect(keyOf("2027-01-03T09:00:00Z")).toBe("2026-W53");
    expect(keyOf("2027-01-04T09:00:00Z")).toBe("2027-W01");
    const w53 = isoWeekOf(at("2027-01-01T09:00:00Z"), MSK);
    expect(w53).toEqual({
      year: 2026,
      week: 53,
      key: "2026-W53",
      monday: "2026-12-28",
      sunday: "2027-01-03",
      start: at("2026-12-27T21:00:00.000Z"),
      end: at("2027-01-03T21:00:00.000Z"),
    });
  });

  it("starts week 1 of 2026 on Monday 29 December 2025", () => {
    expect(keyOf("2025-12-29T09:00:00Z")).toBe("2026-W01");
    expect(keyOf("2025-12-28T09:00:00Z")).toBe("2025-W52");
    expect(isoWeekByKey("2026-W01", MSK)?.monday).toBe("2025-12-29");
  });

  it("knows which years have 53 weeks", () => {
    expect([2015, 2020, 2026, 2032].map(isoWeeksInYear)).toEqual([53, 53, 53, 53]);
    expect([2021, 2024, 2025, 2027, 2028].map(isoWeeksInYear)).toEqual([52, 52, 52, 52, 52]);
    expect(keyOf("2021-01-03T09:00:00Z")).toBe("2020-W53");
    // A year's last days may belong to the next year's week 1.
    expect(keyOf("2024-12-30T09:00:00Z")).toBe("2025-W01");
  });

  it("reads week keys back and refuses weeks that do not exist", () => {
    expect(isoWeekByKey("2026-W53", MSK)?.sunday).toBe("2027-01-03");
    expect(isoWeekByKey("2026-W48", MSK)).toEqual(isoWeekOf(at("2026-11-27T09:00:00Z"), MSK));
    expect(isoWeekByKey("2027-W53", MSK)).toBeNull();
    expect(isoWeekByKey("2026-W00", MSK)).toBeNull();
    expect(isoWeekByKey("2026-48", MSK)).toBeNull();
    expect(isoWeekByKey("", MSK)).toBeNull();
  });

  it("steps from 2026-W53 to 2027-W01 and back", () => {
    const w53 = isoWeekByKey("2026-W53", MSK)!;
    expect(shiftIsoWeek(w53, 1, MSK).key).toBe("2027-W01");
    expect(shiftIsoWeek(w53, -1, MSK).key).toBe("2026-W52");
    expect(shiftIsoWeek(isoWeekByKey("2027-W01", MSK)!, -1, MSK)).toEqual(w53);
  });
});

describe("weeks on the municipality's clocks, not UTC's", () => {
  it("keeps a post at Sunday 23:30 in Moscow in that week although UTC says 20:30", () => {
    // Sunday 3 January 2027, 23:30 MSK.
    expect(keyOf("2027-01-03T20:30:00Z")).toBe("2026-W53");
  });

  it("moves a post at Monday 00:30 in Moscow to the next week although UTC still says Sunday", () => {
    expect(keyOf("2027-01-03T21:30:00Z")).toBe("2027-W01");
    expect(keyOf("2027-01-03T21:30:00Z", "UTC")).toBe("2026-W53");
    // Ordinary weeks too: Monday 30 November 2026, 00:30 MSK.
    expect(keyOf("2026-11-29T21:30:00Z")).toBe("2026-W49");
    expect(keyOf("2026-11-29T20:59:59Z")).toBe("2026-W48");
  });

  it("judges the same instant by each zone's own Monday", () => {
    // 19:30 UTC on Sunday 3 January 2027: Monday 00:30 in Yekaterinburg (UTC+5), Sunday 22:30 in Moscow.
    expect(keyOf("2027-01-03T19:30:00Z", "Asia/Yekaterinburg")).toBe("2027-W01");
    expect(keyOf("2027-01-03T19:30:00Z", MSK)).toBe("2026-W53");
    // 21:30 UTC: Sunday 23:30 in Kaliningrad (UTC+2), already Monday in Moscow.
    expect(keyOf("2027-01-03T21:30:00Z", "Europe/Kaliningrad")).toBe("2026-W53");
    expect(keyOf("2027-01-03T21:30:00Z", MSK)).toBe("2027-W01");
    expect(isoWeekByKey("2027-W01", "Asia/Yekaterinburg")?.start).toEqual(at("2027-01-03T19:00:00Z"));
    expect(isoWeekByKey("2027-W01", "Europe/Kaliningrad")?.start).toEqual(at("2027-01-03T22:00:00Z"));
  });

  it("lets a week spanning a daylight-saving change be an hour shorter or longer", () => {
    const hours = (key: string) => {
      const w = isoWeekByKey(key, "Europe/Berlin")!;
      return (w.end.getTime() - w.start.getTime()) / 3600_000;
    };
    expect(hours("2026-W13")).toBe(167); // clocks forward on 29 March 2026
    expect(hours("2026-W43")).toBe(169); // clocks back on 25 October 2026
    expect(hours("2026-W20")).toBe(168);
  });
});

describe("the days of a week", () => {
  it("is told Monday to Sunday in the zone", () => {
    expect(localIsoWeekday(at("2026-11-23T09:00:00Z"), MSK)).toBe(1);
    expect(localIsoWeekday(at("2026-11-29T20:59:00Z"), MSK)).toBe(7);
    expect(localIsoWeekday(at("2026-11-29T21:00:00Z"), MSK)).toBe(1);
  });

  it("counts Thursday to Sunday as the time for reminders", () => {
    // Wednesday 25 November 2026, 23:59 MSK; then Thursday 00:00.
    expect(isThursdayOrLater(at("2026-11-25T20:59:00Z"), MSK)).toBe(false);
    expect(isThursdayOrLater(at("2026-11-25T21:00:00Z"), MSK)).toBe(true);
    expect(isThursdayOrLater(at("2026-11-29T20:59:00Z"), MSK)).toBe(true);
    expect(isThursdayOrLater(at("2026-11-29T21:00:00Z"), MSK)).toBe(false);
    // 20:00 UTC on Wednesday is already Thursday 01:00 in Yekaterinburg.
    expect(isThursdayOrLater(at("2026-11-25T20:00:00Z"), "Asia/Yekaterinburg")).toBe(true);
    expect(isThursdayOrLater(at("2026-11-25T20:00:00Z"), "Europe/Kaliningrad")).toBe(false);
  });

  it("is written the way people write dates", () => {
    const w53 = isoWeekByKey("2026-W53", MSK)!;
    expect(formatIsoWeekDays(w53)).toBe("28.12–03.01");
    expect(formatIsoWeekDays(w53, true)).toBe("28.12.2026–03.01.2027");
  });
});

describe("lists of weeks", () => {
  it("gives the last twelve weeks ending with the current one, across the new year", () => {
    const weeks = lastIsoWeeks(at("2027-01-06T09:00:00Z"), MSK, 12);
    expect(weeks.map((w) => w.key)).toEqual([
      "2026-W43",
      "2026-W44",
      "2026-W45",
      "2026-W46",
      "2026-W47",
      "2026-W48",
      "2026-W49",
      "2026-W50",
      "2026-W51",
      "2026-W52",
      "2026-W53",
      "2027-W01",
    ]);
    expect(lastIsoWeeks(at("2027-01-06T09:00:00Z"), MSK, 0)).toEqual([]);
  });

  it("gives the weeks a month touches", () => {
    // January 2027 in Moscow: from Friday the 1st (2026-W53) to Sunday the 31st (2027-W04).
    const weeks = isoWeeksOverlapping(at("2026-12-31T21:00:00Z"), at("2027-01-31T21:00:00Z"), MSK);
    expect(weeks.map((w) => w.key)).toEqual(["2026-W53", "2027-W01", "2027-W02", "2027-W03", "2027-W04"]);
    expect(isoWeeksOverlapping(at("2027-01-31T21:00:00Z"), at("2027-01-31T21:00:00Z"), MSK)).toEqual([]);
  });
});

const ZONES = [
  "Europe/Moscow",
  "Europe/Kaliningrad",
  "Asia/Yekaterinburg",
  "Asia/Vladivostok",
  "Europe/Berlin",
  "America/New_York",
  "Asia/Kathmandu",
  "UTC",
] as const;
const zones = fc.constantFrom(...ZONES);
const instants = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }).map((ms) => new Date(ms));

describe("every instant in exactly one week (properties)", () => {
  it("lies in [start, end) of its week, which starts on a local Monday at 00:00", () => {
    fc.assert(
      fc.property(instants, zones, (t, zone) => {
        const w = isoWeekOf(t, zone);
        expect(w.start.getTime()).toBeLessThanOrEqual(t.getTime());
        expect(t.getTime()).toBeLessThan(w.end.getTime());
        expect(localDayOf(w.start, zone)).toBe(w.monday);
        expect(localIsoWeekday(w.start, zone)).toBe(1);
        expect(localDayOf(new Date(w.end.getTime() - 1), zone)).toBe(w.sunday);
        // Between 6 and 8 days whatever the zone's clock changes.
        const days = (w.end.getTime() - w.start.getTime()) / 86_400_000;
        expect(days).toBeGreaterThan(6.9);
        expect(days).toBeLessThan(7.1);
      }),
    );
  });

  it("meets its neighbours exactly: no gap, no overlap", () => {
    fc.assert(
      fc.property(instants, zones, (t, zone) => {
        const w = isoWeekOf(t, zone);
        const next = isoWeekOf(w.end, zone);
        const previous = isoWeekOf(new Date(w.start.getTime() - 1), zone);
        expect(next.start).toEqual(w.end);
        expect(previous.end).toEqual(w.start);
        expect(next.key > w.key).toBe(true);
        expect(previous.key < w.key).toBe(true);
        expect(shiftIsoWeek(w, 1, zone)).toEqual(next);
        expect(shiftIsoWeek(w, -1, zone)).toEqual(previous);
        expect(isoWeekOf(new Date(w.end.getTime() - 1), zone).key).toBe(w.key);
        expect(isoWeekOf(w.start, zone).key).toBe(w.key);
      }),
    );
  });

  it("is found again from its key", () => {
    fc.assert(
      fc.property(instants, zones, (t, zone) => {
        const w = isoWeekOf(t, zone);
        expect(isoWeekByKey(w.key, zone)).toEqual(w);
        expect(w.week).toBeGreaterThanOrEqual(1);
        expect(w.week).toBeLessThanOrEqual(isoWeeksInYear(w.year));
      }),
    );
  });

  it("is exactly seven days long in Moscow, which has kept UTC+3 since 2014", () => {
    const recent = fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2060, 0, 1) }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(recent, (t) => {
        const w = isoWeekOf(t, MSK);
        expect(w.end.getTime() - w.start.getTime()).toBe(7 * 86_400_000);
      }),
    );
  });

  it("lists contiguous weeks, the last one holding now", () => {
    fc.assert(
      fc.property(instants, zones, fc.integer({ min: 1, max: 16 }), (now, zone, n) => {
        const weeks = lastIsoWeeks(now, zone, n);
        expect(weeks).toHaveLength(n);
        expect(weeks.at(-1)?.key).toBe(isoWeekOf(now, zone).key);
        for (let i = 1; i < weeks.length; i++) expect(weeks[i]?.start).toEqual(weeks[i - 1]?.end);
      }),
    );
  });

  it("covers a period with the weeks it overlaps and no more", () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 1, max: 90 * 86_400_000 }), zones, (from, length, zone) => {
        const to = new Date(from.getTime() + length);
        const weeks = isoWeeksOverlapping(from, to, zone);
        expect(weeks[0]?.key).toBe(isoWeekOf(from, zone).key);
        expect(weeks.at(-1)?.key).toBe(isoWeekOf(new Date(to.getTime() - 1), zone).key);
        for (let i = 1; i < weeks.length; i++) expect(weeks[i]?.start).toEqual(weeks[i - 1]?.end);
      }),
    );
  });
});
