"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useTRPC } from "@/components/trpc/client";
import { errorsOf, LoadMoreButton } from "@/components/ui/form";
import { CASE_STATUS_LABELS } from "@/server/domain/cases/case-types";
import { figureKeyLabel, FIGURE_LABELS } from "@/server/domain/reports/figures";
import { formatCount } from "@/server/domain/reports/format";
import { formatMonthTitle } from "@/server/domain/reports/month";
import { formatDateTime } from "@/server/domain/time/zone";
import { dashboardHref, figureCasesInput, readFigureQuery, reportInput, type TFigureQuery } from "./links";

/**
 * The cases behind one figure of the monthly analysis
 * (/analytics/cases?month=2026-03&figure=byDepartment&key=…), selected by the same predicate
 * that counted them, each opening its case.
 */
export function FigureCases({ defaultMonth, timeZone }: { defaultMonth: string; timeZone: string }) {
  const params = useSearchParams();
  const query = readFigureQuery(params, defaultMonth);
  if (!query) {
    return (
      <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
        Ссылка неполная или устарела: не указан показатель или месяц.{" "}
        <Link href="/analytics" className="underline">
          Вернуться к анализу
        </Link>
      </p>
    );
  }
  return <FigureCasesList query={query} timeZone={timeZone} />;
}

function FigureCasesList({ query, timeZone }: { query: TFigureQuery; timeZone: string }) {
  const trpc = useTRPC();
  const { scope, figure, key } = query;
  const list = useInfiniteQuery(
    trpc.analytics.figureCases.infiniteQueryOptions(figureCasesInput(query), {
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  );
  // The name of the key (a department, a network …) as the month's figures call it; the
  // analysis is usually cached from the page the person came from.
  const report = useQuery(trpc.analytics.report.queryOptions(reportInput(scope)));
  const keyLabel = key && report.data ? figureKeyLabel(report.data.current, figure, key) : null;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total;
  const manyMunicipalities = (report.data?.scope.municipalityIds.length ?? 1) > 1;

  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm">
          <Link href={dashboardHref(scope)} className="text-brand-700 underline">
            ← К анализу за {formatMonthTitle(scope.month)}
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold" data-testid="figure-title">
          {FIGURE_LABELS[figure]}
          {keyLabel ? `: ${keyLabel}` : ""}
        </h1>
        <p className="text-sm text-slate-600">
          {report.data ? `${report.data.scope.title}, ` : ""}
          {formatMonthTitle(scope.month)}
          {total !== undefined ? ` — публикаций: ${formatCount(total)}` : ""}
        </p>
      </div>

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full min-w-[48rem] text-sm">
          <caption className="sr-only">Публикации показателя</caption>
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                Публикация
              </th>
              <th scope="col" className="px-3 py-2">
                Поступила
              </th>
              {manyMunicipalities ? (
                <th scope="col" className="px-3 py-2">
                  Муниципальное образование
                </th>
              ) : null}
              <th scope="col" className="px-3 py-2">
                Отдел
              </th>
              <th scope="col" className="px-3 py-2">
                Статус
              </th>
            </tr>
          </thead>
          <tbody>
            {list.isPending ? (
              <tr>
                <td colSpan={5} className="px-3 py-4 text-slate-500">
                  Загрузка…
                </td>
              </tr>
            ) : list.isError ? (
              <tr>
                <td colSpan={5} className="px-3 py-4 text-red-700" role="alert">
                  {errorsOf(list.error).message}
                </td>
              </tr>
            ) : items.length === 0 ? (
              <tr>
                <td colSpan={5} className="px-3 py-4 text-slate-500">
                  Публикаций нет
                </td>
              </tr>
            ) : (
              items.map((c) => (
                <tr key={c.id} className="border-t border-slate-100 align-top" data-testid="figure-case-row">
                  <td className="max-w-md px-3 py-2">
                    <Link href={`/cases/${c.id}`} className="font-medium text-brand-700 hover:underline">
                      Публикация № {c.number}
                    </Link>
                    <span className="ml-2 text-xs text-slate-500">{c.networkName}</span>
                    <span className="block text-slate-700">{c.excerpt}</span>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(c.receivedAt, timeZone)}</td>
                  {manyMunicipalities ? <td className="px-3 py-2">{c.municipalityName}</td> : null}
                  <td className="px-3 py-2">{c.departmentName ?? "—"}</td>
                  <td className="px-3 py-2">{CASE_STATUS_LABELS[c.status]}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <LoadMoreButton list={list} />
    </div>
  );
}
