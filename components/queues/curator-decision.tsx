"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf, inputClass } from "@/components/ui/form";
import type { TCuratorCase } from "./types";

type TDecision = "approve" | "reject";

/**
 * The curator's decision on the draft in the queue (п.10): approve, or return for rework with a
 * remark (required). A coordinator recording the decision on the curator's behalf gives the
 * curator's words either way; the workflow checks both.
 */
export function CuratorDecision({
  c,
  onBehalfOfCurator,
  onDecided,
}: {
  c: TCuratorCase;
  onBehalfOfCurator: boolean;
  onDecided: (message: string) => void;
}) {
  const trpc = useTRPC();
  const id = useId();
  const [comment, setComment] = useState("");
  const [pending, setPending] = useState<TDecision | null>(null);
  const mutation = useMutation(trpc.cases.transition.mutationOptions());
  const { message, fields } = errorsOf(mutation.error);
  const commentError = fields.comment ?? null;

  function decide(event: TDecision) {
    setPending(event);
    mutation.mutate(
      { caseId: c.id, event, expectedVersion: c.version, input: { comment } },
      {
        onSuccess: () =>
          onDecided(
            event === "approve"
              ? `Проект ответа на публикацию № ${c.number} согласован.`
              : `Проект ответа на публикацию № ${c.number} возвращён на доработку.`,
          ),
        onSettled: () => setPending(null),
      },
    );
  }

  const hint = onBehalfOfCurator
    ? "Решение вносится за куратора: приведите комментарий куратора."
    : "Обязателен при возврате на доработку: что нужно исправить.";

  return (
    <div className="space-y-2">
      <div>
        <label htmlFor={`${id}-comment`} className="block text-sm font-medium text-slate-700">
          Комментарий куратора<span className="sr-only"> к публикации № {c.number}</span>
        </label>
        <textarea
          id={`${id}-comment`}
          rows={3}
          className={inputClass}
          value={comment}
          aria-invalid={commentError ? true : undefined}
          aria-describedby={`${id}-hint${commentError ? ` ${id}-error` : ""}`}
          onChange={(e) => setComment(e.target.value)}
        />
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
        {commentError ? (
          <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700">
            {commentError}
          </p>
        ) : null}
      </div>
      {message && !commentError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button disabled={mutation.isPending} aria-busy={pending === "approve"} onClick={() => decide("approve")}>
          Согласовать
        </Button>
        <Button
          variant="danger"
          disabled={mutation.isPending}
          aria-busy={pending === "reject"}
          onClick={() => decide("reject")}
        >
          Вернуть на доработку
        </Button>
      </div>
    </div>
  );
}
