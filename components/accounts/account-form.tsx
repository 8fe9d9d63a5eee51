"use client";

import { useState } from "react";
import { Button, Field, FormMessage, inputClass } from "@/components/ui/form";
import {
  ACCOUNT_OWNER_KIND_LABELS,
  ACCOUNT_OWNER_KINDS,
  type TAccountOwnerKind,
} from "@/server/domain/accounts/account-rules";

export interface TAccountFormValues {
  networkId: string;
  url: string;
  name: string;
  ownerKind: TAccountOwnerKind;
  ownerName: string;
  departmentId: string;
  responsibleId: string;
  externalId: string;
}

export const EMPTY_ACCOUNT: TAccountFormValues = {
  networkId: "",
  url: "",
  name: "",
  ownerKind: "LEGAL_ENTITY",
  ownerName: "",
  departmentId: "",
  responsibleId: "",
  externalId: "",
};

export interface TAccountFormOptions {
  networks: { id: string; code: string; name: string; hosts: string[]; active: boolean }[];
  departments: { id: string; name: string; active: boolean }[];
  users: { id: string; fullName: string; position: string | null; department: { name: string } | null }[];
}

export function AccountForm({
  initial,
  mode,
  options,
  formerResponsible,
  pending,
  message,
  fields,
  onSubmit,
  onCancel,
}: {
  initial: TAccountFormValues;
  mode: "create" | "edit";
  options: TAccountFormOptions;
  /** The account's responsible person when they are no longer active: shown so the choice is visible. */
  formerResponsible?: { id: string; fullName: string } | null;
  pending: boolean;
  message: string | null;
  fields: Record<string, string>;
  onSubmit: (values: TAccountFormValues) => void;
  onCancel: () => void;
}) {
  const [v, setV] = useState(initial);
  const network = options.networks.find((n) => n.id === v.networkId);
  const hosts = network?.hosts.filter(Boolean) ?? [];
  return (
    <form
      className="space-y-4 rounded-lg border border-brand-100 bg-brand-50/40 p-5"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(v);
      }}
    >
      <h2 className="font-semibold">
        {mode === "create" ? "Новый официальный аккаунт" : `Изменение: ${initial.name}`}
      </h2>
      <div className="grid gap-4 md:grid-cols-2">
        <Field id="a-networkId" label="Социальная сеть" error={fields.networkId}>
          <select
            id="a-networkId"
            className={inputClass}
            value={v.networkId}
            aria-invalid={Boolean(fields.networkId)}
            onChange={(e) => setV({ ...v, networkId: e.target.value })}
          >
            <option value="">— выберите —</option>
            {options.networks
              .filter((n) => n.active || n.id === initial.networkId)
              .map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name}
                  {n.active ? "" : " (отключена)"}
                </option>
              ))}
          </select>
        </Field>
        <Field
          id="a-url"
          label="Адрес страницы"
          error={fields.url}
          hint={hosts.length > 0 ? `Ссылка на сайт ${hosts.join(", ")}` : "Ссылка, начинающаяся с https://"}
        >
          <input
            id="a-url"
            type="url"
            inputMode="url"
            className={inputClass}
            value={v.url}
            placeholder="https://vk.com/…"
            aria-invalid={Boolean(fields.url)}
            onChange={(e) => setV({ ...v, url: e.target.value })}
          />
        </Field>
        <Field id="a-name" label="Название" error={fields.name}>
          <input
            id="a-name"
            className={inputClass}
            value={v.name}
            aria-invalid={Boolean(fields.name)}
            onChange={(e) => setV({ ...v, name: e.target.value })}
          />
        </Field>
        <Field
          id="a-ownerName"
          label="Владелец страницы"
          error={fields.ownerName}
          hint="Для страницы официального представителя — его ФИО и должность"
        >
          <input
            id="a-ownerName"
            className={inputClass}
            value={v.ownerName}
            aria-invalid={Boolean(fields.ownerName)}
            onChange={(e) => setV({ ...v, ownerName: e.target.value })}
          />
        </Field>
        <Field id="a-departmentId" label="Отдел, который ведёт страницу" error={fields.departmentId}>
          <select
            id="a-departmentId"
            className={inputClass}
            value={v.departmentId}
            aria-invalid={Boolean(fields.departmentId)}
            onChange={(e) => setV({ ...v, departmentId: e.target.value })}
          >
            <option value="">— не указан —</option>
            {options.departments
              .filter((d) => d.active || d.id === initial.departmentId)
              .map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                  {d.active ? "" : " (упразднён)"}
                </option>
              ))}
          </select>
        </Field>
        <Field
          id="a-responsibleId"
          label="Ответственный за плановые публикации"
          error={fields.responsibleId}
          hint="Получает напоминание в четверг, если на неделе мало публикаций"
        >
          <select
            id="a-responsibleId"
            className={inputClass}
            value={v.responsibleId}
            aria-invalid={Boolean(fields.responsibleId)}
            onChange={(e) => setV({ ...v, responsibleId: e.target.value })}
          >
            <option value="">— не назначен —</option>
            {formerResponsible ? (
              <option value={formerResponsible.id}>{formerResponsible.fullName} (отключён — выберите другого)</option>
            ) : null}
            {options.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.fullName}
                {u.position ? `, ${u.position}` : u.department ? `, ${u.department.name}` : ""}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="a-externalId"
          label="Идентификатор страницы в сети"
          error={fields.externalId}
          hint={
            network?.code === "VK"
              ? "Числовой идентификатор сообщества ВКонтакте (например, 12345678): нужен для подключения к ВКонтакте"
              : "Необязательно"
          }
        >
          <input
            id="a-externalId"
            className={inputClass}
            value={v.externalId}
            aria-invalid={Boolean(fields.externalId)}
            onChange={(e) => setV({ ...v, externalId: e.target.value })}
          />
        </Field>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Вид страницы (п.6)</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {ACCOUNT_OWNER_KINDS.map((kind) => (
            <label key={kind} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="ownerKind"
                value={kind}
                checked={v.ownerKind === kind}
                onChange={() => setV({ ...v, ownerKind: kind })}
              />
              {ACCOUNT_OWNER_KIND_LABELS[kind]}
            </label>
          ))}
        </div>
        {fields.ownerKind ? <p className="mt-1 text-sm text-red-700">{fields.ownerKind}</p> : null}
      </fieldset>
      <FormMessage message={message} />
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Сохранение…" : mode === "create" ? "Добавить" : "Сохранить"}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Отмена
        </Button>
      </div>
    </form>
  );
}
