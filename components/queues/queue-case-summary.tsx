import Link from "next/link";
import type { ReactNode } from "react";
import { ClockBadge } from "@/components/cases/clock-badge";
import { formatDateTime } from "@/server/domain/time/zone";
import type { TQueueCase } from "./types";

/**
 * What a queue row says about its case: number, network, markers, a line of the publication,
 * author, when it was received (in its municipality's zone) and the clocks: the one running now
 * and the 24-hour one (shown once where they are the same).
 */
export function QueueCaseSummary({
  c,
  showMunicipality = false,
  children,
}: {
  c: TQueueCase;
  showMunicipality?: boolean;
  /** Extra lines under the summary (department, executor, remarks). */
  children?: ReactNode;
}) {
  const current = c.clocks.current;
  return (
    <div className="min-w-0 flex-1 space-y-1.5">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Link href={`/cases/${c.id}`} className="font-semibold text-brand-700 hover:underline">
          <span className="sr-only">Публикация </span>№ {c.number}
        </Link>
        <span className="text-sm text-slate-600">{c.network.name}</span>
        {c.significant ? (
          <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-800">Социально значимая</span>
        ) : null}
        {c.repeated ? (
          <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-800">
            {c.repeatOf ? `Повторная к № ${c.repeatOf.number}` : "Повторная"}
          </span>
        ) : null}
        {showMunicipality ? <span className="text-sm text-slate-600">· {c.municipality.name}</span> : null}
      </div>
      <p className="line-clamp-2 text-sm text-slate-900" title={c.excerpt}>
        {c.excerpt}
      </p>
      <p className="text-xs text-slate-600">
        {c.authorName ? `${c.authorName} · ` : ""}поступила{" "}
        <time dateTime={c.receivedAt.toISOString()}>{formatDateTime(c.receivedAt, c.municipality.timeZone)}</time>
        {c.topic ? ` · ${c.topic.name}` : ""}
      </p>
      <div className="flex flex-wrap gap-2">
        {current && current.kind !== "ANSWER" ? <ClockBadge clock={current} /> : null}
        <ClockBadge clock={c.clocks.answer} />
      </div>
      {children}
    </div>
  );
}
