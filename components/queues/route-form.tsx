"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf, inputClass } from "@/components/ui/form";
import type { TInboxNewCase, TRoutingDepartment } from "./types";

/**
 * Routes one new case in one step (п.7): the department, pre-selected with the suggestion and
 * its reason, and optionally the executor. The workflow's own `cases.transition` decides; a
 * colleague who routed the case a moment earlier makes it refuse with a clear message.
 */
export function RouteForm({
  c,
  departments,
  onRouted,
}: {
  c: TInboxNewCase;
  departments: TRoutingDepartment[];
  onRouted: (message: string) => void;
}) {
  const trpc = useTRPC();
  const id = useId();
  const suggested = departments.find((d) => d.id === c.suggestion?.departmentId) ?? null;
  const [departmentId, setDepartmentId] = useState(suggested?.id ?? "");
  const [executorId, setExecutorId] = useState("");
  const mutation = useMutation(trpc.cases.transition.mutationOptions());
  const department = departments.find((d) => d.id === departmentId) ?? null;
  const executors = department?.executors ?? [];
  const { message, fields } = errorsOf(mutation.error);
  const departmentError = fields.departmentId ?? null;
  const executorError = fields.executorId ?? null;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const executor = executors.find((x) => x.id === executorId);
    mutation.mutate(
      {
        caseId: c.id,
        event: "route",
        expectedVersion: c.version,
        // An empty choice goes as null: the workflow answers "Выберите отдел…" in Russian.
        input: { departmentId: departmentId || null, executorId: executorId || null },
      },
      {
        onSuccess: () =>
          onRouted(
            `Публикация № ${c.number} направлена: ${department?.name ?? "отдел"}${executor ? `, исполнитель ${executor.fullName}` : ""}.`,
          ),
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="w-full space-y-1.5 md:w-72 md:flex-none">
      <div>
        <label htmlFor={`${id}-department`} className="block text-xs font-medium text-slate-700">
          Отдел<span className="sr-only"> для публикации № {c.number}</span>
        </label>
        <select
          id={`${id}-department`}
          className={`${inputClass} mt-0.5`}
          value={departmentId}
          aria-invalid={departmentError ? true : undefined}
          aria-describedby={
            [suggested ? `${id}-reason` : null, departmentError ? `${id}-department-error` : null]
              .filter(Boolean)
              .join(" ") || undefined
          }
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
        {suggested && c.suggestion ? (
          <p id={`${id}-reason`} className="mt-0.5 text-xs text-slate-600">
            Подсказка: {suggested.name} — {c.suggestion.reason}
          </p>
        ) : null}
        {departmentError ? (
          <p id={`${id}-department-error`} role="alert" className="mt-0.5 text-xs text-red-700">
            {departmentError}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor={`${id}-executor`} className="block text-xs font-medium text-slate-700">
          Исполнитель<span className="sr-only"> для публикации № {c.number}</span>
        </label>
        <select
          id={`${id}-executor`}
          className={`${inputClass} mt-0.5`}
          value={executorId}
          disabled={executors.length === 0}
          aria-invalid={executorError ? true : undefined}
          aria-describedby={executorError ? `${id}-executor-error` : undefined}
          onChange={(e) => setExecutorId(e.target.value)}
        >
          <option value="">
            {department && executors.length === 0 ? "— в отделе нет исполнителей —" : "— любой исполнитель отдела —"}
          </option>
          {executors.map((x) => (
            <option key={x.id} value={x.id}>
              {x.fullName}
              {x.position ? `, ${x.position}` : ""}
            </option>
          ))}
        </select>
        {executorError ? (
          <p id={`${id}-executor-error`} role="alert" className="mt-0.5 text-xs text-red-700">
            {executorError}
          </p>
        ) : null}
      </div>
      {message && !departmentError && !executorError ? (
        <p role="alert" className="text-xs text-red-700">
          {message}
        </p>
      ) : null}
      <Button type="submit" disabled={mutation.isPending} aria-busy={mutation.isPending} className="w-full">
        Направить
      </Button>
    </form>
  );
}
