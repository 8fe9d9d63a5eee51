/**
 * Runs once when a server process starts: validate the environment before the first request,
 * so a misconfigured server stops at once with a message naming the variable.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./server/env");
  env();
}
