"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { AttachmentGallery } from "@/components/attachments/attachment-gallery";
import { AttachmentUploader } from "@/components/attachments/attachment-uploader";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf, Field, FormMessage, inputClass } from "@/components/ui/form";
import {
  checkAnswer,
  composeAnswerText,
  countCharacters,
  type TAnswerField,
  type TAnswerParts,
} from "@/server/domain/cases/answer-rules";
import { citeLegalAct, joinLegalReferences, splitLegalReferences } from "@/server/domain/cases/legal-references";
import { pluralRu } from "@/server/domain/cases/russian-plural";
import { formatDateTime } from "@/server/domain/time/zone";
import type { TCaseAttachment, TCaseDecision, TLegalActView } from "./case-view-types";
import { formatTime } from "./format";

type TKind = "MEASURES" | "REFUSAL";

/** What the editor starts from: the saved working draft, or in rework the last submitted version. */
export interface TEditorStart {
  source: "working" | "previous";
  draft: {
    version: number;
    kind: TKind;
    measures: string | null;
    stages: string | null;
    refusalReason: string | null;
    legalReferences: string[];
    author: { fullName: string };
  };
}

interface TForm {
  kind: TKind;
  measures: string;
  stages: string;
  refusalReason: string;
  pickedActIds: string[];
  otherActs: string;
}

/** Field → the control a person is sent to when the field has a problem. */
const FOCUS_TARGET: Record<TAnswerField, (kind: TKind) => string> = {
  kind: () => "editor-kind-measures",
  measures: () => "editor-measures",
  stages: () => "editor-stages",
  refusalReason: () => "editor-refusal",
  legalReferences: () => "editor-acts-other",
  text: (kind) => (kind === "MEASURES" ? "editor-measures" : "editor-refusal"),
};

const MAX_PART = 10_000;
const FORM_ID = "answer-editor";

/**
 * The executor's workspace (п.9): the kind of answer, its parts, the legal acts of a refusal
 * from the municipality's list, the text as it will be posted with its length against the
 * network's limit, and the evidence. The working draft is saved on request and when a field
 * loses focus, so a reload within the 20 hours loses nothing; submission checks completeness
 * here with the same rules the server applies, and lists what is missing in Russian.
 */
