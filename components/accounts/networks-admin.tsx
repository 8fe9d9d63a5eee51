"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf, Field, FormMessage, inputClass } from "@/components/ui/form";

interface TNetworkValues {
  name: string;
  /** One host name per line (commas and spaces also separate). */
  hosts: string;
  /** Empty: no limit. */
  maxAnswerLength: string;
  active: boolean;
}

function NetworkForm({
  code,
  initial,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  code: string;
  initial: TNetworkValues;
  pending: boolean;
  error: unknown;
  onSubmit: (v: TNetworkValues) => void;
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
      <h2 className="font-semibold">
        Изменение сети «{initial.name}» <span className="font-mono text-sm text-slate-500">({code})</span>
      </h2>
      <div className="grid gap-4 md:grid-cols-2">
        <Field id="n-name" label="Название" error={fields.name}>
          <input
            id="n-name"
            className={inputClass}
            value={v.name}
            aria-invalid={Boolean(fields.name)}
            onChange={(e) => setV({ ...v, name: e.target.value })}
          />
        </Field>
        <Field
          id="n-maxAnswerLength"
          label="Наибольшая длина ответа, символов"
          error={fields.maxAnswerLength}
          hint="Пусто — без ограничения. Показывается в редакторе ответа"
        >
          <input
            id="n-maxAnswerLength"
            inputMode="numeric"
            className={inputClass}
            value={v.maxAnswerLength}
            aria-invalid={Boolean(fields.maxAnswerLength)}
            onChange={(e) => setV({ ...v, maxAnswerLength: e.target.value })}
          />
        </Field>
        <Field
          id="n-hosts"
          label="Адреса сайтов сети"
          error={fields.hosts}
          hint="По одному в строке, например vk.com. По ним сеть узнаётся по ссылке на публикацию; варианты www. и m. учитываются сами"
        >
          <textarea
            id="n-hosts"
            rows={4}
            className={inputClass}
            value={v.hosts}
            aria-invalid={Boolean(fields.hosts)}
            onChange={(e) => setV({ ...v, hosts: e.target.value })}
          />
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={v.active} onChange={(e) => setV({ ...v, active: e.target.checked })} />
        Сеть используется (отключённую нельзя выбрать для новых аккаунтов)
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

/** Social networks are data: names, host names for detecting links, answer length limits. */
export function NetworksAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: networks } = useSuspenseQuery(trpc.admin.accounts.networks.queryOptions());
  const [editing, setEditing] = useState<{ id: string; code: string; values: TNetworkValues } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const update = useMutation(
    trpc.admin.accounts.updateNetwork.mutationOptions({
      onSuccess: async () => {
        setNotice("Изменения сохранены");
        setEditing(null);
        await queryClient.invalidateQueries({ queryKey: trpc.admin.accounts.networks.queryKey() });
      },
    }),
  );

  return (
    <div className="space-y-4">
      <FormMessage message={notice} tone="success" />
      {editing ? (
        <NetworkForm
          key={editing.id}
          code={editing.code}
          initial={editing.values}
          pending={update.isPending}
          error={update.error}
          onCancel={() => setEditing(null)}
          onSubmit={(v) => {
            setNotice(null);
            const limit = v.maxAnswerLength.replace(/\s/gu, "");
            update.mutate({
              id: editing.id,
              name: v.name,
              hosts: v.hosts.split(/[\s,;]+/u).filter(Boolean),
              // Not a number reaches the server as NaN, which it refuses with a message for the field.
              maxAnswerLength: limit === "" ? null : Number(limit),
              active: v.active,
            });
          }}
        />
      ) : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2">Сеть</th>
              <th className="px-3 py-2">Адреса сайтов</th>
              <th className="px-3 py-2">Длина ответа</th>
              <th className="px-3 py-2">Аккаунтов</th>
              <th className="px-3 py-2">
                <span className="sr-only">Действия</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {networks.map((n) => (
              <tr
                key={n.id}
                className={`border-t border-slate-100 align-top ${n.active ? "" : "text-slate-400"}`}
                data-testid="network-row"
              >
                <td className="px-3 py-2">
                  {n.name} <span className="font-mono text-xs text-slate-500">{n.code}</span>
                  {n.active ? null : (
                    <span className="ml-2 rounded bg-slate-200 px-1.5 text-xs text-slate-700">отключена</span>
                  )}
                </td>
                <td className="px-3 py-2">
                  {n.hosts.length > 0 ? n.hosts.join(", ") : <span className="text-slate-500">выбирается вручную</span>}
                </td>
                <td className="px-3 py-2">{n.maxAnswerLength ?? "без ограничения"}</td>
                <td className="px-3 py-2">{n._count.accounts}</td>
                <td className="px-3 py-2">
                  <Button
                    variant="secondary"
                    aria-label={`Изменить сеть «${n.name}»`}
                    onClick={() => {
                      update.reset();
                      setNotice(null);
                      setEditing({
                        id: n.id,
                        code: n.code,
                        values: {
                          name: n.name,
                          hosts: n.hosts.join("\n"),
                          maxAnswerLength: n.maxAnswerLength === null ? "" : String(n.maxAnswerLength),
                          active: n.active,
                        },
                      });
                    }}
                  >
                    Изменить
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
