"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { AttachmentGallery } from "@/components/attachments/attachment-gallery";
import { AttachmentUploader } from "@/components/attachments/attachment-uploader";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf, Field, FormMessage, inputClass } from "@/components/ui/form";
import { isEvidenceKind } from "@/server/domain/attachments/file-types";
import type { TCaseEvent } from "@/server/domain/cases/status-machine";
import { formatDateTime } from "@/server/domain/time/zone";
import { AnswerEditor, type TEditorStart } from "./answer-editor";
import { AnswerToPost } from "./answer-to-post";
import { VkPostAnswerButton } from "@/components/connectors/vk-post-answer-button";
import type { TCaseAction, TCaseView, TLegalActView, TRouteDepartment } from "./case-view-types";
import { DraftUnderReview } from "./draft-review";

const REVIEW_EVENTS: readonly TCaseEvent[] = ["forward", "returnForRework", "approve", "reject"];
const REASON_EVENTS: readonly TCaseEvent[] = ["notOurDepartment", "decline", "cancel"];
const DONE = "Сохранено";

function labelOf(a: TCaseAction): string {
  return a.onBehalfOfCurator ? `${a.label} (за куратора)` : a.label;
}

/**
 * The actions this person may take now, and nothing else (the server's list). The executor's
 * editor is open at once: writing the answer is their work here. Every other action opens its
 * own small form with exactly the input the regulation asks for, and is confirmed there.
 */
export function ActionPanel({
  c,
  departments,
  legalActs,
  legalActsReady,
}: {
  c: TCaseView;
  departments: TRouteDepartment[];
  legalActs: TLegalActView[];
  legalActsReady: boolean;
}) {
  const [open, setOpen] = useState<TCaseEvent | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const timeZone = c.municipality.timeZone;
  const has = (event: TCaseEvent) => c.actions.some((a) => a.event === event);
  // After the last action this person may take, the confirmation still shows.
  if (c.actions.length === 0 && !done) return null;

  const toggles = c.actions.filter((a) => a.event !== "submitDraft");
  const current = toggles.find((a) => a.event === open) ?? null;
  const finished = () => {
    setDone(DONE);
    setOpen(null);
  };

  return (
    <section aria-label="Действия" className="space-y-4 rounded-lg border border-brand-100 bg-brand-50/40 p-5">
      <h2 className="font-semibold">Что сделать</h2>
      <FormMessage message={done} tone="success" />

      {has("submitDraft") ? (
        legalActsReady ? (
          <AnswerEditor
            key={`${c.status}-${c.drafts.length}`}
            caseId={c.id}
            caseVersion={c.version}
            repeated={c.repeated}
            maxAnswerLength={c.network.maxAnswerLength}
            networkName={c.network.name}
            legalActs={legalActs}
            start={editorStart(c)}
            remarks={
              c.status === "REWORK" && c.drafts[0]
                ? c.reviewDecisions.filter((r) => r.draftId === c.drafts[0]?.id && r.outcome === "RETURNED")
                : []
            }
            unsentEvidence={c.attachments.filter((a) => a.draftId === null && isEvidenceKind(a.kind))}
            canUploadEvidence={c.uploads.evidence}
            currentUserId={c.currentUserId}
            timeZone={timeZone}
            onSubmitted={finished}
          />
        ) : (
          <p className="text-sm text-slate-600">Загрузка редактора…</p>
        )
      ) : null}

      {REVIEW_EVENTS.some(has) ? (
        <DraftUnderReview
          drafts={c.drafts}
          decisions={c.reviewDecisions}
          attachments={c.attachments}
          currentUserId={c.currentUserId}
          timeZone={timeZone}
        />
      ) : null}

      {has("post") ? <PostingContext c={c} /> : null}

      {toggles.length > 0 ? (
        <div className="flex flex-wrap gap-2">
          {toggles.map((a) => (
            <Button
              key={a.event}
              variant={
                open === a.event ? "primary" : a.event === "cancel" || a.event === "decline" ? "danger" : "secondary"
              }
              aria-expanded={open === a.event}
              onClick={() => {
                setDone(null);
                setOpen(open === a.event ? null : a.event);
              }}
            >
              {labelOf(a)}
            </Button>
          ))}
        </div>
      ) : null}

      {current ? (
        <ActionForm
          key={`${current.event}-${c.suggestedDepartmentId ?? ""}`}
          c={c}
          action={current}
          departments={departments}
          onDone={finished}
          onCancel={() => setOpen(null)}
        />
      ) : null}
    </section>
  );
}

