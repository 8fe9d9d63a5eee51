import { createHash, timingSafeEqual } from "node:crypto";
import type { TTickResult } from "../services/scheduler/tick";

/**
 * POST /api/cron/tick for an external scheduler (cron, a systemd timer, a Kubernetes CronJob):
 * `Authorization: Bearer <CRON_SECRET>`.
 *
 * - no CRON_SECRET configured: 503 `{"error":"scheduler_disabled"}` (the route is off, not open);
 * - a missing or wrong secret: 401 `{"error":"unauthorized"}`;
 * - another tick running (the server's own timer, another instance): 200
 *   `{"skipped":true,"reason":…}` — nothing is wrong, the work is being done; a cron job would
 *   only log a 409 as a failure every time the two meet;
 * - done: 200 with the counts; done but some part failed: 500 with the counts and `errors`, so
 *   the caller's monitoring sees it; the tick itself failed (the database is down): 500
 *   `{"error":"tick_failed"}`.
 */
export async function respondToTick(
  request: Request,
  deps: { secret: string | undefined; tick: () => Promise<TTickResult> },
): Promise<Response> {
  if (!deps.secret) return json(503, { error: "scheduler_disabled" });
  if (!isAuthorised(request.headers.get("authorization"), deps.secret)) {
    return json(401, { error: "unauthorized" }, { "WWW-Authenticate": 'Bearer realm="scheduler"' });
  }
  let result: TTickResult;
  try {
    result = await deps.tick();
  } catch (error) {
    console.error("scheduler: the tick failed:", error);
    return json(500, { error: "tick_failed" });
  }
  if (result.skipped) return json(200, result);
  return json(result.errors.length > 0 ? 500 : 200, result);
}

/**
 * Compares SHA-256 digests in constant time: equal lengths whatever was sent, so neither the
 * secret's length nor how much of it matched shows in the response time.
 */
export function isAuthorised(header: string | null, secret: string): boolean {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? "");
  const sent = createHash("sha256")
    .update(match?.[1] ?? "")
    .digest();
  const expected = createHash("sha256").update(secret).digest();
  return timingSafeEqual(sent, expected) && match !== null;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}
