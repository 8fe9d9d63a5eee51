"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { StatusMessage } from "@/components/queues/status-message";
import { useTRPC } from "@/components/trpc/client";
import { LoadMoreButton } from "@/components/ui/form";
import { formatDateTime } from "@/server/domain/time/zone";
import { ExplanationForm } from "./explanation-form";
import { MY_VIOLATIONS_INPUT } from "./types";
import { Decisions, Explanation, Lateness } from "./violation-parts";

/**
 * The violations a person answers for (п.12): charged to them, or to their department with
 * nobody named. Each one they have not explained yet has the form; the deputy head's decision
 * shows as soon as it is recorded.
 */
export function MyViolations({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const [status, setStatus] = useState("");
  const list = useSuspenseInfiniteQuery(
    trpc.violations.mine.infiniteQueryOptions(MY_VIOLATIONS_INPUT, {
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  );
  const items = list.data.pages.flatMap((p) => p.items);
  const unexplained = list.data.pages[0]?.unexplained ?? 0;

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        {items.length === 0
          ? "Нарушений сроков за вами и вашим отделом нет."
          : unexplained > 0
            ? `Ждут вашего объяснения: ${unexplained}.`
            : "Объяснения по всем нарушениям даны."}
      </p>
      <StatusMessage message={status} />
      <ul className="space-y-3">
        {items.map((v) => (
          <li key={v.id}>
            <article
              aria-labelledby={`violation-${v.id}`}
              data-testid="my-violation"
              className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
            >
              <header>
                <h2 id={`violation-${v.id}`} className="font-semibold">
                  <Link href={`/cases/${v.case.id}`} className="text-brand-700 hover:underline">
                    Публикация № {v.case.number}
                  </Link>
                  : {v.typeLabel}
                </h2>
                <p className="text-sm text-slate-600">
                  {v.clockLabel}: срок истёк {formatDateTime(v.dueAt, timeZone)} ·{" "}
                  {v.responsibleUser ? v.responsibleUser.fullName : "за отделом"}
                  {v.responsibleDepartment ? `, ${v.responsibleDepartment.name}` : ""}
                </p>
              </header>
              <dl className="grid gap-3 text-sm md:grid-cols-3">
                <div>
                  <dt className="text-xs font-medium text-slate-500 uppercase">Просрочка</dt>
                  <dd>
                    <Lateness v={v} timeZone={timeZone} />
                  </dd>
                </div>
                <div>
                  <dt className="text-xs font-medium text-slate-500 uppercase">Объяснение</dt>
                  <dd>
                    <Explanation v={v} timeZone={timeZone} />
                  </dd>
                </div>
                <div>
                  <dt className="text-xs font-medium text-slate-500 uppercase">Решение заместителя главы</dt>
                  <dd>
                    <Decisions decisions={v.decisions} timeZone={timeZone} />
                  </dd>
                </div>
              </dl>
              {v.canExplain ? (
                <ExplanationForm violationId={v.id} caseNumber={v.case.number} onSaved={setStatus} />
              ) : null}
            </article>
          </li>
        ))}
      </ul>
      <LoadMoreButton list={list} />
    </div>
  );
}
