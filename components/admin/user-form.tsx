"use client";

import { useState } from "react";
import { Button, Field, FormMessage, inputClass } from "@/components/ui/form";
import { ROLE_LABELS, ROLES, type TRole } from "@/server/domain/auth/roles";

export interface TUserFormValues {
  username: string;
  fullName: string;
  email: string;
  position: string;
  roles: TRole[];
  departmentId: string;
  password: string;
}

export const EMPTY_USER: TUserFormValues = {
  username: "",
  fullName: "",
  email: "",
  position: "",
  roles: [],
  departmentId: "",
  password: "",
};

export function UserForm({
  initial,
  mode,
  departments,
  pending,
  message,
  fields,
  onSubmit,
  onCancel,
}: {
  initial: TUserFormValues;
  mode: "create" | "edit";
  departments: { id: string; name: string; active: boolean }[];
  pending: boolean;
  message: string | null;
  fields: Record<string, string>;
  onSubmit: (values: TUserFormValues) => void;
  onCancel: () => void;
}) {
  const [v, setV] = useState(initial);
  const toggleRole = (role: TRole) =>
    setV({ ...v, roles: v.roles.includes(role) ? v.roles.filter((r) => r !== role) : [...v.roles, role] });
  return (
    <form
      className="space-y-4 rounded-lg border border-brand-100 bg-brand-50/40 p-5"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(v);
      }}
    >
      <h2 className="font-semibold">{mode === "create" ? "Новый пользователь" : `Изменение: ${initial.fullName}`}</h2>
      <div className="grid gap-4 md:grid-cols-2">
        <Field id="u-fullName" label="ФИО" error={fields.fullName}>
          <input
            id="u-fullName"
            className={inputClass}
            value={v.fullName}
            aria-invalid={Boolean(fields.fullName)}
            onChange={(e) => setV({ ...v, fullName: e.target.value })}
          />
        </Field>
        <Field
          id="u-username"
          label="Логин"
          error={fields.username}
          hint={mode === "edit" ? "Логин не меняется" : "Латинские буквы, цифры, точка, дефис"}
        >
          <input
            id="u-username"
            className={inputClass}
            value={v.username}
            disabled={mode === "edit"}
            aria-invalid={Boolean(fields.username)}
            onChange={(e) => setV({ ...v, username: e.target.value })}
          />
        </Field>
        <Field id="u-email" label="Электронная почта" error={fields.email}>
          <input
            id="u-email"
            type="email"
            className={inputClass}
            value={v.email}
            aria-invalid={Boolean(fields.email)}
            onChange={(e) => setV({ ...v, email: e.target.value })}
          />
        </Field>
        <Field id="u-position" label="Должность" error={fields.position}>
          <input
            id="u-position"
            className={inputClass}
            value={v.position}
            onChange={(e) => setV({ ...v, position: e.target.value })}
          />
        </Field>
        <Field id="u-departmentId" label="Отдел" error={fields.departmentId}>
          <select
            id="u-departmentId"
            className={inputClass}
            value={v.departmentId}
            aria-invalid={Boolean(fields.departmentId)}
            onChange={(e) => setV({ ...v, departmentId: e.target.value })}
          >
            <option value="">— не указан —</option>
            {departments
              .filter((d) => d.active || d.id === v.departmentId)
              .map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
          </select>
        </Field>
        {mode === "create" ? (
          <Field id="u-password" label="Пароль" error={fields.password} hint="Не короче 8 символов, буквы и цифры">
            <input
              id="u-password"
              type="password"
              autoComplete="new-password"
              className={inputClass}
              value={v.password}
              aria-invalid={Boolean(fields.password)}
              onChange={(e) => setV({ ...v, password: e.target.value })}
            />
          </Field>
        ) : null}
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Роли</legend>
        <div className="mt-2 grid gap-2 md:grid-cols-2">
          {ROLES.map((role) => (
            <label key={role} className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={v.roles.includes(role)} onChange={() => toggleRole(role)} />
              {ROLE_LABELS[role]}
            </label>
          ))}
        </div>
        {fields.roles ? <p className="mt-1 text-sm text-red-700">{fields.roles}</p> : null}
      </fieldset>
      <FormMessage message={message} />
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Сохранение…" : mode === "create" ? "Создать" : "Сохранить"}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Отмена
        </Button>
      </div>
    </form>
  );
}
