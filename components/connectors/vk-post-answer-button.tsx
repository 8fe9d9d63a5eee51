"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf, FormMessage } from "@/components/ui/form";

/**
 * "Разместить ответ во ВКонтакте": posts the approved answer as a comment from the community
 * under the publication and records its link on the case (п.8). Shows nothing unless the server
 * says posting through VK is available for this case and this person (vk.availability). Asks
 * once more before posting: a public comment cannot be taken back from the portal.
 */
export function VkPostAnswerButton({ caseId }: { caseId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const availability = useQuery(trpc.vk.availability.queryOptions({ caseId }));
  const [confirming, setConfirming] = useState(false);
  const [postedUrl, setPostedUrl] = useState<string | null>(null);
  const post = useMutation(
    trpc.vk.postAnswer.mutationOptions({
      onSuccess: async (result) => {
        setPostedUrl(result.answerUrl);
        setConfirming(false);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.cases.get.queryKey({ id: caseId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.vk.availability.queryKey({ caseId }) }),
        ]);
        router.refresh();
      },
      // A refusal may come from a changed case (posted by a colleague meanwhile): show it as it is now.
      onError: () => queryClient.invalidateQueries({ queryKey: trpc.cases.get.queryKey({ id: caseId }) }),
    }),
  );

  if (postedUrl) {
    return (
      <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
        Ответ размещён во ВКонтакте:{" "}
        <a href={postedUrl} target="_blank" rel="noreferrer noopener" className="underline">
          открыть комментарий
        </a>
      </p>
    );
  }
  if (!availability.data?.enabled) return null;

  return (
    <div className="space-y-2" data-testid="vk-post-answer">
      {confirming ? (
        <div className="space-y-2 rounded-md border border-brand-100 bg-brand-50/40 p-3">
          <p className="text-sm">
            Согласованный текст будет опубликован комментарием от имени сообщества под публикацией, а ссылка на него
            записана в карточку. Разместить?
          </p>
          <div className="flex flex-wrap gap-2">
            <Button disabled={post.isPending} onClick={() => post.mutate({ caseId })}>
              {post.isPending ? "Размещение…" : "Разместить"}
            </Button>
            <Button variant="secondary" disabled={post.isPending} onClick={() => setConfirming(false)}>
              Отмена
            </Button>
          </div>
        </div>
      ) : (
        <Button
          onClick={() => {
            post.reset();
            setConfirming(true);
          }}
        >
          Разместить ответ во ВКонтакте
        </Button>
      )}
      <FormMessage message={errorsOf(post.error).message} />
    </div>
  );
}
