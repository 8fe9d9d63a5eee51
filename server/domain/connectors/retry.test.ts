import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backoffCapMs, backoffDelayMs, decideVkRetry, VK_RETRY_POLICY, type TBackoff } from "./retry";
import type { TVkFailureKind } from "./vk-errors";

const backoffArb: fc.Arbitrary<TBackoff> = fc
  .record({ baseMs: fc.integer({ min: 1, max: 10_000 }), extra: fc.integer({ min: 0, max: 100_000 }) })
  .map(({ baseMs, extra }) => ({ baseMs, maxMs: baseMs + extra }));
const randomArb = fc.double({ min: 0, max: 1, noNaN: true });

describe("backoff", () => {
  it("doubles from the base up to the maximum: 1 s, 2 s, 4 s, 8 s, 8 s", () => {
    const b = VK_RETRY_POLICY.rateLimit;
    expect([0, 1, 2, 3, 4].map((n) => backoffCapMs(n, b))).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect(backoffDelayMs(2, b, () => 0)).toBe(2000);
    expect(backoffDelayMs(2, b, () => 1)).toBe(4000);
    expect(backoffDelayMs(2, b, () => 0.5)).toBe(3000);
  });

  it("draws every pause from [cap/2, cap], never above the maximum", () => {
    fc.assert(
      fc.property(backoffArb, fc.integer({ min: 0, max: 2000 }), randomArb, (b, retry, r) => {
        const cap = backoffCapMs(retry, b);
        const delay = backoffDelayMs(retry, b, () => r);
        expect(cap).toBeLessThanOrEqual(b.maxMs);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(cap / 2));
        expect(delay).toBeLessThanOrEqual(cap);
      }),
    );
  });

  it("never shortens the cap from one retry to the next", () => {
    fc.assert(
      fc.property(backoffArb, fc.integer({ min: 0, max: 100 }), (b, retry) => {
        expect(backoffCapMs(retry + 1, b)).toBeGreaterThanOrEqual(backoffCapMs(retry, b));
      }),
    );
  });
});

describe("decideVkRetry", () => {
  const half = () => 0.5;
  const failure = (kind: TVkFailureKind, retryAfterMs: number | null = null) => ({ kind, retryAfterMs });

  it("repeats a rate limit with growing pauses, up to four calls in all", () => {
    const decisions = [1, 2, 3, 4].map((attempt) =>
      decideVkRetry(failure("RATE_LIMIT"), attempt, { safeToRepeat: false, random: half }),
    );
    expect(decisions).toEqual([
      { retry: true, delayMs: 750 },
      { retry: true, delayMs: 1500 },
      { retry: true, delayMs: 3000 },
      { retry: false },
    ]);
  });

  it("waits as long as VK asks, and gives up when it asks too much", () => {
    expect(decideVkRetry(failure("RATE_LIMIT", 5000), 1, { safeToRepeat: true, random: half })).toEqual({
      retry: true,
      delayMs: 5000,
    });
    expect(decideVkRetry(failure("RATE_LIMIT", 120_000), 1, { safeToRepeat: true, random: half })).toEqual({
      retry: false,
    });
  });

  it("repeats a transient failure of a read only, never of a write", () => {
    expect(decideVkRetry(failure("TRANSIENT"), 1, { safeToRepeat: true, random: half })).toEqual({
      retry: true,
      delayMs: 375,
    });
    expect(decideVkRetry(failure("TRANSIENT"), 1, { safeToRepeat: false, random: half })).toEqual({ retry: false });
  });

  it("never repeats a dead key or a permanent refusal", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<TVkFailureKind>("TOKEN", "PERMANENT"),
        fc.integer({ min: 1, max: 10 }),
        fc.boolean(),
        (kind, attempt, safeToRepeat) => {
          expect(decideVkRetry(failure(kind), attempt, { safeToRepeat, random: half })).toEqual({ retry: false });
        },
      ),
    );
  });

  it("makes at most maxAttempts calls, whatever fails", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<TVkFailureKind>("RATE_LIMIT", "TRANSIENT", "TOKEN", "PERMANENT"), {
          minLength: 1,
          maxLength: 20,
        }),
        randomArb,
        (failures, r) => {
          let calls = 0;
          for (const kind of failures) {
            calls += 1;
            const d = decideVkRetry(failure(kind), calls, { safeToRepeat: true, random: () => r });
            if (!d.retry) break;
            expect(d.delayMs).toBeGreaterThan(0);
          }
          expect(calls).toBeLessThanOrEqual(VK_RETRY_POLICY.maxAttempts);
        },
      ),
    );
  });
});
