"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf, Field, FormMessage, inputClass } from "@/components/ui/form";

/** A publication received outside the curator's API, or found by own monitoring (п.4). */
export function IntakeForm({ defaultSource }: { defaultSource: "CURATOR" | "OWN_MONITORING" }) {
  const trpc = useTRPC();
  const router = useRouter();
  const networks = useQuery(trpc.cases.networks.queryOptions());
  const [v, setV] = useState({
    source: defaultSource,
    url: "",
    network: "",
    text: "",
    authorName: "",
    settlement: "",
    address: "",
    externalId: "",
    receivedAt: "",
    significant: false,
    significanceReason: "",
  });
  const mutation = useMutation(
    trpc.cases.intake.mutationOptions({ onSuccess: (r) => router.push(`/cases/${r.caseId}`) }),
  );
  const { message, fields } = errorsOf(mutation.error);
  const set =
    (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      setV({ ...v, [k]: e.target.value });

  return (
    <form
      noValidate
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-5"
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate({
          source: v.source,
          url: v.url,
          network: v.network || null,
          text: v.text,
          authorName: v.authorName,
          settlement: v.settlement,
          address: v.address,
          externalId: v.externalId,
          // The browser gives local wall-clock time; the municipality works in Moscow time here.
          receivedAt: v.receivedAt ? new Date(v.receivedAt) : null,
          significant: v.significant,
          significanceReason: v.significanceReason,
        });
      }}
    >
      <div className="grid gap-4 md:grid-cols-2">
        <Field id="i-source" label="Источник" error={fields.source}>
          <select id="i-source" className={inputClass} value={v.source} onChange={set("source")}>
            <option value="CURATOR">Куратор</option>
            <option value="OWN_MONITORING">Собственный мониторинг</option>
          </select>
        </Field>
        <Field
          id="i-network"
          label="Социальная сеть"
          error={fields.network}
          hint="Определяется по ссылке, если не указана"
        >
          <select id="i-network" className={inputClass} value={v.network} onChange={set("network")}>
            <option value="">— по ссылке —</option>
            {networks.data?.map((n) => (
              <option key={n.code} value={n.code}>
                {n.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="i-url" label="Ссылка на публикацию" error={fields.url}>
          <input
            id="i-url"
            className={inputClass}
            value={v.url}
            aria-invalid={Boolean(fields.url)}
            onChange={set("url")}
          />
        </Field>
        <Field id="i-author" label="Автор" error={fields.authorName}>
          <input id="i-author" className={inputClass} value={v.authorName} onChange={set("authorName")} />
        </Field>
        <Field id="i-settlement" label="Населённый пункт" error={fields.settlement}>
          <input id="i-settlement" className={inputClass} value={v.settlement} onChange={set("settlement")} />
        </Field>
        <Field id="i-address" label="Адрес" error={fields.address}>
          <input id="i-address" className={inputClass} value={v.address} onChange={set("address")} />
        </Field>
        <Field id="i-external" label="Номер в системе куратора" error={fields.externalId}>
          <input id="i-external" className={inputClass} value={v.externalId} onChange={set("externalId")} />
        </Field>
        <Field id="i-received" label="Поступила (если не сейчас)" error={fields.receivedAt}>
          <input
            id="i-received"
            type="datetime-local"
            className={inputClass}
            value={v.receivedAt}
            onChange={set("receivedAt")}
          />
        </Field>
      </div>
      <Field id="i-text" label="Текст публикации" error={fields.text}>
        <textarea
          id="i-text"
          rows={5}
          className={inputClass}
          value={v.text}
          aria-invalid={Boolean(fields.text)}
          onChange={set("text")}
        />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={v.significant}
          onChange={(e) => setV({ ...v, significant: e.target.checked })}
        />
        Социально значимая — немедленно сообщить главе и заместителю главы (п.13)
      </label>
      {v.significant ? (
        <Field id="i-significance" label="Чем значима" error={fields.significanceReason}>
          <input
            id="i-significance"
            className={inputClass}
            value={v.significanceReason}
            onChange={set("significanceReason")}
          />
        </Field>
      ) : null}
      <FormMessage message={message} />
      <Button type="submit" disabled={mutation.isPending}>
        {mutation.isPending ? "Регистрация…" : "Зарегистрировать"}
      </Button>
    </form>
  );
}
