import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ACCOUNT_POLICY, describeWait, lockedFor, registerFailure, type TThrottleState } from "./login-throttle";

const t0 = new Date("2026-11-27T10:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

function failTimes(times: number, start = 0, step = 1000): TThrottleState | null {
  let state: TThrottleState | null = null;
  for (let i = 0; i < times; i++) state = registerFailure(state, at(start + i * step), ACCOUNT_POLICY);
  return state;
}

describe("sign-in throttling", () => {
  it("does not lock before the limit", () => {
    const state = failTimes(ACCOUNT_POLICY.maxFailures - 1);
    expect(lockedFor(state, at(10_000))).toBe(0);
  });

  it("locks for five minutes at the limit, and the lock expires", () => {
    const state = failTimes(ACCOUNT_POLICY.maxFailures);
    const lastFailure = at((ACCOUNT_POLICY.maxFailures - 1) * 1000);
    expect(lockedFor(state, lastFailure)).toBe(ACCOUNT_POLICY.lockMs);
    expect(lockedFor(state, new Date(lastFailure.getTime() + ACCOUNT_POLICY.lockMs))).toBe(0);
  });

  it("doubles the lock for each further failure, up to the cap", () => {
    const s1 = failTimes(ACCOUNT_POLICY.maxFailures + 1);
    const last = at(ACCOUNT_POLICY.maxFailures * 1000);
    expect(lockedFor(s1, last)).toBe(ACCOUNT_POLICY.lockMs * 2);
    const many = failTimes(ACCOUNT_POLICY.maxFailures + 30, 0, 10);
    expect(lockedFor(many, at((ACCOUNT_POLICY.maxFailures + 29) * 10))).toBe(ACCOUNT_POLICY.maxLockMs);
  });

  it("forgets failures older than the window", () => {
    const state = failTimes(ACCOUNT_POLICY.maxFailures - 1);
    const later = registerFailure(state, at(ACCOUNT_POLICY.windowMs + 60_000), ACCOUNT_POLICY);
    expect(later.failures).toBe(1);
    expect(lockedFor(later, at(ACCOUNT_POLICY.windowMs + 60_000))).toBe(0);
  });

  it("never locks for longer than the cap nor into the past", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 120_000 }), { maxLength: 60 }), (gaps) => {
        let state: TThrottleState | null = null;
        let now = t0.getTime();
        for (const gap of gaps) {
          now += gap;
          state = registerFailure(state, new Date(now), ACCOUNT_POLICY);
          const left = lockedFor(state, new Date(now));
          expect(left).toBeGreaterThanOrEqual(0);
          expect(left).toBeLessThanOrEqual(ACCOUNT_POLICY.maxLockMs);
        }
      }),
    );
  });

  it("says how long to wait in Russian", () => {
    expect(describeWait(60_000)).toBe("1 минуту");
    expect(describeWait(3 * 60_000)).toBe("3 минуты");
    expect(describeWait(5 * 60_000)).toBe("5 минут");
    expect(describeWait(11 * 60_000)).toBe("11 минут");
    expect(describeWait(21 * 60_000)).toBe("21 минуту");
    expect(describeWait(1)).toBe("1 минуту");
  });
});
