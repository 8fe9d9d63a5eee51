import type { TVkFailure } from "./vk-errors";

/**
 * When to repeat a failed VK call, and after how long. Exponential backoff with "equal jitter":
 * the n-th pause is drawn from [cap/2, cap] where cap = min(max, base·2ⁿ), so several callers
 * that failed together do not come back together, yet each still waits at least half the step.
 * `random` is injected (Math.random in production, a constant in tests).
 */

export interface TBackoff {
  /** The first pause's upper bound, in milliseconds. */
  baseMs: number;
  /** No pause is longer than this. */
  maxMs: number;
}

export interface TVkRetryPolicy {
  /** Calls made at most, the first included. */
  maxAttempts: number;
  rateLimit: TBackoff;
  transient: TBackoff;
  /** A Retry-After longer than this is not waited for: the call fails and is tried next time. */
  maxRetryAfterMs: number;
}

/**
 * Four calls at most: a rate limit clears within seconds (VK counts per second), and a person
 * posting an answer waits for the result, so the pauses add up to well under half a minute.
 */
export const VK_RETRY_POLICY: TVkRetryPolicy = {
  maxAttempts: 4,
  rateLimit: { baseMs: 1000, maxMs: 8000 },
  transient: { baseMs: 500, maxMs: 4000 },
  maxRetryAfterMs: 30_000,
};

/** The upper bound of the pause before retry number `retry` (0 for the first retry). */
export function backoffCapMs(retry: number, backoff: TBackoff): number {
  const step = Math.max(0, Math.floor(retry));
  // 2^step overflows to Infinity for huge steps; min() keeps the cap finite.
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(step, 52));
}

/** The pause before retry number `retry`: in [cap/2, cap], whole milliseconds. */
export function backoffDelayMs(retry: number, backoff: TBackoff, random: () => number): number {
  const cap = backoffCapMs(retry, backoff);
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(cap / 2 + (r * cap) / 2);
}

export type TRetryDecision = { retry: true; delayMs: number } | { retry: false };

/**
 * Whether to call again after `attempt` calls (1 after the first) failed with `failure`.
 * `safeToRepeat` is false for a call that writes (posting a comment): a server error may hide a
 * comment that was posted, so only a refusal made before VK did anything (a rate limit) is
 * repeated for it.
 */
export function decideVkRetry(
  failure: Pick<TVkFailure, "kind" | "retryAfterMs">,
  attempt: number,
  options: { safeToRepeat: boolean; random: () => number; policy?: TVkRetryPolicy },
): TRetryDecision {
  const policy = options.policy ?? VK_RETRY_POLICY;
  if (attempt >= policy.maxAttempts) return { retry: false };
  const retry = attempt - 1;
  switch (failure.kind) {
    case "RATE_LIMIT": {
      const delayMs = backoffDelayMs(retry, policy.rateLimit, options.random);
      const asked = failure.retryAfterMs;
      if (asked === null) return { retry: true, delayMs };
      if (asked > policy.maxRetryAfterMs) return { retry: false };
      return { retry: true, delayMs: Math.max(delayMs, asked) };
    }
    case "TRANSIENT":
      return options.safeToRepeat
        ? { retry: true, delayMs: backoffDelayMs(retry, policy.transient, options.random) }
        : { retry: false };
    case "TOKEN":
    case "PERMANENT":
      return { retry: false };
  }
}
