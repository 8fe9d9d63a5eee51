import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countByWeek, summarizeCompliance, weeksCompliance, weekStatus } from "./compliance";
import { isoWeekByKey, lastIsoWeeks } from "./iso-week";

const MSK = "Europe/Moscow";
const at = (iso: string) => new Date(iso);
// Friday 27 November 2026, 12:00 MSK: in 2026-W48.
const now = at("2026-11-27T09:00:00Z");

describe("a week's compliance with the minimum of routine posts", () => {
  const past = isoWeekByKey("2026-W47", MSK)!;
  const current = isoWeekByKey("2026-W48", MSK)!;
  const next = isoWeekByKey("2026-W49", MSK)!;

  it("is met or short once the week has ended", () => {
    expect(weekStatus(past, 2, 2, now)).toBe("MET");
    expect(weekStatus(past, 5, 2, now)).toBe("MET");
    expect(weekStatus(past, 1, 2, now)).toBe("SHORT");
    expect(weekStatus(past, 0, 2, now)).toBe("SHORT");
  });

  it("is in progress while the current week is still short, and met as soon as it is not", () => {
    expect(weekStatus(current, 1, 2, now)).toBe("IN_PROGRESS");
    expect(weekStatus(current, 2, 2, now)).toBe("MET");
    expect(weekStatus(next, 0, 2, now)).toBe("FUTURE");
  });

  it("turns short at Monday 00:00 local time, not at midnight UTC", () => {
    expect(weekStatus(current, 1, 2, at("2026-11-29T20:59:59Z"))).toBe("IN_PROGRESS");
    expect(weekStatus(current, 1, 2, at("2026-11-29T21:00:00Z"))).toBe("SHORT");
  });

  it("follows the municipality's minimum", () => {
    expect(weekStatus(past, 2, 3, now)).toBe("SHORT");
    expect(weekStatus(past, 0, 0, now)).toBe("MET");
  });
});

describe("counting posts into weeks", () => {
  const weeks = lastIsoWeeks(now, MSK, 3); // W46, W47, W48

  it("puts Sunday 23:30 and Monday 00:30 Moscow time into different weeks", () => {
    const counts = countByWeek(weeks, [
      at("2026-11-22T20:30:00Z"), // Sunday 22 Nov, 23:30 MSK: W47
      at("2026-11-22T21:30:00Z"), // Monday 23 Nov, 00:30 MSK: W48
      at("2026-11-10T09:00:00Z"), // W46
      at("2026-10-01T09:00:00Z"), // before the period: ignored
    ]);
    expect(counts).toEqual([1, 1, 1]);
  });

  it("gives each week its count and status, the current one marked", () => {
    const cells = weeksCompliance(
      weeks,
      [at("2026-11-10T09:00:00Z"), at("2026-11-11T09:00:00Z"), at("2026-11-17T09:00:00Z"), at("2026-11-24T09:00:00Z")],
      2,
      now,
    );
    expect(cells).toEqual([
      { key: "2026-W46", count: 2, status: "MET", current: false },
      { key: "2026-W47", count: 1, status: "SHORT", current: false },
      { key: "2026-W48", count: 1, status: "IN_PROGRESS", current: true },
    ]);
    expect(summarizeCompliance(cells)).toEqual({ endedWeeks: 2, weeksMet: 1, posts: 4, share: 0.5 });
  });

  it("judges no week when none has ended", () => {
    const cells = weeksCompliance([weeks[2]!], [at("2026-11-24T09:00:00Z"), at("2026-11-25T09:00:00Z")], 2, now);
    expect(cells[0]?.status).toBe("MET");
    expect(summarizeCompliance(cells)).toEqual({ endedWeeks: 0, weeksMet: 0, posts: 2, share: null });
  });

  it("counts every post inside the weeks exactly once (property)", () => {
    const span = { min: weeks[0]!.start.getTime() - 86_400_000, max: weeks[2]!.end.getTime() + 86_400_000 };
    fc.assert(
      fc.property(
        fc.array(
          fc.integer(span).map((ms) => new Date(ms)),
          { maxLength: 40 },
        ),
        (instants) => {
          const counts = countByWeek(weeks, instants);
          const inside = instants.filter((t) => t >= weeks[0]!.start && t < weeks[2]!.end).length;
          expect(counts.reduce((a, b) => a + b, 0)).toBe(inside);
        },
      ),
    );
  });
});
