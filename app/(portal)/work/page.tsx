import type { Metadata } from "next";
import { WorkQueue } from "@/components/queues/work-queue";
import { HydrateClient, getQueryClient, trpc } from "@/components/trpc/server";
import { requirePermission } from "@/server/auth/current";

export const metadata: Metadata = { title: "Мои публикации" };

export default async function WorkPage() {
  const user = await requirePermission("case.draft");
  await getQueryClient().prefetchQuery(trpc.queues.work.queryOptions());
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Мои публикации</h1>
      <HydrateClient>
        <WorkQueue departmentName={user.department?.name ?? null} />
      </HydrateClient>
    </div>
  );
}
