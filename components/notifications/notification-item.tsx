"use client";

import Link from "next/link";
import { Button, errorsOf } from "@/components/ui/form";
import { needsAcknowledgement } from "@/server/domain/scheduler/escalation";
import { formatDateTime } from "@/server/domain/time/zone";
import { useAcknowledgeNotification, type TNotificationView } from "./use-notification-actions";

/**
 * One notification: a link to its case when it has one (following it marks it read), otherwise
 * a button that marks it read. Unread ones are tinted and say so to screen readers too. An
 * alert about a socially significant publication (п.13) also asks its recipient to confirm it
 * with "Ознакомлен", beside the link rather than inside it.
 */
export function NotificationItem({
  notification: n,
  timeZone,
  onMarkRead,
  onFollow,
}: {
  notification: TNotificationView;
  timeZone: string;
  onMarkRead: (id: string) => void;
  /** Called after a link is followed (the panel closes). */
  onFollow?: () => void;
}) {
  const unread = n.readAt === null;
  const content = (
    <span className="flex items-start gap-2">
      {unread ? <span aria-hidden className="mt-1.5 size-2 shrink-0 rounded-full bg-brand-600" /> : null}
      <span className="min-w-0 flex-1">
        <span className={`block ${unread ? "font-semibold text-slate-900" : "font-medium text-slate-700"}`}>
          {unread ? <span className="sr-only">Непрочитанное: </span> : null}
          {n.title}
        </span>
        <span className="mt-0.5 block break-words text-slate-700">{n.body}</span>
        <span className="mt-1 block text-xs text-slate-600">
          <time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt, timeZone)}</time>
          {n.link ? <span className="text-brand-700"> · {n.caseId ? "Открыть публикацию" : "Открыть"}</span> : null}
        </span>
      </span>
    </span>
  );
  const className = `block w-full px-4 py-3 text-left text-sm hover:bg-slate-100 ${unread ? "bg-brand-50" : "bg-white"}`;

  const main = n.link ? (
    <Link
      href={n.link}
      className={className}
      onClick={() => {
        if (unread) onMarkRead(n.id);
        onFollow?.();
      }}
    >
      {content}
    </Link>
  ) : unread ? (
    <button type="button" className={className} onClick={() => onMarkRead(n.id)}>
      {content}
      <span className="mt-1 block text-xs text-brand-700">Отметить как прочитанное</span>
    </button>
  ) : (
    <div className={className}>{content}</div>
  );
  if (!needsAcknowledgement(n.kind)) return main;
  return (
    <div className={unread ? "bg-brand-50" : "bg-white"}>
      {main}
      <Acknowledgement notification={n} timeZone={timeZone} />
    </div>
  );
}

function Acknowledgement({ notification: n, timeZone }: { notification: TNotificationView; timeZone: string }) {
  const acknowledge = useAcknowledgeNotification();
  if (n.acknowledgedAt) {
    return (
      <p className="px-4 pb-3 text-xs text-slate-600">
        Вы ознакомились:{" "}
        <time dateTime={n.acknowledgedAt.toISOString()}>{formatDateTime(n.acknowledgedAt, timeZone)}</time>
      </p>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-3 px-4 pb-3">
      <Button
        aria-label={`Ознакомлен: ${n.title}`}
        disabled={acknowledge.isPending}
        onClick={() => acknowledge.mutate({ id: n.id })}
      >
        {acknowledge.isPending ? "Сохранение…" : "Ознакомлен"}
      </Button>
      {acknowledge.error ? (
        <span role="alert" className="text-sm text-red-700">
          {errorsOf(acknowledge.error).message}
        </span>
      ) : null}
    </div>
  );
}
