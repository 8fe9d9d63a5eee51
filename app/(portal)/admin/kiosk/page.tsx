import type { Metadata } from "next";
import Link from "next/link";
import { KioskAdmin } from "@/components/admin/kiosk-admin";
import { HydrateClient, getQueryClient, trpc } from "@/components/trpc/server";
import { requirePermission } from "@/server/auth/current";

export const metadata: Metadata = { title: "Экран на стене" };

export default async function KioskPage() {
  const user = await requirePermission("admin.settings");
  await getQueryClient().prefetchQuery(trpc.admin.kiosk.list.queryOptions());
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Экран на стене</h1>
      <p className="text-sm text-slate-600">
        Табло сроков показывает по каждому отделу открытые публикации и сколько времени осталось до срока. Для
        телевизора, за которым никто не входит в систему, создайте ссылку: она открывает только табло этого
        муниципального образования, только для просмотра. Хранится лишь её отпечаток; отозванная ссылка перестаёт
        действовать сразу, и экраны с ней отключаются. Сотрудники с доступом к табло открывают его по адресу{" "}
        <Link href="/wall" className="text-brand-700 underline">
          /wall
        </Link>
        .
      </p>
      <HydrateClient>
        <KioskAdmin timeZone={user.timeZone} />
      </HydrateClient>
    </div>
  );
}
