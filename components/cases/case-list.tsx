"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf, inputClass, LoadMoreButton } from "@/components/ui/form";
import { day, identifier, oneOf, text, useQueryState } from "@/components/ui/table-state";
import { CASE_STATUS_LABELS, CASE_STATUSES, type TCaseStatus } from "@/server/domain/cases/case-types";
import { localDayRange } from "@/server/domain/time/local-day";
import { formatDateTime } from "@/server/domain/time/zone";
import { ClockBadge } from "./clock-badge";

const TABS: { key: string; label: string; statuses?: TCaseStatus[] }[] = [
  {
    key: "open",
    label: "В работе",
    statuses: ["NEW", "ASSIGNED", "INTERNAL_REVIEW", "AT_CURATOR", "REWORK", "APPROVED"],
  },
  ...CASE_STATUSES.map((s) => ({ key: s, label: CASE_STATUS_LABELS[s], statuses: [s] })),
  { key: "all", label: "Все" },
];

/**
 * The filters, kept in the address (/cases?status=NEW&from=2026-11-01…) so a filtered list can
 * be bookmarked, shared and survives a reload. The limits match the list's input schema.
 */
const FILTERS = {
  status: oneOf(
    TABS.map((t) => t.key),
    "open",
  ),
  q: text(200),
  clock: oneOf(["", "ON_TIME", "AT_RISK", "OVERDUE"]),
  department: identifier(64),
  network: identifier(20),
  from: day(),
  to: day(),
};

/** Typing in the search box rewrites the address and queries once the person pauses. */
const SEARCH_DELAY_MS = 300;

