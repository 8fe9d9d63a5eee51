import { vkPostUrl } from "./vk-links";

/**
 * Reading an official community's wall into routine posts (п.6): which posts count, what they
 * are called, how far back to read and when to read again. Pure: the service fetches pages with
 * the VK client and writes what these functions return.
 */

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/** The connector reads the walls at most this often per municipality. */
export const VK_SYNC_INTERVAL_MS = HOUR_MS;
/** The first reading of an account goes this far back. */
export const VK_FIRST_SYNC_DAYS = 14;
/** Later readings start this long before the previous one, for posts VK shows with a delay. */
export const VK_SYNC_OVERLAP_MS = HOUR_MS;
/** Never further back than this, however long the connector was off: the 12-week history. */
export const VK_MAX_LOOKBACK_DAYS = 84;
/** Posts per wall.get call: VK's maximum. */
export const VK_WALL_PAGE_SIZE = 100;
/** Pages per account and reading at most: 1 000 posts is months of any administration's wall. */
export const VK_MAX_WALL_PAGES = 10;
export const ROUTINE_TITLE_MAX = 200;

/** A wall.get item, as far as the connector reads it. */
export interface TVkWallItem {
  id: number;
  owner_id: number;
  from_id?: number | undefined;
  /** Unix seconds. */
  date: number;
  text?: string | undefined;
  /** 1 for the post pinned on top: wall.get returns it first whatever its date. */
  is_pinned?: number | undefined;
  post_type?: string | undefined;
}

export interface TRoutinePostCandidate {
  externalId: string;
  url: string;
  title: string | null;
  publishedAt: Date;
}

/** Whether the walls are due to be read again. */
export function isVkSyncDue(lastSyncAt: Date | null, now: Date): boolean {
  return lastSyncAt === null || now.getTime() - lastSyncAt.getTime() >= VK_SYNC_INTERVAL_MS;
}

/** The earliest publication time this reading of an account looks for. */
export function vkSyncWindowStart(syncedAt: Date | null, now: Date): Date {
  const floor = now.getTime() - VK_MAX_LOOKBACK_DAYS * DAY_MS;
  const start = syncedAt ? syncedAt.getTime() - VK_SYNC_OVERLAP_MS : now.getTime() - VK_FIRST_SYNC_DAYS * DAY_MS;
  return new Date(Math.max(floor, start));
}

/** A post's title for the routine posts list: its first non-empty line, at most 200 characters. */
export function routineTitleOf(text: string | undefined): string | null {
  const line = (text ?? "")
    .split(/\r?\n/u)
    .map((l) => l.replace(/\s+/gu, " ").trim())
    .find((l) => l !== "");
  if (!line) return null;
  const chars = [...line];
  return chars.length <= ROUTINE_TITLE_MAX ? line : `${chars.slice(0, ROUTINE_TITLE_MAX - 1).join("")}…`;
}

/**
 * The routine post a wall item is, or null when it does not count: a post by someone else on
 * the community's wall (a citizen's, or a suggested one), another kind of item, or one outside
 * [since, now].
 */
export function routinePostOf(
  item: TVkWallItem,
  communityId: number,
  window: { since: Date; now: Date },
): TRoutinePostCandidate | null {
  const ownerId = -communityId;
  if (item.owner_id !== ownerId || (item.from_id ?? ownerId) !== ownerId) return null;
  if (item.post_type !== undefined && item.post_type !== "post") return null;
  if (!Number.isSafeInteger(item.id) || item.id <= 0) return null;
  const publishedAt = new Date(item.date * 1000);
  if (Number.isNaN(publishedAt.getTime())) return null;
  if (publishedAt < window.since || publishedAt > window.now) return null;
  return {
    externalId: String(item.id),
    url: vkPostUrl(ownerId, item.id),
    title: routineTitleOf(item.text),
    publishedAt,
  };
}

/**
 * The offset of the next wall.get page, or null when the reading is complete: the wall is
 * newest first, so a page reaching a (non-pinned) post older than `since` ends it, as do the
 * wall's end and the page limit.
 */
export function nextWallOffset(page: {
  offset: number;
  items: readonly Pick<TVkWallItem, "date" | "is_pinned">[];
  total: number;
  pagesRead: number;
  since: Date;
}): number | null {
  if (page.items.length === 0) return null;
  const sinceSeconds = page.since.getTime() / 1000;
  if (page.items.some((i) => i.is_pinned !== 1 && i.date < sinceSeconds)) return null;
  const next = page.offset + page.items.length;
  if (next >= page.total || page.pagesRead >= VK_MAX_WALL_PAGES) return null;
  return next;
}
