import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptyMonthlyMetrics } from "./empty";
import {
  computeRating,
  DEFAULT_RATING_FORMULA,
  effectiveRatingFormula,
  speedPoints,
  ZRatingFormula,
  type TRatingFormula,
} from "./rating";
import type { TDepartmentMetrics, TMonthlyMetrics } from "./types";

function month(over: {
  share?: number | null;
  medianAnswer?: number | null;
  quality?: number | null;
  open?: number;
  overdue?: number;
  departments?: TDepartmentMetrics[];
}): TMonthlyMetrics {
  const m = emptyMonthlyMetrics({
    month: "2026-03",
    from: new Date("2026-02-28T21:00:00Z"),
    to: new Date("2026-03-31T21:00:00Z"),
    municipalityIds: ["m"],
    computedAt: new Date("2026-04-01T00:00:00Z"),
  });
  m.timeliness.answeredWithin24hShare = over.share ?? null;
  m.timeliness.timeToAnswer = { count: 1, medianMinutes: over.medianAnswer ?? null, p90Minutes: null };
  m.quality.approvedAtFirstShare = over.quality ?? null;
  m.monthEnd = { open: over.open ?? 0, overdue: over.overdue ?? 0 };
  m.departments = over.departments ?? [];
  return m;
}

function department(id: string, over: Partial<TDepartmentMetrics>): TDepartmentMetrics {
  return {
    departmentId: id,
    name: id,
    received: 0,
    answerDue: 0,
    answeredWithin24h: 0,
    answeredWithin24hShare: null,
    firstSubmissions: 0,
    approvedAtFirst: 0,
    approvedAtFirstShare: null,
    returns: 0,
    violations: 0,
    medianDraftMinutes: null,
    ...over,
  };
}

describe("the speed component", () => {
  const speed = DEFAULT_RATING_FORMULA.speed; // full at ≤ 8 h, none at ≥ 24 h

  it("gives full points up to the first threshold, none from the second, linear between", () => {
    expect(speedPoints(300, speed)).toBe(100);
    expect(speedPoints(480, speed)).toBe(100);
    expect(speedPoints(960, speed)).toBe(50); // 16 h: half-way between 8 h and 24 h
    expect(speedPoints(1200, speed)).toBe(25); // 20 h
    expect(speedPoints(1440, speed)).toBe(0);
    expect(speedPoints(3000, speed)).toBe(0);
    expect(speedPoints(null, speed)).toBeNull();
  });

  it("never rises as the median grows", () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(5000), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(speedPoints(high, speed) as number).toBeLessThanOrEqual(speedPoints(low, speed) as number);
      }),
    );
  });
});

