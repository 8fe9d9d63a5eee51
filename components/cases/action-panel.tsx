"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf, Field, FormMessage, inputClass } from "@/components/ui/form";
import { composeAnswerText, countCharacters } from "@/server/domain/cases/answer-rules";
import type { TCaseEvent } from "@/server/domain/cases/status-machine";

interface TAction {
  event: TCaseEvent;
  label: string;
  onBehalfOfCurator: boolean;
}

/** The actions this person may take now, each with exactly the input the regulation requires. */
export function ActionPanel({
  caseId,
  version,
  actions,
  maxAnswerLength,
  departments,
  suggestedDepartmentId,
  legalActs,
}: {
  caseId: string;
  version: number;
  actions: TAction[];
  maxAnswerLength: number | null;
  departments: { id: string; name: string }[];
  suggestedDepartmentId: string | null;
  legalActs: { id: string; title: string; citation: string }[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<TCaseEvent | null>(null);
  const [comment, setComment] = useState("");
  const [departmentId, setDepartmentId] = useState(suggestedDepartmentId ?? "");
  const [pickedActs, setPickedActs] = useState<string[]>([]);
  const [answerUrl, setAnswerUrl] = useState("");
  const [draft, setDraft] = useState({
    kind: "MEASURES" as "MEASURES" | "REFUSAL",
    measures: "",
    stages: "",
    refusalReason: "",
    legal: "",
  });
  const [done, setDone] = useState<string | null>(null);
  const mutation = useMutation(
    trpc.cases.transition.mutationOptions({
      onSuccess: async () => {
        setDone("Сохранено");
        setOpen(null);
        setComment("");
        await queryClient.invalidateQueries({ queryKey: trpc.cases.get.queryKey({ id: caseId }) });
      },
    }),
  );
  const { message, fields } = errorsOf(mutation.error);
  // After the last action this person may take, the confirmation still shows.
  if (actions.length === 0 && !done) return null;
  const current = actions.find((a) => a.event === open);
  const legalReferences = [
    ...legalActs.filter((a) => pickedActs.includes(a.id)).map((a) => `${a.citation} «${a.title}»`),
    ...draft.legal
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean),
  ];
  const preview = composeAnswerText({
    kind: draft.kind,
    measures: draft.measures,
    stages: draft.stages,
    refusalReason: draft.refusalReason,
    legalReferences,
  });
  const length = countCharacters(preview);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!current) return;
    setDone(null);
    const event = current.event;
    mutation.mutate({
      caseId,
      event,
      expectedVersion: version,
      input: {
        departmentId: event === "route" ? departmentId || null : undefined,
        comment: ["returnForRework", "approve", "reject", "forward"].includes(event) ? comment : null,
        reason: ["notOurDepartment", "decline", "cancel"].includes(event) ? comment : null,
        answerUrl: event === "post" ? answerUrl : null,
      },
      draft:
        event === "submitDraft"
          ? {
              kind: draft.kind,
              measures: draft.measures,
              stages: draft.stages,
              refusalReason: draft.refusalReason,
              legalReferences,
            }
          : undefined,
    });
  }

  return (
    <section className="space-y-3 rounded-lg border border-brand-100 bg-brand-50/40 p-5" aria-label="Действия">
      <h2 className="font-semibold">Что сделать</h2>
      <div className="flex flex-wrap gap-2">
        {actions.map((a) => (
          <Button
            key={a.event}
            variant={open === a.event ? "primary" : "secondary"}
            onClick={() => {
              mutation.reset();
              setOpen(a.event);
            }}
          >
            {a.label}
            {a.onBehalfOfCurator ? " (за куратора)" : ""}
          </Button>
        ))}
      </div>
      <FormMessage message={done} tone="success" />
      {current ? (
        <form onSubmit={submit} className="space-y-3" noValidate>
          {current.event === "route" ? (
            <Field id="a-department" label="Отдел" error={fields.departmentId}>
              <select
                id="a-department"
                className={inputClass}
                value={departmentId}
                onChange={(e) => setDepartmentId(e.target.value)}
              >
                <option value="">— выберите отдел —</option>
                {departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
          {current.event === "submitDraft" ? (
            <div className="space-y-3">
              <fieldset className="flex gap-4 text-sm">
                <legend className="sr-only">Вид ответа</legend>
                <label className="flex items-center gap-2">
                  <input
                    type="radio"
                    checked={draft.kind === "MEASURES"}
                    onChange={() => setDraft({ ...draft, kind: "MEASURES" })}
                  />
                  Принятые меры, этапы и сроки
                </label>
                <label className="flex items-center gap-2">
                  <input
                    type="radio"
                    checked={draft.kind === "REFUSAL"}
                    onChange={() => setDraft({ ...draft, kind: "REFUSAL" })}
                  />
                  Обоснованный отказ
                </label>
              </fieldset>
              {draft.kind === "MEASURES" ? (
                <>
                  <Field id="a-measures" label="Принятые меры" error={fields.measures}>
                    <textarea
                      id="a-measures"
                      rows={3}
                      className={inputClass}
                      value={draft.measures}
                      onChange={(e) => setDraft({ ...draft, measures: e.target.value })}
                    />
                  </Field>
                  <Field id="a-stages" label="Этапы и сроки решения" error={fields.stages}>
                    <textarea
                      id="a-stages"
                      rows={3}
                      className={inputClass}
                      value={draft.stages}
                      onChange={(e) => setDraft({ ...draft, stages: e.target.value })}
                    />
                  </Field>
                </>
              ) : (
                <>
                  <Field id="a-refusal" label="Почему вопрос не может быть решён" error={fields.refusalReason}>
                    <textarea
                      id="a-refusal"
                      rows={3}
                      className={inputClass}
                      value={draft.refusalReason}
                      onChange={(e) => setDraft({ ...draft, refusalReason: e.target.value })}
                    />
                  </Field>
                  {legalActs.length > 0 ? (
                    <fieldset>
                      <legend className="text-sm font-medium text-slate-700">Нормативные акты из перечня</legend>
                      <div className="mt-1 space-y-1">
                        {legalActs.map((a) => (
                          <label key={a.id} className="flex items-start gap-2 text-sm">
                            <input
                              type="checkbox"
                              className="mt-1"
                              checked={pickedActs.includes(a.id)}
                              onChange={(e) =>
                                setPickedActs(
                                  e.target.checked ? [...pickedActs, a.id] : pickedActs.filter((x) => x !== a.id),
                                )
                              }
                            />
                            <span>
                              {a.citation} «{a.title}»
                            </span>
                          </label>
                        ))}
                      </div>
                    </fieldset>
                  ) : null}
                  <Field id="a-legal" label="Другие акты (по одному в строке)" error={fields.legalReferences}>
                    <textarea
                      id="a-legal"
                      rows={2}
                      className={inputClass}
                      value={draft.legal}
                      onChange={(e) => setDraft({ ...draft, legal: e.target.value })}
                    />
                  </Field>
                </>
              )}
              <p
                className={`text-sm ${maxAnswerLength !== null && length > maxAnswerLength ? "text-red-700" : "text-slate-500"}`}
                data-testid="answer-length"
              >
                {length}
                {maxAnswerLength !== null ? ` из ${maxAnswerLength}` : ""} символов
              </p>
            </div>
          ) : null}
          {current.event === "post" ? (
            <Field id="a-url" label="Ссылка на размещённый ответ" error={fields.answerUrl}>
              <input
                id="a-url"
                className={inputClass}
                value={answerUrl}
                onChange={(e) => setAnswerUrl(e.target.value)}
              />
            </Field>
          ) : null}
          {["returnForRework", "approve", "reject", "forward", "notOurDepartment", "decline", "cancel"].includes(
            current.event,
          ) ? (
            <Field
              id="a-comment"
              label={
                ["notOurDepartment", "decline", "cancel"].includes(current.event)
                  ? "Причина"
                  : current.onBehalfOfCurator
                    ? "Слова куратора"
                    : "Комментарий"
              }
              error={fields.comment ?? fields.reason}
            >
              <textarea
                id="a-comment"
                rows={2}
                className={inputClass}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
            </Field>
          ) : null}
          <FormMessage message={message} />
          <Button type="submit" disabled={mutation.isPending}>
            {mutation.isPending ? "Сохранение…" : current.label}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
