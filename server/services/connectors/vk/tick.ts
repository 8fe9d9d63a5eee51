import { isVkSyncDue } from "../../../domain/connectors/vk-wall";
import type { TTickContext, TTickMunicipality } from "../../scheduler/context";
import { vkDepsFromEnv, type TVkDeps } from "./deps";
import { syncVkWalls } from "./sync";

/**
 * The VK connector's share of the scheduler tick for one municipality: reads the official
 * accounts' walls into routine posts (sync.ts) when the connector is on, its key is not known to
 * be dead, and an hour has passed since the last reading. Returns the number of posts recorded.
 * Problems are kept on the connector (its page shows them) and in the tick's run log; they do
 * not fail the tick. `deps` defaults to the environment's, built only when there is work.
 */
export async function syncVkConnector(ctx: TTickContext, m: TTickMunicipality, deps?: TVkDeps): Promise<number> {
  const connector = await ctx.prisma.vkConnector.findUnique({
    where: { municipalityId: m.id },
    select: { id: true, municipalityId: true, tokenEncrypted: true, enabled: true, status: true, lastSyncAt: true },
  });
  if (!connector?.enabled || connector.status === "TOKEN_EXPIRED") return 0;
  if (!isVkSyncDue(connector.lastSyncAt, ctx.now)) return 0;
  const result = await syncVkWalls(ctx.prisma, connector, ctx.now, deps ?? vkDepsFromEnv());
  for (const failure of result.failures) ctx.errors.push(`VK connector, ${m.name}: ${failure}`);
  if (result.tokenExpired)
    ctx.errors.push(`VK connector, ${m.name}: the community's access token is invalid or expired`);
  return result.posts;
}
