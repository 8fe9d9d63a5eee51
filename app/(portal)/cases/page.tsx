import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { CaseList } from "@/components/cases/case-list";
import { requirePermission } from "@/server/auth/current";
import { hasPermission } from "@/server/domain/auth/permissions";

export const metadata: Metadata = { title: "Публикации" };

export default async function CasesPage() {
  const user = await requirePermission("case.view");
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Публикации</h1>
        {hasPermission(user.roles, "case.create") ? (
          <Link
            href="/cases/new"
            className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
          >
            Зарегистрировать публикацию
          </Link>
        ) : null}
      </div>
      {/* The list reads its filters from the address (useSearchParams), which needs a boundary. */}
      <Suspense fallback={<p className="text-slate-500">Загрузка…</p>}>
        <CaseList timeZone={user.timeZone} />
      </Suspense>
    </div>
  );
}
