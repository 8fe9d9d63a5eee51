import { db } from "@/server/db";
import { checkHealth } from "@/server/services/health/check";

export const dynamic = "force-dynamic";

/** For load balancers and monitoring: 200 when the database answers, 503 when it does not. */
export async function GET() {
  const health = await checkHealth(db());
  return Response.json(health, { status: health.db === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
