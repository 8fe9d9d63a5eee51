"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf, FormMessage, LoadMoreButton } from "@/components/ui/form";
import { NOTIFICATIONS_PAGE_SIZE } from "./limits";
import { NotificationItem } from "./notification-item";
import { useNotificationActions } from "./use-notification-actions";

/** Every notification of the signed-in person, newest first, a page at a time. */
export function NotificationList({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const filterId = useId();
  const unread = useQuery(trpc.notifications.unreadCount.queryOptions());
  const list = useInfiniteQuery(
    trpc.notifications.list.infiniteQueryOptions(
      { limit: NOTIFICATIONS_PAGE_SIZE, unreadOnly },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const { markRead, markAllRead } = useNotificationActions();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const count = unread.data?.count;
  const failure = markRead.error ?? markAllRead.error ?? (list.isFetchNextPageError ? list.error : null);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700" aria-live="polite">
          {count === undefined ? "\u00a0" : count === 0 ? "Непрочитанных нет" : `Непрочитанных: ${count}`}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <label htmlFor={filterId} className="flex items-center gap-2 text-sm">
            <input
              id={filterId}
              type="checkbox"
              checked={unreadOnly}
              onChange={(e) => setUnreadOnly(e.target.checked)}
            />
            Только непрочитанные
          </label>
          <Button
            variant="secondary"
            disabled={!count || markAllRead.isPending}
            // The newest one on the screen: what arrived after it stays unread.
            onClick={() => markAllRead.mutate({ upTo: items[0]?.createdAt ?? null })}
          >
            Отметить все как прочитанные
          </Button>
        </div>
      </div>

      <FormMessage message={failure ? errorsOf(failure).message : null} />

      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
        {list.isPending ? (
          <p className="px-4 py-3 text-sm text-slate-600">Загрузка…</p>
        ) : list.isError && items.length === 0 ? (
          <p className="px-4 py-3 text-sm text-red-700">{errorsOf(list.error).message}</p>
        ) : items.length === 0 ? (
          <p className="px-4 py-3 text-sm text-slate-600">
            {unreadOnly ? "Непрочитанных уведомлений нет" : "Уведомлений нет"}
          </p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="notification-list">
            {items.map((n) => (
              <li key={n.id}>
                <NotificationItem notification={n} timeZone={timeZone} onMarkRead={(id) => markRead.mutate({ id })} />
              </li>
            ))}
          </ul>
        )}
      </div>

      <LoadMoreButton list={list} />
    </div>
  );
}
