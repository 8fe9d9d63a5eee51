import type { Metadata } from "next";
import { InboxQueue } from "@/components/queues/inbox-queue";
import { HydrateClient, getQueryClient, trpc } from "@/components/trpc/server";
import { requirePermission } from "@/server/auth/current";

export const metadata: Metadata = { title: "Входящие" };

export default async function InboxPage() {
  await requirePermission("case.route");
  // The queue and the routing form's departments come with the page: no request after it loads.
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.queues.inbox.queryOptions()),
    queryClient.prefetchQuery(trpc.queues.routingOptions.queryOptions()),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Входящие</h1>
      <HydrateClient>
        <InboxQueue />
      </HydrateClient>
    </div>
  );
}
