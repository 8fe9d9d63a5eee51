import type { TPrismaClient } from "../../db/client";
import { needsAcknowledgement } from "../../domain/scheduler/escalation";
import { ServiceError } from "../errors";

/**
 * п.13: the recipient of an alert about a socially significant publication confirms it
 * ("Ознакомлен"). The head's confirmation is what stops the alert being repeated to the deputy
 * head and the manager (server/services/scheduler/escalations.ts). Only the alert's own
 * recipient can confirm it; confirming again keeps the first time. A confirmed alert is read.
 */
export async function acknowledgeNotification(
  prisma: TPrismaClient,
  userId: string,
  notificationId: string,
  now: Date,
): Promise<{ id: string; acknowledgedAt: Date; readAt: Date }> {
  const row = await prisma.notification.findFirst({
    where: { id: notificationId, userId },
    select: { id: true, kind: true },
  });
  // Another person's notification is "not found", never a refusal that would confirm it exists.
  if (!row) throw new ServiceError("NOT_FOUND", "Уведомление не найдено");
  if (!needsAcknowledgement(row.kind)) {
    throw new ServiceError("BAD_REQUEST", "Это уведомление не требует подтверждения ознакомления");
  }
  await prisma.$transaction([
    prisma.notification.updateMany({ where: { id: row.id, acknowledgedAt: null }, data: { acknowledgedAt: now } }),
    prisma.notification.updateMany({ where: { id: row.id, readAt: null }, data: { readAt: now } }),
  ]);
  const after = await prisma.notification.findUniqueOrThrow({
    where: { id: row.id },
    select: { id: true, acknowledgedAt: true, readAt: true },
  });
  return { id: after.id, acknowledgedAt: after.acknowledgedAt ?? now, readAt: after.readAt ?? now };
}
