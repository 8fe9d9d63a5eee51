"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { CASE_STATUS_LABELS } from "@/server/domain/cases/case-types";
import { formatDateTime } from "@/server/domain/time/zone";
import { QueueCaseSummary } from "./queue-case-summary";
import { QueueSection } from "./queue-section";
import type { TWorkCase } from "./types";

const REFRESH_MS = 30_000;

function Executor({ c }: { c: TWorkCase }) {
  return (
    <p className="text-xs text-slate-600">
      {CASE_STATUS_LABELS[c.status]} · исполнитель:{" "}
      {c.mine ? <strong className="font-medium text-slate-900">вы</strong> : (c.executor?.fullName ?? "не назначен")}
    </p>
  );
}

/** Why the draft came back, so the 30 minutes of rework (п.10) start with the remark in sight. */
function LastReturn({ c }: { c: TWorkCase }) {
  const r = c.lastReturn;
  if (!r) return null;
  const who =
    r.stage === "CURATOR"
      ? r.onBehalfOfCurator
        ? `Куратор (внесено за куратора: ${r.decidedBy.fullName})`
        : "Куратор"
      : `Проверка в отделе (${r.decidedBy.fullName})`;
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <p className="text-xs font-medium">
        {who}, {formatDateTime(r.createdAt, c.municipality.timeZone)}:
      </p>
      <p className="whitespace-pre-wrap">{r.comment ?? "без комментария"}</p>
    </div>
  );
}

/**
 * The executor's workspace: the department's publications, drafts to write (20 h from receipt)
 * and to rework (30 min) first, most urgent first; the answer itself is written on the case page.
 */
export function WorkQueue({ departmentName }: { departmentName: string | null }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.queues.work.queryOptions(undefined, { refetchInterval: REFRESH_MS }));
  const [onlyMine, setOnlyMine] = useState(false);

  if (!data.hasDepartment) {
    return (
      <p className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-950">
        Вы не прикреплены к отделу, поэтому публикаций для вас нет. Обратитесь к администратору.
      </p>
    );
  }
  const todo = onlyMine ? data.todo.items.filter((c) => c.mine) : data.todo.items;
  const waiting = onlyMine ? data.waiting.items.filter((c) => c.mine) : data.waiting.items;

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        {departmentName ? <p className="text-slate-600">{departmentName}</p> : null}
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={onlyMine} onChange={(e) => setOnlyMine(e.target.checked)} />
          Только назначенные мне
        </label>
      </div>

      <QueueSection
        id="work-todo"
        title="Подготовить или доработать проект ответа"
        hint="Проект — не позднее 20 часов с момента поступления, доработка — в течение 30 минут (п.10)."
        total={onlyMine ? todo.length : data.todo.total}
        shown={todo.length}
        empty={onlyMine ? "Назначенных вам публикаций нет" : "Публикаций, ожидающих проекта ответа, нет"}
        moreHref="/cases"
      >
        {todo.map((c) => (
          <li
            key={c.id}
            data-testid="work-row"
            className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 md:flex-row md:items-start"
          >
            <QueueCaseSummary c={c}>
              <Executor c={c} />
              <LastReturn c={c} />
            </QueueCaseSummary>
            <Link
              href={`/cases/${c.id}`}
              className="inline-block rounded-md bg-brand-600 px-3 py-1.5 text-center text-sm font-medium text-white hover:bg-brand-700"
            >
              {c.status === "REWORK" ? "Доработать проект" : "Подготовить проект"}
              <span className="sr-only"> ответа на публикацию № {c.number}</span>
            </Link>
          </li>
        ))}
      </QueueSection>

      <QueueSection
        id="work-waiting"
        title="На проверке и согласовании"
        hint="Проекты отдела у координатора, у куратора и согласованные — для сведения."
        total={onlyMine ? waiting.length : data.waiting.total}
        shown={waiting.length}
        empty="Проектов на проверке и согласовании нет"
      >
        {waiting.map((c) => (
          <li key={c.id} data-testid="work-waiting-row" className="rounded-lg border border-slate-200 bg-white p-4">
            <QueueCaseSummary c={c}>
              <Executor c={c} />
            </QueueCaseSummary>
          </li>
        ))}
      </QueueSection>
    </div>
  );
}
