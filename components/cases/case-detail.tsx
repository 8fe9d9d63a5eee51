"use client";

import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { AttachmentGallery } from "@/components/attachments/attachment-gallery";
import { AttachmentUploader } from "@/components/attachments/attachment-uploader";
import { useTRPC } from "@/components/trpc/client";
import { CASE_STATUS_LABELS, isTerminalStatus, VIOLATION_LABELS } from "@/server/domain/cases/case-types";
import { formatDateTime } from "@/server/domain/time/zone";
import { ActionPanel } from "./action-panel";
import { CaseClocks } from "./case-clocks";
import { CaseTimeline } from "./case-timeline";
import { DraftHistory } from "./draft-history";
import { MarkSignificant } from "./mark-significant";
import { RepeatSuggestions } from "./repeat-suggestions";

/**
 * The case page: the status and both clocks on top; on a wide screen the work on the left (the
 * actions this person may take: editor, review, decision, posting) and the publication with the
 * answer's versions and remarks on the right; then violations and the full timeline. On a
 * tablet one column, the publication first: it is what the work is about.
 */
export function CaseDetail({ id, canRoute, canDraft }: { id: string; canRoute: boolean; canDraft: boolean }) {
  const trpc = useTRPC();
  const { data: c } = useSuspenseQuery(trpc.cases.get.queryOptions({ id }));
  const departments = useQuery({ ...trpc.cases.departments.queryOptions(), enabled: canRoute });
  const mayDraft = c.actions.some((a) => a.event === "submitDraft");
  const legalActs = useQuery({ ...trpc.cases.legalActs.queryOptions(), enabled: canDraft && mayDraft });
  const timeZone = c.municipality.timeZone;
  const at = (d: Date | null | undefined) => (d ? formatDateTime(d, timeZone) : "—");
  const departmentNames = new Map((departments.data ?? []).map((d) => [d.id, d.name]));
  const publicationShots = c.attachments.filter((a) => a.kind === "SCREENSHOT");
  const answerShots = c.attachments.filter((a) => a.kind === "ANSWER_SCREENSHOT");
  // Files can be removed by their uploader while the case is open (the gallery asks the policy).
  const open = !isTerminalStatus(c.status);
  const suggestRepeats = c.status === "NEW" && !c.repeatOf && c.actions.some((a) => a.event === "route");

  return (
    <div className="space-y-5">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">
          Публикация № {c.number}{" "}
          <span className="text-base font-normal text-slate-600" data-testid="case-status">
            {CASE_STATUS_LABELS[c.status]}
          </span>
        </h1>
        <div className="flex flex-wrap gap-2 text-xs">
          {c.significant ? (
            <span className="rounded bg-red-100 px-2 py-0.5 text-red-800">Социально значимая</span>
          ) : null}
          {c.repeatOf ? (
            <Link href={`/cases/${c.repeatOf.id}`} className="rounded bg-slate-200 px-2 py-0.5 hover:underline">
              Повторная к № {c.repeatOf.number}
            </Link>
          ) : null}
          {c.repeats.map((r) => (
            <Link key={r.id} href={`/cases/${r.id}`} className="rounded bg-amber-100 px-2 py-0.5 hover:underline">
              Повторная публикация № {r.number} от {at(r.receivedAt)}
            </Link>
          ))}
        </div>
        <CaseClocks clocks={c.clocks} timeZone={timeZone} />
        {c.canMarkSignificant && open ? <MarkSignificant caseId={c.id} /> : null}
      </header>

      <div className="grid gap-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-5 lg:col-start-2 lg:row-start-1">
          <section aria-labelledby="publication-title" className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 id="publication-title" className="font-semibold">
              Публикация
            </h2>
            <p className="mt-2 text-sm whitespace-pre-wrap">{c.text}</p>
            <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-slate-600">Сеть</dt>
              <dd>
                {c.network.name} ·{" "}
                <a
                  href={c.postUrl}
                  target="_blank"
                  rel="noreferrer noopener"
                  className="text-brand-700 hover:underline"
                >
                  открыть публикацию
                </a>
              </dd>
              <dt className="text-slate-600">Автор</dt>
              <dd>
                {c.authorUrl ? (
                  <a
                    href={c.authorUrl}
                    target="_blank"
                    rel="noreferrer noopener"
                    className="text-brand-700 hover:underline"
                  >
                    {c.authorName ?? "профиль автора"}
                  </a>
                ) : (
                  (c.authorName ?? "—")
                )}
              </dd>
              <dt className="text-slate-600">Источник</dt>
              <dd>
                {c.source === "CURATOR" ? "Куратор" : "Собственный мониторинг"}
                {c.externalId ? ` · ${c.externalId}` : ""}
              </dd>
              <dt className="text-slate-600">Опубликована</dt>
              <dd>{at(c.publishedAt)}</dd>
              <dt className="text-slate-600">Поступила</dt>
              <dd>{at(c.receivedAt)}</dd>
              {c.topic ? (
                <>
                  <dt className="text-slate-600">Тема</dt>
                  <dd>{c.topic.name}</dd>
                </>
              ) : null}
              <dt className="text-slate-600">Место</dt>
              <dd>
                {c.address && c.settlement && c.address.includes(c.settlement)
                  ? c.address
                  : [c.settlement, c.address].filter(Boolean).join(", ") || "—"}
              </dd>
            </dl>
            {publicationShots.length > 0 || c.uploads.screenshot ? (
              <div className="mt-3 space-y-2 text-sm">
                <h3 className="font-medium text-slate-700">Скриншот публикации</h3>
                {publicationShots.length > 0 ? (
                  <AttachmentGallery attachments={publicationShots} currentUserId={c.currentUserId} removable={open} />
                ) : null}
                {c.uploads.screenshot ? (
                  <AttachmentUploader caseId={c.id} purpose="screenshot" label="Добавить скриншот публикации" />
                ) : null}
              </div>
            ) : null}
          </section>

          <DraftHistory
            drafts={c.drafts}
            decisions={c.reviewDecisions}
            attachments={c.attachments}
            currentUserId={c.currentUserId}
            timeZone={timeZone}
          />
        </div>

        <div className="space-y-5 lg:col-start-1 lg:row-start-1">
          <ActionPanel
            c={c}
            departments={departments.data ?? []}
            legalActs={legalActs.data ?? []}
            legalActsReady={!legalActs.isPending || legalActs.isError}
          />

          {suggestRepeats ? <RepeatSuggestions caseId={c.id} departmentNames={departmentNames} /> : null}

          <section aria-labelledby="people-title" className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 id="people-title" className="font-semibold">
              Исполнение и сроки
            </h2>
            <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-slate-600">Зарегистрировал</dt>
              <dd>{c.createdBy?.fullName ?? "система куратора"}</dd>
              <dt className="text-slate-600">Отдел</dt>
              <dd>{c.department?.name ?? "—"}</dd>
              <dt className="text-slate-600">Исполнитель</dt>
              <dd>{c.executor?.fullName ?? "—"}</dd>
              <dt className="text-slate-600">Направить до</dt>
              <dd>
                {at(c.routeDueAt)}
                {c.routedAt ? ` · направлена ${at(c.routedAt)}` : ""}
              </dd>
              <dt className="text-slate-600">Проект до</dt>
              <dd>{at(c.draftDueAt)}</dd>
              <dt className="text-slate-600">Ответ до</dt>
              <dd>{at(c.answerDueAt)}</dd>
              {c.approvedAt ? (
                <>
                  <dt className="text-slate-600">Согласована</dt>
                  <dd>{at(c.approvedAt)}</dd>
                </>
              ) : null}
              {c.postedAnswerUrl ? (
                <>
                  <dt className="text-slate-600">Ответ</dt>
                  <dd>
                    <a
                      href={c.postedAnswerUrl}
                      target="_blank"
                      rel="noreferrer noopener"
                      className="text-brand-700 hover:underline"
                    >
                      размещён {at(c.postedAt)}
                    </a>
                    {c.postedBy ? `, ${c.postedBy.fullName}` : ""}
                  </dd>
                </>
              ) : null}
              {c.declineReason ? (
                <>
                  <dt className="text-slate-600">Отклонена</dt>
                  <dd className="whitespace-pre-wrap">{c.declineReason}</dd>
                </>
              ) : null}
              {c.cancelReason ? (
                <>
                  <dt className="text-slate-600">Аннулирована</dt>
                  <dd className="whitespace-pre-wrap">{c.cancelReason}</dd>
                </>
              ) : null}
            </dl>
            {c.status === "POSTED" && (answerShots.length > 0 || c.uploads.answerScreenshot) ? (
              <div className="mt-3 space-y-2 text-sm">
                <h3 className="font-medium text-slate-700">Скриншот размещённого ответа</h3>
                {answerShots.length > 0 ? (
                  <AttachmentGallery attachments={answerShots} currentUserId={c.currentUserId} removable={open} />
                ) : null}
                {c.uploads.answerScreenshot ? (
                  <AttachmentUploader
                    caseId={c.id}
                    purpose="answerScreenshot"
                    label="Добавить скриншот размещённого ответа"
                  />
                ) : null}
              </div>
            ) : null}
          </section>
        </div>
      </div>

      {c.violations.length > 0 ? (
        <section aria-labelledby="violations-title" className="rounded-lg border border-red-200 bg-red-50 p-5">
          <h2 id="violations-title" className="font-semibold text-red-900">
            Нарушения сроков (п.12)
          </h2>
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

      <CaseTimeline events={c.events} timeZone={timeZone} />
    </div>
  );
}
