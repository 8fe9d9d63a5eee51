"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf, FormMessage } from "@/components/ui/form";
import { ACCOUNT_OWNER_KIND_LABELS } from "@/server/domain/accounts/account-rules";
import { AccountForm, EMPTY_ACCOUNT, type TAccountFormValues } from "./account-form";

type TEditing =
  | { mode: "create" }
  | { mode: "edit"; id: string; values: TAccountFormValues; formerResponsible: { id: string; fullName: string } | null }
  | null;

/** п.6: the official accounts of the municipality, for the IT sector. */
export function AccountsAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: accounts } = useSuspenseQuery(trpc.admin.accounts.list.queryOptions());
  const { data: options } = useSuspenseQuery(trpc.admin.accounts.options.queryOptions());
  const [editing, setEditing] = useState<TEditing>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const done = (text: string) => async () => {
    setNotice(text);
    setEditing(null);
    await queryClient.invalidateQueries({ queryKey: trpc.admin.accounts.list.queryKey() });
  };
  const create = useMutation(trpc.admin.accounts.create.mutationOptions({ onSuccess: done("Аккаунт добавлен") }));
  const update = useMutation(trpc.admin.accounts.update.mutationOptions({ onSuccess: done("Изменения сохранены") }));
  const setActive = useMutation(
    trpc.admin.accounts.setActive.mutationOptions({ onSuccess: done("Состояние аккаунта изменено") }),
  );
  const current = editing?.mode === "edit" ? update : create;
  const { message, fields } = errorsOf(current.error);

  function submit(values: TAccountFormValues) {
    setNotice(null);
    const input = {
      ...values,
      departmentId: values.departmentId || null,
      responsibleId: values.responsibleId || null,
    };
    if (editing?.mode === "edit") update.mutate({ ...input, id: editing.id });
    else create.mutate(input);
  }

  return (
    <div className="space-y-4">
      <Button
        onClick={() => {
          create.reset();
          setNotice(null);
          setEditing({ mode: "create" });
        }}
      >
        Добавить аккаунт
      </Button>
      <FormMessage message={notice} tone="success" />
      <FormMessage message={errorsOf(setActive.error).message} />
      {editing ? (
        <AccountForm
          key={editing.mode === "edit" ? editing.id : "new"}
          mode={editing.mode}
          initial={editing.mode === "edit" ? editing.values : EMPTY_ACCOUNT}
          formerResponsible={editing.mode === "edit" ? editing.formerResponsible : null}
          options={options}
          pending={current.isPending}
          message={message}
          fields={fields}
          onSubmit={submit}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2">Аккаунт</th>
              <th className="px-3 py-2">Вид страницы</th>
              <th className="px-3 py-2">Отдел</th>
              <th className="px-3 py-2">Ответственный</th>
              <th className="px-3 py-2">Публикаций</th>
              <th className="px-3 py-2">
                <span className="sr-only">Действия</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.length === 0 ? (
              <tr>
                <td colSpan={6} className="px-3 py-4 text-slate-500">
                  Официальные аккаунты ещё не зарегистрированы
                </td>
              </tr>
            ) : (
              accounts.map((a) => (
                <tr
                  key={a.id}
                  className={`border-t border-slate-100 align-top ${a.active ? "" : "text-slate-400"}`}
                  data-testid="account-row"
                >
                  <td className="px-3 py-2">
                    <span className="font-medium">{a.name}</span>
                    <span className="text-slate-500"> · {a.network.name}</span>
                    {a.active ? null : (
                      <span className="ml-2 rounded bg-slate-200 px-1.5 text-xs text-slate-700">отключён</span>
                    )}
                    <a
                      href={a.url}
                      target="_blank"
                      rel="noopener noreferrer"
                      className="block break-all text-brand-700 hover:underline"
                    >
                      {a.url}
                    </a>
                    {a.externalId ? <span className="block text-xs text-slate-500">ID: {a.externalId}</span> : null}
                  </td>
                  <td className="px-3 py-2">
                    {ACCOUNT_OWNER_KIND_LABELS[a.ownerKind]}
                    {a.ownerName ? <span className="block text-xs text-slate-500">{a.ownerName}</span> : null}
                  </td>
                  <td className="px-3 py-2">{a.department?.name ?? "—"}</td>
                  <td className="px-3 py-2">
                    {a.responsible ? (
                      <>
                        {a.responsible.fullName}
                        {a.responsible.active ? null : (
                          <span className="block text-xs text-red-700">отключён: напоминания не доходят</span>
                        )}
                      </>
                    ) : (
                      <span className="text-slate-500">не назначен</span>
                    )}
                  </td>
                  <td className="px-3 py-2">{a._count.routinePosts}</td>
                  <td className="space-x-1 px-3 py-2 whitespace-nowrap">
                    <Button
                      variant="secondary"
                      aria-label={`Изменить аккаунт «${a.name}» (${a.network.name})`}
                      onClick={() => {
                        update.reset();
                        setNotice(null);
                        setEditing({
                          mode: "edit",
                          id: a.id,
                          formerResponsible: a.responsible && !a.responsible.active ? a.responsible : null,
                          values: {
                            networkId: a.network.id,
                            url: a.url,
                            name: a.name,
                            ownerKind: a.ownerKind,
                            ownerName: a.ownerName ?? "",
                            departmentId: a.department?.id ?? "",
                            responsibleId: a.responsible?.id ?? "",
                            externalId: a.externalId ?? "",
                          },
                        });
                      }}
                    >
                      Изменить
                    </Button>
                    <Button
                      variant={a.active ? "danger" : "secondary"}
                      disabled={setActive.isPending}
                      aria-label={`${a.active ? "Отключить" : "Включить"} аккаунт «${a.name}» (${a.network.name})`}
                      onClick={() => setActive.mutate({ id: a.id, active: !a.active })}
                    >
                      {a.active ? "Отключить" : "Включить"}
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
