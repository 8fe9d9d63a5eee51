"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf, Field, FormMessage, inputClass } from "@/components/ui/form";
import { EXPLANATION_MAX } from "@/server/domain/violations/explanations";

/** The responsible person's explanation (п.12): given once, never rewritten afterwards. */
export function ExplanationForm({
  violationId,
  caseNumber,
  onSaved,
}: {
  violationId: string;
  caseNumber: number;
  onSaved: (message: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [text, setText] = useState("");
  const [empty, setEmpty] = useState(false);
  const mutation = useMutation(
    trpc.violations.explain.mutationOptions({
      onSuccess: async () => {
        onSaved(`Объяснение по публикации № ${caseNumber} отправлено.`);
        await queryClient.invalidateQueries({ queryKey: trpc.violations.pathKey() });
      },
    }),
  );
  const server = errorsOf(mutation.error);
  const error = empty ? "Напишите объяснение" : server.fields.explanation;

  return (
    <form
      aria-label={`Объяснение по нарушению, публикация № ${caseNumber}`}
      noValidate
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim() === "") {
          setEmpty(true);
          return;
        }
        setEmpty(false);
        mutation.mutate({ violationId, explanation: text });
      }}
    >
      <Field
        id={`${id}-explanation`}
        label="Объяснение"
        hint="Объяснение даётся один раз: после отправки изменить его нельзя. Его прочтёт заместитель главы."
        error={error}
      >
        <textarea
          id={`${id}-explanation`}
          rows={3}
          maxLength={EXPLANATION_MAX}
          className={inputClass}
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-explanation-error` : undefined}
          onChange={(e) => setText(e.target.value)}
        />
      </Field>
      <FormMessage message={error ? null : server.message} />
      <Button type="submit" disabled={mutation.isPending} aria-busy={mutation.isPending}>
        {mutation.isPending ? "Отправка…" : "Отправить объяснение"}
      </Button>
    </form>
  );
}
