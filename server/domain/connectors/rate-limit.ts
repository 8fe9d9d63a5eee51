/**
 * A token bucket for calls to a rate-limited API: it holds at most `burst` tokens, gains one
 * every `intervalMs`, and each call takes one, waiting for it when the bucket is empty. Kept in
 * its "virtual scheduling" form (GCRA): the whole state is one number, the time at which the
 * bucket would be full again after the calls reserved so far. Reserving never fails: a caller
 * learns how long to wait, and callers are served in the order they asked. Pure; the clock is
 * the caller's (milliseconds).
 */

export interface TRatePolicy {
  /** Calls that may go at once after a quiet period (the bucket's size). */
  burst: number;
  /** One more call per this many milliseconds (the refill rate). */
  intervalMs: number;
}

export interface TRateState {
  /** When the bucket is full again, given every call reserved so far (ms). */
  fullAt: number;
}

/**
 * VK allows 3 calls a second with a person's key and 20 with a community's. The connector keeps
 * under the lower limit in every second-long window, even a closed one [t, t+1000]: at most
 * burst + ⌊1000 / interval⌋ = 1 + 2 = 3 calls (see `maxCallsInWindow`).
 */
export const VK_RATE_POLICY: TRatePolicy = { burst: 1, intervalMs: 400 };

/** Reserves one call at `now`: how long the caller must wait first, and the new state. */
export function reserveCall(
  state: TRateState | null,
  now: number,
  policy: TRatePolicy,
): { waitMs: number; state: TRateState } {
  const burst = Math.max(1, Math.floor(policy.burst));
  const fullAt = Math.max(state?.fullAt ?? now, now);
  // One token is there once the bucket is no more than burst−1 tokens short of full.
  const startAt = Math.max(now, fullAt - (burst - 1) * policy.intervalMs);
  return { waitMs: startAt - now, state: { fullAt: fullAt + policy.intervalMs } };
}

/** The most calls the policy lets start within any closed window of `windowMs`. */
export function maxCallsInWindow(policy: TRatePolicy, windowMs: number): number {
  return Math.max(1, Math.floor(policy.burst)) + Math.floor(windowMs / policy.intervalMs);
}
