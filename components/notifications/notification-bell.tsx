"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { errorsOf } from "@/components/ui/form";
import { badgeText, bellLabel } from "./labels";
import { BELL_PANEL_SIZE } from "./limits";
import { NotificationItem } from "./notification-item";
import { useNotificationActions } from "./use-notification-actions";

/** How often the unread count is asked for; TanStack Query pauses it while the tab is hidden. */
const POLL_MS = 30_000;

/**
 * The header's bell: the unread count as a badge and in the button's name, and a panel with the
 * latest notifications. The panel is a non-modal dialog: it takes focus when opened, Esc closes
 * it and returns focus to the bell, and clicking or tabbing away closes it.
 */
export function NotificationBell({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const headingId = useId();

  const unread = useQuery(
    trpc.notifications.unreadCount.queryOptions(undefined, {
      // A session that ended stays ended: stop asking until the next sign-in reloads the page.
      refetchInterval: (query) => (query.state.error?.data?.code === "UNAUTHORIZED" ? false : POLL_MS),
    }),
  );
  const list = useQuery({
    ...trpc.notifications.list.queryOptions({ limit: BELL_PANEL_SIZE }),
    enabled: open,
    // Opening the panel always shows what is there now.
    staleTime: 0,
    refetchInterval: open ? POLL_MS : false,
  });
  const { markRead, markAllRead } = useNotificationActions();
  const count = unread.data?.count;
  const items = list.data?.items ?? [];

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    panelRef.current?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const failure = markRead.error ?? markAllRead.error;
  const anyUnread = Boolean(count) || items.some((n) => n.readAt === null);

  return (
    <div
      ref={rootRef}
      className="relative"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.stopPropagation();
          close(true);
        }
      }}
      onBlur={(event) => {
        // Focus moved somewhere outside the bell and its panel (Tab past the end, for one).
        if (open && event.relatedTarget && !event.currentTarget.contains(event.relatedTarget)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-label={bellLabel(count)}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-haspopup="dialog"
        onClick={() => setOpen((o) => !o)}
        className="relative rounded-md border border-slate-300 p-1.5 text-slate-700 hover:bg-slate-100"
        data-testid="notification-bell"
      >
        <svg aria-hidden viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" className="size-5">
          <path strokeLinecap="round" strokeLinejoin="round" d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path strokeLinecap="round" strokeLinejoin="round" d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {count ? (
          <span
            aria-hidden
            className="absolute -right-2 -top-2 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-semibold leading-5 text-white"
          >
            {badgeText(count)}
          </span>
        ) : null}
      </button>

      {open ? (
        <div
          ref={panelRef}
          id={panelId}
          role="dialog"
          aria-labelledby={headingId}
          tabIndex={-1}
          className="absolute right-0 top-full z-20 mt-2 flex max-h-[70vh] w-[min(26rem,calc(100vw-2rem))] flex-col overflow-hidden rounded-lg border border-slate-200 bg-white shadow-lg focus:outline-none"
        >
          <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-4 py-2">
            <h2 id={headingId} className="font-semibold">
              Уведомления
            </h2>
            <button
              type="button"
              className="rounded-md px-2 py-1 text-sm text-brand-700 hover:bg-brand-50 disabled:text-slate-500 disabled:hover:bg-transparent"
              disabled={!anyUnread || markAllRead.isPending}
              onClick={() =>
                markAllRead.mutate(
                  { upTo: items[0]?.createdAt ?? null },
                  // The button is disabled meanwhile and loses focus: keep keyboard users in the panel.
                  { onSettled: () => panelRef.current?.focus() },
                )
              }
            >
              Отметить все как прочитанные
            </button>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto">
            {list.isPending ? (
              <p className="px-4 py-3 text-sm text-slate-600">Загрузка…</p>
            ) : list.isError ? (
              <p className="px-4 py-3 text-sm text-red-700">{errorsOf(list.error).message}</p>
            ) : items.length === 0 ? (
              <p className="px-4 py-3 text-sm text-slate-600">Уведомлений нет</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {items.map((n) => (
                  <li key={n.id}>
                    <NotificationItem
                      notification={n}
                      timeZone={timeZone}
                      onMarkRead={(id) => markRead.mutate({ id })}
                      onFollow={() => setOpen(false)}
                    />
                  </li>
                ))}
              </ul>
            )}
          </div>
          {failure ? (
            <p role="alert" className="border-t border-slate-200 px-4 py-2 text-sm text-red-700">
              {errorsOf(failure).message}
            </p>
          ) : null}
          <div className="border-t border-slate-200 px-4 py-2 text-sm">
            <Link href="/notifications" className="text-brand-700 hover:underline" onClick={() => setOpen(false)}>
              Все уведомления
            </Link>
          </div>
        </div>
      ) : null}
    </div>
  );
}