describe("the month's score", () => {
  it("is the weighted mean of the four components (hand-computed)", () => {
    // timeliness 80, speed 16 h → 50, quality 75, overdue 1 of 4 open → 75.
    // (40·80 + 20·50 + 25·75 + 15·75) / 100 = 7200 / 100 = 72.
    const rating = computeRating(
      month({ share: 0.8, medianAnswer: 960, quality: 0.75, open: 4, overdue: 1 }),
      DEFAULT_RATING_FORMULA,
    );
    expect(rating.score).toBe(72);
    expect(rating.components.map((c) => [c.key, c.value, c.points, c.weight])).toEqual([
      ["timeliness", 0.8, 80, 40],
      ["speed", 960, 50, 20],
      ["quality", 0.75, 75, 25],
      ["overdue", 0.25, 75, 15],
    ]);
  });

  it("shares a missing component's weight among the others", () => {
    // No draft judged: (40·80 + 20·50 + 15·75) / 75 = 5325 / 75 = 71.
    const rating = computeRating(
      month({ share: 0.8, medianAnswer: 960, quality: null, open: 4, overdue: 1 }),
      DEFAULT_RATING_FORMULA,
    );
    expect(rating.score).toBe(71);
    expect(rating.components.find((c) => c.key === "quality")).toMatchObject({ value: null, points: null });
  });

  it("rounds to one decimal", () => {
    // (40·(200/3) + 25·100) / 65 = (2666.67 + 2500) / 65 = 79.487… → 79.5
    const formula: TRatingFormula = {
      ...DEFAULT_RATING_FORMULA,
      weights: { timeliness: 40, speed: 0, quality: 25, overdue: 0 },
    };
    expect(computeRating(month({ share: 2 / 3, quality: 1 }), formula).score).toBe(79.5);
  });

  it("counts nothing open at the month's end as nothing overdue", () => {
    const rating = computeRating(month({ share: 1, open: 0 }), DEFAULT_RATING_FORMULA);
    expect(rating.components.find((c) => c.key === "overdue")).toMatchObject({ value: 0, points: 100 });
    expect(rating.score).toBe(100);
  });

  it("has no score for a month with nothing to judge", () => {
    expect(computeRating(month({}), DEFAULT_RATING_FORMULA).score).toBeNull();
  });

  it("follows the weights it is given", () => {
    const onlyTimeliness: TRatingFormula = {
      ...DEFAULT_RATING_FORMULA,
      weights: { timeliness: 1, speed: 0, quality: 0, overdue: 0 },
    };
    expect(
      computeRating(month({ share: 0.8, medianAnswer: 2000, quality: 0, open: 5, overdue: 5 }), onlyTimeliness).score,
    ).toBe(80);
  });

  it("ranks the departments, best first and the unscored last", () => {
    // ЖКХ: 90, 5 h ≤ 8 h → 100, 10/11 → 90.909…; (40·90 + 20·100 + 25·90.909) / 85 = 92.6.
    const rating = computeRating(
      month({
        share: 0.9,
        departments: [
          department("Культура", {}),
          department("Образование", {
            answeredWithin24hShare: 0.5,
            medianDraftMinutes: 1440,
            approvedAtFirstShare: 0.5,
          }),
          department("ЖКХ", { answeredWithin24hShare: 0.9, medianDraftMinutes: 300, approvedAtFirstShare: 10 / 11 }),
        ],
      }),
      DEFAULT_RATING_FORMULA,
    );
    expect(rating.departments.map((d) => [d.name, d.score])).toEqual([
      ["ЖКХ", 92.6],
      // (40·50 + 20·0 + 25·50) / 85 = 3250 / 85 = 38.2
      ["Образование", 38.2],
      ["Культура", null],
    ]);
    expect(rating.departments[0]?.components.find((c) => c.key === "overdue")).toMatchObject({ points: null });
  });

  it("always lies within 0…100", () => {
    const share = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null });
    const weight = fc.integer({ min: 0, max: 100 });
    fc.assert(
      fc.property(
        share,
        share,
        fc.option(fc.nat(10_000), { nil: null }),
        fc.nat(50),
        fc.nat(50),
        fc.tuple(weight, weight, weight, weight).filter((w) => w.some((x) => x > 0)),
        (timeliness, quality, medianAnswer, a, b, [w1, w2, w3, w4]) => {
          const [overdue, open] = a <= b ? [a, b] : [b, a];
          const formula: TRatingFormula = {
            weights: { timeliness: w1, speed: w2, quality: w3, overdue: w4 },
            speed: DEFAULT_RATING_FORMULA.speed,
          };
          const { score } = computeRating(month({ share: timeliness, quality, medianAnswer, open, overdue }), formula);
          if (score !== null) {
            expect(score).toBeGreaterThanOrEqual(0);
            expect(score).toBeLessThanOrEqual(100);
          }
        },
      ),
    );
  });
});

describe("the formula's settings", () => {
  it("accepts the defaults", () => {
    expect(ZRatingFormula.safeParse(DEFAULT_RATING_FORMULA).success).toBe(true);
  });

  const messages = (value: unknown) => {
    const result = ZRatingFormula.safeParse(value);
    return result.success ? [] : result.error.issues.map((i) => i.message);
  };

  it("explains in Russian what is wrong", () => {
    expect(messages({ ...DEFAULT_RATING_FORMULA, weights: { ...DEFAULT_RATING_FORMULA.weights, speed: -1 } })).toEqual([
      "Вес не может быть отрицательным",
    ]);
    expect(
      messages({ ...DEFAULT_RATING_FORMULA, weights: { timeliness: 0, speed: 0, quality: 0, overdue: 0 } }),
    ).toEqual(["Хотя бы один вес должен быть больше нуля"]);
    expect(messages({ ...DEFAULT_RATING_FORMULA, speed: { fullPointsHours: 24, zeroPointsHours: 8 } })).toEqual([
      "Время для полного балла должно быть меньше времени для нуля баллов",
    ]);
    expect(
      messages({ ...DEFAULT_RATING_FORMULA, weights: { ...DEFAULT_RATING_FORMULA.weights, quality: "много" } }),
    ).toEqual(["Вес укажите числом"]);
  });

  it("falls back to the defaults for nothing stored or a value that no longer fits", () => {
    expect(effectiveRatingFormula(null)).toEqual({ formula: DEFAULT_RATING_FORMULA, isDefault: true });
    expect(effectiveRatingFormula({ weights: "?" })).toEqual({ formula: DEFAULT_RATING_FORMULA, isDefault: true });
    const custom = {
      weights: { timeliness: 50, speed: 10, quality: 30, overdue: 10 },
      speed: { fullPointsHours: 4, zeroPointsHours: 20 },
    };
    expect(effectiveRatingFormula(custom)).toEqual({ formula: custom, isDefault: false });
  });
});
