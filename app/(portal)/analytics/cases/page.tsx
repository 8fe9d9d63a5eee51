import type { Metadata } from "next";
import { Suspense } from "react";
import { FigureCases } from "@/components/analytics/figure-cases";
import { figureCasesInput, readFigureQuery } from "@/components/analytics/links";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";
import { requirePermission } from "@/server/auth/current";
import { monthOf } from "@/server/domain/violations/month";

export const metadata: Metadata = { title: "Публикации показателя" };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function FigureCasesPage({ searchParams }: { searchParams: TSearchParams }) {
  const user = await requirePermission("analytics.view");
  const defaultMonth = monthOf(new Date(), user.timeZone);
  const params = await searchParams;
  const query = readFigureQuery(
    { get: (name: string) => (typeof params[name] === "string" ? params[name] : null) },
    defaultMonth,
  );
  if (query) {
    await getQueryClient().prefetchInfiniteQuery(
      trpc.analytics.figureCases.infiniteQueryOptions(figureCasesInput(query), {
        getNextPageParam: (last) => last.nextCursor ?? undefined,
      }),
    );
  }
  return (
    <Suspense fallback={<p className="text-slate-500">Загрузка…</p>}>
      <HydrateClient>
        <FigureCases defaultMonth={defaultMonth} timeZone={user.timeZone} />
      </HydrateClient>
    </Suspense>
  );
}
