"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf, Field, FormMessage, inputClass } from "@/components/ui/form";
import { formatLocalDateTime } from "@/server/domain/time/local-input";

interface TValues {
  accountId: string;
  publishedAt: string;
  url: string;
  title: string;
}

/**
 * Records one routine post: account, when it went out (the municipality's local time), its link
 * and title. The account stays chosen after saving, for the next post of the same page.
 */
export function RecordRoutinePostForm({
  accounts,
  timeZone,
  defaultAccountId,
  onRecorded,
}: {
  accounts: { id: string; name: string; network: { name: string } }[];
  timeZone: string;
  defaultAccountId: string | null;
  onRecorded: (accountId: string) => Promise<void>;
}) {
  const trpc = useTRPC();
  const [v, setV] = useState<TValues>({
    accountId: defaultAccountId && accounts.some((a) => a.id === defaultAccountId) ? defaultAccountId : "",
    publishedAt: "",
    url: "",
    title: "",
  });
  const [notice, setNotice] = useState<string | null>(null);
  const record = useMutation(
    trpc.routine.record.mutationOptions({
      onSuccess: async (post) => {
        setNotice("Публикация отмечена");
        setV((prev) => ({ ...prev, publishedAt: "", url: "", title: "" }));
        await onRecorded(post.accountId);
      },
    }),
  );
  const { message, fields } = errorsOf(record.error);

  return (
    <form
      noValidate
      className="space-y-4 rounded-lg border border-brand-100 bg-brand-50/40 p-5"
      onSubmit={(e) => {
        e.preventDefault();
        setNotice(null);
        record.mutate(v);
      }}
    >
      <h2 className="font-semibold">Отметить плановую публикацию</h2>
      <div className="grid gap-4 md:grid-cols-2">
        <Field id="r-accountId" label="Аккаунт" error={fields.accountId}>
          <select
            id="r-accountId"
            className={inputClass}
            value={v.accountId}
            aria-invalid={Boolean(fields.accountId)}
            onChange={(e) => setV({ ...v, accountId: e.target.value })}
          >
            <option value="">— выберите —</option>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.network.name})
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="r-publishedAt"
          label="Дата и время публикации"
          error={fields.publishedAt}
          hint={`По времени муниципального образования (${timeZone})`}
        >
          <div className="flex gap-2">
            <input
              id="r-publishedAt"
              type="datetime-local"
              className={inputClass}
              value={v.publishedAt}
              aria-invalid={Boolean(fields.publishedAt)}
              onChange={(e) => setV({ ...v, publishedAt: e.target.value })}
            />
            <Button
              variant="secondary"
              className="mt-1 shrink-0"
              onClick={() => setV({ ...v, publishedAt: formatLocalDateTime(new Date(), timeZone) })}
            >
              Сейчас
            </Button>
          </div>
        </Field>
        <Field id="r-url" label="Ссылка на публикацию" error={fields.url}>
          <input
            id="r-url"
            type="url"
            inputMode="url"
            placeholder="https://vk.com/wall-…"
            className={inputClass}
            value={v.url}
            aria-invalid={Boolean(fields.url)}
            onChange={(e) => setV({ ...v, url: e.target.value })}
          />
        </Field>
        <Field id="r-title" label="Заголовок" error={fields.title} hint="Или первые слова публикации">
          <input
            id="r-title"
            className={inputClass}
            value={v.title}
            maxLength={300}
            aria-invalid={Boolean(fields.title)}
            onChange={(e) => setV({ ...v, title: e.target.value })}
          />
        </Field>
      </div>
      <FormMessage message={message} />
      <FormMessage message={notice} tone="success" />
      <Button type="submit" disabled={record.isPending}>
        {record.isPending ? "Сохранение…" : "Отметить"}
      </Button>
    </form>
  );
}
