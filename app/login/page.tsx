import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getCurrentUser } from "@/server/auth/current";

export const metadata: Metadata = { title: "Вход" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ from?: string | string[] }> }) {
  if (await getCurrentUser()) redirect("/");
  const { from } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold text-brand-900">Отклик</h1>
        <p className="mt-1 mb-6 text-sm text-slate-600">
          Ответы администрации на критические публикации в социальных сетях
        </p>
        <LoginForm from={typeof from === "string" ? from : undefined} />
      </div>
    </main>
  );
}
