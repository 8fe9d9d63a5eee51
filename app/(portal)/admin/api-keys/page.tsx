import type { Metadata } from "next";
import { ApiKeysAdmin } from "@/components/admin/api-keys-admin";
import { HydrateClient, getQueryClient, trpc } from "@/components/trpc/server";
import { requirePermission } from "@/server/auth/current";

export const metadata: Metadata = { title: "Ключи API" };

export default async function ApiKeysPage() {
  const user = await requirePermission("admin.apiKeys");
  await getQueryClient().prefetchQuery(trpc.admin.apiKeys.list.queryOptions());
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Ключи API для системы куратора</h1>
      <p className="text-sm text-slate-600">
        Ключ даёт системе куратора право передавать публикации этого муниципального образования и сообщать решения по
        проектам ответов. Хранится только его отпечаток; отозванный ключ перестаёт действовать сразу.
      </p>
      <HydrateClient>
        <ApiKeysAdmin timeZone={user.timeZone} />
      </HydrateClient>
    </div>
  );
}
