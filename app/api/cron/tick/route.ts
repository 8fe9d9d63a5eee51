import { env } from "@/server/env";
import { respondToTick } from "@/server/scheduler/http";
import { runScheduledTick } from "@/server/scheduler/run";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** One scheduler tick for an external scheduler; see server/scheduler/http.ts and the README. */
export function POST(request: Request): Promise<Response> {
  return respondToTick(request, { secret: env().CRON_SECRET, tick: () => runScheduledTick("http") });
}
