"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf, Field, FormMessage, inputClass } from "@/components/ui/form";
import { ZViolationDecide } from "@/server/api/routers/violations/violations.schema";
import {
  DECISION_KINDS,
  DECISION_LABELS,
  DECISION_TEXT_MAX,
  type TDecisionKind,
} from "@/server/domain/violations/decisions";

/**
 * The deputy head's decision on one violation (п.12). Decisions are only ever added: a new one
 * supersedes the earlier in the register and both stay on record, so the button says "new
 * decision" once there is one.
 */
export function DecisionForm({
  violationId,
  caseNumber,
  decided,
  onSaved,
}: {
  violationId: string;
  caseNumber: number;
  decided: boolean;
  onSaved: (message: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<TDecisionKind | "">("");
  const [text, setText] = useState("");
  const [local, setLocal] = useState<Record<string, string>>({});
  const mutation = useMutation(
    trpc.violations.decide.mutationOptions({
      onSuccess: async (saved) => {
        setOpen(false);
        setKind("");
        setText("");
        onSaved(`Решение по публикации № ${caseNumber} записано: ${DECISION_LABELS[saved.kind]}.`);
        await queryClient.invalidateQueries({ queryKey: trpc.violations.pathKey() });
      },
    }),
  );
  const server = errorsOf(mutation.error);
  const fields = { ...server.fields, ...local };
  const formName = `Решение по нарушению, публикация № ${caseNumber}`;

  if (!open) {
    return (
      <Button
        variant="secondary"
        className="mt-2"
        aria-expanded={false}
        aria-controls={`${id}-form`}
        onClick={() => {
          mutation.reset();
          setLocal({});
          setOpen(true);
        }}
      >
        {decided ? "Новое решение" : "Принять решение"}
        <span className="sr-only"> по публикации № {caseNumber}</span>
      </Button>
    );
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    // The same rules as the server's, so "Иное" without a text is pointed out at once.
    const parsed = ZViolationDecide.safeParse({ violationId, kind: kind || undefined, text });
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "");
        next[key] ??= issue.message;
      }
      setLocal(next);
      return;
    }
    setLocal({});
    mutation.mutate(parsed.data);
  }

  return (
    <form
      id={`${id}-form`}
      aria-label={formName}
      noValidate
      onSubmit={submit}
      className="mt-2 min-w-56 space-y-2 rounded-md border border-slate-200 bg-slate-50 p-2"
    >
      <Field id={`${id}-kind`} label="Решение" error={fields.kind}>
        <select
          id={`${id}-kind`}
          className={inputClass}
          // The form opens on the person's click: take them straight to its first field.
          autoFocus
          value={kind}
          aria-invalid={fields.kind ? true : undefined}
          aria-describedby={fields.kind ? `${id}-kind-error` : undefined}
          onChange={(e) => setKind(e.target.value as TDecisionKind | "")}
        >
          <option value="">— выберите —</option>
          {DECISION_KINDS.map((k) => (
            <option key={k} value={k}>
              {DECISION_LABELS[k]}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id={`${id}-text`}
        label="Текст решения"
        hint={kind === "OTHER" ? "Обязателен для решения «Иное»" : "Необязателен, кроме решения «Иное»"}
        error={fields.text}
      >
        <textarea
          id={`${id}-text`}
          rows={3}
          maxLength={DECISION_TEXT_MAX}
          className={inputClass}
          value={text}
          aria-invalid={fields.text ? true : undefined}
          aria-describedby={fields.text ? `${id}-text-error` : undefined}
          onChange={(e) => setText(e.target.value)}
        />
      </Field>
      <FormMessage message={fields.kind || fields.text ? null : server.message} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={mutation.isPending} aria-busy={mutation.isPending}>
          {mutation.isPending ? "Сохранение…" : "Записать решение"}
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          Отмена
        </Button>
      </div>
    </form>
  );
}
