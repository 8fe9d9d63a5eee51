import "server-only";
import { env } from "../env";
import type { TTickResult } from "../services/scheduler/tick";

/**
 * The server's own scheduler: in a single-instance deployment (and `npm run demo`) nothing else
 * calls POST /api/cron/tick, so each server process ticks by itself, started once from
 * `instrumentation.ts`. The first tick comes shortly after start, then each next one
 * `SCHEDULER_INTERVAL_SECONDS` after the previous one FINISHED, so a slow tick delays the next
 * instead of overlapping it; across processes the tick's advisory lock keeps them apart. A
 * failing tick is logged and the loop goes on: the scheduler never takes the server down.
 */

export interface TTickLoopOptions {
  firstDelayMs: number;
  intervalMs: number;
  tick: () => Promise<unknown>;
  onError: (error: unknown) => void;
}

export interface TTickLoop {
  stop(): void;
}

export function startTickLoop(options: TTickLoopOptions): TTickLoop {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => void runOnce(), delayMs);
    // Never the reason a process stays alive (a script, a test, a server shutting down).
    timer.unref?.();
  };
  const runOnce = async () => {
    try {
      await options.tick();
    } catch (error) {
      try {
        options.onError(error);
      } catch {
        // A logger that throws must not end the loop either.
      }
    }
    schedule(options.intervalMs);
  };
  schedule(options.firstDelayMs);
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

/** The first tick waits this long, so the server is up and serving before it. */
export const FIRST_TICK_DELAY_MS = 10_000;

const globalForTimer = globalThis as unknown as { otklikSchedulerTimer?: TTickLoop };

/** Starts the timer unless it runs in this process already (Next may load this module twice). */
export function startSchedulerTimer(): void {
  if (globalForTimer.otklikSchedulerTimer) return;
  const config = env();
  globalForTimer.otklikSchedulerTimer = startTickLoop({
    firstDelayMs: FIRST_TICK_DELAY_MS,
    intervalMs: config.SCHEDULER_INTERVAL_SECONDS * 1000,
    async tick() {
      // Loaded here, not at the top: the database client and mail transport come with it.
      const { runScheduledTick } = await import("./run");
      logTick(await runScheduledTick("timer"));
    },
    onError: (error) => console.error("scheduler: the tick failed:", error),
  });
  console.log(`scheduler: ticking every ${config.SCHEDULER_INTERVAL_SECONDS} s in this process`);
}

/** Quiet when a tick found nothing to do; one line when it did something; the problems in full. */
export function logTick(result: TTickResult): void {
  if (result.skipped) return;
  const { violations, reminders, escalations, monthsClosed, routineReminders, connectorPosts, emails } = result;
  const did =
    violations +
    reminders +
    escalations +
    monthsClosed +
    routineReminders +
    connectorPosts +
    (emails ? emails.sent + emails.failed : 0);
  if (did > 0) {
    console.log(
      `scheduler: ${violations} violations, ${reminders} reminders, ${escalations} escalations, ` +
        `${monthsClosed} months closed, ${routineReminders} routine-post reminders, ${connectorPosts} posts from connectors` +
        `${emails ? `, e-mails ${emails.sent} sent / ${emails.failed} failed` : ""} ` +
        `(${result.durationMs} ms)`,
    );
  }
  if (result.errors.length > 0) console.error(`scheduler: the tick had problems:\n  ${result.errors.join("\n  ")}`);
}
