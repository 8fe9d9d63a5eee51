"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf, FormMessage } from "@/components/ui/form";
import {
  CONFIGURABLE_KINDS,
  NOTIFICATION_KIND_ORDER,
  NOTIFICATION_KINDS,
  type TNotificationKind,
} from "@/server/domain/notifications/kinds";
import { defaultEmailChoices } from "@/server/domain/notifications/preferences";

type TChoices = Partial<Record<TNotificationKind, boolean>>;

const ALWAYS_KINDS = NOTIFICATION_KIND_ORDER.filter((kind) => NOTIFICATION_KINDS[kind].email === "always");

function configurableOf(all: Record<TNotificationKind, boolean>): TChoices {
  return Object.fromEntries(CONFIGURABLE_KINDS.map((kind) => [kind, all[kind]]));
}

/** Which notifications come by e-mail: a checkbox per kind; the п.13 alerts cannot be switched off. */
export function EmailPreferences() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.profile.emailPreferences.queryOptions());
  const [choices, setChoices] = useState<TChoices>(() => configurableOf(data.choices));
  const [saved, setSaved] = useState(false);
  const mutation = useMutation(
    trpc.profile.setEmailPreferences.mutationOptions({
      onSuccess: (view) => {
        setSaved(true);
        setChoices(configurableOf(view.choices));
        queryClient.setQueryData(trpc.profile.emailPreferences.queryKey(), view);
      },
    }),
  );
  const { message } = errorsOf(mutation.error);

  function toggle(kind: TNotificationKind, checked: boolean) {
    setSaved(false);
    setChoices((current) => ({ ...current, [kind]: checked }));
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setSaved(false);
    mutation.mutate({ choices });
  }

  return (
    <form onSubmit={submit} className="space-y-5 rounded-lg border border-slate-200 bg-white p-5">
      <AddressNotice email={data.email} mailConfigured={data.mailConfigured} />

      <fieldset className="space-y-3">
        <legend className="font-semibold">Приходят на почту всегда</legend>
        <p id="email-always-note" className="text-sm text-slate-600">
          О социально значимых публикациях глава и заместитель главы узнают немедленно (п.13 регламента), поэтому эти
          письма отключить нельзя.
        </p>
        <ul className="space-y-3">
          {ALWAYS_KINDS.map((kind) => (
            <KindCheckbox key={kind} kind={kind} checked disabled extraDescribedBy="email-always-note" />
          ))}
        </ul>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="font-semibold">На почту по вашему выбору</legend>
        <p className="text-sm text-slate-600">
          В портале уведомления появляются всегда; здесь выбирается, какие из них дублировать письмом.
        </p>
        <ul className="space-y-3">
          {CONFIGURABLE_KINDS.map((kind) => (
            <KindCheckbox
              key={kind}
              kind={kind}
              checked={choices[kind] ?? false}
              onChange={(checked) => toggle(kind, checked)}
            />
          ))}
        </ul>
      </fieldset>

      <FormMessage message={message} />
      <FormMessage message={saved ? "Настройки сохранены" : null} tone="success" />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? "Сохранение…" : "Сохранить"}
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            setSaved(false);
            setChoices(configurableOf(defaultEmailChoices()));
          }}
        >
          Как по умолчанию
        </Button>
      </div>
    </form>
  );
}

function AddressNotice({ email, mailConfigured }: { email: string | null; mailConfigured: boolean }) {
  return (
    <div className="space-y-2 text-sm">
      {email ? (
        <p>
          Письма приходят на адрес <strong className="break-all">{email}</strong>. Изменить адрес может администратор
          портала (сектор информационных технологий).
        </p>
      ) : (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">
          Адрес электронной почты не указан, поэтому письма вам не отправляются. Указать адрес может администратор
          портала (сектор информационных технологий).
        </p>
      )}
      {mailConfigured ? null : (
        <p className="rounded-md bg-slate-100 px-3 py-2 text-slate-800">
          Отправка писем на этом сервере пока не настроена: уведомления приходят только в портал. Выбор сохранится и
          начнёт действовать, когда отправку настроят.
        </p>
      )}
    </div>
  );
}

function KindCheckbox({
  kind,
  checked,
  disabled = false,
  extraDescribedBy,
  onChange,
}: {
  kind: TNotificationKind;
  checked: boolean;
  disabled?: boolean;
  extraDescribedBy?: string;
  onChange?: (checked: boolean) => void;
}) {
  const id = `email-kind-${kind}`;
  const info = NOTIFICATION_KINDS[kind];
  return (
    <li className="flex items-start gap-3">
      <input
        id={id}
        type="checkbox"
        className="mt-1 h-4 w-4 shrink-0"
        checked={checked}
        disabled={disabled}
        aria-describedby={[`${id}-description`, extraDescribedBy].filter(Boolean).join(" ")}
        onChange={(e) => onChange?.(e.target.checked)}
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-slate-900">
          {info.label}
        </label>
        <p id={`${id}-description`} className="text-sm text-slate-600">
          {info.description}
        </p>
      </div>
    </li>
  );
}
