import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "../../trpc";
import { acknowledgeNotification } from "../../../services/notifications/acknowledge";
import {
  countUnreadNotifications,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "../../../services/notifications/notifications";
import {
  ZNotificationAcknowledge,
  ZNotificationList,
  ZNotificationMarkAllRead,
  ZNotificationMarkRead,
  ZNotificationView,
} from "./notifications.schema";

/** Everyone signed in has notifications, and sees and marks only their own. */
export const notificationsRouter = createTRPCRouter({
  list: protectedProcedure
    .input(ZNotificationList)
    .output(z.object({ items: z.array(ZNotificationView), nextCursor: z.string().nullable() }))
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.user.id, input)),

  /** The bell polls this: one indexed count. */
  unreadCount: protectedProcedure
    .output(z.object({ count: z.number().int() }))
    .query(async ({ ctx }) => ({ count: await countUnreadNotifications(ctx.db, ctx.user.id) })),

  markRead: protectedProcedure
    .input(ZNotificationMarkRead)
    .output(z.object({ id: z.string(), readAt: z.date() }))
    .mutation(({ ctx, input }) => markNotificationRead(ctx.db, ctx.user.id, input.id, ctx.now())),

  markAllRead: protectedProcedure
    .input(ZNotificationMarkAllRead)
    .output(z.object({ count: z.number().int() }))
    .mutation(({ ctx, input }) => markAllNotificationsRead(ctx.db, ctx.user.id, input, ctx.now())),

  /** п.13 "Ознакомлен": the recipient confirms an alert about a socially significant publication. */
  acknowledge: protectedProcedure
    .input(ZNotificationAcknowledge)
    .output(z.object({ id: z.string(), acknowledgedAt: z.date(), readAt: z.date() }))
    .mutation(({ ctx, input }) => acknowledgeNotification(ctx.db, ctx.user.id, input.id, ctx.now())),
});
