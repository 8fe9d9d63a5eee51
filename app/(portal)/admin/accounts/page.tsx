import type { Metadata } from "next";
import Link from "next/link";
import { AccountsAdmin } from "@/components/accounts/accounts-admin";
import { HydrateClient, getQueryClient, trpc } from "@/components/trpc/server";
import { requirePermission } from "@/server/auth/current";

export const metadata: Metadata = { title: "Официальные аккаунты" };

export default async function AccountsPage() {
  await requirePermission("admin.accounts");
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.admin.accounts.list.queryOptions()),
    queryClient.prefetchQuery(trpc.admin.accounts.options.queryOptions()),
  ]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Официальные аккаунты</h1>
        <p className="text-sm text-slate-600">
          Страницы Администрации в социальных сетях (п.6 Регламента): страницы юридического лица и официальных
          представителей. На каждой не реже двух раз в неделю должны выходить плановые публикации; ответственный за
          аккаунт получает напоминание в четверг, если норма недели ещё не выполнена. Учёт публикаций — в разделе{" "}
          <Link href="/routine" className="text-brand-700 underline">
            «Плановые публикации»
          </Link>
          . Названия сетей, адреса их сайтов и длина ответа настраиваются на странице{" "}
          <Link href="/admin/accounts/networks" className="text-brand-700 underline">
            «Социальные сети»
          </Link>
          .
        </p>
      </div>
      <HydrateClient>
        <AccountsAdmin />
      </HydrateClient>
    </div>
  );
}
