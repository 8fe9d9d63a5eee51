import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { changeOf, median, percentileCont, roundTo, shareOf } from "./stats";

describe("percentiles as PostgreSQL's percentile_cont computes them", () => {
  it("interpolates between the closest ranks at p·(n − 1)", () => {
    // 1…10: position 0.9 × 9 = 8.1, between 9 and 10 → 9.1.
    expect(percentileCont([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 10);
    // 10…50: position 0.9 × 4 = 3.6, between 40 and 50 → 46.
    expect(percentileCont([50, 10, 40, 20, 30], 0.9)).toBeCloseTo(46, 10);
    expect(percentileCont([50, 10, 40, 20, 30], 0)).toBe(10);
    expect(percentileCont([50, 10, 40, 20, 30], 1)).toBe(50);
  });

  it("takes the middle value, or the mean of the two middle ones, as the median", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it("has nothing to say about no values", () => {
    expect(median([])).toBeNull();
    expect(percentileCont([], 0.9)).toBeNull();
  });

  it("refuses a percentile outside [0, 1]", () => {
    expect(() => percentileCont([1], 1.5)).toThrow(RangeError);
    expect(() => percentileCont([1], -0.1)).toThrow(RangeError);
    expect(() => percentileCont([1], Number.NaN)).toThrow(RangeError);
  });

  const values = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 });
  const p = fc.double({ min: 0, max: 1, noNaN: true });

  it("lies between the smallest and the largest value", () => {
    fc.assert(
      fc.property(values, p, (xs, q) => {
        const v = percentileCont(xs, q) as number;
        expect(v).toBeGreaterThanOrEqual(Math.min(...xs) - 1e-6);
        expect(v).toBeLessThanOrEqual(Math.max(...xs) + 1e-6);
      }),
    );
  });

  it("never decreases as p grows", () => {
    fc.assert(
      fc.property(values, p, p, (xs, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(percentileCont(xs, low) as number).toBeLessThanOrEqual((percentileCont(xs, high) as number) + 1e-6);
      }),
    );
  });

  it("does not depend on the order of the values", () => {
    fc.assert(
      fc.property(values, p, (xs, q) => {
        expect(percentileCont([...xs].reverse(), q)).toBe(percentileCont(xs, q));
      }),
    );
  });
});

describe("shares", () => {
  it("divides, and has no share of nothing", () => {
    expect(shareOf(3, 4)).toBe(0.75);
    expect(shareOf(0, 5)).toBe(0);
    expect(shareOf(0, 0)).toBeNull();
  });

  it("lies in [0, 1] for a part of a whole", () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), (a, b) => {
        const [part, whole] = a <= b ? [a, b] : [b, a];
        const share = shareOf(part, whole);
        if (whole === 0) expect(share).toBeNull();
        else {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe("rounding and changes", () => {
  it("rounds half away from zero to the given decimals", () => {
    expect(roundTo(2.25, 1)).toBe(2.3);
    expect(roundTo(83.33333, 1)).toBe(83.3);
    expect(roundTo(-1.25, 1)).toBe(-1.3);
    expect(roundTo(-0.01, 1)).toBe(0);
    expect(roundTo(null, 1)).toBeNull();
  });

  it("tells the difference and the relative change against an earlier number", () => {
    expect(changeOf(12, 10)).toEqual({ difference: 2, relative: 0.2 });
    expect(changeOf(5, 0)).toEqual({ difference: 5, relative: null });
    expect(changeOf(null, 3)).toEqual({ difference: null, relative: null });
    expect(changeOf(0.5, null)).toEqual({ difference: null, relative: null });
  });
});
