"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useMemo, useState } from "react";
import { StatusMessage } from "@/components/queues/status-message";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf, inputClass, LoadMoreButton } from "@/components/ui/form";
import { identifier, oneOf, useQueryState, type TQueryParam } from "@/components/ui/table-state";
import { VIOLATION_LABELS, VIOLATION_TYPES, CLOCK_LABELS } from "@/server/domain/cases/case-types";
import { CLOCK_OF_VIOLATION } from "@/server/domain/violations/lateness";
import { formatMonth, isMonth } from "@/server/domain/violations/month";
import { formatDateTime } from "@/server/domain/time/zone";
import { DecisionForm } from "./decision-form";
import { VIOLATIONS_PAGE_SIZE } from "./types";
import { Decisions, Explanation, Lateness } from "./violation-parts";

/** "all" in the address: every month; otherwise "YYYY-MM", the current month by default. */
const ALL_MONTHS = "all";

const filterLabel = "block text-sm font-medium text-slate-700";

function monthParam(defaultMonth: string): TQueryParam<string> {
  return { default: defaultMonth, accept: (raw): raw is string => raw === ALL_MONTHS || isMonth(raw) };
}

/**
 * The violations register (п.12) for the deputy head and the head: filters kept in the address
 * (/violations?month=2026-03&department=…&person=…&type=…) so a view can be bookmarked and sent,
 * the counts per kind, the download of the same view as XLSX, and — for the deputy head — a
 * decision form on every row.
 */
