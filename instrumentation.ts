/**
 * Runs once when a server process starts: validate the environment before the first request,
 * so a misconfigured server stops at once with a message naming the variable; then start the
 * scheduler's own timer unless SCHEDULER_TIMER=off (an external scheduler calls the route).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./server/env");
  const config = env();
  if (config.SCHEDULER_TIMER === "on") {
    const { startSchedulerTimer } = await import("./server/scheduler/timer");
    startSchedulerTimer();
  }
}
