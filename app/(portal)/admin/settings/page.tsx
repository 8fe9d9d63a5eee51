import type { Metadata } from "next";
import { SettingsForm } from "@/components/admin/settings-form";
import { RatingFormulaForm } from "@/components/analytics/rating-formula-form";
import { HydrateClient, getQueryClient, trpc } from "@/components/trpc/server";
import { requirePermission } from "@/server/auth/current";

export const metadata: Metadata = { title: "Настройки и сроки" };

export default async function SettingsPage() {
  await requirePermission("admin.settings");
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.admin.settings.get.queryOptions()),
    queryClient.prefetchQuery(trpc.analytics.ratingFormula.queryOptions()),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Настройки и сроки регламента</h1>
      <HydrateClient>
        <SettingsForm />
        <RatingFormulaForm />
      </HydrateClient>
    </div>
  );
}
