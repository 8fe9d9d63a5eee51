"use client";

import { useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { inputClass } from "@/components/ui/form";
import { formatDateTime } from "@/server/domain/time/zone";
import { CuratorDecision } from "./curator-decision";
import { QueueCaseSummary } from "./queue-case-summary";
import { QueueSection } from "./queue-section";
import { StatusMessage } from "./status-message";
import type { TCuratorCase } from "./types";
import { useSettledRows } from "./use-settled-rows";

const REFRESH_MS = 60_000;

const KIND_LABELS = {
  MEASURES: "Принятые меры, этапы и сроки",
  REFUSAL: "Обоснованный отказ",
} as const;

const STAGE_LABELS = { INTERNAL: "Проверка в отделе", CURATOR: "Куратор" } as const;
const OUTCOME_LABELS = { APPROVED: "согласовано", RETURNED: "возвращено на доработку" } as const;

function Draft({ c }: { c: TCuratorCase }) {
  const zone = c.municipality.timeZone;
  if (!c.draft) {
    return <p className="text-sm text-red-700">Поданного проекта ответа нет — откройте публикацию.</p>;
  }
  return (
    <div className="space-y-1">
      <h3 className="text-sm font-semibold">
        Проект ответа, версия {c.draft.version}: {KIND_LABELS[c.draft.kind]}
      </h3>
      <p className="text-xs text-slate-600">
        {c.draft.author}
        {c.draft.submittedAt ? `, ${formatDateTime(c.draft.submittedAt, zone)}` : ""}
        {c.department ? ` · ${c.department.name}` : ""}
        {c.draft.attachments > 0 ? (
          <>
            {" · "}
            <Link href={`/cases/${c.id}`} className="text-brand-700 underline hover:no-underline">
              материалы: {c.draft.attachments}
            </Link>
          </>
        ) : null}
      </p>
      <div
        className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm whitespace-pre-wrap"
        data-testid="draft-text"
      >
        {c.draft.text}
      </div>
    </div>
  );
}

function PreviousComments({ c }: { c: TCuratorCase }) {
  if (c.previousComments.length === 0) return null;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-700">
        Замечания к прежним версиям: {c.previousComments.length}
      </summary>
      <ul className="mt-2 space-y-2">
        {c.previousComments.map((d) => (
          <li key={d.id} className="rounded-md border border-slate-200 px-3 py-2">
            <p className="text-xs text-slate-600">
              {STAGE_LABELS[d.stage]}
              {d.onBehalfOfCurator ? " (внесено за куратора)" : ""}, {d.decidedBy},{" "}
              {formatDateTime(d.createdAt, c.municipality.timeZone)} — версия {d.draftVersion},{" "}
              {OUTCOME_LABELS[d.outcome]}
            </p>
            <p className="whitespace-pre-wrap">{d.comment}</p>
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * The curator's approval queue (п.10): drafts at the curator across the municipalities it
 * curates, most urgent first, each with the publication and the draft's text so the decision
 * is taken right here.
 */
export function CuratorQueue() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const filterId = useId();
  const { data } = useSuspenseQuery(trpc.queues.curator.queryOptions(undefined, { refetchInterval: REFRESH_MS }));
  const [notice, setNotice] = useState("");
  const [municipality, setMunicipality] = useState("");
  const { settle, isSettled } = useSettledRows();
  const heading = useRef<HTMLHeadingElement>(null);

  const municipalities = [...new Map(data.items.map((c) => [c.municipalityId, c.municipality.name])).entries()].sort(
    (a, b) => a[1].localeCompare(b[1], "ru"),
  );
  const chosen = municipalities.some(([id]) => id === municipality) ? municipality : "";
  const pending = data.items.filter((c) => !isSettled(c));
  const items = chosen ? pending.filter((c) => c.municipalityId === chosen) : pending;
  const decidedCount = data.items.length - pending.length;

  function decided(c: TCuratorCase, message: string) {
    settle(c.id, c.version);
    setNotice(message);
    heading.current?.focus();
    void queryClient.invalidateQueries(trpc.queues.pathFilter());
    void queryClient.invalidateQueries(trpc.cases.pathFilter());
  }

  return (
    <div className="space-y-4">
      {data.onBehalfOfCurator ? (
        <p className="rounded-md bg-brand-50 px-4 py-3 text-sm text-brand-900">
          Вы вносите решения куратора, принятые в его системе: они будут отмечены как внесённые за куратора, с его
          комментарием.
        </p>
      ) : null}
      <StatusMessage message={notice} />
      {municipalities.length > 1 ? (
        <div className="max-w-sm">
          <label htmlFor={filterId} className="block text-sm font-medium text-slate-700">
            Муниципальное образование
          </label>
          <select id={filterId} className={inputClass} value={chosen} onChange={(e) => setMunicipality(e.target.value)}>
            <option value="">Все</option>
            {municipalities.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <QueueSection
        id="curator-queue"
        title="Проекты ответов на согласовании"
        hint="Ответ должен быть размещён не позднее 24 часов с момента поступления публикации (п.8)."
        total={chosen ? items.length : Math.max(0, data.total - decidedCount)}
        shown={items.length}
        empty="Проектов ответов на согласовании нет"
        moreHref="/cases?status=AT_CURATOR"
        headingRef={heading}
      >
        {items.map((c) => (
          <li
            key={c.id}
            data-testid="curator-row"
            className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 lg:grid-cols-2"
          >
            <div className="space-y-3">
              <QueueCaseSummary c={c} showMunicipality={municipalities.length > 1} />
              <details className="text-sm">
                <summary className="cursor-pointer text-slate-700">Текст публикации полностью</summary>
                <p className="mt-2 whitespace-pre-wrap">{c.text}</p>
                <a
                  href={c.postUrl}
                  target="_blank"
                  rel="noreferrer noopener"
                  className="mt-1 inline-block text-brand-700 underline hover:no-underline"
                >
                  Открыть в социальной сети
                </a>
              </details>
              <PreviousComments c={c} />
            </div>
            <div className="space-y-3">
              <Draft c={c} />
              <CuratorDecision
                c={c}
                onBehalfOfCurator={data.onBehalfOfCurator}
                onDecided={(message) => decided(c, message)}
              />
            </div>
          </li>
        ))}
      </QueueSection>
    </div>
  );
}
