"use client";

import { useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { QueueCaseSummary } from "./queue-case-summary";
import { QueueSection } from "./queue-section";
import { RouteForm } from "./route-form";
import { StatusMessage } from "./status-message";
import type { TQueueCase } from "./types";
import { useSettledRows } from "./use-settled-rows";

/** The clocks in the inbox run in minutes: fetch again often enough for them to count down. */
const REFRESH_MS = 30_000;

function OpenLink({ c, label }: { c: TQueueCase; label: string }) {
  return (
    <Link
      href={`/cases/${c.id}`}
      className="inline-block rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100"
    >
      {label}
      <span className="sr-only"> публикации № {c.number}</span>
    </Link>
  );
}

function Assignee({ c }: { c: TQueueCase }) {
  return (
    <p className="text-xs text-slate-600">
      {c.department?.name ?? "Отдел не назначен"}
      {c.executor ? ` · ${c.executor.fullName}` : ""}
    </p>
  );
}

/**
 * The coordinator's inbox: new publications to route within 30 minutes (п.7), drafts to check
 * and forward within 30 minutes (п.10), drafts at the curator (for recording its decision) and
 * approved answers to post within the 24 hours (п.8), each most urgent first.
 */
export function InboxQueue() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.queues.inbox.queryOptions(undefined, { refetchInterval: REFRESH_MS }));
  const { data: departments } = useSuspenseQuery(trpc.queues.routingOptions.queryOptions());
  const [notice, setNotice] = useState("");
  const { settle, isSettled } = useSettledRows();
  const newHeading = useRef<HTMLHeadingElement>(null);

  const fresh = data.new.items.filter((c) => !isSettled(c));
  const routedCount = data.new.items.length - fresh.length;

  function routed(c: { id: string; version: number }, message: string) {
    settle(c.id, c.version);
    setNotice(message);
    // The row and its button are gone: keep the keyboard in the section rather than lost at the top.
    newHeading.current?.focus();
    void queryClient.invalidateQueries(trpc.queues.pathFilter());
    void queryClient.invalidateQueries(trpc.cases.pathFilter());
  }

  return (
    <div className="space-y-8">
      <StatusMessage message={notice} />

      <QueueSection
        id="inbox-new"
        title="Новые — направить в отдел"
        hint="В течение 30 минут с момента поступления (п.7). Отдел предложен по повторной публикации, теме или прежним обращениям."
        total={Math.max(0, data.new.total - routedCount)}
        shown={fresh.length}
        empty="Новых публикаций нет"
        moreHref="/cases?status=NEW"
        headingRef={newHeading}
      >
        {fresh.map((c) => (
          <li
            key={c.id}
            data-testid="inbox-row"
            className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 md:flex-row md:items-start"
          >
            <QueueCaseSummary c={c} />
            <RouteForm
              c={c}
              departments={departments.filter((d) => d.municipalityId === c.municipalityId)}
              onRouted={(message) => routed(c, message)}
            />
          </li>
        ))}
      </QueueSection>

      <QueueSection
        id="inbox-review"
        title="Проекты ответов — проверить и передать куратору"
        hint="В течение 30 минут с момента подачи проекта (п.10)."
        total={data.review.total}
        shown={data.review.items.length}
        empty="Проектов, ожидающих проверки, нет"
        moreHref="/cases?status=INTERNAL_REVIEW"
      >
        {data.review.items.map((c) => (
          <li
            key={c.id}
            data-testid="review-row"
            className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 md:flex-row md:items-start"
          >
            <QueueCaseSummary c={c}>
              <Assignee c={c} />
            </QueueCaseSummary>
            <OpenLink c={c} label="Проверить проект" />
          </li>
        ))}
      </QueueSection>

      {data.atCurator ? (
        <QueueSection
          id="inbox-curator"
          title="На согласовании у куратора"
          hint="Если куратор принял решение в своей системе, внесите его за куратора."
          total={data.atCurator.total}
          shown={data.atCurator.items.length}
          empty="У куратора на согласовании ничего нет"
          moreHref="/cases?status=AT_CURATOR"
          action={
            data.atCurator.total > 0 ? (
              <Link href="/queue" className="text-sm font-medium text-brand-700 underline hover:no-underline">
                Внести решения куратора
              </Link>
            ) : null
          }
        >
          {data.atCurator.items.map((c) => (
            <li
              key={c.id}
              data-testid="at-curator-row"
              className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 md:flex-row md:items-start"
            >
              <QueueCaseSummary c={c}>
                <Assignee c={c} />
              </QueueCaseSummary>
            </li>
          ))}
        </QueueSection>
      ) : null}

      {data.approved ? (
        <QueueSection
          id="inbox-approved"
          title="Согласованы — разместить ответ"
          hint="В той же социальной сети, не позднее 24 часов с момента поступления (п.8)."
          total={data.approved.total}
          shown={data.approved.items.length}
          empty="Согласованных ответов, ожидающих размещения, нет"
          moreHref="/cases?status=APPROVED"
        >
          {data.approved.items.map((c) => (
            <li
              key={c.id}
              data-testid="approved-row"
              className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 md:flex-row md:items-start"
            >
              <QueueCaseSummary c={c}>
                <Assignee c={c} />
              </QueueCaseSummary>
              <OpenLink c={c} label="Разместить ответ" />
            </li>
          ))}
        </QueueSection>
      ) : null}
    </div>
  );
}
