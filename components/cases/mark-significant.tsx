"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf, Field, FormMessage, inputClass } from "@/components/ui/form";

/**
 * п.13: a publication found to be socially significant is reported to the head and the deputy
 * head at once. The reason is what they read in the alert.
 */
export function MarkSignificant({ caseId }: { caseId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const mutation = useMutation(
    trpc.cases.markSignificant.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        await queryClient.invalidateQueries({ queryKey: trpc.cases.get.queryKey({ id: caseId }) });
      },
    }),
  );
  const { message, fields } = errorsOf(mutation.error);

  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Отметить как социально значимую
      </Button>
    );
  }
  return (
    <form
      className="max-w-xl space-y-2 rounded-md border border-red-200 bg-red-50 p-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate({ caseId, reason });
      }}
    >
      <Field
        id={`${id}-reason`}
        label="Чем публикация социально значима"
        hint="Глава и заместитель главы получат уведомление сразу (п.13)."
        error={fields.reason}
      >
        <textarea
          id={`${id}-reason`}
          rows={2}
          className={inputClass}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
      <FormMessage message={fields.reason ? null : message} />
      <div className="flex gap-2">
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? "Сохранение…" : "Отметить и сообщить руководству"}
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          Отмена
        </Button>
      </div>
    </form>
  );
}