export function ViolationRegister({ timeZone, defaultMonth }: { timeZone: string; defaultMonth: string }) {
  const trpc = useTRPC();
  const id = useId();
  const spec = useMemo(
    () => ({
      month: monthParam(defaultMonth),
      department: identifier(64),
      person: identifier(64),
      type: oneOf(["", ...VIOLATION_TYPES]),
    }),
    [defaultMonth],
  );
  const [filters, setFilters] = useQueryState(spec);
  const [status, setStatus] = useState("");
  const options = useQuery(trpc.violations.filterOptions.queryOptions());

  // A department or person from an old link that no longer exists is ignored, like any bad value.
  const department =
    options.data && !options.data.departments.some((d) => d.id === filters.department) ? "" : filters.department;
  const person = options.data && !options.data.people.some((p) => p.id === filters.person) ? "" : filters.person;
  const month = filters.month === ALL_MONTHS ? undefined : filters.month;
  const list = useInfiniteQuery(
    trpc.violations.list.infiniteQueryOptions(
      {
        month,
        departmentId: department || undefined,
        responsibleUserId: person || undefined,
        type: filters.type || undefined,
        limit: VIOLATIONS_PAGE_SIZE,
      },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const first = list.data?.pages[0];
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canDecide = first?.canDecide ?? false;

  const exportQuery = new URLSearchParams();
  if (month) exportQuery.set("month", month);
  if (department) exportQuery.set("departmentId", department);
  if (person) exportQuery.set("userId", person);
  if (filters.type) exportQuery.set("type", filters.type);
  const exportHref = `/api/violations/export${exportQuery.size ? `?${exportQuery.toString()}` : ""}`;
  const filtered = filters.month !== defaultMonth || department !== "" || person !== "" || filters.type !== "";

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
            value={month ?? ""}
            onChange={(e) => setFilters({ month: isMonth(e.target.value) ? e.target.value : ALL_MONTHS })}
          />
        </div>
        <Button
          variant="secondary"
          aria-pressed={filters.month === ALL_MONTHS}
          onClick={() => setFilters({ month: ALL_MONTHS })}
        >
          Все месяцы
        </Button>
        <div className="w-full sm:w-56">
          <label htmlFor={`${id}-department`} className={filterLabel}>
            Отдел
          </label>
          <select
            id={`${id}-department`}
            className={`${inputClass} mt-0.5`}
            value={department}
            onChange={(e) => setFilters({ department: e.target.value })}
          >
            <option value="">Все отделы</option>
            {options.data?.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
                {d.active ? "" : " (упразднён)"}
              </option>
            ))}
          </select>
        </div>
        <div className="w-full sm:w-56">
          <label htmlFor={`${id}-person`} className={filterLabel}>
            Ответственный
          </label>
          <select
            id={`${id}-person`}
            className={`${inputClass} mt-0.5`}
            value={person}
            onChange={(e) => setFilters({ person: e.target.value })}
          >
            <option value="">Все сотрудники</option>
            {options.data?.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.fullName}
                {p.active ? "" : " (заблокирован)"}
              </option>
            ))}
          </select>
        </div>
        <div className="w-full sm:w-72">
          <label htmlFor={`${id}-type`} className={filterLabel}>
            Вид нарушения
          </label>
          <select
            id={`${id}-type`}
            className={`${inputClass} mt-0.5`}
            value={filters.type}
            onChange={(e) => setFilters({ type: e.target.value as typeof filters.type })}
          >
            <option value="">Все виды</option>
            {VIOLATION_TYPES.map((type) => (
              <option key={type} value={type}>
                {VIOLATION_LABELS[type]}
              </option>
            ))}
          </select>
        </div>
        {filtered ? (
          <Button
            variant="secondary"
            onClick={() => setFilters({ month: defaultMonth, department: "", person: "", type: "" })}
          >
            Сбросить фильтры
          </Button>
        ) : null}
        <a
          href={exportHref}
          download
          className="ml-auto rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
        >
          Скачать XLSX
        </a>
      </div>

      {first ? (
        <div className="text-sm text-slate-700" aria-live="polite">
          <p>
            <strong className="font-semibold">
              {month ? `За ${formatMonth(month)}` : "За всё время"}: нарушений — {first.counts.total}
            </strong>
          </p>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-slate-600" aria-label="По видам">
            {VIOLATION_TYPES.map((type) => (
              <li key={type}>
                {CLOCK_LABELS[CLOCK_OF_VIOLATION[type]]}: {first.counts.byType[type]}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <StatusMessage message={status} />

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full min-w-[56rem] text-sm">
          <caption className="sr-only">Журнал нарушений</caption>
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                Публикация и нарушение
              </th>
              <th scope="col" className="px-3 py-2">
                Срок
              </th>
              <th scope="col" className="px-3 py-2">
                Ответственный
              </th>
              <th scope="col" className="px-3 py-2">
                Просрочка
              </th>
              <th scope="col" className="px-3 py-2">
                Объяснение
              </th>
              <th scope="col" className="px-3 py-2">
                Решение
              </th>
            </tr>
          </thead>
          <tbody>
            {list.isPending ? (
              <tr>
                <td colSpan={6} className="px-3 py-4 text-slate-500">
                  Загрузка…
                </td>
              </tr>
            ) : list.isError ? (
              <tr>
                <td colSpan={6} className="px-3 py-4 text-red-700" role="alert">
                  {errorsOf(list.error).message}
                </td>
              </tr>
            ) : items.length === 0 ? (
              <tr>
                <td colSpan={6} className="px-3 py-4 text-slate-500">
                  Нарушений нет
                </td>
              </tr>
            ) : (
              items.map((v) => (
                <tr key={v.id} className="border-t border-slate-100 align-top" data-testid="violation-row">
                  <td className="max-w-xs px-3 py-2">
                    <Link href={`/cases/${v.case.id}`} className="font-medium text-brand-700 hover:underline">
                      Публикация № {v.case.number}
                    </Link>
                    <span className="block">{v.typeLabel}</span>
                  </td>
                  <td className="px-3 py-2">
                    <span className="block">{v.clockLabel}</span>
                    <span className="block text-xs text-slate-600">истёк {formatDateTime(v.dueAt, timeZone)}</span>
                    <span className="block text-xs text-slate-600">
                      зафиксировано {formatDateTime(v.detectedAt, timeZone)}
                    </span>
                  </td>
                  <td className="px-3 py-2">
                    <span className="block">{v.responsibleUser?.fullName ?? "Сотрудник не указан"}</span>
                    <span className="block text-xs text-slate-600">{v.responsibleDepartment?.name ?? "—"}</span>
                  </td>
                  <td className="px-3 py-2">
                    <Lateness v={v} timeZone={timeZone} />
                  </td>
                  <td className="max-w-xs px-3 py-2">
                    <Explanation v={v} timeZone={timeZone} />
                  </td>
                  <td className="max-w-xs px-3 py-2">
                    <Decisions decisions={v.decisions} timeZone={timeZone} />
                    {canDecide ? (
                      <DecisionForm
                        violationId={v.id}
                        caseNumber={v.case.number}
                        decided={v.decisions.length > 0}
                        onSaved={setStatus}
                      />
                    ) : null}
                  </td>
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
