import type { Metadata } from "next";
import { DepartmentsAdmin } from "@/components/admin/departments-admin";
import { HydrateClient, getQueryClient, trpc } from "@/components/trpc/server";
import { requirePermission } from "@/server/auth/current";

export const metadata: Metadata = { title: "Отделы" };

export default async function DepartmentsPage() {
  await requirePermission("admin.departments");
  await getQueryClient().prefetchQuery(trpc.admin.departments.list.queryOptions());
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Отделы</h1>
      <HydrateClient>
        <DepartmentsAdmin />
      </HydrateClient>
    </div>
  );
}
