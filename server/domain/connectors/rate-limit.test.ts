import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maxCallsInWindow, reserveCall, VK_RATE_POLICY, type TRatePolicy, type TRateState } from "./rate-limit";

/** When each call starts, for calls asked for at `arrivals` (non-decreasing). */
function schedule(arrivals: readonly number[], policy: TRatePolicy): number[] {
  let state: TRateState | null = null;
  return arrivals.map((at) => {
    const r = reserveCall(state, at, policy);
    state = r.state;
    return at + r.waitMs;
  });
}

const policyArb: fc.Arbitrary<TRatePolicy> = fc.record({
  burst: fc.integer({ min: 1, max: 20 }),
  intervalMs: fc.integer({ min: 1, max: 2000 }),
});
const arrivalsArb = fc
  .array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 60 })
  .map((gaps) => gaps.reduce<number[]>((acc, g) => [...acc, (acc.at(-1) ?? 1_700_000_000_000) + g], []));

describe("reserveCall", () => {
  it("spaces VK calls asked for at once 400 ms apart, three in any second at most", () => {
    const starts = schedule([0, 0, 0, 0, 0], VK_RATE_POLICY);
    expect(starts).toEqual([0, 400, 800, 1200, 1600]);
    expect(maxCallsInWindow(VK_RATE_POLICY, 1000)).toBe(3);
  });

  it("lets a burst go at once after a quiet period, then refills one per interval", () => {
    const policy = { burst: 3, intervalMs: 1000 };
    expect(schedule([0, 0, 0, 0, 0], policy)).toEqual([0, 0, 0, 1000, 2000]);
    // After 5 s of quiet the bucket is full again.
    expect(schedule([0, 0, 0, 5000, 5000, 5000, 5000], policy)).toEqual([0, 0, 0, 5000, 5000, 5000, 6000]);
  });

  it("never lets more calls start in a window than the bucket allows", () => {
    fc.assert(
      fc.property(policyArb, arrivalsArb, fc.integer({ min: 1, max: 5000 }), (policy, arrivals, windowMs) => {
        const starts = schedule(arrivals, policy);
        const limit = maxCallsInWindow(policy, windowMs);
        for (const from of starts) {
          const inWindow = starts.filter((s) => s >= from && s <= from + windowMs).length;
          expect(inWindow).toBeLessThanOrEqual(limit);
        }
      }),
    );
  });

  it("serves calls in the order asked, never before they were asked for", () => {
    fc.assert(
      fc.property(policyArb, arrivalsArb, (policy, arrivals) => {
        const starts = schedule(arrivals, policy);
        starts.forEach((s, i) => {
          expect(s).toBeGreaterThanOrEqual(arrivals[i]!);
          if (i > 0) expect(s).toBeGreaterThanOrEqual(starts[i - 1]!);
        });
      }),
    );
  });

  it("makes nobody wait when calls come no faster than the refill", () => {
    fc.assert(
      fc.property(policyArb, fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 40 }), (policy, extra) => {
        const arrivals = extra.reduce<number[]>((acc, e) => [...acc, (acc.at(-1) ?? 0) + policy.intervalMs + e], [0]);
        expect(schedule(arrivals, policy)).toEqual(arrivals);
      }),
    );
  });
});
