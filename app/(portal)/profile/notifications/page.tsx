import type { Metadata } from "next";
import Link from "next/link";
import { EmailPreferences } from "@/components/notifications/email-preferences";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";
import { requireUser } from "@/server/auth/current";

export const metadata: Metadata = { title: "Уведомления на почту" };

export default async function EmailPreferencesPage() {
  await requireUser();
  await getQueryClient().prefetchQuery(trpc.profile.emailPreferences.queryOptions());
  return (
    <div className="max-w-3xl space-y-4">
      <p className="text-sm">
        <Link href="/notifications" className="text-brand-700 underline hover:no-underline">
          ← Все уведомления
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">Уведомления на почту</h1>
      <HydrateClient>
        <EmailPreferences />
      </HydrateClient>
    </div>
  );
}
