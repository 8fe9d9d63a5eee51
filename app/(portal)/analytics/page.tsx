import type { Metadata } from "next";
import { Suspense } from "react";
import { AnalyticsDashboard } from "@/components/analytics/analytics-dashboard";
import { reportInput } from "@/components/analytics/links";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";
import { requirePermission } from "@/server/auth/current";
import { isMonth, monthOf } from "@/server/domain/violations/month";

export const metadata: Metadata = { title: "Анализ за месяц" };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export default async function AnalyticsPage({ searchParams }: { searchParams: TSearchParams }) {
  const user = await requirePermission("analytics.view");
  // The month the analysis opens on: the current one on the municipality's calendar.
  const defaultMonth = monthOf(new Date(), user.timeZone);
  const params = await searchParams;
  const month =
    typeof params.month === "string" && isMonth(params.month) && params.month <= defaultMonth
      ? params.month
      : defaultMonth;
  const municipality =
    typeof params.municipality === "string" && ID_PATTERN.test(params.municipality) ? params.municipality : "";
  // What the address asks for is rendered with the page; a municipality the viewer may not
  // see fails here quietly and the dashboard shows the refusal.
  // The rating section shows the speed thresholds of a single municipality's formula.
  const single = municipality || user.municipality?.id;
  await Promise.all([
    getQueryClient().prefetchQuery(trpc.analytics.municipalities.queryOptions()),
    getQueryClient().prefetchQuery(trpc.analytics.report.queryOptions(reportInput({ month, municipality }))),
    single
      ? getQueryClient().prefetchQuery(trpc.analytics.ratingFormula.queryOptions({ municipalityId: single }))
      : null,
  ]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Анализ работы с публикациями</h1>
        <p className="text-sm text-slate-600">
          Ежемесячный анализ (п.13 Регламента): поступление публикаций, своевременность и качество ответов по отделам,
          нарушения сроков, плановые публикации и рейтинг. Закрытый месяц показывается по сохранённым итогам, текущий —
          на сейчас. Любое число открывает список его публикаций. Время — по часовому поясу муниципального образования.
        </p>
      </div>
      {/* The dashboard reads month and municipality from the address (useSearchParams), which needs a boundary. */}
      <Suspense fallback={<p className="text-slate-500">Загрузка…</p>}>
        <HydrateClient>
          <AnalyticsDashboard defaultMonth={defaultMonth} />
        </HydrateClient>
      </Suspense>
    </div>
  );
}
