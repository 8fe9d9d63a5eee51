import { AttachmentGallery } from "@/components/attachments/attachment-gallery";
import { formatDateTime } from "@/server/domain/time/zone";
import type { TCaseAttachment, TCaseDecision, TCaseDraft } from "./case-view-types";

const KIND_LABELS = { MEASURES: "меры, этапы и сроки", REFUSAL: "обоснованный отказ" } as const;

/** One decision on a version, as a sentence: who decided what, when, with which words. */
export function DecisionLine({ decision: r, timeZone }: { decision: TCaseDecision; timeZone: string }) {
  const who = r.stage === "CURATOR" ? "Куратор" : "Проверка в отделе";
  const what =
    r.outcome === "APPROVED"
      ? r.stage === "CURATOR"
        ? "согласовано"
        : "передано куратору"
      : "возвращено на доработку";
  return (
    <>
      <span className="font-medium">
        {who}: {what}
      </span>
      {r.onBehalfOfCurator ? " (внесено за куратора)" : ""} — {r.decidedBy.fullName},{" "}
      {formatDateTime(r.createdAt, timeZone)}
      {r.comment ? <span className="block whitespace-pre-wrap">«{r.comment}»</span> : null}
    </>
  );
}

/**
 * Every submitted version of the answer, newest first, each with the evidence sent with it and
 * the reviewers' and the curator's decisions on it: what the executor reworks against.
 */
export function DraftHistory({
  drafts,
  decisions,
  attachments,
  currentUserId,
  timeZone,
}: {
  drafts: TCaseDraft[];
  decisions: TCaseDecision[];
  attachments: TCaseAttachment[];
  currentUserId: string;
  timeZone: string;
}) {
  if (drafts.length === 0) return null;
  return (
    <section aria-labelledby="history-title" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="history-title" className="font-semibold">
        Версии проекта ответа
      </h2>
      <ol className="mt-3 space-y-3">
        {drafts.map((d) => {
          const evidence = attachments.filter((a) => a.draftId === d.id);
          const onThis = decisions.filter((r) => r.draftId === d.id);
          return (
            <li key={d.id} className="rounded border border-slate-200 p-3 text-sm">
              <h3 className="text-slate-600">
                <span className="font-medium text-slate-900">Версия {d.version}</span> · {KIND_LABELS[d.kind]} ·{" "}
                {d.author.fullName}
                {d.submittedAt ? ` · ${formatDateTime(d.submittedAt, timeZone)}` : ""}
              </h3>
              <p className="mt-1 whitespace-pre-wrap">{d.text}</p>
              {evidence.length > 0 ? (
                <div className="mt-2">
                  <p className="text-slate-600">Материалы:</p>
                  <AttachmentGallery attachments={evidence} currentUserId={currentUserId} />
                </div>
              ) : null}
              {onThis.length > 0 ? (
                <ul className="mt-2 space-y-1">
                  {onThis.map((r) => (
                    <li
                      key={r.id}
                      className={`rounded px-2 py-1 ${r.outcome === "APPROVED" ? "bg-green-50 text-green-950" : "bg-amber-50 text-amber-950"}`}
                    >
                      <DecisionLine decision={r} timeZone={timeZone} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