/** The editor starts from the saved working draft, or in rework from the version returned. */
function editorStart(c: TCaseView): TEditorStart | null {
  if (c.workingDraft) return { source: "working", draft: c.workingDraft };
  const last = c.drafts[0];
  if (c.status === "REWORK" && last) return { source: "previous", draft: last };
  return null;
}

/** At APPROVED: the text the curator approved, ready to copy, and the answer's screenshot. */
function PostingContext({ c }: { c: TCaseView }) {
  const approvedIds = new Set(
    c.reviewDecisions.filter((r) => r.stage === "CURATOR" && r.outcome === "APPROVED").map((r) => r.draftId),
  );
  const approved = c.drafts.find((d) => approvedIds.has(d.id)) ?? c.drafts[0];
  const screenshots = c.attachments.filter((a) => a.kind === "ANSWER_SCREENSHOT");
  return (
    <div className="space-y-3 rounded-md border border-slate-200 bg-white p-4">
      <h3 className="font-semibold">Разместите ответ в сети «{c.network.name}»</h3>
      <p className="text-sm text-slate-600">
        Ответ должен появиться в той же сети, что и публикация, до{" "}
        {formatDateTime(c.answerDueAt, c.municipality.timeZone)} (п.8). Затем укажите ссылку на него.
      </p>
      {approved ? (
        <>
          <AnswerToPost text={approved.text} networkName={c.network.name} postUrl={c.postUrl} />
          {/* Hides itself unless the municipality's VK connector is on. */}
          {c.network.code === "VK" ? <VkPostAnswerButton caseId={c.id} /> : null}
        </>
      ) : (
        <p className="text-sm text-red-700">Нет согласованного проекта ответа.</p>
      )}
      {screenshots.length > 0 ? (
        <AttachmentGallery attachments={screenshots} currentUserId={c.currentUserId} removable />
      ) : null}
      {c.uploads.answerScreenshot ? (
        <AttachmentUploader
          caseId={c.id}
          purpose="answerScreenshot"
          label="Скриншот размещённого ответа (необязательно)"
        />
      ) : null}
    </div>
  );
}

/** Client-side messages for what the regulation (or, for a return, good practice) requires. */
function missingInput(
  action: TCaseAction,
  values: { departmentId: string; text: string; answerUrl: string },
): { field: "departmentId" | "text" | "answerUrl"; message: string } | null {
  const empty = values.text.trim() === "";
  switch (action.event) {
    case "route":
      return values.departmentId ? null : { field: "departmentId", message: "Выберите отдел" };
    case "post":
      return values.answerUrl.trim() ? null : { field: "answerUrl", message: "Укажите ссылку на размещённый ответ" };
    // The status machine does not demand a comment on an internal return; the executor has 30
    // minutes to rework (п.10) and must know what to change, so the page does.
    case "returnForRework":
    case "reject":
      return empty ? { field: "text", message: "Укажите, что нужно доработать в проекте ответа" } : null;
    case "approve":
      return action.onBehalfOfCurator && empty
        ? { field: "text", message: "Решение вносится за куратора: приведите слова куратора" }
        : null;
    case "notOurDepartment":
    case "decline":
    case "cancel":
      return empty ? { field: "text", message: "Укажите причину" } : null;
    default:
      return null;
  }
}