export function AnswerEditor({
  caseId,
  caseVersion,
  repeated,
  maxAnswerLength,
  networkName,
  legalActs,
  start,
  remarks,
  unsentEvidence,
  canUploadEvidence,
  currentUserId,
  timeZone,
  onSubmitted,
}: {
  caseId: string;
  caseVersion: number;
  repeated: boolean;
  maxAnswerLength: number | null;
  networkName: string;
  legalActs: TLegalActView[];
  start: TEditorStart | null;
  /** The returns of the last submitted version, in rework: what to fix. */
  remarks: TCaseDecision[];
  unsentEvidence: TCaseAttachment[];
  canUploadEvidence: boolean;
  currentUserId: string;
  timeZone: string;
  onSubmitted: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<TForm>(() => formFrom(start, legalActs));
  const [attempted, setAttempted] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  // The content last stored (or started from), so leaving an untouched field saves nothing.
  const lastSaved = useRef<string>(JSON.stringify(workingParts(form, legalActs)));
  const pendingSave = useRef<Promise<unknown> | null>(null);
  const save = useMutation(trpc.cases.saveDraft.mutationOptions());
  const submitMutation = useMutation(trpc.cases.transition.mutationOptions());

  const parts = submittedParts(form, legalActs);
  const preview = composeAnswerText(parts);
  const length = countCharacters(preview);
  const over = maxAnswerLength !== null && length > maxAnswerLength;
  const problems = attempted ? checkAnswer(parts, { maxAnswerLength, repeated }) : [];
  const server = errorsOf(submitMutation.error);
  const fieldError = (field: TAnswerField) =>
    problems.find((p) => p.field === field)?.message ?? server.fields[field] ?? undefined;
  const set = (patch: Partial<TForm>) => setForm((f) => ({ ...f, ...patch }));

  function saveDraft(trigger: "button" | "blur") {
    const draft = workingParts(form, legalActs);
    const snapshot = JSON.stringify(draft);
    if (trigger === "blur" && (snapshot === lastSaved.current || submitMutation.isPending)) return;
    const run = save
      .mutateAsync({ caseId, draft })
      .then((result) => {
        lastSaved.current = snapshot;
        setSavedAt(result.savedAt);
      })
      .catch(() => undefined); // shown from save.error
    pendingSave.current = run;
    return run;
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setAttempted(true);
    const found = checkAnswer(parts, { maxAnswerLength, repeated });
    const first = found[0];
    if (first) {
      document.getElementById(FOCUS_TARGET[first.field](form.kind))?.focus();
      return;
    }
    // A save started by leaving a field finishes first; the submission then finalises that row.
    if (pendingSave.current) await pendingSave.current;
    submitMutation.mutate(
      { caseId, event: "submitDraft", expectedVersion: caseVersion, draft: parts },
      {
        onSuccess: () => {
          onSubmitted();
          void queryClient.invalidateQueries({ queryKey: trpc.cases.get.queryKey({ id: caseId }) });
        },
      },
    );
  }

  const summary = problems.length > 0 ? problems : null;
  // The uploader is a form control of its own: it sits outside the editor's <form> (no nested
  // forms), and the buttons below join the form through their `form` attribute.
  return (
    <div className="space-y-4">
      <form
        id={FORM_ID}
        onSubmit={(e) => void submit(e)}
        noValidate
        className="space-y-4"
        aria-labelledby="editor-title"
        onBlur={(e) => {
          const next = e.relatedTarget as HTMLElement | null;
          // Going to "submit" or "save": that button stores the text itself.
          if (next?.dataset.storesDraft !== undefined) return;
          if (e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLInputElement) void saveDraft("blur");
        }}
      >
        <div>
          <h3 id="editor-title" className="font-semibold">
            Проект ответа
          </h3>
          {start ? (
            <p className="text-sm text-slate-600">
              {start.source === "working"
                ? `Открыт сохранённый черновик (${start.draft.author.fullName}).`
                : `За основу взята версия ${start.draft.version}: исправьте её по замечаниям.`}
            </p>
          ) : null}
        </div>

        {remarks.length > 0 ? (
          <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
            <p className="font-medium text-amber-950">Замечания к версии {start?.draft.version ?? ""}</p>
            <ul className="mt-1 space-y-1">
              {remarks.map((r) => (
                <li key={r.id}>
                  {r.stage === "CURATOR" ? "Куратор" : "Проверка в отделе"}
                  {r.onBehalfOfCurator ? " (внесено за куратора)" : ""}, {r.decidedBy.fullName},{" "}
                  {formatDateTime(r.createdAt, timeZone)}: {r.comment ? `«${r.comment}»` : "без комментария"}
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Вид ответа (п.9)</legend>
          {repeated ? (
            <p className="text-sm text-slate-600">
              Публикация повторная: ответ должен сообщать о принятых мерах или о ходе решения вопроса (п.11).
            </p>
          ) : null}
          <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1 text-sm">
            <label className="flex items-center gap-2">
              <input
                id="editor-kind-measures"
                type="radio"
                name="editor-kind"
                checked={form.kind === "MEASURES"}
                onChange={() => set({ kind: "MEASURES" })}
              />
              Меры, этапы и сроки
            </label>
            <label className="flex items-center gap-2">
              <input
                type="radio"
                name="editor-kind"
                checked={form.kind === "REFUSAL"}
                onChange={() => set({ kind: "REFUSAL" })}
              />
              Обоснованный отказ со ссылками на правовые акты
            </label>
          </div>
          {fieldError("kind") ? <p className="mt-1 text-sm text-red-700">{fieldError("kind")}</p> : null}
        </fieldset>

        {form.kind === "MEASURES" ? (
          <>
            <Field id="editor-measures" label="Принятые меры" error={fieldError("measures")}>
              <textarea
                id="editor-measures"
                rows={4}
                maxLength={MAX_PART}
                className={inputClass}
                value={form.measures}
                aria-invalid={fieldError("measures") ? true : undefined}
                aria-describedby={fieldError("measures") ? "editor-measures-error" : undefined}
                onChange={(e) => set({ measures: e.target.value })}
              />
            </Field>
            <Field
              id="editor-stages"
              label="Этапы и сроки решения"
              hint="Что и к какой дате будет сделано, например: «ремонт покрытия — до 15.12.2026»."
              error={fieldError("stages")}
            >
              <textarea
                id="editor-stages"
                rows={3}
                maxLength={MAX_PART}
                className={inputClass}
                value={form.stages}
                aria-invalid={fieldError("stages") ? true : undefined}
                aria-describedby={fieldError("stages") ? "editor-stages-error" : undefined}
                onChange={(e) => set({ stages: e.target.value })}
              />
            </Field>
          </>
        ) : (
          <>
            <Field id="editor-refusal" label="Почему вопрос не может быть решён" error={fieldError("refusalReason")}>
              <textarea
                id="editor-refusal"
                rows={4}
                maxLength={MAX_PART}
                className={inputClass}
                value={form.refusalReason}
                aria-invalid={fieldError("refusalReason") ? true : undefined}
                aria-describedby={fieldError("refusalReason") ? "editor-refusal-error" : undefined}
                onChange={(e) => set({ refusalReason: e.target.value })}
              />
            </Field>
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-slate-700">Правовые акты</legend>
              {legalActs.length > 0 ? (
                <div className="space-y-1">
                  {legalActs.map((a) => (
                    <label key={a.id} className="flex items-start gap-2 text-sm">
                      <input
                        type="checkbox"
                        className="mt-1"
                        checked={form.pickedActIds.includes(a.id)}
                        onChange={(e) =>
                          set({
                            pickedActIds: e.target.checked
                              ? [...form.pickedActIds, a.id]
                              : form.pickedActIds.filter((x) => x !== a.id),
                          })
                        }
                      />
                      <span>{citeLegalAct(a)}</span>
                    </label>
                  ))}
                </div>
              ) : (
                <p className="text-sm text-slate-600">Перечень актов муниципалитета пуст: укажите акты ниже.</p>
              )}
              <Field
                id="editor-acts-other"
                label="Другие акты (по одному в строке)"
                error={fieldError("legalReferences")}
              >
                <textarea
                  id="editor-acts-other"
                  rows={2}
                  maxLength={MAX_PART}
                  className={inputClass}
                  value={form.otherActs}
                  aria-invalid={fieldError("legalReferences") ? true : undefined}
                  aria-describedby={fieldError("legalReferences") ? "editor-acts-other-error" : undefined}
                  onChange={(e) => set({ otherActs: e.target.value })}
                />
              </Field>
            </fieldset>
          </>
        )}

        <div>
          <h4 className="text-sm font-medium text-slate-700">Текст ответа, как он будет размещён</h4>
          <div className="mt-1 min-h-12 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm whitespace-pre-wrap">
            {preview || <span className="text-slate-500">Заполните поля выше — текст сложится из них.</span>}
          </div>
          <p
            className={`mt-1 text-sm ${over ? "font-medium text-red-700" : "text-slate-600"}`}
            data-testid="answer-length"
          >
            Символов: {length}
            {maxAnswerLength !== null ? ` из ${maxAnswerLength} (${networkName})` : " (у этой сети нет ограничения)"}
          </p>
          {over ? (
            <p id="editor-length-help" className="text-sm text-red-700">
              Текст длиннее, чем допускает {networkName}: сократите его на {length - (maxAnswerLength ?? 0)}{" "}
              {pluralRu(length - (maxAnswerLength ?? 0), "символ", "символа", "символов")}, чтобы отправить проект.
            </p>
          ) : null}
          {fieldError("text") && !over ? <p className="text-sm text-red-700">{fieldError("text")}</p> : null}
        </div>
      </form>

      <div className="space-y-2">
        <h4 className="text-sm font-medium text-slate-700">Материалы, подтверждающие меры (п.9)</h4>
        {unsentEvidence.length > 0 ? (
          <div>
            <p className="text-sm text-slate-600">Новые, будут отправлены с проектом:</p>
            <AttachmentGallery attachments={unsentEvidence} currentUserId={currentUserId} removable />
          </div>
        ) : null}
        {canUploadEvidence ? (
          <AttachmentUploader caseId={caseId} purpose="evidence" label="Добавить фото или видео" />
        ) : null}
      </div>

      {summary ? (
        <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          <p className="font-medium">Проект не готов к отправке:</p>
          <ul className="mt-1 list-disc pl-5">
            {summary.map((p) => (
              <li key={p.field}>{p.message}</li>
            ))}
          </ul>
        </div>
      ) : (
        <FormMessage message={server.message ?? (server.fields.draft ? server.fields.draft : null)} />
      )}
      {save.error ? (
        <p role="alert" className="text-sm text-red-700">
          Черновик не сохранён: {errorsOf(save.error).message ?? errorsOf(save.error).fields.draft}
        </p>
      ) : null}

      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="submit"
          form={FORM_ID}
          data-stores-draft=""
          disabled={submitMutation.isPending || over}
          aria-describedby={over ? "editor-length-help" : undefined}
        >
          {submitMutation.isPending ? "Отправка…" : "Отправить проект на проверку"}
        </Button>
        <Button
          variant="secondary"
          data-stores-draft=""
          disabled={save.isPending}
          onClick={() => void saveDraft("button")}
        >
          {save.isPending ? "Сохранение…" : "Сохранить черновик"}
        </Button>
        <p aria-live="polite" className="text-sm text-slate-600">
          {savedAt ? `Черновик сохранён в ${formatTime(savedAt, timeZone)}` : ""}
        </p>
      </div>
    </div>
  );
}

function formFrom(start: TEditorStart | null, acts: TLegalActView[]): TForm {
  const d = start?.draft;
  const refs = splitLegalReferences(d?.legalReferences ?? [], acts);
  return {
    kind: d?.kind ?? "MEASURES",
    measures: d?.measures ?? "",
    stages: d?.stages ?? "",
    refusalReason: d?.refusalReason ?? "",
    pickedActIds: refs.pickedIds,
    otherActs: refs.otherLines,
  };
}

/** The working draft keeps both kinds' text, so switching the kind while writing loses nothing. */
function workingParts(form: TForm, acts: TLegalActView[]): TAnswerParts & { legalReferences: string[] } {
  return {
    kind: form.kind,
    measures: form.measures,
    stages: form.stages,
    refusalReason: form.refusalReason,
    legalReferences: joinLegalReferences(form.pickedActIds, acts, form.otherActs),
  };
}

/** A submitted version records only the parts of its kind. */
function submittedParts(form: TForm, acts: TLegalActView[]): TAnswerParts & { legalReferences: string[] } {
  return form.kind === "MEASURES"
    ? { kind: "MEASURES", measures: form.measures, stages: form.stages, legalReferences: [] }
    : {
        kind: "REFUSAL",
        refusalReason: form.refusalReason,
        legalReferences: joinLegalReferences(form.pickedActIds, acts, form.otherActs),
      };
}
