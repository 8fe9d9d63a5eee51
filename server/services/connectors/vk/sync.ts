import type { TPrismaClient } from "../../../db/client";
import { parseVkPostLink, vkCommunityIdOf, vkPostKey } from "../../../domain/connectors/vk-links";
import {
  nextWallOffset,
  routinePostOf,
  vkSyncWindowStart,
  VK_WALL_PAGE_SIZE,
  type TRoutinePostCandidate,
} from "../../../domain/connectors/vk-wall";
import { decryptToken, TokenDecryptError } from "../token-cipher";
import { VkApiError, type TVkClient } from "./client";
import { vkClientFor, vkTokenAad, type TVkDeps } from "./deps";
import { reportVkTokenExpired } from "./token-expired";

const DAY_MS = 24 * 3600_000;
/** Manual entries carry the date a person typed: compare with a week's slack. */
const MANUAL_DATE_SLACK_MS = 7 * DAY_MS;
const LAST_ERROR_MAX = 1000;

export interface TVkSyncResult {
  /** Routine posts newly recorded. */
  posts: number;
  /** Official VK accounts whose walls were read. */
  accounts: number;
  /** Russian, one line per account or problem that failed; empty when all went well. */
  failures: string[];
  /** VK refused the key: the connector is now TOKEN_EXPIRED and its administrators told. */
  tokenExpired: boolean;
}

export interface TSyncedConnector {
  id: string;
  municipalityId: string;
  tokenEncrypted: string;
}

/**
 * Reads the walls of the municipality's active official VK accounts into routine posts (п.6):
 * each account from its last reading (or 14 days back), the community's own posts only, each
 * recorded once (by the post's id, and against posts staff entered by hand under any form of
 * its link). One account failing does not stop the others; a dead key stops everything and is
 * reported (token-expired.ts). The connector keeps when it read last and what went wrong.
 */
export async function syncVkWalls(
  prisma: TPrismaClient,
  connector: TSyncedConnector,
  now: Date,
  deps: TVkDeps,
): Promise<TVkSyncResult> {
  const result: TVkSyncResult = { posts: 0, accounts: 0, failures: [], tokenExpired: false };
  let client: TVkClient;
  try {
    const token = decryptToken(connector.tokenEncrypted, deps.encryptionKey, vkTokenAad(connector.municipalityId));
    client = vkClientFor(deps, connector.id, token);
  } catch (error) {
    if (!(error instanceof TokenDecryptError)) throw error;
    result.failures.push(error.message);
    await recordOutcome(prisma, connector, now, result);
    return result;
  }

  const accounts = await prisma.socialAccount.findMany({
    where: { municipalityId: connector.municipalityId, active: true, network: { code: "VK" } },
    select: { id: true, name: true, url: true, externalId: true, syncedAt: true },
    orderBy: { id: "asc" },
  });
  for (const account of accounts) {
    const communityId = vkCommunityIdOf(account);
    if (communityId === null) continue;
    try {
      result.posts += await readAccountWall(prisma, client, { ...account, communityId }, now);
      result.accounts += 1;
    } catch (error) {
      if (!(error instanceof VkApiError)) throw error;
      if (error.failure.kind === "TOKEN") {
        result.tokenExpired = true;
        await reportVkTokenExpired(prisma, connector, error.message, now);
        break;
      }
      result.failures.push(`«${account.name}»: ${error.message}`);
    }
  }
  if (!result.tokenExpired) await recordOutcome(prisma, connector, now, result);
  return result;
}

/** Reads one account's wall from its window's start; returns the posts newly recorded. */
async function readAccountWall(
  prisma: TPrismaClient,
  client: TVkClient,
  account: { id: string; communityId: number; syncedAt: Date | null },
  now: Date,
): Promise<number> {
  const since = vkSyncWindowStart(account.syncedAt, now);
  const ownerId = -account.communityId;
  // Newer posts arriving while paging shift the offsets: a post may come twice.
  const found = new Map<string, TRoutinePostCandidate>();
  let offset: number | null = 0;
  for (let pagesRead = 1; offset !== null; pagesRead += 1) {
    const page = await client.getWallPage({ ownerId, offset, count: VK_WALL_PAGE_SIZE });
    for (const item of page.items) {
      const post = routinePostOf(item, account.communityId, { since, now });
      if (post) found.set(post.externalId, post);
    }
    offset = nextWallOffset({ offset, items: page.items, total: page.total, pagesRead, since });
  }

  return prisma.$transaction(async (tx) => {
    const recorded = await tx.routinePost.findMany({
      where: {
        accountId: account.id,
        OR: [
          { externalId: { in: [...found.keys()] } },
          { publishedAt: { gte: new Date(since.getTime() - MANUAL_DATE_SLACK_MS) } },
        ],
      },
      select: { url: true, externalId: true },
    });
    const known = new Set<string>();
    for (const r of recorded) {
      const ref = parseVkPostLink(r.url);
      if (ref) known.add(vkPostKey(ref));
      if (r.externalId) known.add(vkPostKey({ ownerId, postId: Number(r.externalId) }));
    }
    const fresh = [...found.values()].filter((p) => !known.has(vkPostKey({ ownerId, postId: Number(p.externalId) })));
    // The unique keys (account + id, account + link) keep a concurrent reading from doubling.
    const written = await tx.routinePost.createMany({
      data: fresh.map((p) => ({
        accountId: account.id,
        url: p.url,
        title: p.title,
        publishedAt: p.publishedAt,
        source: "CONNECTOR" as const,
        externalId: p.externalId,
        createdAt: now,
      })),
      skipDuplicates: true,
    });
    await tx.socialAccount.update({ where: { id: account.id }, data: { syncedAt: now } });
    return written.count;
  });
}

/**
 * When the walls were read and how it went: OK, or ERROR with the problems. Only while the key
 * read is still the stored one: an administrator's new key is not judged by the old one's run.
 */
async function recordOutcome(prisma: TPrismaClient, connector: TSyncedConnector, now: Date, result: TVkSyncResult) {
  const failed = result.failures.length > 0;
  await prisma.vkConnector.updateMany({
    where: { id: connector.id, tokenEncrypted: connector.tokenEncrypted },
    data: {
      lastSyncAt: now,
      status: failed ? "ERROR" : "OK",
      ...(failed ? { lastError: result.failures.join("; ").slice(0, LAST_ERROR_MAX), lastErrorAt: now } : {}),
    },
  });
}
