"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf, Field, FormMessage, inputClass } from "@/components/ui/form";

interface TValues {
  name: string;
  shortName: string;
  isCoordinating: boolean;
}

function DepartmentForm({
  initial,
  title,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  initial: TValues;
  title: string;
  pending: boolean;
  error: unknown;
  onSubmit: (v: TValues) => void;
  onCancel: () => void;
}) {
  const [v, setV] = useState(initial);
  const { message, fields } = errorsOf(error);
  return (
    <form
      noValidate
      className="space-y-4 rounded-lg border border-brand-100 bg-brand-50/40 p-5"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(v);
      }}
    >
      <h2 className="font-semibold">{title}</h2>
      <div className="grid gap-4 md:grid-cols-2">
        <Field id="d-name" label="Название" error={fields.name}>
          <input
            id="d-name"
            className={inputClass}
            value={v.name}
            aria-invalid={Boolean(fields.name)}
            onChange={(e) => setV({ ...v, name: e.target.value })}
          />
        </Field>
        <Field id="d-shortName" label="Краткое название" error={fields.shortName}>
          <input
            id="d-shortName"
            className={inputClass}
            value={v.shortName}
            onChange={(e) => setV({ ...v, shortName: e.target.value })}
          />
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={v.isCoordinating}
          onChange={(e) => setV({ ...v, isCoordinating: e.target.checked })}
        />
        Координирующий отдел (по организационным вопросам и делопроизводству): направляет публикации, передаёт ответы
        куратору, размещает ответы
      </label>
      <FormMessage message={message} />
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Сохранение…" : "Сохранить"}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Отмена
        </Button>
      </div>
    </form>
  );
}

export function DepartmentsAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: departments } = useSuspenseQuery(trpc.admin.departments.list.queryOptions());
  const [editing, setEditing] = useState<{ id: string | null; values: TValues } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const after = (text: string) => async () => {
    setEditing(null);
    setNotice(text);
    await queryClient.invalidateQueries({ queryKey: trpc.admin.departments.list.queryKey() });
  };
  const create = useMutation(trpc.admin.departments.create.mutationOptions({ onSuccess: after("Отдел создан") }));
  const update = useMutation(
    trpc.admin.departments.update.mutationOptions({ onSuccess: after("Изменения сохранены") }),
  );
  const setActive = useMutation(
    trpc.admin.departments.setActive.mutationOptions({ onSuccess: after("Статус отдела изменён") }),
  );
  const current = editing?.id ? update : create;

  return (
    <div className="space-y-4">
      <Button
        onClick={() => {
          create.reset();
          setNotice(null);
          setEditing({ id: null, values: { name: "", shortName: "", isCoordinating: false } });
        }}
      >
        Добавить отдел
      </Button>
      <FormMessage message={notice} tone="success" />
      <FormMessage message={errorsOf(setActive.error).message} />
      {editing ? (
        <DepartmentForm
          key={editing.id ?? "new"}
          title={editing.id ? "Изменение отдела" : "Новый отдел"}
          initial={editing.values}
          pending={current.isPending}
          error={current.error}
          onCancel={() => setEditing(null)}
          onSubmit={(v) => {
            setNotice(null);
            if (editing.id) update.mutate({ id: editing.id, ...v });
            else create.mutate(v);
          }}
        />
      ) : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2">Отдел</th>
              <th className="px-3 py-2">Сотрудников</th>
              <th className="px-3 py-2">Действия</th>
            </tr>
          </thead>
          <tbody>
            {departments.map((d) => (
              <tr
                key={d.id}
                className={`border-t border-slate-100 ${d.active ? "" : "text-slate-400"}`}
                data-testid="department-row"
              >
                <td className="px-3 py-2">
                  {d.name}
                  {d.shortName ? <span className="text-slate-500"> ({d.shortName})</span> : null}
                  {d.isCoordinating ? (
                    <span className="ml-2 rounded bg-brand-100 px-1.5 text-xs text-brand-900">координирующий</span>
                  ) : null}
                  {d.active ? null : (
                    <span className="ml-2 rounded bg-slate-200 px-1.5 text-xs text-slate-700">упразднён</span>
                  )}
                </td>
                <td className="px-3 py-2">{d._count.users}</td>
                <td className="space-x-1 px-3 py-2 whitespace-nowrap">
                  <Button
                    variant="secondary"
                    onClick={() => {
                      update.reset();
                      setNotice(null);
                      setEditing({
                        id: d.id,
                        values: { name: d.name, shortName: d.shortName ?? "", isCoordinating: d.isCoordinating },
                      });
                    }}
                  >
                    Изменить
                  </Button>
                  <Button
                    variant={d.active ? "danger" : "secondary"}
                    disabled={setActive.isPending}
                    onClick={() => setActive.mutate({ id: d.id, active: !d.active })}
                  >
                    {d.active ? "Упразднить" : "Восстановить"}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
