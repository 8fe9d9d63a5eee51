"use client";

import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { StatusMessage } from "@/components/queues/status-message";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf, FormMessage, LoadMoreButton } from "@/components/ui/form";
import { formatDateTime } from "@/server/domain/time/zone";

/** An account's routine posts, newest first; a post recorded by mistake can be deleted. */
export function AccountPosts({
  account,
  timeZone,
  onDeleted,
}: {
  account: { id: string; name: string; network: { name: string } };
  timeZone: string;
  onDeleted: () => Promise<void>;
}) {
  const trpc = useTRPC();
  const [status, setStatus] = useState("");
  const list = useInfiniteQuery(
    trpc.routine.posts.infiniteQueryOptions(
      { accountId: account.id, limit: 20 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const remove = useMutation(
    trpc.routine.remove.mutationOptions({
      onSuccess: async () => {
        setStatus("Публикация удалена из учёта");
        await onDeleted();
      },
    }),
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className="space-y-3" aria-labelledby="account-posts-heading">
      <h2 id="account-posts-heading" className="text-lg font-semibold">
        Публикации: {account.name} ({account.network.name})
      </h2>
      <StatusMessage message={status} />
      <FormMessage message={errorsOf(remove.error).message ?? errorsOf(list.error).message} />
      {list.isPending ? (
        <p className="text-sm text-slate-500">Загрузка…</p>
      ) : items.length === 0 ? (
        <p className="text-sm text-slate-600">Плановых публикаций этого аккаунта ещё нет.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {items.map((p) => (
            <li
              key={p.id}
              className="flex flex-wrap items-start justify-between gap-3 px-4 py-3"
              data-testid="routine-post"
            >
              <div className="min-w-0">
                <a
                  href={p.url}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="font-medium break-words text-brand-700 hover:underline"
                >
                  {p.title ?? p.url}
                </a>
                <p className="text-xs text-slate-500">
                  {formatDateTime(p.publishedAt, timeZone)} ·{" "}
                  {p.source === "CONNECTOR"
                    ? "найдена подключением к соцсети"
                    : p.recordedBy
                      ? `отметил(а) ${p.recordedBy.fullName}`
                      : "отмечена вручную"}
                </p>
              </div>
              {p.canDelete ? (
                <Button
                  variant="danger"
                  disabled={remove.isPending}
                  aria-label={`Удалить из учёта публикацию «${p.title ?? p.url}»`}
                  onClick={() => {
                    if (!window.confirm(`Удалить из учёта публикацию «${p.title ?? p.url}»?`)) return;
                    setStatus("");
                    remove.mutate({ id: p.id });
                  }}
                >
                  Удалить
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <LoadMoreButton list={list} />
    </section>
  );
}
