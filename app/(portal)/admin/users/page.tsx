import type { Metadata } from "next";
import { UsersAdmin } from "@/components/admin/users-admin";
import { HydrateClient, getQueryClient, trpc } from "@/components/trpc/server";
import { requirePermission } from "@/server/auth/current";

export const metadata: Metadata = { title: "Пользователи" };

export default async function UsersPage() {
  const user = await requirePermission("admin.users");
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.admin.users.list.queryOptions({ includeInactive: true })),
    queryClient.prefetchQuery(trpc.admin.departments.list.queryOptions()),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Пользователи</h1>
      <HydrateClient>
        <UsersAdmin timeZone={user.timeZone} />
      </HydrateClient>
    </div>
  );
}
