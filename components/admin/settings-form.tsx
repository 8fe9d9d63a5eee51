"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf, Field, FormMessage, inputClass } from "@/components/ui/form";
import { ACTIVITY_HINTS, ACTIVITY_LABELS, type TActivitySettings } from "@/server/domain/settings/activity-settings";
import { REGULATION_SLA, SLA_LABELS, formatMinutes, type TSlaSettings } from "@/server/domain/settings/sla-settings";
import { RUSSIAN_TIME_ZONES } from "@/server/domain/time/zone";

const SLA_FIELDS = Object.keys(SLA_LABELS) as (keyof TSlaSettings)[];
const ACTIVITY_FIELDS = Object.keys(ACTIVITY_LABELS) as (keyof TActivitySettings)[];
type TNumberField = keyof TSlaSettings | keyof TActivitySettings | "alertEscalationMinutes";

export function SettingsForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.admin.settings.get.queryOptions());
  const [form, setForm] = useState(
    () =>
      ({
        name: data.name,
        timeZone: data.timeZone,
        ...Object.fromEntries(SLA_FIELDS.map((f) => [f, String(data[f])])),
        reminderPercents: data.reminderPercents.join(", "),
        alertEscalationMinutes: String(data.alertEscalationMinutes),
        ...Object.fromEntries(ACTIVITY_FIELDS.map((f) => [f, String(data[f])])),
      }) as Record<"name" | "timeZone" | "reminderPercents" | TNumberField, string>,
  );
  const [saved, setSaved] = useState(false);
  const mutation = useMutation(
    trpc.admin.settings.update.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: trpc.admin.settings.get.queryKey() });
      },
    }),
  );
  const { message, fields } = errorsOf(mutation.error);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setSaved(false);
    // An empty or non-numeric field becomes NaN, which the server refuses with a message for it.
    const numberOf = (f: TNumberField) => (form[f].trim() === "" ? Number.NaN : Number(form[f]));
    mutation.mutate({
      name: form.name,
      timeZone: form.timeZone,
      slaRouteMinutes: numberOf("slaRouteMinutes"),
      slaDraftMinutes: numberOf("slaDraftMinutes"),
      slaForwardMinutes: numberOf("slaForwardMinutes"),
      slaReworkMinutes: numberOf("slaReworkMinutes"),
      slaAnswerMinutes: numberOf("slaAnswerMinutes"),
      // "50, 75" → [50, 75]; anything that is not a number is refused by the server, per field.
      reminderPercents: form.reminderPercents
        .split(/[,;\s]+/u)
        .filter(Boolean)
        .map((p) => Number(p.replace("%", ""))),
      alertEscalationMinutes: numberOf("alertEscalationMinutes"),
      surgeThreshold: numberOf("surgeThreshold"),
      surgeWindowHours: numberOf("surgeWindowHours"),
      routineWeeklyMinimum: numberOf("routineWeeklyMinimum"),
    });
  }

  return (
    <form onSubmit={submit} className="space-y-5 rounded-lg border border-slate-200 bg-white p-5" noValidate>
      <div className="grid gap-4 md:grid-cols-2">
        <Field id="name" label="Название муниципального образования" error={fields.name}>
          <input
            id="name"
            className={inputClass}
            value={form.name}
            aria-invalid={Boolean(fields.name)}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
        </Field>
        <Field
          id="timeZone"
          label="Часовой пояс"
          error={fields.timeZone}
          hint="Все сроки показываются в этом часовом поясе"
        >
          <select
            id="timeZone"
            className={inputClass}
            value={form.timeZone}
            onChange={(e) => setForm({ ...form, timeZone: e.target.value })}
          >
            {(RUSSIAN_TIME_ZONES as readonly string[]).includes(form.timeZone) ? null : (
              <option value={form.timeZone}>{form.timeZone}</option>
            )}
            {RUSSIAN_TIME_ZONES.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset>
        <legend className="font-semibold">Сроки регламента, минут</legend>
        <p className="mt-1 text-sm text-slate-600">
          Новые сроки применяются к публикациям, поступившим после сохранения; сроки уже поступивших не меняются.
        </p>
        <div className="mt-3 grid gap-4 md:grid-cols-2">
          {SLA_FIELDS.map((f) => (
            <Field
              key={f}
              id={f}
              label={SLA_LABELS[f]}
              error={fields[f]}
              hint={`По регламенту: ${formatMinutes(REGULATION_SLA[f])}`}
            >
              <input
                id={f}
                inputMode="numeric"
                className={inputClass}
                value={form[f]}
                aria-invalid={Boolean(fields[f])}
                onChange={(e) => setForm({ ...form, [f]: e.target.value })}
              />
            </Field>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="font-semibold">Напоминания и оповещения</legend>
        <div className="mt-3 grid gap-4 md:grid-cols-2">
          <Field
            id="reminderPercents"
            label="Напоминать о сроке, % от длительности этапа"
            error={fields.reminderPercents}
            hint="Через запятую, например «50, 75»: напоминание на половине и на трёх четвертях срока"
          >
            <input
              id="reminderPercents"
              className={inputClass}
              value={form.reminderPercents}
              aria-invalid={Boolean(fields.reminderPercents)}
              onChange={(e) => setForm({ ...form, reminderPercents: e.target.value })}
            />
          </Field>
          <Field
            id="alertEscalationMinutes"
            label="Повторить неподтверждённое оповещение через, минут"
            error={fields.alertEscalationMinutes}
            hint="Если глава не нажал «Ознакомлен», оповещение о социально значимой публикации получат заместитель главы и управляющий делами (п.13)"
          >
            <input
              id="alertEscalationMinutes"
              inputMode="numeric"
              className={inputClass}
              value={form.alertEscalationMinutes}
              aria-invalid={Boolean(fields.alertEscalationMinutes)}
              onChange={(e) => setForm({ ...form, alertEscalationMinutes: e.target.value })}
            />
          </Field>
        </div>
      </fieldset>
      <fieldset>
        <legend className="font-semibold">Всплески активности и плановые публикации</legend>
        <p className="mt-1 text-sm text-slate-600">
          Всплеск — несколько публикаций на одну тему или об одном населённом пункте за короткое время (п.13). Плановые
          публикации — новости о деятельности Администрации в официальных аккаунтах (п.6).
        </p>
        <div className="mt-3 grid gap-4 md:grid-cols-3">
          {ACTIVITY_FIELDS.map((f) => (
            <Field key={f} id={f} label={ACTIVITY_LABELS[f]} error={fields[f]} hint={ACTIVITY_HINTS[f]}>
              <input
                id={f}
                inputMode="numeric"
                className={inputClass}
                value={form[f]}
                aria-invalid={Boolean(fields[f])}
                onChange={(e) => setForm({ ...form, [f]: e.target.value })}
              />
            </Field>
          ))}
        </div>
      </fieldset>
      <FormMessage message={message} />
      <FormMessage message={saved ? "Настройки сохранены" : null} tone="success" />
      <div className="flex gap-2">
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? "Сохранение…" : "Сохранить"}
        </Button>
        <Button
          variant="secondary"
          onClick={() =>
            setForm({ ...form, ...Object.fromEntries(SLA_FIELDS.map((f) => [f, String(REGULATION_SLA[f])])) })
          }
        >
          Сроки по регламенту
        </Button>
      </div>
    </form>
  );
}
