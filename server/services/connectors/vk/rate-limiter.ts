import { reserveCall, type TRatePolicy, type TRateState } from "../../../domain/connectors/rate-limit";

/** Waits its turn under a token bucket (server/domain/connectors/rate-limit.ts). */
export class RateLimiter {
  private state: TRateState | null = null;

  constructor(
    private readonly policy: TRatePolicy,
    private readonly clock: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  /** Resolves when this call may start. Reserved synchronously, so callers go in the order they asked. */
  async acquire(): Promise<void> {
    const { waitMs, state } = reserveCall(this.state, this.clock(), this.policy);
    this.state = state;
    if (waitMs > 0) await this.sleep(waitMs);
  }
}

/** One limiter per key (VK counts calls per access key), shared by every caller in the process. */
export class RateLimiterRegistry {
  private readonly limiters = new Map<string, RateLimiter>();

  constructor(
    private readonly policy: TRatePolicy,
    private readonly clock: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  for(key: string): RateLimiter {
    let limiter = this.limiters.get(key);
    if (!limiter) {
      limiter = new RateLimiter(this.policy, this.clock, this.sleep);
      this.limiters.set(key, limiter);
    }
    return limiter;
  }
}
