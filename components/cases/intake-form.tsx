"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { z } from "zod";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf, Field, FormMessage, inputClass } from "@/components/ui/form";
import { ZCaseIntake, type TCaseIntakeInput } from "@/server/api/routers/cases/cases.schema";
import { fileTypesFor } from "@/server/domain/attachments/file-types";
import { detectNetwork } from "@/server/domain/cases/network-detect";
import { parseHttpUrl } from "@/server/domain/cases/post-url";
import { formatLocalDateTime, parseLocalDateTime } from "@/server/domain/time/local-input";
import { zoneOffsetMinutes } from "@/server/domain/time/zone";

export interface TIntakeNetwork {
  code: string;
  name: string;
  hosts: string[];
}
export interface TIntakeMunicipality {
  id: string;
  name: string;
  timeZone: string;
}
export interface TIntakeTopic {
  id: string;
  name: string;
  municipalityId: string;
}

/** What the upload endpoint takes as a screenshot; it checks the content again, not the name. */
const SCREENSHOT_TYPES = fileTypesFor("screenshot");
const SCREENSHOT_FORMATS = SCREENSHOT_TYPES.map((t) => t.label).join(", ");
const NOT_AN_IMAGE = `Скриншот должен быть изображением: ${SCREENSHOT_FORMATS}`;
const isScreenshotType = (file: File) => SCREENSHOT_TYPES.some((t) => t.mime === file.type);

/** How often the default receipt time ("now") moves on while the form is open. */
const CLOCK_TICK_MS = 15_000;

function utcOffsetLabel(at: Date, timeZone: string): string {
  const minutes = zoneOffsetMinutes(at, timeZone);
  const sign = minutes < 0 ? "−" : "+";
  const abs = Math.abs(minutes);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, "0")}` : ""}`;
}

/** The answer of the upload endpoint, in words a person can act on. */
async function uploadScreenshot(caseId: string, file: File): Promise<string | null> {
  const body = new FormData();
  body.append("file", file);
  try {
    const response = await fetch(`/api/cases/${encodeURIComponent(caseId)}/attachments?purpose=screenshot`, {
      method: "POST",
      body,
    });
    if (response.ok) return null;
    const data = (await response.json().catch(() => null)) as { message?: unknown } | null;
    return typeof data?.message === "string" && data.message
      ? data.message
      : `Сервер не принял файл (код ${response.status}).`;
  } catch {
    return "Нет связи с сервером. Проверьте сеть и повторите.";
  }
}

/**
 * A publication received outside the curator's API, or found by own monitoring (п.4). Times are
 * typed on the clocks of the municipality, whatever zone the browser is in; the network is
 * detected from the link as it is typed and may be chosen by hand; a screenshot of the
 * publication is uploaded once the case exists.
 */
