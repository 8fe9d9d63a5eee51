"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf, Field, FormMessage, inputClass } from "@/components/ui/form";
import { formatDateTime } from "@/server/domain/time/zone";
import { CONNECTOR_STATUS_LABELS, CONNECTOR_STATUS_TONES } from "./labels";

/**
 * The VK connector of the administrator's municipality: its state, a form for a new community
 * key (a password field: the key is never shown back, only its last four characters), the
 * on/off switch, a check, and reading the walls at once.
 */
export function VkConnectorAdmin({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: connector } = useSuspenseQuery(trpc.vk.status.queryOptions());
  const [token, setToken] = useState("");
  const [enabled, setEnabled] = useState(connector.configured ? connector.enabled : true);
  const [notice, setNotice] = useState<{ tone: "success" | "error"; lines: string[] } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.vk.status.queryKey() });

  const check = useMutation(
    trpc.vk.check.mutationOptions({
      onSuccess: (result) =>
        setNotice({ tone: result.status === "OK" ? "success" : "error", lines: [result.message, ...result.warnings] }),
      onSettled: () => refresh(),
    }),
  );
  const configure = useMutation(
    trpc.vk.configure.mutationOptions({
      onSuccess: async (saved, input) => {
        setToken("");
        setEnabled(saved.enabled);
        await refresh();
        // A new key is tried at once: the administrator learns now, not at the next reading.
        if (input.token) check.mutate();
        else setNotice({ tone: "success", lines: [saved.enabled ? "Подключение включено" : "Подключение выключено"] });
      },
    }),
  );
  const disable = useMutation(
    trpc.vk.disable.mutationOptions({
      onSuccess: async () => {
        setEnabled(false);
        setNotice({ tone: "success", lines: ["Подключение выключено: записи не загружаются, ответы не размещаются"] });
        await refresh();
      },
    }),
  );
  const sync = useMutation(
    trpc.vk.syncNow.mutationOptions({
      onSuccess: (result) => {
        const lines = result.tokenExpired
          ? ["Ключ доступа сообщества недействителен или истёк: введите новый ключ"]
          : [`Загружено новых записей: ${result.posts} (аккаунтов прочитано: ${result.accounts})`, ...result.failures];
        setNotice({ tone: result.tokenExpired || result.failures.length > 0 ? "error" : "success", lines });
      },
      onSettled: () => refresh(),
    }),
  );
  const { message, fields } = errorsOf(configure.error);
  const actionError = errorsOf(check.error ?? disable.error ?? sync.error).message;
  const busy = configure.isPending || check.isPending || disable.isPending || sync.isPending;
  const status = connector.status;
  /** Before an action: the previous one's outcome is no longer news. */
  const start = () => {
    setNotice(null);
    for (const m of [check, disable, sync]) m.reset();
  };

  return (
    <div className="space-y-4">
      <section aria-labelledby="vk-state" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="vk-state" className="font-semibold">
          Состояние
        </h2>
        {connector.configured && status ? (
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="text-slate-600">Подключение</dt>
            <dd data-testid="vk-status">
              <span className={`rounded px-2 py-0.5 font-medium ${CONNECTOR_STATUS_TONES[status]}`}>
                {CONNECTOR_STATUS_LABELS[status]}
              </span>{" "}
              {connector.enabled ? "включено" : "выключено"}
            </dd>
            <dt className="text-slate-600">Ключ доступа</dt>
            <dd className="font-mono">…{connector.tokenHint}</dd>
            <dt className="text-slate-600">Последняя загрузка записей</dt>
            <dd>{connector.lastSyncAt ? formatDateTime(connector.lastSyncAt, timeZone) : "ещё не было"}</dd>
            {connector.lastError ? (
              <>
                <dt className="text-slate-600">Последняя ошибка</dt>
                <dd className="text-red-800">
                  {connector.lastErrorAt ? `${formatDateTime(connector.lastErrorAt, timeZone)}: ` : ""}
                  {connector.lastError}
                </dd>
              </>
            ) : null}
          </dl>
        ) : (
          <p className="text-sm text-slate-600">Подключение не настроено: введите ключ доступа сообщества ниже.</p>
        )}
        <FormMessage message={notice?.tone === "error" ? notice.lines.join(". ") : null} />
        {notice?.tone === "success" ? (
          <div role="status" className="space-y-1 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
            {notice.lines.map((line, i) => (
              <p key={i} className={i > 0 ? "text-amber-900" : undefined}>
                {line}
              </p>
            ))}
          </div>
        ) : null}
        <FormMessage message={actionError} />
        {connector.configured ? (
          <div className="flex flex-wrap gap-2">
            <Button
              variant="secondary"
              disabled={busy}
              onClick={() => {
                start();
                check.mutate();
              }}
            >
              {check.isPending ? "Проверка…" : "Проверить подключение"}
            </Button>
            <Button
              variant="secondary"
              disabled={busy || !connector.enabled || status === "TOKEN_EXPIRED"}
              onClick={() => {
                start();
                sync.mutate();
              }}
            >
              {sync.isPending ? "Загрузка…" : "Загрузить записи сейчас"}
            </Button>
            {connector.enabled ? (
              <Button
                variant="danger"
                disabled={busy}
                onClick={() => {
                  start();
                  disable.mutate();
                }}
              >
                Выключить
              </Button>
            ) : null}
          </div>
        ) : null}
      </section>

      <form
        noValidate
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-5"
        onSubmit={(e) => {
          e.preventDefault();
          start();
          configure.mutate({ token: token.trim() === "" ? null : token, enabled });
        }}
      >
        <h2 className="font-semibold">{connector.configured ? "Изменить подключение" : "Настроить подключение"}</h2>
        <Field
          id="vk-token"
          label={connector.configured ? "Новый ключ доступа сообщества (необязательно)" : "Ключ доступа сообщества"}
          hint={
            connector.configured
              ? "Оставьте поле пустым, чтобы сохранить прежний ключ."
              : "Ключ хранится в зашифрованном виде и больше не показывается."
          }
          error={fields.token}
        >
          <input
            id="vk-token"
            type="password"
            autoComplete="off"
            spellCheck={false}
            className={`${inputClass} font-mono`}
            value={token}
            aria-invalid={Boolean(fields.token)}
            onChange={(e) => setToken(e.target.value)}
          />
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          Подключение включено: загружать записи официальных аккаунтов и размещать согласованные ответы
        </label>
        <FormMessage message={message} />
        <Button type="submit" disabled={busy}>
          {configure.isPending ? "Сохранение…" : token.trim() ? "Сохранить и проверить" : "Сохранить"}
        </Button>
      </form>

      <section aria-labelledby="vk-accounts" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="vk-accounts" className="font-semibold">
          Официальные аккаунты ВКонтакте
        </h2>
        {connector.accounts.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">
            Действующих официальных аккаунтов ВКонтакте нет: добавьте их в разделе «Официальные аккаунты».
          </p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-sm">
              <thead className="bg-slate-50 text-left text-slate-600">
                <tr>
                  <th className="px-3 py-2">Аккаунт</th>
                  <th className="px-3 py-2">Сообщество</th>
                  <th className="px-3 py-2">Записи загружены</th>
                </tr>
              </thead>
              <tbody>
                {connector.accounts.map((a) => (
                  <tr key={a.id} className="border-t border-slate-100" data-testid="vk-account-row">
                    <td className="px-3 py-2">
                      <a
                        href={a.url}
                        target="_blank"
                        rel="noreferrer noopener"
                        className="text-brand-700 hover:underline"
                      >
                        {a.name}
                      </a>
                    </td>
                    <td className="px-3 py-2">
                      {a.communityId !== null ? (
                        `id ${a.communityId}`
                      ) : (
                        <span className="text-amber-900">не указан числовой идентификатор — записи не загружаются</span>
                      )}
                    </td>
                    <td className="px-3 py-2">{a.syncedAt ? formatDateTime(a.syncedAt, timeZone) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
