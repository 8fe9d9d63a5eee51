"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf, inputClass } from "@/components/ui/form";
import { CASE_STATUS_LABELS, CASE_STATUSES, type TCaseStatus } from "@/server/domain/cases/case-types";
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

export function CaseList({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const [tab, setTab] = useState("open");
  const [text, setText] = useState("");
  const [clockState, setClockState] = useState<"" | "ON_TIME" | "AT_RISK" | "OVERDUE">("");
  const [departmentId, setDepartmentId] = useState("");
  const [network, setNetwork] = useState("");
  const counts = useQuery(trpc.cases.counts.queryOptions());
  const options = useQuery(trpc.cases.filterOptions.queryOptions());
  const statuses = TABS.find((t) => t.key === tab)?.statuses;
  const list = useInfiniteQuery(
    trpc.cases.list.infiniteQueryOptions(
      {
        status: statuses,
        text: text.trim() || undefined,
        clockState: clockState || undefined,
        departmentId: departmentId || undefined,
        network: network || undefined,
        limit: 30,
      },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
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
            onClick={() => setTab(t.key)}
            className={`rounded-md px-3 py-1.5 text-sm ${tab === t.key ? "bg-brand-600 text-white" : "bg-white text-slate-700 hover:bg-slate-100"}`}
          >
            {t.label} <span className="opacity-70">{counts.data ? countOf(t) : ""}</span>
          </button>
        ))}
      </div>
      <div className="flex flex-wrap gap-3">
        <input
          aria-label="Поиск по тексту, автору, номеру"
          placeholder="Поиск по тексту, автору, номеру"
          className={`${inputClass} mt-0 max-w-sm`}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <select
          aria-label="Срок"
          className={`${inputClass} mt-0 max-w-xs`}
          value={clockState}
          onChange={(e) => setClockState(e.target.value as typeof clockState)}
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
          onChange={(e) => setDepartmentId(e.target.value)}
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
          onChange={(e) => setNetwork(e.target.value)}
        >
          <option value="">Все сети</option>
          {options.data?.networks.map((n) => (
            <option key={n.code} value={n.code}>
              {n.name}
            </option>
          ))}
        </select>
      </div>
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
      {list.hasNextPage ? (
        <Button variant="secondary" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {list.isFetchingNextPage ? "Загрузка…" : "Показать ещё"}
        </Button>
      ) : null}
    </div>
  );
}
