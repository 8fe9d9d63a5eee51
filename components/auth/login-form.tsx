"use client";

import { useActionState } from "react";
import { signInAction, type TLoginState } from "@/app/login/actions";

export function LoginForm({ from }: { from?: string }) {
  const [state, action, pending] = useActionState<TLoginState, FormData>(signInAction, { error: null, login: "" });
  return (
    <form action={action} className="space-y-4" noValidate>
      {from ? <input type="hidden" name="from" value={from} /> : null}
      <div>
        <label htmlFor="login" className="block text-sm font-medium text-slate-700">
          Логин или электронная почта
        </label>
        <input
          id="login"
          name="login"
          autoComplete="username"
          required
          defaultValue={state.login}
          autoFocus
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 shadow-sm focus:border-brand-600"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          Пароль
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 shadow-sm focus:border-brand-600"
        />
      </div>
      {state.error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Вход…" : "Войти"}
      </button>
    </form>
  );
}
