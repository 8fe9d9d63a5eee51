/**
 * Throttling of failed sign-ins, per account and per client address. Pure: the service keeps
 * the state in the database and passes `now`.
 *
 * Policy: after `maxFailures` failures within `windowMs` the key is locked for `lockMs`,
 * doubling with each further lock-out up to `maxLockMs`. A success clears the account key.
 */
export interface TThrottlePolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
  maxLockMs: number;
}

export const ACCOUNT_POLICY: TThrottlePolicy = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 5 * 60_000,
  maxLockMs: 60 * 60_000,
};

/** An office shares one address (NAT), so the per-address limit is looser. */
export const ADDRESS_POLICY: TThrottlePolicy = {
  maxFailures: 30,
  windowMs: 15 * 60_000,
  lockMs: 5 * 60_000,
  maxLockMs: 60 * 60_000,
};

export interface TThrottleState {
  failures: number;
  windowStart: Date;
  lockedUntil: Date | null;
}

export function lockedFor(state: TThrottleState | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil.getTime() - now.getTime());
}

/** The state after one more failure at `now`. */
export function registerFailure(state: TThrottleState | null, now: Date, policy: TThrottlePolicy): TThrottleState {
  const inWindow = state !== null && now.getTime() - state.windowStart.getTime() < policy.windowMs;
  const failures = inWindow ? state.failures + 1 : 1;
  const windowStart = inWindow ? state.windowStart : now;
  if (failures < policy.maxFailures) {
    return { failures, windowStart, lockedUntil: inWindow ? state.lockedUntil : null };
  }
  // Each failure past the limit doubles the lock, so guessing stays slow.
  const extra = failures - policy.maxFailures;
  const lockMs = Math.min(policy.maxLockMs, policy.lockMs * 2 ** Math.min(extra, 20));
  return { failures, windowStart, lockedUntil: new Date(now.getTime() + lockMs) };
}

/** "через 5 минут" style text for the sign-in form. */
export function describeWait(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  const mod10 = minutes % 10;
  const mod100 = minutes % 100;
  const word =
    mod10 === 1 && mod100 !== 11
      ? "минуту"
      : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)
        ? "минуты"
        : "минут";
  return `${minutes} ${word}`;
}
