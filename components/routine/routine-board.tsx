"use client";

import { useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { formatRoutinePostCount } from "@/server/domain/routine/reminder";
import { AccountPosts } from "./account-posts";
import { RecordRoutinePostForm } from "./record-form";
import { RoutineGrid, RoutineLegend } from "./routine-grid";

/** п.6: the 12-week register of routine posts, the form to record one, and an account's posts. */
export function RoutineBoard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.routine.overview.queryOptions());
  const [selectedId, setSelectedId] = useState<string | null>(
    data.accounts.find((a) => a.canRecord)?.id ?? data.accounts[0]?.id ?? null,
  );
  const selected = data.accounts.find((a) => a.id === selectedId) ?? null;
  const recordable = data.accounts.filter((a) => a.canRecord);
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.routine.overview.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.routine.posts.pathKey() }),
    ]);
  };

  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-700">
        Норма: не менее {formatRoutinePostCount(data.minimum)} в неделю на каждом аккаунте (неделя — с понедельника по
        воскресенье по времени муниципального образования).
      </p>
      <div className="space-y-2">
        <RoutineGrid
          weeks={data.weeks}
          accounts={data.accounts}
          minimum={data.minimum}
          selectedId={selectedId}
          onSelect={setSelectedId}
        />
        <RoutineLegend minimum={data.minimum} />
      </div>
      {recordable.length > 0 ? (
        <RecordRoutinePostForm
          accounts={recordable}
          timeZone={data.timeZone}
          defaultAccountId={selectedId}
          onRecorded={async (accountId) => {
            setSelectedId(accountId);
            await refresh();
          }}
        />
      ) : (
        <p className="text-sm text-slate-600">
          Просмотр: отмечают публикации ответственные за аккаунты, координирующий отдел и управляющий делами.
        </p>
      )}
      {selected ? (
        <AccountPosts key={selected.id} account={selected} timeZone={data.timeZone} onDeleted={refresh} />
      ) : null}
    </div>
  );
}
