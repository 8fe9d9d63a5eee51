"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf, Field, FormMessage, inputClass } from "@/components/ui/form";
import { formatDateTime } from "@/server/domain/time/zone";

export function KioskAdmin({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: links } = useSuspenseQuery(trpc.admin.kiosk.list.queryOptions());
  const [name, setName] = useState("");
  const [created, setCreated] = useState<{ name: string; url: string } | null>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.kiosk.list.queryKey() });
  const create = useMutation(
    trpc.admin.kiosk.create.mutationOptions({
      onSuccess: async (result) => {
        setCreated({ name: result.kiosk.name, url: new URL(result.path, window.location.origin).toString() });
        setCopied(null);
        setName("");
        setNotice(null);
        await refresh();
      },
    }),
  );
  const revoke = useMutation(
    trpc.admin.kiosk.revoke.mutationOptions({
      onSuccess: async (link) => {
        setNotice(`Ссылка «${link.name}» отозвана: экраны с ней отключены`);
        await refresh();
      },
    }),
  );
  const { message, fields } = errorsOf(create.error);

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("yes");
    } catch {
      // Without a secure context or permission the browser refuses; the link stays selectable.
      setCopied("failed");
    }
  };

  return (
    <div className="space-y-4">
      <form
        noValidate
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-5"
        onSubmit={(e) => {
          e.preventDefault();
          setCreated(null);
          create.mutate({ name });
        }}
      >
        <h2 className="font-semibold">Новая ссылка для экрана</h2>
        <Field
          id="kiosk-name"
          label="Где стоит экран"
          error={fields.name}
          hint="Например, «Телевизор в орготделе, каб. 12»: по названию потом понятно, какую ссылку отозвать"
        >
          <input
            id="kiosk-name"
            className={inputClass}
            value={name}
            maxLength={100}
            aria-invalid={Boolean(fields.name)}
            aria-describedby={fields.name ? "kiosk-name-error" : undefined}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <FormMessage message={message} />
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Создание…" : "Создать ссылку"}
        </Button>
      </form>

      {created ? (
        <div role="status" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4">
          <p className="font-medium">
            Ссылка «{created.name}» создана. Скопируйте её сейчас — больше она показана не будет.
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <code
              data-testid="new-kiosk-link"
              className="block min-w-0 flex-1 rounded bg-white px-3 py-2 font-mono text-sm break-all"
            >
              {created.url}
            </code>
            <Button variant="secondary" onClick={() => void copy(created.url)}>
              Скопировать
            </Button>
          </div>
          {copied === "yes" ? <p className="text-sm text-green-800">Ссылка скопирована</p> : null}
          {copied === "failed" ? (
            <p className="text-sm text-red-800">Браузер не дал скопировать: выделите ссылку и скопируйте вручную</p>
          ) : null}
          <p className="text-sm text-slate-600">
            Откройте её в браузере телевизора в полноэкранном режиме: табло обновляется само, входить в систему не
            нужно. Ссылка только показывает табло и ничего не позволяет менять.
          </p>
        </div>
      ) : null}
      <FormMessage message={notice} tone="success" />
      <FormMessage message={errorsOf(revoke.error).message} />

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2">Экран</th>
              <th className="px-3 py-2">Начало ссылки</th>
              <th className="px-3 py-2">Создана</th>
              <th className="px-3 py-2">Последнее подключение</th>
              <th className="px-3 py-2">Состояние</th>
              <th className="px-3 py-2">
                <span className="sr-only">Действия</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {links.length === 0 ? (
              <tr>
                <td colSpan={6} className="px-3 py-4 text-slate-500">
                  Ссылок пока нет
                </td>
              </tr>
            ) : (
              links.map((k) => (
                <tr key={k.id} className="border-t border-slate-100" data-testid="kiosk-row">
                  <td className="px-3 py-2">{k.name}</td>
                  <td className="px-3 py-2 font-mono">{k.prefix}…</td>
                  <td className="px-3 py-2">
                    {formatDateTime(k.createdAt, timeZone)}
                    {k.createdBy ? <span className="block text-xs text-slate-500">{k.createdBy.fullName}</span> : null}
                  </td>
                  <td className="px-3 py-2">{k.lastUsedAt ? formatDateTime(k.lastUsedAt, timeZone) : "—"}</td>
                  <td className="px-3 py-2">
                    {k.revokedAt ? `отозвана ${formatDateTime(k.revokedAt, timeZone)}` : "действует"}
                  </td>
                  <td className="px-3 py-2">
                    {k.revokedAt ? null : (
                      <Button
                        variant="danger"
                        disabled={revoke.isPending}
                        aria-label={`Отозвать ссылку «${k.name}»`}
                        onClick={() => revoke.mutate({ id: k.id })}
                      >
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
