import type { TPrismaClient } from "../../db/client";
import { notifyUsersMany } from "../cases/notify";

/** One notification the scheduler means to send, to each of `userIds`, keyed `<dedupe>:<userId>`. */
export interface TNotice {
  dedupe: string;
  userIds: readonly string[];
  caseId: string;
  kind: string;
  title: string;
  body: string;
}

/**
 * Writes each notice to those of its recipients who do not have it yet, through `notifyUsers`
 * (so whatever that decides for a row, e-mail included, applies here too). The scheduler looks
 * at the same due reminders and alerts minute after minute until their clocks move on; one
 * indexed look-up of the dedupe keys per batch tells which are new, instead of an insert attempt
 * per notice per minute. The unique dedupe key still decides if two writers race. Returns how
 * many notices were sent to someone new.
 */
export async function notifyOnce(prisma: TPrismaClient, notices: readonly TNotice[], now: Date): Promise<number> {
  const keys = notices.flatMap((n) => n.userIds.map((userId) => `${n.dedupe}:${userId}`));
  // One probe of the unique index per key, all in one statement (an array parameter, not a
  // parameter per key).
  const existing = new Set<string>();
  if (keys.length > 0) {
    const rows = await prisma.$queryRaw<{ dedupeKey: string }[]>`
      SELECT "dedupeKey" FROM "Notification" WHERE "dedupeKey" = ANY(${keys}::text[])`;
    for (const row of rows) existing.add(row.dedupeKey);
  }
  const fresh = notices
    .map((notice) => ({
      ...notice,
      userIds: notice.userIds.filter((userId) => !existing.has(`${notice.dedupe}:${userId}`)),
      now,
    }))
    .filter((notice) => notice.userIds.length > 0);
  // One insert for the batch: the unique dedupe key still settles a race row by row.
  await notifyUsersMany(prisma, fresh);
  return fresh.length;
}
