import type { Metadata } from "next";
import Link from "next/link";
import { NOTIFICATIONS_PAGE_SIZE } from "@/components/notifications/limits";
import { NotificationList } from "@/components/notifications/notification-list";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";
import { requireUser } from "@/server/auth/current";

export const metadata: Metadata = { title: "Уведомления" };

export default async function NotificationsPage() {
  const user = await requireUser();
  // The first page arrives with the HTML; later pages and the count load in the browser.
  await getQueryClient().prefetchInfiniteQuery(
    trpc.notifications.list.infiniteQueryOptions(
      { limit: NOTIFICATIONS_PAGE_SIZE, unreadOnly: false },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Уведомления</h1>
        <Link href="/profile/notifications" className="text-sm text-brand-700 underline hover:no-underline">
          Какие уведомления приходят на почту
        </Link>
      </div>
      <HydrateClient>
        <NotificationList timeZone={user.timeZone} />
      </HydrateClient>
    </div>
  );
}