export function CaseList({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const id = useId();
  const [filters, setFilters] = useQueryState(FILTERS);
  const counts = useQuery(trpc.cases.counts.queryOptions());
  const options = useQuery(trpc.cases.filterOptions.queryOptions());

  // The search box holds what is being typed; the address gets it after a pause. When the
  // address changes otherwise (a link to /cases, going back), the box follows the address.
  const [search, setSearch] = useState(filters.q);
  const [written, setWritten] = useState(filters.q);
  const [addressQ, setAddressQ] = useState(filters.q);
  if (filters.q !== addressQ) {
    setAddressQ(filters.q);
    if (filters.q !== written) {
      setWritten(filters.q);
      setSearch(filters.q);
    }
  }
  useEffect(() => {
    const value = search.trim();
    if (value === filters.q) return;
    const timer = setTimeout(() => {
      setWritten(value);
      setFilters({ q: value });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, filters.q, setFilters]);

  // A department or network from an old link that no longer exists is ignored, like any bad value.
  const departmentId =
    options.data && !options.data.departments.some((d) => d.id === filters.department) ? "" : filters.department;
  const network = options.data && !options.data.networks.some((n) => n.code === filters.network) ? "" : filters.network;
  // The period is whole days in the municipality's zone: from 00:00 of the first to 24:00 of the last.
  const reversed = filters.from !== "" && filters.to !== "" && filters.from > filters.to;
  const period = reversed
    ? { start: null, end: null }
    : localDayRange({ from: filters.from, to: filters.to }, timeZone);
  const tab = filters.status;
  const statuses = TABS.find((t) => t.key === tab)?.statuses;
  const list = useInfiniteQuery(
    trpc.cases.list.infiniteQueryOptions(
      {
        status: statuses,
        text: filters.q || undefined,
        clockState: filters.clock || undefined,
        departmentId: departmentId || undefined,
        network: network || undefined,
        receivedFrom: period.start ?? undefined,
        receivedTo: period.end ?? undefined,
        limit: 30,
      },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const filtered =
    filters.q !== "" ||
    search !== "" ||
    filters.clock !== "" ||
    filters.department !== "" ||
    filters.network !== "" ||
    filters.from !== "" ||
    filters.to !== "";
  function resetFilters() {
    setSearch("");
    setWritten("");
    setFilters({ q: "", clock: "", department: "", network: "", from: "", to: "" });
  }
  const countOf = (t: (typeof TABS)[number]) =>
    (t.statuses ?? [...CASE_STATUSES]).reduce((sum, s) => sum + (counts.data?.[s] ?? 0), 0);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-1" role="tablist" aria-label="Статус">
        {TABS.map((t) => (
          <button
            key={t.key}
            role="tab"
            aria-selected={tab === t.key}
            onClick={() => setFilters({ status: t.key })}
            className={`rounded-md px-3 py-1.5 text-sm ${tab === t.key ? "bg-brand-600 text-white" : "bg-white text-slate-700 hover:bg-slate-100"}`}
          >
            {t.label} <span className="opacity-70">{counts.data ? countOf(t) : ""}</span>
          </button>
        ))}
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <input
          aria-label="Поиск по тексту, автору, номеру"
          placeholder="Поиск по тексту, автору, номеру"
          className={`${inputClass} mt-0 max-w-sm`}
          value={search}
          maxLength={200}
          onChange={(e) => setSearch(e.target.value)}
        />
        <select
          aria-label="Срок"
          className={`${inputClass} mt-0 max-w-xs`}
          value={filters.clock}
          onChange={(e) => setFilters({ clock: e.target.value as typeof filters.clock })}
        >
          <option value="">Любой срок</option>
          <option value="OVERDUE">Просрочено</option>
          <option value="AT_RISK">Срок истекает</option>
          <option value="ON_TIME">В срок</option>
        </select>
        <select
          aria-label="Отдел"
          className={`${inputClass} mt-0 max-w-xs`}
          value={departmentId}
          onChange={(e) => setFilters({ department: e.target.value })}
        >
          <option value="">Все отделы</option>
          {options.data?.departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Социальная сеть"
          className={`${inputClass} mt-0 max-w-xs`}
          value={network}
          onChange={(e) => setFilters({ network: e.target.value })}
        >
          <option value="">Все сети</option>
          {options.data?.networks.map((n) => (
            <option key={n.code} value={n.code}>
              {n.name}
            </option>
          ))}
        </select>
        <fieldset
          className="flex flex-wrap items-end gap-2"
          aria-describedby={reversed ? `${id}-period-error` : undefined}
        >
          <legend className="sr-only">Период поступления</legend>
          <label className="block w-40 text-sm text-slate-700">
            Поступила с
            <input
              type="date"
              className={`${inputClass} mt-0.5`}
              value={filters.from}
              max={filters.to || undefined}
              aria-invalid={reversed ? true : undefined}
              onChange={(e) => setFilters({ from: e.target.value })}
            />
          </label>
          <label className="block w-40 text-sm text-slate-700">
            по
            <input
              type="date"
              className={`${inputClass} mt-0.5`}
              value={filters.to}
              min={filters.from || undefined}
              aria-invalid={reversed ? true : undefined}
              onChange={(e) => setFilters({ to: e.target.value })}
            />
          </label>
        </fieldset>
        {filtered ? (
          <Button variant="secondary" onClick={resetFilters}>
            Сбросить фильтры
          </Button>
        ) : null}
      </div>
      {reversed ? (
        <p id={`${id}-period-error`} role="alert" className="text-sm text-red-700">
          Начало периода позже его окончания: период не учтён. Исправьте даты.
        </p>
      ) : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2">№</th>
              <th className="px-3 py-2">Поступила</th>
              <th className="px-3 py-2">Публикация</th>
              <th className="px-3 py-2">Отдел</th>
              <th className="px-3 py-2">Статус</th>
              <th className="px-3 py-2">Текущий срок</th>
              <th className="px-3 py-2">24 часа</th>
            </tr>
          </thead>
          <tbody>
            {list.isPending ? (
              <tr>
                <td colSpan={7} className="px-3 py-4 text-slate-500">
                  Загрузка…
                </td>
              </tr>
            ) : list.isError ? (
              <tr>
                <td colSpan={7} className="px-3 py-4 text-red-700">
                  {errorsOf(list.error).message}
                </td>
              </tr>
            ) : items.length === 0 ? (
              <tr>
                <td colSpan={7} className="px-3 py-4 text-slate-500">
                  Публикаций нет
                </td>
              </tr>
            ) : (
              items.map((c) => (
                <tr key={c.id} className="border-t border-slate-100 align-top" data-testid="case-row">
                  <td className="px-3 py-2 font-medium">
                    <Link href={`/cases/${c.id}`} className="text-brand-700 hover:underline">
                      {c.number}
                    </Link>
                    {c.significant ? (
                      <span className="ml-1 rounded bg-red-100 px-1 text-xs text-red-800" title="Социально значимая">
                        СЗ
                      </span>
                    ) : null}
                    {c.repeated ? (
                      <span className="ml-1 rounded bg-slate-200 px-1 text-xs" title="Повторная">
                        П
                      </span>
                    ) : null}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(c.receivedAt, timeZone)}</td>
                  <td className="max-w-md px-3 py-2">
                    <span className="text-xs text-slate-500">
                      {c.network.name}
                      {c.authorName ? ` · ${c.authorName}` : ""}
                    </span>
                    <span className="line-clamp-2 block">{c.text}</span>
                  </td>
                  <td className="px-3 py-2">{c.department?.name ?? "—"}</td>
                  <td className="px-3 py-2">{CASE_STATUS_LABELS[c.status]}</td>
                  <td className="px-3 py-2">
                    {c.clocks.current?.kind === "ANSWER" ? (
                      <span className="text-slate-400">—</span>
                    ) : (
                      <ClockBadge clock={c.clocks.current} compact />
                    )}
                  </td>
                  <td className="px-3 py-2">
                    <ClockBadge clock={c.clocks.answer} compact />
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
