import type { Metadata } from "next";
import Link from "next/link";
import { NetworksAdmin } from "@/components/accounts/networks-admin";
import { HydrateClient, getQueryClient, trpc } from "@/components/trpc/server";
import { requirePermission } from "@/server/auth/current";

export const metadata: Metadata = { title: "Социальные сети" };

export default async function NetworksPage() {
  await requirePermission("admin.accounts");
  await getQueryClient().prefetchQuery(trpc.admin.accounts.networks.queryOptions());
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm">
          <Link href="/admin/accounts" className="text-brand-700 underline">
            ← Официальные аккаунты
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Социальные сети</h1>
        <p className="text-sm text-slate-600">
          По адресам сайтов портал узнаёт сеть по ссылке на публикацию и проверяет ссылки аккаунтов и плановых
          публикаций; наибольшая длина ответа показывается в редакторе ответа (п.9). Список сетей общий для всех
          муниципальных образований портала: изменения действуют для всех.
        </p>
      </div>
      <HydrateClient>
        <NetworksAdmin />
      </HydrateClient>
    </div>
  );
}
