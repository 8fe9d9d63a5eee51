import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { RoutineBoard } from "@/components/routine/routine-board";
import { HydrateClient, getQueryClient, trpc } from "@/components/trpc/server";
import { requireUser } from "@/server/auth/current";
import { db } from "@/server/db";
import { resolveRoutineAccess } from "@/server/services/routine/access";

export const metadata: Metadata = { title: "Плановые публикации" };

/**
 * п.6: open to those who record routine posts (coordinator, manager, administrator), to the
 * person responsible for an account (the Thursday reminder links here), and read-only to those
 * who see the analytics (head, deputy head). See server/domain/routine/access.ts.
 */
export default async function RoutinePage() {
  const user = await requireUser();
  const access = await resolveRoutineAccess(db(), {
    id: user.id,
    roles: user.roles,
    municipalityId: user.municipality?.id ?? null,
  });
  if (!access.canView) forbidden();
  await getQueryClient().prefetchQuery(trpc.routine.overview.queryOptions());
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Плановые публикации</h1>
        <p className="text-sm text-slate-600">
          На официальных аккаунтах Администрации не реже двух раз в неделю выходят плановые новости о её работе (п.6
          Регламента). Здесь они отмечаются, а по каждому аккаунту видно, выполнена ли норма за последние 12 недель. В
          четверг ответственный за аккаунт получает напоминание, если норма текущей недели ещё не набрана.
        </p>
      </div>
      <HydrateClient>
        <RoutineBoard />
      </HydrateClient>
    </div>
  );
}
