"use client";

import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf, FormMessage, inputClass } from "@/components/ui/form";
import { ROLE_SHORT_LABELS } from "@/server/domain/auth/roles";
import { formatDateTime } from "@/server/domain/time/zone";
import { EMPTY_USER, UserForm, type TUserFormValues } from "./user-form";

type TEditing = { mode: "create" } | { mode: "edit"; id: string; values: TUserFormValues } | null;

export function UsersAdmin({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState("");
  const users = useQuery(
    trpc.admin.users.list.queryOptions(
      { query: query || undefined, includeInactive: true },
      { placeholderData: (prev) => prev },
    ),
  );
  const { data: departments } = useSuspenseQuery(trpc.admin.departments.list.queryOptions());
  const [editing, setEditing] = useState<TEditing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [passwordFor, setPasswordFor] = useState<{ id: string; name: string } | null>(null);
  const [newPassword, setNewPassword] = useState("");

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.users.list.queryKey() });
  const done = (text: string) => async () => {
    setNotice(text);
    setEditing(null);
    setPasswordFor(null);
    setNewPassword("");
    await refresh();
  };
  const create = useMutation(trpc.admin.users.create.mutationOptions({ onSuccess: done("Пользователь создан") }));
  const update = useMutation(trpc.admin.users.update.mutationOptions({ onSuccess: done("Изменения сохранены") }));
  const setActive = useMutation(trpc.admin.users.setActive.mutationOptions({ onSuccess: done("Статус изменён") }));
  const reset = useMutation(
    trpc.admin.users.resetPassword.mutationOptions({
      onSuccess: done("Пароль изменён; прежние сеансы пользователя завершены"),
    }),
  );

  const active = editing?.mode === "create" ? create : update;
  const { message, fields } = errorsOf(active.error);
  const resetErrors = errorsOf(reset.error);

  function submit(values: TUserFormValues) {
    setNotice(null);
    const common = {
      fullName: values.fullName,
      email: values.email,
      position: values.position,
      roles: values.roles,
      departmentId: values.departmentId || null,
    };
    if (editing?.mode === "edit") update.mutate({ id: editing.id, ...common });
    else create.mutate({ ...common, username: values.username, password: values.password });
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <input
          aria-label="Поиск по ФИО, логину, почте"
          placeholder="Поиск по ФИО, логину, почте"
          className={`${inputClass} mt-0 max-w-sm`}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <Button
          onClick={() => {
            create.reset();
            setNotice(null);
            setEditing({ mode: "create" });
          }}
        >
          Добавить пользователя
        </Button>
      </div>
      <FormMessage message={notice} tone="success" />
      <FormMessage message={errorsOf(setActive.error).message} />
      {editing ? (
        <UserForm
          key={editing.mode === "edit" ? editing.id : "new"}
          mode={editing.mode}
          initial={editing.mode === "edit" ? editing.values : EMPTY_USER}
          departments={departments}
          pending={active.isPending}
          message={message}
          fields={fields}
          onSubmit={submit}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {passwordFor ? (
        <form
          className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            reset.mutate({ id: passwordFor.id, password: newPassword });
          }}
        >
          <label htmlFor="new-password" className="block text-sm font-medium">
            Новый пароль для {passwordFor.name}
          </label>
          <input
            id="new-password"
            type="password"
            autoComplete="new-password"
            className={`${inputClass} max-w-sm`}
            value={newPassword}
            onChange={(e) => setNewPassword(e.target.value)}
          />
          {resetErrors.fields.password ? (
            <p className="text-sm text-red-700">{resetErrors.fields.password}</p>
          ) : (
            <FormMessage message={resetErrors.message} />
          )}
          <div className="flex gap-2">
            <Button type="submit" disabled={reset.isPending}>
              Сменить пароль
            </Button>
            <Button variant="secondary" onClick={() => setPasswordFor(null)}>
              Отмена
            </Button>
          </div>
        </form>
      ) : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2">ФИО</th>
              <th className="px-3 py-2">Логин</th>
              <th className="px-3 py-2">Роли</th>
              <th className="px-3 py-2">Отдел</th>
              <th className="px-3 py-2">Последний вход</th>
              <th className="px-3 py-2">Действия</th>
            </tr>
          </thead>
          <tbody>
            {users.isPending ? (
              <tr>
                <td colSpan={6} className="px-3 py-4 text-slate-500">
                  Загрузка…
                </td>
              </tr>
            ) : users.isError ? (
              <tr>
                <td colSpan={6} className="px-3 py-4 text-red-700">
                  {errorsOf(users.error).message}
                </td>
              </tr>
            ) : users.data.length === 0 ? (
              <tr>
                <td colSpan={6} className="px-3 py-4 text-slate-500">
                  Никого не найдено
                </td>
              </tr>
            ) : (
              users.data.map((u) => (
                <tr
                  key={u.id}
                  className={`border-t border-slate-100 ${u.active ? "" : "text-slate-400"}`}
                  data-testid={`user-row-${u.username}`}
                >
                  <td className="px-3 py-2">
                    {u.fullName}
                    {u.position ? <span className="block text-xs text-slate-500">{u.position}</span> : null}
                    {u.active ? null : (
                      <span className="ml-1 rounded bg-slate-200 px-1.5 text-xs text-slate-700">заблокирован</span>
                    )}
                  </td>
                  <td className="px-3 py-2">{u.username}</td>
                  <td className="px-3 py-2">{u.roles.map((r) => ROLE_SHORT_LABELS[r]).join(", ")}</td>
                  <td className="px-3 py-2">{u.department?.name ?? "—"}</td>
                  <td className="px-3 py-2">{u.lastLoginAt ? formatDateTime(u.lastLoginAt, timeZone) : "—"}</td>
                  <td className="space-x-1 px-3 py-2 whitespace-nowrap">
                    <Button
                      variant="secondary"
                      onClick={() => {
                        update.reset();
                        setNotice(null);
                        setEditing({
                          mode: "edit",
                          id: u.id,
                          values: {
                            username: u.username,
                            fullName: u.fullName,
                            email: u.email ?? "",
                            position: u.position ?? "",
                            roles: u.roles,
                            departmentId: u.department?.id ?? "",
                            password: "",
                          },
                        });
                      }}
                    >
                      Изменить
                    </Button>
                    <Button
                      variant="secondary"
                      onClick={() => {
                        reset.reset();
                        setPasswordFor({ id: u.id, name: u.fullName });
                      }}
                    >
                      Пароль
                    </Button>
                    <Button
                      variant={u.active ? "danger" : "secondary"}
                      disabled={setActive.isPending}
                      onClick={() => setActive.mutate({ id: u.id, active: !u.active })}
                    >
                      {u.active ? "Заблокировать" : "Разблокировать"}
                    </Button>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
