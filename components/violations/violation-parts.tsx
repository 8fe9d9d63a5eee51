import { DECISION_LABELS } from "@/server/domain/violations/decisions";
import { formatLateness } from "@/server/domain/violations/lateness";
import { formatDateTime } from "@/server/domain/time/zone";
import type { TViolationDecision, TViolationRow } from "./types";

/**
 * Pieces both the register and "my violations" show the same way: how late, the explanation,
 * the decision in force with the earlier ones kept below it.
 */

export function Lateness({ v, timeZone }: { v: Pick<TViolationRow, "lateness">; timeZone: string }) {
  const { minutes, running, stoppedAt } = v.lateness;
  return (
    <div>
      <span className="font-medium text-red-800">{formatLateness(minutes)}</span>
      <span className="block text-xs text-slate-600">
        {running || !stoppedAt
          ? "действие не выполнено — просрочка растёт"
          : `выполнено ${formatDateTime(stoppedAt, timeZone)}`}
      </span>
    </div>
  );
}

export function Explanation({ v, timeZone }: { v: Pick<TViolationRow, "explanation">; timeZone: string }) {
  if (!v.explanation) return <span className="text-slate-500">Не дано</span>;
  return (
    <div>
      <p className="whitespace-pre-wrap">{v.explanation.text}</p>
      <p className="mt-0.5 text-xs text-slate-600">
        {v.explanation.by ?? "—"}
        {v.explanation.at ? `, ${formatDateTime(v.explanation.at, timeZone)}` : ""}
      </p>
    </div>
  );
}

function DecisionText({ d, timeZone }: { d: TViolationDecision; timeZone: string }) {
  return (
    <>
      <span className="font-medium">{DECISION_LABELS[d.kind]}</span>
      {d.text ? <span className="block whitespace-pre-wrap">{d.text}</span> : null}
      <span className="block text-xs text-slate-600">
        {d.decidedBy}, {formatDateTime(d.createdAt, timeZone)}
      </span>
    </>
  );
}

/** The decision in force (the latest) and, folded, the earlier ones: none is ever removed. */
export function Decisions({ decisions, timeZone }: { decisions: readonly TViolationDecision[]; timeZone: string }) {
  const [current, ...earlier] = decisions;
  if (!current) return <span className="text-slate-500">Решение не принято</span>;
  return (
    <div data-testid="current-decision">
      <DecisionText d={current} timeZone={timeZone} />
      {earlier.length > 0 ? (
        <details className="mt-1 text-xs">
          <summary className="cursor-pointer text-brand-700">Прежние решения: {earlier.length}</summary>
          <ul className="mt-1 space-y-1 border-l-2 border-slate-200 pl-2">
            {earlier.map((d) => (
              <li key={d.id}>
                <DecisionText d={d} timeZone={timeZone} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
