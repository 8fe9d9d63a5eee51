import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { CuratorQueue } from "@/components/queues/curator-queue";
import { HydrateClient, getQueryClient, trpc } from "@/components/trpc/server";
import { requireUser } from "@/server/auth/current";
import { hasPermission } from "@/server/domain/auth/permissions";

export const metadata: Metadata = { title: "На согласовании" };

export default async function CuratorQueuePage() {
  const user = await requireUser();
  // The curator, or a coordinator who records the curator's decisions on its behalf.
  if (!hasPermission(user.roles, "case.approve") && !hasPermission(user.roles, "case.approveOnBehalf")) forbidden();
  await getQueryClient().prefetchQuery(trpc.queues.curator.queryOptions());
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">На согласовании</h1>
      <HydrateClient>
        <CuratorQueue />
      </HydrateClient>
    </div>
  );
}
