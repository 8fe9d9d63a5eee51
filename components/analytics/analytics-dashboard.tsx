"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useMemo } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf, inputClass } from "@/components/ui/form";
import { identifier, useQueryState, type TQueryParam } from "@/components/ui/table-state";
import { formatMonthTitle, previousMonth } from "@/server/domain/reports/month";
import { describeDataState } from "@/server/domain/reports/tables";
import { isMonth, nextMonth } from "@/server/domain/violations/month";
import { ClocksChart, DepartmentsChart, NetworksChart, TrendChart } from "./charts";
import { Headlines } from "./headlines";
import { reportDownloadHref, reportInput, type TAnalyticsScope } from "./links";
import {
  DurationsSection,
  RatingSection,
  RoutineSection,
  SurgesSection,
  ViolationsSection,
  VolumeSection,
} from "./sections";

const filterLabel = "block text-sm font-medium text-slate-700";

/** A month up to the current one: later months have nothing in them yet. */
function monthParam(defaultMonth: string): TQueryParam<string> {
  return { default: defaultMonth, accept: (raw): raw is string => isMonth(raw) && raw <= defaultMonth };
}

/**
 * The monthly analysis (п.13): month and, for a curator, municipality kept in the address
 * (/analytics?month=2026-03&municipality=…), the headline numbers with their changes, the
 * charts with their tables, and the DOCX and XLSX of the same month and scope.
 */
export function AnalyticsDashboard({ defaultMonth }: { defaultMonth: string }) {
  const trpc = useTRPC();
  const id = useId();
  const spec = useMemo(() => ({ month: monthParam(defaultMonth), municipality: identifier(64) }), [defaultMonth]);
  const [filters, setFilters] = useQueryState(spec);
  const municipalities = useQuery(trpc.analytics.municipalities.queryOptions());
  // A municipality from an old link that the viewer may not see is ignored, like any bad value.
  const municipality =
    municipalities.data && !municipalities.data.some((m) => m.id === filters.municipality) ? "" : filters.municipality;
  const scope: TAnalyticsScope = { month: filters.month, municipality };
  const report = useQuery(trpc.analytics.report.queryOptions(reportInput(scope)));
  const canChoose = (municipalities.data?.length ?? 0) > 1;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-44">
          <label htmlFor={`${id}-month`} className={filterLabel}>
            Месяц
          </label>
          <input
            id={`${id}-month`}
            type="month"
            className={`${inputClass} mt-0.5`}
            value={filters.month}
            max={defaultMonth}
            required
            onChange={(e) => {
              if (isMonth(e.target.value) && e.target.value <= defaultMonth) setFilters({ month: e.target.value });
            }}
          />
        </div>
        <Button variant="secondary" onClick={() => setFilters({ month: previousMonth(filters.month) })}>
          ← Предыдущий
        </Button>
        <Button
          variant="secondary"
          disabled={filters.month >= defaultMonth}
          onClick={() => setFilters({ month: nextMonth(filters.month) })}
        >
          Следующий →
        </Button>
        {canChoose ? (
          <div className="w-full sm:w-72">
            <label htmlFor={`${id}-municipality`} className={filterLabel}>
              Муниципальное образование
            </label>
            <select
              id={`${id}-municipality`}
              className={`${inputClass} mt-0.5`}
              value={municipality}
              onChange={(e) => setFilters({ municipality: e.target.value })}
            >
              <option value="">Все муниципальные образования</option>
              {municipalities.data?.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="ml-auto flex gap-2">
          <a
            href={reportDownloadHref(scope, "docx")}
            download
            className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
            data-testid="download-docx"
          >
            Скачать DOCX
          </a>
          <a
            href={reportDownloadHref(scope, "xlsx")}
            download
            className="rounded-md border border-brand-600 bg-white px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50"
            data-testid="download-xlsx"
          >
            Скачать XLSX
          </a>
        </div>
      </div>

      {report.isPending ? (
        <p className="text-slate-500">Загрузка…</p>
      ) : report.isError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {errorsOf(report.error).message}
        </p>
      ) : (
        <div className="space-y-4" aria-live="polite">
          <p className="text-sm text-slate-600" data-testid="analytics-scope">
            <strong className="font-semibold text-slate-800">
              {report.data.scope.title}, {formatMonthTitle(report.data.current.month)}
            </strong>{" "}
            — данные {describeDataState(report.data)}.
          </p>
          <Headlines report={report.data} scope={scope} />
          <TrendChart report={report.data} scope={scope} />
          <div className="grid gap-4 lg:grid-cols-2">
            <NetworksChart report={report.data} scope={scope} />
            <ClocksChart report={report.data} scope={scope} />
          </div>
          <DepartmentsChart report={report.data} scope={scope} />
          <VolumeSection report={report.data} scope={scope} />
          <DurationsSection report={report.data} scope={scope} />
          <ViolationsSection report={report.data} scope={scope} />
          <RatingSection report={report.data} scope={scope} />
          <RoutineSection report={report.data} />
          <SurgesSection report={report.data} />
        </div>
      )}
    </div>
  );
}
