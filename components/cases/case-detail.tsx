"use client";

import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { CASE_STATUS_LABELS, VIOLATION_LABELS } from "@/server/domain/cases/case-types";
import { formatDateTime } from "@/server/domain/time/zone";
import { ActionPanel } from "./action-panel";
import { ClockBadge } from "./clock-badge";

const EVENT_LABELS: Record<string, string> = {
  CREATED: "Поступила",
  ROUTED: "Направлена в отдел",
  DRAFT_SUBMITTED: "Проект ответа отправлен на проверку",
  FORWARDED: "Передана куратору",
  RETURNED: "Возвращена на доработку",
  APPROVED: "Согласована",
  REJECTED: "Куратор вернул на доработку",
  POSTED: "Ответ размещён",
  NOT_OUR_DEPARTMENT: "Отдел: не в нашей компетенции",
  DECLINED: "Отклонена",
  CANCELLED: "Аннулирована",
  MARKED_SIGNIFICANT: "Отмечена как социально значимая",
  LINKED_REPEAT: "Связана с предыдущей публикацией",
};

export function CaseDetail({
  id,
  timeZone,
  canRoute,
  canDraft,
}: {
  id: string;
  timeZone: string;
  canRoute: boolean;
  canDraft: boolean;
}) {
  const trpc = useTRPC();
  const { data: c } = useSuspenseQuery(trpc.cases.get.queryOptions({ id }));
  const networks = useQuery(trpc.cases.networks.queryOptions());
  const departments = useQuery({ ...trpc.cases.departments.queryOptions(), enabled: canRoute });
  const legalActs = useQuery({ ...trpc.cases.legalActs.queryOptions(), enabled: canDraft });
  const maxAnswerLength = networks.data?.find((n) => n.code === c.network.code)?.maxAnswerLength ?? null;
  const at = (d: Date | null | undefined) => (d ? formatDateTime(d, timeZone) : "—");

  return (
    <div className="space-y-5">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">
          Публикация № {c.number}{" "}
          <span className="text-base font-normal text-slate-600" data-testid="case-status">
            {CASE_STATUS_LABELS[c.status]}
          </span>
        </h1>
        <div className="flex flex-wrap gap-2">
          {c.clocks.current && c.clocks.current.kind !== "ANSWER" ? <ClockBadge clock={c.clocks.current} /> : null}
          {c.clocks.answer ? <ClockBadge clock={c.clocks.answer} /> : null}
          {c.significant ? (
            <span className="rounded bg-red-100 px-2 py-0.5 text-xs text-red-800">Социально значимая</span>
          ) : null}
          {c.repeatOf ? (
            <Link href={`/cases/${c.repeatOf.id}`} className="rounded bg-slate-200 px-2 py-0.5 text-xs hover:underline">
              Повторная к № {c.repeatOf.number}
            </Link>
          ) : null}
        </div>
      </header>

      <ActionPanel
        caseId={c.id}
        version={c.version}
        actions={c.actions}
        maxAnswerLength={maxAnswerLength}
        departments={departments.data ?? []}
        suggestedDepartmentId={c.suggestedDepartmentId}
        legalActs={legalActs.data ?? []}
      />

      <section className="grid gap-4 md:grid-cols-2">
        <div className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="font-semibold">Публикация</h2>
          <p className="mt-2 text-sm whitespace-pre-wrap">{c.text}</p>
          <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">Сеть</dt>
            <dd>
              {c.network.name} ·{" "}
              <a href={c.postUrl} target="_blank" rel="noreferrer noopener" className="text-brand-700 hover:underline">
                открыть
              </a>
            </dd>
            <dt className="text-slate-500">Автор</dt>
            <dd>{c.authorName ?? "—"}</dd>
            <dt className="text-slate-500">Источник</dt>
            <dd>
              {c.source === "CURATOR" ? "Куратор" : "Собственный мониторинг"}
              {c.externalId ? ` · ${c.externalId}` : ""}
            </dd>
            <dt className="text-slate-500">Поступила</dt>
            <dd>{at(c.receivedAt)}</dd>
            <dt className="text-slate-500">Населённый пункт</dt>
            <dd>
              {c.address && c.settlement && c.address.includes(c.settlement)
                ? c.address
                : [c.settlement, c.address].filter(Boolean).join(", ") || "—"}
            </dd>
          </dl>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="font-semibold">Исполнение и сроки</h2>
          <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">Отдел</dt>
            <dd>{c.department?.name ?? "—"}</dd>
            <dt className="text-slate-500">Исполнитель</dt>
            <dd>{c.executor?.fullName ?? "—"}</dd>
            <dt className="text-slate-500">Направить до</dt>
            <dd>{at(c.routeDueAt)}</dd>
            <dt className="text-slate-500">Проект до</dt>
            <dd>{at(c.draftDueAt)}</dd>
            <dt className="text-slate-500">Ответ до</dt>
            <dd>{at(c.answerDueAt)}</dd>
            {c.postedAnswerUrl ? (
              <>
                <dt className="text-slate-500">Ответ</dt>
                <dd>
                  <a
                    href={c.postedAnswerUrl}
                    target="_blank"
                    rel="noreferrer noopener"
                    className="text-brand-700 hover:underline"
                  >
                    размещён {at(c.postedAt)}
                  </a>
                </dd>
              </>
            ) : null}
          </dl>
        </div>
      </section>

      {c.violations.length > 0 ? (
        <section className="rounded-lg border border-red-200 bg-red-50 p-5">
          <h2 className="font-semibold text-red-900">Нарушения сроков (п.12)</h2>
          <ul className="mt-2 space-y-1 text-sm" data-testid="violations">
            {c.violations.map((v) => (
              <li key={v.id}>
                {VIOLATION_LABELS[v.type]} — срок {at(v.dueAt)}
                {v.responsibleDepartment ? `, ${v.responsibleDepartment.name}` : ""}
                {v.responsibleUser ? `, ${v.responsibleUser.fullName}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {c.drafts.length > 0 ? (
        <section className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="font-semibold">Проекты ответа</h2>
          <ol className="mt-3 space-y-3">
            {c.drafts.map((d) => (
              <li key={d.id} className="rounded border border-slate-200 p-3 text-sm">
                <p className="text-slate-500">
                  Версия {d.version} · {d.author.fullName} · {at(d.submittedAt)}
                </p>
                <p className="mt-1 whitespace-pre-wrap">{d.text}</p>
                {c.reviewDecisions
                  .filter((r) => r.draftId === d.id)
                  .map((r) => (
                    <p
                      key={r.id}
                      className={`mt-2 rounded px-2 py-1 ${r.outcome === "APPROVED" ? "bg-green-50" : "bg-amber-50"}`}
                    >
                      {r.stage === "CURATOR" ? "Куратор" : "Проверка в отделе"}:{" "}
                      {r.outcome === "APPROVED" ? "согласовано" : "возвращено"}
                      {r.onBehalfOfCurator ? " (внесено за куратора)" : ""} — {r.decidedBy.fullName}, {at(r.createdAt)}
                      {r.comment ? `: «${r.comment}»` : ""}
                    </p>
                  ))}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 className="font-semibold">Ход работы</h2>
        <ol className="mt-3 space-y-2 text-sm" data-testid="timeline">
          {c.events.map((e) => (
            <li key={e.id} className="flex gap-3">
              <span className="w-36 shrink-0 text-slate-500">{at(e.at)}</span>
              <span>
                {EVENT_LABELS[e.type] ?? e.type}
                {e.actor ? ` — ${e.actor.fullName}` : ""}
                {e.comment ? <span className="block text-slate-600">«{e.comment}»</span> : null}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
