import { z } from "zod";

const ZId = z.string().min(1).max(64);

export const ZNotificationList = z.object({
  cursor: ZId.nullish(),
  limit: z.number().int().min(1).max(100).default(20),
  unreadOnly: z.boolean().default(false),
});

export const ZNotificationMarkRead = z.object({ id: ZId });

export const ZNotificationAcknowledge = z.object({ id: ZId });

export const ZNotificationMarkAllRead = z
  .object({
    /** The newest notification the person was shown: later arrivals stay unread. */
    upTo: z.date().nullish(),
  })
  .default({});

export const ZNotificationView = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  caseId: z.string().nullable(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
  /** When the recipient confirmed an alert that asks for it ("Ознакомлен"). */
  acknowledgedAt: z.date().nullable(),
});
