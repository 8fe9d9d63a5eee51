import Link from "next/link";
import type { TAnalyticsReport } from "@/server/domain/analytics/types";
import type { TChange } from "@/server/domain/reports/format";
import { headlinesOf } from "@/server/domain/reports/headline";
import { figureHref, type TAnalyticsScope } from "./links";

const TONE_CLASSES = {
  good: "text-green-700",
  bad: "text-red-700",
  neutral: "text-slate-600",
} as const satisfies Record<TChange["tone"], string>;

/** "к прошлому месяцу: ▲ +3,3 п.п." — the arrow and colour only repeat what the words say. */
function Change({ label, change }: { label: string; change: TChange }) {
  return (
    <p className={`text-xs ${TONE_CLASSES[change.tone]}`}>
      <span className="text-slate-500">{label}: </span>
      {change.arrow ? <span aria-hidden="true">{change.arrow} </span> : null}
      {change.text}
      {change.tone !== "neutral" ? (
        <span className="sr-only">{change.tone === "good" ? " (лучше)" : " (хуже)"}</span>
      ) : null}
    </p>
  );
}

/** The headline numbers of the month, each opening its list of cases, with its change. */
export function Headlines({ report, scope }: { report: TAnalyticsReport; scope: TAnalyticsScope }) {
  const headlines = headlinesOf(report);
  return (
    <section aria-label="Основные показатели месяца" data-testid="analytics-headlines">
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {headlines.map((h) => (
          <li key={h.key} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`headline-${h.key}`}>
            <p className="text-sm text-slate-600">{h.label}</p>
            <p className="mt-1 text-2xl font-semibold tabular-nums">
              {h.figure ? (
                <Link
                  href={figureHref(scope, h.figure)}
                  className="text-brand-900 underline-offset-4 hover:underline"
                  aria-label={`${h.label}: ${h.text} — открыть список публикаций`}
                >
                  {h.text}
                </Link>
              ) : (
                h.text
              )}
            </p>
            <div className="mt-2 space-y-0.5">
              <Change label="к прошлому месяцу" change={h.vsPrevious} />
              <Change label="к тому же месяцу год назад" change={h.vsYearAgo} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