function ActionForm({
  c,
  action,
  departments,
  onDone,
  onCancel,
}: {
  c: TCaseView;
  action: TCaseAction;
  departments: TRouteDepartment[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const suggested = departments.find((d) => d.id === c.suggestedDepartmentId) ?? null;
  const [departmentId, setDepartmentId] = useState(suggested?.id ?? "");
  const [executorId, setExecutorId] = useState("");
  const [text, setText] = useState("");
  const [answerUrl, setAnswerUrl] = useState("");
  const [local, setLocal] = useState<ReturnType<typeof missingInput>>(null);
  const mutation = useMutation(
    trpc.cases.transition.mutationOptions({
      onSuccess: async () => {
        onDone();
        await queryClient.invalidateQueries({ queryKey: trpc.cases.get.queryKey({ id: c.id }) });
      },
    }),
  );
  const { message, fields } = errorsOf(mutation.error);
  const event = action.event;
  const isReason = REASON_EVENTS.includes(event);
  const hasComment = REVIEW_EVENTS.includes(event);
  const executors = departments.find((d) => d.id === departmentId)?.executors ?? [];
  const errorOf = (field: "departmentId" | "text" | "answerUrl", server?: string) =>
    local?.field === field ? local.message : server;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const missing = missingInput(action, { departmentId, text, answerUrl });
    setLocal(missing);
    if (missing) {
      document.getElementById(`a-${missing.field}`)?.focus();
      return;
    }
    mutation.mutate({
      caseId: c.id,
      event,
      expectedVersion: c.version,
      input: {
        departmentId: event === "route" ? departmentId : null,
        executorId: event === "route" ? executorId || null : null,
        comment: hasComment ? text : null,
        reason: isReason ? text : null,
        answerUrl: event === "post" ? answerUrl : null,
      },
    });
  }

  const suggestionReason = c.routingSuggestionReason;

  return (
    <form onSubmit={submit} className="space-y-3 rounded-md border border-slate-200 bg-white p-4" noValidate>
      {event === "route" ? (
        <>
          <Field
            id="a-departmentId"
            label="Отдел"
            hint={suggested && suggestionReason ? `Предложено: ${suggested.name} — ${suggestionReason}` : undefined}
            error={errorOf("departmentId", fields.departmentId)}
          >
            <select
              id="a-departmentId"
              className={inputClass}
              value={departmentId}
              aria-invalid={errorOf("departmentId", fields.departmentId) ? true : undefined}
              onChange={(e) => {
                setDepartmentId(e.target.value);
                setExecutorId("");
              }}
            >
              <option value="">— выберите отдел —</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="a-executorId" label="Исполнитель (необязательно)" error={fields.executorId}>
            <select
              id="a-executorId"
              className={inputClass}
              value={executorId}
              disabled={executors.length === 0}
              onChange={(e) => setExecutorId(e.target.value)}
            >
              <option value="">
                {departmentId && executors.length === 0
                  ? "— в отделе нет исполнителей —"
                  : "— любой исполнитель отдела —"}
              </option>
              {executors.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.fullName}
                </option>
              ))}
            </select>
          </Field>
        </>
      ) : null}

      {event === "post" ? (
        <Field
          id="a-answerUrl"
          label="Ссылка на размещённый ответ"
          hint={`Ссылка на ответ в сети «${c.network.name}»: портал проверит, что это та же сеть.`}
          error={errorOf("answerUrl", fields.answerUrl)}
        >
          <input
            id="a-answerUrl"
            type="url"
            inputMode="url"
            className={inputClass}
            value={answerUrl}
            aria-invalid={errorOf("answerUrl", fields.answerUrl) ? true : undefined}
            onChange={(e) => setAnswerUrl(e.target.value)}
          />
        </Field>
      ) : null}

      {isReason || hasComment ? (
        <Field
          id="a-text"
          label={isReason ? "Причина" : action.onBehalfOfCurator ? "Слова куратора" : "Комментарий"}
          hint={
            event === "forward"
              ? "Необязательно."
              : action.onBehalfOfCurator
                ? "Решение будет отмечено как внесённое за куратора."
                : undefined
          }
          error={errorOf("text", fields.comment ?? fields.reason)}
        >
          <textarea
            id="a-text"
            rows={3}
            maxLength={5000}
            className={inputClass}
            value={text}
            aria-invalid={errorOf("text", fields.comment ?? fields.reason) ? true : undefined}
            onChange={(e) => setText(e.target.value)}
          />
        </Field>
      ) : null}

      <FormMessage message={local ? null : message} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? "Сохранение…" : labelOf(action)}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Отмена
        </Button>
      </div>
    </form>
  );
}
