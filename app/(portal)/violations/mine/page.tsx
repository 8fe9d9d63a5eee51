import type { Metadata } from "next";
import { HydrateClient, getQueryClient, trpc } from "@/components/trpc/server";
import { MyViolations } from "@/components/violations/my-violations";
import { MY_VIOLATIONS_INPUT } from "@/components/violations/types";
import { requirePermission } from "@/server/auth/current";

export const metadata: Metadata = { title: "Мои нарушения" };

export default async function MyViolationsPage() {
  const user = await requirePermission("violations.explain");
  await getQueryClient().prefetchInfiniteQuery(
    trpc.violations.mine.infiniteQueryOptions(MY_VIOLATIONS_INPUT, {
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  );
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Мои нарушения</h1>
        <p className="text-sm text-slate-600">
          Нарушения сроков, которые числятся за вами{user.department ? ` или за отделом «${user.department.name}»` : ""}{" "}
          (п.12 Регламента). Дайте объяснение по каждому: его рассмотрит заместитель главы.
        </p>
      </div>
      <HydrateClient>
        <MyViolations timeZone={user.timeZone} />
      </HydrateClient>
    </div>
  );
}
