"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { StatusMessage } from "@/components/queues/status-message";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf, Field, FormMessage, inputClass } from "@/components/ui/form";
import { RATING_COMPONENT_LABELS, type TRatingFormula } from "@/server/domain/analytics/rating";
import { formatShare } from "@/server/domain/reports/format";

const WEIGHT_KEYS = ["timeliness", "speed", "quality", "overdue"] as const;
type TWeightKey = (typeof WEIGHT_KEYS)[number];
type TFormState = Record<TWeightKey | "fullPointsHours" | "zeroPointsHours", string>;

function formStateOf(formula: TRatingFormula): TFormState {
  return {
    ...(Object.fromEntries(WEIGHT_KEYS.map((k) => [k, String(formula.weights[k])])) as Record<TWeightKey, string>),
    fullPointsHours: String(formula.speed.fullPointsHours),
    zeroPointsHours: String(formula.speed.zeroPointsHours),
  };
}

/** "12,5" or "12.5" → 12.5; empty or not a number → NaN, which the server refuses with a message. */
function numberOf(value: string): number {
  const trimmed = value.trim().replace(",", ".");
  return trimmed === "" ? Number.NaN : Number(trimmed);
}

/**
 * The rating formula of the administrator's municipality (п.13, "of the kind the regional ЦУР
 * uses"): the weights of the four components and the speed thresholds. For the settings page
 * (admin.settings); the analytics page shows the weights read-only.
 */
export function RatingFormulaForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.analytics.ratingFormula.queryOptions());
  if (current.isPending) return <p className="text-slate-500">Загрузка…</p>;
  if (current.isError) return <FormMessage message={errorsOf(current.error).message} />;
  return (
    <RatingFormulaFields
      formula={current.data.formula}
      defaults={current.data.defaults}
      isDefault={current.data.isDefault}
      onSaved={() => queryClient.invalidateQueries({ queryKey: trpc.analytics.pathKey() })}
    />
  );
}

function RatingFormulaFields({
  formula,
  defaults,
  isDefault,
  onSaved,
}: {
  formula: TRatingFormula;
  defaults: TRatingFormula;
  isDefault: boolean;
  onSaved: () => Promise<void>;
}) {
  const trpc = useTRPC();
  const [form, setForm] = useState<TFormState>(() => formStateOf(formula));
  const [status, setStatus] = useState("");
  const mutation = useMutation(
    trpc.analytics.updateRatingFormula.mutationOptions({
      onSuccess: async (saved) => {
        setStatus(saved.isDefault ? "Восстановлена формула по умолчанию" : "Формула рейтинга сохранена");
        await onSaved();
      },
    }),
  );
  const { message, fields } = errorsOf(mutation.error);
  const weights = WEIGHT_KEYS.map((k) => numberOf(form[k]));
  const total = weights.reduce((s, w) => s + (Number.isFinite(w) && w > 0 ? w : 0), 0);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setStatus("");
    mutation.mutate({
      formula: {
        weights: {
          timeliness: numberOf(form.timeliness),
          speed: numberOf(form.speed),
          quality: numberOf(form.quality),
          overdue: numberOf(form.overdue),
        },
        speed: { fullPointsHours: numberOf(form.fullPointsHours), zeroPointsHours: numberOf(form.zeroPointsHours) },
      },
    });
  }

  return (
    <form
      onSubmit={submit}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-5"
      noValidate
      aria-label="Формула рейтинга"
    >
      <div>
        <h2 className="font-semibold">Формула рейтинга (самооценка, п.13)</h2>
        <p className="text-sm text-slate-600">
          Итоговый балл — взвешенное среднее четырёх составляющих, каждая от 0 до 100 баллов. Веса — относительные:
          учитывается доля каждого в их сумме.{" "}
          {isDefault
            ? "Сейчас действуют значения по умолчанию."
            : "Сейчас действует формула муниципального образования."}
        </p>
      </div>
      <FormMessage message={message ?? fields.formula ?? null} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Веса составляющих</legend>
        <div className="mt-2 grid gap-4 md:grid-cols-2">
          {WEIGHT_KEYS.map((k, i) => {
            const w = weights[i] ?? Number.NaN;
            return (
              <Field
                key={k}
                id={`rating-weight-${k}`}
                label={RATING_COMPONENT_LABELS[k]}
                hint={`По умолчанию ${defaults.weights[k]}; доля в итоге: ${
                  total > 0 && Number.isFinite(w) && w >= 0 ? formatShare(w / total) : "—"
                }`}
              >
                <input
                  id={`rating-weight-${k}`}
                  inputMode="decimal"
                  className={inputClass}
                  value={form[k]}
                  onChange={(e) => setForm({ ...form, [k]: e.target.value })}
                />
              </Field>
            );
          })}
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Оперативность: медиана времени до ответа</legend>
        <div className="mt-2 grid gap-4 md:grid-cols-2">
          <Field
            id="rating-full-hours"
            label="Полный балл, если не больше, часов"
            hint={`По умолчанию ${defaults.speed.fullPointsHours}`}
          >
            <input
              id="rating-full-hours"
              inputMode="decimal"
              className={inputClass}
              value={form.fullPointsHours}
              onChange={(e) => setForm({ ...form, fullPointsHours: e.target.value })}
            />
          </Field>
          <Field
            id="rating-zero-hours"
            label="Ноль баллов, если не меньше, часов"
            hint={`По умолчанию ${defaults.speed.zeroPointsHours}; между порогами — пропорционально`}
          >
            <input
              id="rating-zero-hours"
              inputMode="decimal"
              className={inputClass}
              value={form.zeroPointsHours}
              onChange={(e) => setForm({ ...form, zeroPointsHours: e.target.value })}
            />
          </Field>
        </div>
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={mutation.isPending}>
          Сохранить формулу
        </Button>
        <Button
          variant="secondary"
          disabled={mutation.isPending || isDefault}
          onClick={() => {
            setStatus("");
            setForm(formStateOf(defaults));
            mutation.mutate({ formula: null });
          }}
        >
          Вернуть значения по умолчанию
        </Button>
      </div>
      <StatusMessage message={status} />
    </form>
  );
}
