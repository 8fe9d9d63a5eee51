"use client";

import { useMemo, useState } from "react";
import { AttachmentGallery } from "@/components/attachments/attachment-gallery";
import { diffAnswerTexts, summarizeDiff } from "@/server/domain/cases/answer-diff";
import { formatDateTime } from "@/server/domain/time/zone";
import type { TCaseAttachment, TCaseDecision, TCaseDraft } from "./case-view-types";
import { DecisionLine } from "./draft-history";

export const ANSWER_KIND_LABELS = {
  MEASURES: "Меры, этапы и сроки",
  REFUSAL: "Обоснованный отказ",
} as const;

/**
 * The version a reviewer decides on (п.10): its text, what changed since the previous version
 * marked word by word, the remarks that version was returned with, and the evidence sent with
 * it. Coordinators and the manager see it at the internal review, the curator before approving.
 */
export function DraftUnderReview({
  drafts,
  decisions,
  attachments,
  currentUserId,
  timeZone,
}: {
  /** Submitted versions, newest first. */
  drafts: TCaseDraft[];
  decisions: TCaseDecision[];
  attachments: TCaseAttachment[];
  currentUserId: string;
  timeZone: string;
}) {
  const [latest, previous] = drafts;
  const [mode, setMode] = useState<"diff" | "full">("diff");
  if (!latest) return null;
  const evidence = attachments.filter((a) => a.draftId === latest.id);
  const remarks = previous ? decisions.filter((d) => d.draftId === previous.id && d.outcome === "RETURNED") : [];
  const showDiff = previous !== undefined && mode === "diff";

  return (
    <section aria-labelledby="review-title" className="space-y-3 rounded-md border border-slate-200 bg-white p-4">
      <div>
        <h3 id="review-title" className="font-semibold">
          Проект ответа, версия {latest.version}
        </h3>
        <p className="text-sm text-slate-600">
          {ANSWER_KIND_LABELS[latest.kind]} · {latest.author.fullName}
          {latest.submittedAt ? ` · отправлен ${formatDateTime(latest.submittedAt, timeZone)}` : ""}
        </p>
      </div>

      {previous ? (
        <div className="flex flex-wrap gap-2" role="group" aria-label="Как показать проект">
          <ModeButton pressed={mode === "diff"} onClick={() => setMode("diff")}>
            Изменения относительно версии {previous.version}
          </ModeButton>
          <ModeButton pressed={mode === "full"} onClick={() => setMode("full")}>
            Текст целиком
          </ModeButton>
        </div>
      ) : null}

      {showDiff ? (
        <DraftDiff before={previous.text} after={latest.text} />
      ) : (
        <p className="text-sm whitespace-pre-wrap">{latest.text}</p>
      )}

      {remarks.length > 0 ? (
        <div className="text-sm">
          <p className="font-medium text-slate-700">Замечания к версии {previous?.version}:</p>
          <ul className="mt-1 space-y-1">
            {remarks.map((r) => (
              <li key={r.id}>
                <DecisionLine decision={r} timeZone={timeZone} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="text-sm">
        <p className="font-medium text-slate-700">Материалы к версии {latest.version}</p>
        {evidence.length > 0 ? (
          <AttachmentGallery attachments={evidence} currentUserId={currentUserId} />
        ) : (
          <p className="text-slate-600">Не приложены.</p>
        )}
      </div>
    </section>
  );
}

function ModeButton({
  pressed,
  onClick,
  children,
}: {
  pressed: boolean;
  onClick: () => void;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onClick}
      className={`rounded-md border px-2.5 py-1 text-sm ${pressed ? "border-brand-600 bg-brand-50 font-medium text-brand-900" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"}`}
    >
      {children}
    </button>
  );
}

/**
 * Word-level changes between two versions: insertions underlined on green, deletions struck
 * through on red (never colour alone), each announced to screen readers in words, after a
 * one-line summary.
 */
export function DraftDiff({ before, after }: { before: string; after: string }) {
  const parts = useMemo(() => diffAnswerTexts(before, after), [before, after]);
  const summary = summarizeDiff(parts);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-700" aria-hidden="true">
        <span>Обозначения:</span>
        <ins className="rounded bg-green-100 px-1 text-green-900 underline decoration-green-700">добавлено</ins>
        <del className="rounded bg-red-100 px-1 text-red-900 line-through decoration-red-700">удалено</del>
      </div>
      <p className="text-sm text-slate-600" data-testid="diff-summary">
        {summary}.
      </p>
      <p className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm whitespace-pre-wrap">
        {parts.map((p, i) =>
          p.kind === "added" ? (
            <ins key={i} className="rounded-sm bg-green-100 text-green-900 underline decoration-green-700">
              <span className="sr-only">[добавлено: </span>
              {p.text}
              <span className="sr-only">]</span>
            </ins>
          ) : p.kind === "removed" ? (
            <del key={i} className="rounded-sm bg-red-100 text-red-900 line-through decoration-red-700">
              <span className="sr-only">[удалено: </span>
              {p.text}
              <span className="sr-only">]</span>
            </del>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </p>
    </div>
  );
}
