import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ViolationRegister } from "@/components/violations/violation-register";
import { requirePermission } from "@/server/auth/current";
import { monthOf } from "@/server/domain/violations/month";

export const metadata: Metadata = { title: "Журнал нарушений" };

export default async function ViolationsPage() {
  const user = await requirePermission("violations.view");
  // The month the register opens on: the current one on the municipality's calendar.
  const defaultMonth = monthOf(new Date(), user.timeZone);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Журнал нарушений</h1>
        <p className="text-sm text-slate-600">
          Нарушения сроков Регламента (п.12): по каждому — ответственный, просрочка, объяснение и решение заместителя
          главы. Записи не удаляются; новое решение заменяет прежнее в журнале, прежнее сохраняется. Время — по часовому
          поясу муниципального образования. Кто даёт объяснения, видит свои нарушения в разделе{" "}
          <Link href="/violations/mine" className="text-brand-700 underline">
            «Мои нарушения»
          </Link>
          .
        </p>
      </div>
      {/* The register reads its filters from the address (useSearchParams), which needs a boundary. */}
      <Suspense fallback={<p className="text-slate-500">Загрузка…</p>}>
        <ViolationRegister timeZone={user.timeZone} defaultMonth={defaultMonth} />
      </Suspense>
    </div>
  );
}