export function IntakeForm({
  defaultSource,
  networks,
  municipalities,
  topics,
  renderedAt,
}: {
  defaultSource: "CURATOR" | "OWN_MONITORING";
  networks: TIntakeNetwork[];
  /** The municipalities the person registers into; at least one. */
  municipalities: TIntakeMunicipality[];
  topics: TIntakeTopic[];
  /** The server's "now" when the page was made: the first default receipt time. */
  renderedAt: Date;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [v, setV] = useState({
    municipalityId: municipalities.length === 1 ? (municipalities[0]?.id ?? "") : "",
    source: defaultSource,
    url: "",
    text: "",
    authorName: "",
    authorUrl: "",
    publishedAt: "",
    topicId: "",
    settlement: "",
    address: "",
    externalId: "",
    significant: false,
    significanceReason: "",
  });
  // The network select follows the link until the person picks one by hand.
  const [networkChoice, setNetworkChoice] = useState<string | null>(null);
  // The receipt time shows "now" and moves with the clock until the person types a time.
  const [receivedInput, setReceivedInput] = useState<string | null>(null);
  const [clock, setClock] = useState(renderedAt);
  const [urlTouched, setUrlTouched] = useState(false);
  const [screenshot, setScreenshot] = useState<File | null>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [registeredCaseId, setRegisteredCaseId] = useState<string | null>(null);
  const [uploadState, setUploadState] = useState<{ pending: boolean; error: string | null }>({
    pending: false,
    error: null,
  });

  useEffect(() => {
    const timer = setInterval(() => setClock(new Date()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);

  const intake = useMutation(trpc.cases.intake.mutationOptions());

  const municipality = municipalities.find((m) => m.id === v.municipalityId);
  const timeZone = municipality?.timeZone ?? municipalities[0]?.timeZone ?? "Europe/Moscow";
  const receivedValue = receivedInput ?? formatLocalDateTime(clock, timeZone);
  const municipalityTopics = topics.filter((t) => t.municipalityId === v.municipalityId);

  const detection = v.url.trim() ? detectNetwork(v.url, networks) : null;
  const detected = detection?.ok ? networks.find((n) => n.code === detection.code) : undefined;
  const networkValue = networkChoice ?? detected?.code ?? "";
  const chosen = networks.find((n) => n.code === networkValue);
  const networkConflict =
    detected && chosen && detected.code !== chosen.code
      ? `Ссылка ведёт в сеть «${detected.name}», а выбрана «${chosen.name}»: исправьте ссылку или сеть`
      : null;

  const server = errorsOf(intake.error);
  const hasLocal = Object.keys(localErrors).length > 0;
  const fields: Record<string, string | undefined> = { ...(hasLocal ? localErrors : server.fields) };
  // A contradiction between the link and the chosen network is shown as soon as it appears.
  fields.network ??= networkConflict ?? undefined;
  const message = hasLocal ? "Исправьте отмеченные поля" : server.message;
  const locked = intake.isPending || registeredCaseId !== null;

  const set =
    (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      setV({ ...v, [k]: e.target.value });
  const invalid = (field: string) =>
    fields[field] ? { "aria-invalid": true, "aria-describedby": `i-${field}-error` } : {};

  /** The request as the server will read it, and what is wrong with it before it is sent. */
  function prepare(): { input: TCaseIntakeInput | null; errors: Record<string, string> } {
    const errors: Record<string, string> = {};
    const now = Date.now();
    const readTime = (value: string, field: string, label: string): Date | null => {
      const parsed = parseLocalDateTime(value, timeZone);
      if (parsed.ok) return parsed.at;
      errors[field] =
        parsed.reason === "NONEXISTENT"
          ? `${label}: такого времени в часовом поясе ${timeZone} не было (часы переводились вперёд)`
          : `${label}: укажите дату и время полностью`;
      return null;
    };

    if (!municipality) errors.municipalityId = "Выберите муниципальное образование";
    const receivedAt = readTime(receivedValue, "receivedAt", "Время поступления");
    if (receivedAt && receivedAt.getTime() > now) errors.receivedAt = "Время поступления не может быть в будущем";
    const publishedAt = v.publishedAt ? readTime(v.publishedAt, "publishedAt", "Время публикации") : null;
    if (publishedAt && publishedAt.getTime() > now) {
      errors.publishedAt = "Время публикации не может быть в будущем";
    } else if (publishedAt && receivedAt && publishedAt > receivedAt) {
      errors.publishedAt = "Публикация не может быть опубликована позже, чем поступила";
    }
    if (detection && !detection.ok && detection.reason === "INVALID_URL") errors.url = detection.message;
    if (networkConflict) errors.network = networkConflict;
    if (v.authorUrl.trim() && !parseHttpUrl(v.authorUrl)) {
      errors.authorUrl = "Ссылка на профиль должна начинаться с http:// или https://";
    }
    if (v.significant && v.significanceReason.trim().length < 5) {
      errors.significanceReason = "Укажите, чем публикация социально значима";
    }
    if (screenshot && !isScreenshotType(screenshot)) {
      errors.screenshot = NOT_AN_IMAGE;
    }

    const input: TCaseIntakeInput = {
      // A person of one municipality registers into it without naming it.
      municipalityId: municipalities.length > 1 ? v.municipalityId || undefined : undefined,
      source: v.source,
      url: v.url,
      network: networkValue || null,
      text: v.text,
      authorName: v.authorName,
      authorUrl: v.authorUrl,
      // Untouched, the receipt time is the moment of registration, taken by the server's clock.
      receivedAt: receivedInput === null ? null : receivedAt,
      publishedAt,
      topicId: v.topicId || null,
      settlement: v.settlement,
      address: v.address,
      externalId: v.externalId,
      significant: v.significant,
      significanceReason: v.significant ? v.significanceReason : null,
    };
    const checked = ZCaseIntake.safeParse(input);
    if (!checked.success) {
      for (const [field, messages] of Object.entries(z.flattenError(checked.error).fieldErrors)) {
        const first = (messages as string[] | undefined)?.[0];
        if (first && !errors[field]) errors[field] = first;
      }
    }
    return { input: Object.keys(errors).length === 0 ? input : null, errors };
  }

  async function attachScreenshot(caseId: string, file: File) {
    if (!isScreenshotType(file)) {
      setUploadState({ pending: false, error: NOT_AN_IMAGE });
      return;
    }
    setUploadState({ pending: true, error: null });
    const error = await uploadScreenshot(caseId, file);
    setUploadState({ pending: false, error });
    if (!error) router.push(`/cases/${caseId}`);
  }

  async function submit() {
    const { input, errors } = prepare();
    setLocalErrors(errors);
    if (!input) return;
    let caseId: string;
    try {
      caseId = (await intake.mutateAsync(input)).caseId;
    } catch {
      return; // shown from intake.error beside the fields
    }
    setRegisteredCaseId(caseId);
    if (screenshot) await attachScreenshot(caseId, screenshot);
    else router.push(`/cases/${caseId}`);
  }

  return (
    <form
      noValidate
      className="space-y-5 rounded-lg border border-slate-200 bg-white p-5"
      onSubmit={(e) => {
        e.preventDefault();
        if (!locked) void submit();
      }}
    >
      <fieldset disabled={locked} className="space-y-5">
        <div className="grid gap-4 md:grid-cols-2">
          {municipalities.length > 1 ? (
            <Field id="i-municipalityId" label="Муниципальное образование" error={fields.municipalityId}>
              <select
                id="i-municipalityId"
                className={inputClass}
                value={v.municipalityId}
                {...invalid("municipalityId")}
                onChange={(e) => setV({ ...v, municipalityId: e.target.value, topicId: "" })}
              >
                <option value="">— выберите —</option>
                {municipalities.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
          <Field id="i-source" label="Источник" error={fields.source}>
            <select id="i-source" className={inputClass} value={v.source} onChange={set("source")}>
              <option value="CURATOR">Куратор</option>
              <option value="OWN_MONITORING">Собственный мониторинг</option>
            </select>
          </Field>
        </div>

        <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
          <Field id="i-url" label="Ссылка на публикацию" error={fields.url}>
            <input
              id="i-url"
              type="url"
              inputMode="url"
              autoComplete="off"
              className={inputClass}
              value={v.url}
              placeholder="https://vk.com/wall-123_456"
              {...invalid("url")}
              aria-describedby={fields.url ? "i-url-error" : "i-url-network"}
              onChange={set("url")}
              onBlur={() => setUrlTouched(true)}
            />
            {fields.url ? null : (
              <p id="i-url-network" aria-live="polite" className="mt-1 text-xs text-slate-600">
                {detected ? (
                  <span className="font-medium text-green-800">Определена сеть: {detected.name}</span>
                ) : detection && !detection.ok && (detection.reason === "UNKNOWN_NETWORK" || urlTouched) ? (
                  <span className="text-amber-800">{detection.message}</span>
                ) : (
                  "Социальная сеть определится по ссылке"
                )}
              </p>
            )}
          </Field>
          <Field id="i-network" label="Социальная сеть" error={fields.network}>
            <select
              id="i-network"
              className={inputClass}
              value={networkValue}
              {...invalid("network")}
              onChange={(e) => setNetworkChoice(e.target.value || null)}
            >
              <option value="">{detection?.ok === false ? "— выберите —" : "— по ссылке —"}</option>
              {networks.map((n) => (
                <option key={n.code} value={n.code}>
                  {n.name}
                </option>
              ))}
            </select>
          </Field>
        </div>

        <Field id="i-text" label="Текст публикации" error={fields.text}>
          <textarea
            id="i-text"
            rows={5}
            className={inputClass}
            value={v.text}
            {...invalid("text")}
            onChange={set("text")}
          />
        </Field>

        <div className="grid gap-4 md:grid-cols-2">
          <Field id="i-authorName" label="Автор" error={fields.authorName} hint="Имя или название страницы">
            <input
              id="i-authorName"
              className={inputClass}
              value={v.authorName}
              {...invalid("authorName")}
              onChange={set("authorName")}
            />
          </Field>
          <Field id="i-authorUrl" label="Ссылка на профиль" error={fields.authorUrl}>
            <input
              id="i-authorUrl"
              type="url"
              inputMode="url"
              className={inputClass}
              value={v.authorUrl}
              placeholder="https://vk.com/id123"
              {...invalid("authorUrl")}
              onChange={set("authorUrl")}
            />
          </Field>
        </div>

        <fieldset className="space-y-2">
          <legend className="text-sm text-slate-600">
            Время указывается по часовому поясу муниципального образования: {timeZone} (
            {utcOffsetLabel(clock, timeZone)})
          </legend>
          <div className="grid gap-4 md:grid-cols-2">
            <Field id="i-publishedAt" label="Время публикации" error={fields.publishedAt} hint="Если известно">
              <input
                id="i-publishedAt"
                type="datetime-local"
                className={inputClass}
                value={v.publishedAt}
                max={receivedValue}
                {...invalid("publishedAt")}
                onChange={set("publishedAt")}
              />
            </Field>
            <Field
              id="i-receivedAt"
              label="Время поступления"
              error={fields.receivedAt}
              hint={
                receivedInput === null
                  ? "Сейчас: сроки регламента отсчитываются с момента регистрации"
                  : "С этого момента отсчитываются сроки регламента"
              }
            >
              <div className="flex items-center gap-2">
                <input
                  id="i-receivedAt"
                  type="datetime-local"
                  className={inputClass}
                  value={receivedValue}
                  max={formatLocalDateTime(clock, timeZone)}
                  {...invalid("receivedAt")}
                  onChange={(e) => setReceivedInput(e.target.value)}
                />
                {receivedInput !== null ? (
                  <Button variant="secondary" className="mt-1 shrink-0" onClick={() => setReceivedInput(null)}>
                    Сейчас
                  </Button>
                ) : null}
              </div>
            </Field>
          </div>
        </fieldset>

        <div className="grid gap-4 md:grid-cols-2">
          <Field
            id="i-topicId"
            label="Тема"
            error={fields.topicId}
            hint={
              municipality && municipalityTopics.length === 0
                ? "Темы не заведены"
                : !municipality
                  ? "Сначала выберите муниципальное образование"
                  : undefined
            }
          >
            <select
              id="i-topicId"
              className={inputClass}
              value={v.topicId}
              disabled={!municipality || municipalityTopics.length === 0}
              {...invalid("topicId")}
              onChange={set("topicId")}
            >
              <option value="">— не указана —</option>
              {municipalityTopics.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="i-externalId" label="Номер в системе куратора" error={fields.externalId}>
            <input
              id="i-externalId"
              className={inputClass}
              value={v.externalId}
              {...invalid("externalId")}
              onChange={set("externalId")}
            />
          </Field>
          <Field id="i-settlement" label="Населённый пункт" error={fields.settlement}>
            <input
              id="i-settlement"
              className={inputClass}
              value={v.settlement}
              {...invalid("settlement")}
              onChange={set("settlement")}
            />
          </Field>
          <Field id="i-address" label="Адрес" error={fields.address}>
            <input
              id="i-address"
              className={inputClass}
              value={v.address}
              {...invalid("address")}
              onChange={set("address")}
            />
          </Field>
        </div>

        <div className="space-y-3">
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-0.5"
              checked={v.significant}
              onChange={(e) => setV({ ...v, significant: e.target.checked })}
            />
            Социально значимая — немедленно сообщить главе и заместителю главы (п.13)
          </label>
          {v.significant ? (
            <Field id="i-significanceReason" label="Чем значима" error={fields.significanceReason}>
              <textarea
                id="i-significanceReason"
                rows={2}
                className={inputClass}
                value={v.significanceReason}
                {...invalid("significanceReason")}
                onChange={set("significanceReason")}
              />
            </Field>
          ) : null}
        </div>
      </fieldset>

      <Field
        id="i-screenshot"
        label="Скриншот публикации"
        error={fields.screenshot}
        hint={`Необязательно: публикация, как она выглядела в сети (${SCREENSHOT_FORMATS})`}
      >
        <input
          id="i-screenshot"
          type="file"
          accept={SCREENSHOT_TYPES.map((t) => t.mime).join(",")}
          // The native control speaks the browser's language: hidden, with a Russian stand-in.
          className="peer sr-only"
          disabled={intake.isPending || uploadState.pending || (registeredCaseId !== null && !uploadState.error)}
          {...invalid("screenshot")}
          onChange={(e) => {
            setScreenshot(e.target.files?.[0] ?? null);
            if (localErrors.screenshot) setLocalErrors(({ screenshot: _, ...rest }) => rest);
          }}
        />
        <span className="mt-1 flex w-fit max-w-full items-center gap-3 rounded-md text-sm peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600 peer-focus-visible:ring-offset-2">
          <label
            htmlFor="i-screenshot"
            aria-hidden="true"
            className="inline-flex cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-100"
          >
            Выбрать файл…
          </label>
          <span className="truncate text-slate-600">{screenshot ? screenshot.name : "Файл не выбран"}</span>
        </span>
      </Field>

      {registeredCaseId && uploadState.error ? (
        <div role="alert" className="space-y-3 rounded-md bg-amber-50 px-3 py-3 text-sm text-amber-900">
          <p>
            Публикация зарегистрирована, но скриншот не загружен: {uploadState.error} Выберите другой файл или повторите
            загрузку.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button
              disabled={!screenshot || uploadState.pending}
              onClick={() => screenshot && void attachScreenshot(registeredCaseId, screenshot)}
            >
              Повторить загрузку
            </Button>
            <Button variant="secondary" onClick={() => router.push(`/cases/${registeredCaseId}`)}>
              Перейти к публикации без скриншота
            </Button>
          </div>
        </div>
      ) : (
        <FormMessage message={message} />
      )}

      {registeredCaseId === null ? (
        <Button type="submit" disabled={locked}>
          {intake.isPending ? "Регистрация…" : "Зарегистрировать"}
        </Button>
      ) : uploadState.pending ? (
        <p role="status" className="text-sm text-slate-700">
          Публикация зарегистрирована, загружается скриншот…
        </p>
      ) : uploadState.error ? null : (
        <p role="status" className="text-sm text-slate-700">
          Публикация зарегистрирована, открываем её…
        </p>
      )}
    </form>
  );
}
