import type { TPrismaClient } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { ServiceError } from "../errors";

/**
 * A person's in-app notifications. Rows are written by the services whose changes cause them
 * (`server/services/cases/notify.ts`); here they are only read and marked read, and always
 * through the owner's id: another person's notification is "not found", never a refusal that
 * would confirm it exists.
 */

const NOTIFICATION_SELECT = {
  id: true,
  kind: true,
  title: true,
  body: true,
  link: true,
  caseId: true,
  createdAt: true,
  readAt: true,
  acknowledgedAt: true,
} satisfies Prisma.NotificationSelect;

export type TNotification = Prisma.NotificationGetPayload<{ select: typeof NOTIFICATION_SELECT }>;

export const NOTIFICATION_PAGE_MAX = 100;

/**
 * Only links inside the portal are followed: a path such as `/cases/…`. Anything else (an
 * absolute URL, a protocol-relative `//host`, `javascript:`) is dropped, so a notification can
 * never send someone off-site.
 */
export function toInternalLink(link: string | null): string | null {
  if (!link || !link.startsWith("/") || link.startsWith("//") || link.startsWith("/\\")) return null;
  return link;
}

function present(row: TNotification): TNotification {
  return { ...row, link: toInternalLink(row.link) };
}

/** A page of the user's notifications, newest first; `nextCursor` continues after the last one. */
export async function listNotifications(
  prisma: TPrismaClient,
  userId: string,
  options: { cursor?: string | null; limit?: number; unreadOnly?: boolean } = {},
): Promise<{ items: TNotification[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(options.limit ?? 20, 1), NOTIFICATION_PAGE_MAX);
  const where: Prisma.NotificationWhereInput = { userId, ...(options.unreadOnly ? { readAt: null } : {}) };
  let after: Prisma.NotificationWhereInput = {};
  if (options.cursor) {
    const cursor = await prisma.notification.findFirst({
      where: { id: options.cursor, userId },
      select: { id: true, createdAt: true },
    });
    if (!cursor) throw new ServiceError("BAD_REQUEST", "Список уведомлений устарел: обновите страницу", "cursor");
    // Keyset on (createdAt, id): rows marked read meanwhile neither repeat nor go missing.
    after = {
      OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }],
    };
  }
  const rows = await prisma.notification.findMany({
    where: { AND: [where, after] },
    select: NOTIFICATION_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const items = rows.slice(0, limit).map(present);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

export function countUnreadNotifications(prisma: TPrismaClient, userId: string): Promise<number> {
  return prisma.notification.count({ where: { userId, readAt: null } });
}

/** Marks one of the user's notifications read; marking it again keeps the first time. */
export async function markNotificationRead(
  prisma: TPrismaClient,
  userId: string,
  notificationId: string,
  now: Date,
): Promise<{ id: string; readAt: Date }> {
  await prisma.notification.updateMany({
    where: { id: notificationId, userId, readAt: null },
    data: { readAt: now },
  });
  const row = await prisma.notification.findFirst({
    where: { id: notificationId, userId },
    select: { id: true, readAt: true },
  });
  if (!row?.readAt) throw new ServiceError("NOT_FOUND", "Уведомление не найдено");
  return { id: row.id, readAt: row.readAt };
}

/**
 * Marks all the user's unread notifications read. With `upTo` (the newest one the person was
 * shown) a notification that arrived after they looked stays unread.
 */
export async function markAllNotificationsRead(
  prisma: TPrismaClient,
  userId: string,
  options: { upTo?: Date | null },
  now: Date,
): Promise<{ count: number }> {
  const { count } = await prisma.notification.updateMany({
    where: { userId, readAt: null, ...(options.upTo ? { createdAt: { lte: options.upTo } } : {}) },
    data: { readAt: now },
  });
  return { count };
}
