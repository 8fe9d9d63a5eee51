"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf, FormMessage } from "@/components/ui/form";

/**
 * п.11 for the person routing a new publication: earlier cases it may repeat, with the
 * reasons, each linked in one click; once linked, the routing form suggests that case's
 * department.
 */
export function RepeatSuggestions({
  caseId,
  departmentNames,
}: {
  caseId: string;
  departmentNames: ReadonlyMap<string, string>;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const candidates = useQuery(trpc.cases.repeatCandidates.queryOptions({ caseId }));
  const link = useMutation(
    trpc.cases.linkRepeat.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.cases.get.queryKey({ id: caseId }) });
      },
    }),
  );
  const items = candidates.data ?? [];
  if (items.length === 0) return null;

  return (
    <section aria-labelledby="repeats-title" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h2 id="repeats-title" className="font-semibold text-amber-950">
        Возможно, повторная (п.11)
      </h2>
      <ul className="mt-2 space-y-2 text-sm">
        {items.map((s) => (
          <li key={s.caseId} className="flex flex-wrap items-start justify-between gap-2">
            <div>
              <Link href={`/cases/${s.caseId}`} className="font-medium text-brand-700 hover:underline">
                Публикация № {s.number}
              </Link>
              {s.departmentId ? (
                <span className="text-slate-700"> · {departmentNames.get(s.departmentId) ?? "отдел"}</span>
              ) : null}
              <span className="block text-slate-700">{s.reasons.join("; ")}</span>
            </div>
            <Button
              variant="secondary"
              disabled={link.isPending}
              onClick={() => link.mutate({ caseId, repeatOfId: s.caseId })}
            >
              Связать как повторную к № {s.number}
            </Button>
          </li>
        ))}
      </ul>
      <FormMessage message={errorsOf(link.error).message} />
    </section>
  );
}
