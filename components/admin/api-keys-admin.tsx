"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf, Field, FormMessage, inputClass } from "@/components/ui/form";
import { formatDateTime } from "@/server/domain/time/zone";

export function ApiKeysAdmin({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: keys } = useSuspenseQuery(trpc.admin.apiKeys.list.queryOptions());
  const [name, setName] = useState("");
  const [expires, setExpires] = useState("");
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.apiKeys.list.queryKey() });
  const create = useMutation(
    trpc.admin.apiKeys.create.mutationOptions({
      onSuccess: async (result) => {
        setSecret({ name: result.key.name, value: result.secret });
        setName("");
        setExpires("");
        setNotice(null);
        await refresh();
      },
    }),
  );
  const revoke = useMutation(
    trpc.admin.apiKeys.revoke.mutationOptions({
      onSuccess: async (key) => {
        setNotice(`Ключ «${key.name}» отозван: запросы с ним больше не принимаются`);
        await refresh();
      },
    }),
  );
  const { message, fields } = errorsOf(create.error);

  return (
    <div className="space-y-4">
      <form
        noValidate
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-5"
        onSubmit={(e) => {
          e.preventDefault();
          setSecret(null);
          create.mutate({ name, expiresOn: expires || null });
        }}
      >
        <h2 className="font-semibold">Новый ключ для системы куратора</h2>
        <div className="grid gap-4 md:grid-cols-2">
          <Field id="k-name" label="Название" error={fields.name}>
            <input
              id="k-name"
              className={inputClass}
              value={name}
              aria-invalid={Boolean(fields.name)}
              onChange={(e) => setName(e.target.value)}
            />
          </Field>
          <Field id="k-expires" label="Действует по (необязательно)" error={fields.expiresOn}>
            <input
              id="k-expires"
              type="date"
              className={inputClass}
              value={expires}
              onChange={(e) => setExpires(e.target.value)}
            />
          </Field>
        </div>
        <FormMessage message={message} />
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Создание…" : "Создать ключ"}
        </Button>
      </form>

      {secret ? (
        <div role="status" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4">
          <p className="font-medium">
            Ключ «{secret.name}» создан. Скопируйте его сейчас — больше он показан не будет.
          </p>
          <code data-testid="new-api-key" className="block rounded bg-white px-3 py-2 font-mono text-sm break-all">
            {secret.value}
          </code>
          <p className="text-sm text-slate-600">
            Система куратора передаёт его в заголовке <code>Authorization: Bearer …</code>
          </p>
        </div>
      ) : null}
      <FormMessage message={notice} tone="success" />
      <FormMessage message={errorsOf(revoke.error).message} />

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2">Название</th>
              <th className="px-3 py-2">Начало ключа</th>
              <th className="px-3 py-2">Создан</th>
              <th className="px-3 py-2">Последнее использование</th>
              <th className="px-3 py-2">Состояние</th>
              <th className="px-3 py-2" />
            </tr>
          </thead>
          <tbody>
            {keys.length === 0 ? (
              <tr>
                <td colSpan={6} className="px-3 py-4 text-slate-500">
                  Ключей пока нет
                </td>
              </tr>
            ) : (
              keys.map((k) => (
                <tr key={k.id} className="border-t border-slate-100" data-testid="api-key-row">
                  <td className="px-3 py-2">{k.name}</td>
                  <td className="px-3 py-2 font-mono">{k.prefix}…</td>
                  <td className="px-3 py-2">
                    {formatDateTime(k.createdAt, timeZone)}
                    {k.createdBy ? <span className="block text-xs text-slate-500">{k.createdBy.fullName}</span> : null}
                  </td>
                  <td className="px-3 py-2">{k.lastUsedAt ? formatDateTime(k.lastUsedAt, timeZone) : "—"}</td>
                  <td className="px-3 py-2">
                    {k.revokedAt
                      ? `отозван ${formatDateTime(k.revokedAt, timeZone)}`
                      : k.expiresAt
                        ? `действует до ${formatDateTime(k.expiresAt, timeZone)}`
                        : "действует"}
                  </td>
                  <td className="px-3 py-2">
                    {k.revokedAt ? null : (
                      <Button variant="danger" disabled={revoke.isPending} onClick={() => revoke.mutate({ id: k.id })}>
                        Отозвать
                      </Button>
                    )}
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
