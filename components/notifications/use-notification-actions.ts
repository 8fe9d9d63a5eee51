"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTRPC } from "@/components/trpc/client";
import type { TAppRouter } from "@/server/api/root";

export type TNotificationView = inferRouterOutputs<TAppRouter>["notifications"]["list"]["items"][number];

/** Marking read, one or all; afterwards the bell's count and every list of notifications refresh. */
export function useNotificationActions() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries(trpc.notifications.pathFilter());
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSettled: refresh }));
  const markAllRead = useMutation(trpc.notifications.markAllRead.mutationOptions({ onSettled: refresh }));
  return { markRead, markAllRead };
}

/** п.13 "Ознакомлен" on an alert; afterwards the lists and the bell's count refresh. */
export function useAcknowledgeNotification() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.notifications.acknowledge.mutationOptions({
      onSettled: () => queryClient.invalidateQueries(trpc.notifications.pathFilter()),
    }),
  );
}
