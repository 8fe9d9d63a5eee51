import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseEnv } from "../env";
import { startTickLoop, type TTickLoop } from "./timer";

let loop: TTickLoop | undefined;
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  loop?.stop();
  vi.useRealTimers();
});

/** A tick the test finishes by hand. */
function controllableTick() {
  const finishers: (() => void)[] = [];
  const tick = vi.fn(() => new Promise<void>((resolve) => finishers.push(resolve)));
  return { tick, finishLatest: () => finishers.at(-1)?.() };
}

describe("the server's own scheduler timer", () => {
  it("ticks first after the start delay, then an interval after each tick finished", async () => {
    const { tick, finishLatest } = controllableTick();
    loop = startTickLoop({ firstDelayMs: 10_000, intervalMs: 60_000, tick, onError: vi.fn() });

    await vi.advanceTimersByTimeAsync(9_999);
    expect(tick).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(tick).toHaveBeenCalledTimes(1);

    // A slow tick: nothing starts while it runs, however long it takes.
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(tick).toHaveBeenCalledTimes(1);
    finishLatest();
    await vi.advanceTimersByTimeAsync(59_999);
    expect(tick).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(tick).toHaveBeenCalledTimes(2);
  });

  it("logs a failed tick and goes on", async () => {
    const onError = vi.fn();
    const tick = vi.fn().mockRejectedValueOnce(new Error("database is down")).mockResolvedValue(undefined);
    loop = startTickLoop({ firstDelayMs: 1_000, intervalMs: 5_000, tick, onError });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: "database is down" }));
    await vi.advanceTimersByTimeAsync(5_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(tick).toHaveBeenCalledTimes(3);
  });

  it("goes on even when logging the failure throws", async () => {
    const tick = vi.fn().mockRejectedValue(new Error("down"));
    loop = startTickLoop({
      firstDelayMs: 1_000,
      intervalMs: 1_000,
      tick,
      onError: () => {
        throw new Error("the logger is broken");
      },
    });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(tick).toHaveBeenCalledTimes(3);
  });

  it("stops", async () => {
    const tick = vi.fn().mockResolvedValue(undefined);
    loop = startTickLoop({ firstDelayMs: 1_000, intervalMs: 1_000, tick, onError: vi.fn() });
    await vi.advanceTimersByTimeAsync(1_000);
    loop.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(tick).toHaveBeenCalledTimes(1);
  });

  it("is configured by SCHEDULER_TIMER (on by default) and SCHEDULER_INTERVAL_SECONDS (60)", () => {
    const base = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/otklik", AUTH_SECRET: "x".repeat(32) };
    expect(parseEnv(base)).toMatchObject({ SCHEDULER_TIMER: "on", SCHEDULER_INTERVAL_SECONDS: 60 });
    expect(parseEnv({ ...base, SCHEDULER_TIMER: "off", SCHEDULER_INTERVAL_SECONDS: "30" })).toMatchObject({
      SCHEDULER_TIMER: "off",
      SCHEDULER_INTERVAL_SECONDS: 30,
    });
    expect(() => parseEnv({ ...base, SCHEDULER_TIMER: "yes" })).toThrow(/SCHEDULER_TIMER: must be on or off/);
    expect(() => parseEnv({ ...base, SCHEDULER_INTERVAL_SECONDS: "1" })).toThrow(/SCHEDULER_INTERVAL_SECONDS/);
  });
});
