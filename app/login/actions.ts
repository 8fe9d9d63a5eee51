"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/server/auth";

export interface TLoginState {
  error: string | null;
  login: string;
}

const ZForm = z.object({
  login: z.string().trim().min(1, "Введите логин или адрес электронной почты").max(200, "Слишком длинный логин"),
  password: z.string().min(1, "Введите пароль").max(200, "Слишком длинный пароль"),
  from: z.string().max(500).optional(),
});

/** Only paths inside the portal: never redirect to another site after sign-in. */
function safeRedirect(from: string | undefined): string {
  if (!from || !from.startsWith("/") || from.startsWith("//") || from.startsWith("/\\") || from.startsWith("/login"))
    return "/";
  return from;
}

export async function signInAction(_prev: TLoginState, formData: FormData): Promise<TLoginState> {
  const parsed = ZForm.safeParse({
    login: formData.get("login") ?? "",
    password: formData.get("password") ?? "",
    from: formData.get("from") ?? undefined,
  });
  const rawLogin = formData.get("login");
  const login = typeof rawLogin === "string" ? rawLogin : "";
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Проверьте форму", login };

  try {
    await signIn("credentials", {
      login: parsed.data.login,
      password: parsed.data.password,
      redirectTo: safeRedirect(parsed.data.from),
    });
  } catch (error) {
    // signIn redirects by throwing; anything but an AuthError must be rethrown.
    if (!(error instanceof AuthError)) throw error;
    return { error: messageFor(error), login };
  }
  return { error: null, login };
}

function messageFor(error: AuthError): string {
  const code = (error as AuthError & { code?: string }).code ?? "";
  if (code === "inactive") return "Учётная запись заблокирована. Обратитесь в сектор информационных технологий.";
  if (code.startsWith("throttled:")) {
    return `Слишком много неудачных попыток входа. Повторите через ${code.slice("throttled:".length)}.`;
  }
  if (error.type === "CredentialsSignin") return "Неверный логин или пароль.";
  return "Не удалось войти. Повторите попытку.";
}
