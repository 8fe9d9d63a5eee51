import Link from "next/link";
import { labelOfEvent } from "@/server/domain/cases/timeline";
import { formatMinutes } from "@/server/domain/settings/sla-settings";
import { formatDateTime } from "@/server/domain/time/zone";
import type { TCaseEventView } from "./case-view-types";

/** What the event's data adds for a person: where it was routed, on whose behalf, through what. */
function detailsOf(e: TCaseEventView): React.ReactNode[] {
  const d = e.details;
  const out: React.ReactNode[] = [];
  if (e.type === "ROUTED" && (d.departmentName || d.departmentId)) {
    out.push(
      `в отдел: ${d.departmentName ?? "отдел упразднён"}${d.executorName ? `, исполнитель ${d.executorName}` : ""}`,
    );
  }
  if (d.draftVersion !== null) out.push(`версия ${d.draftVersion}`);
  if (d.onBehalfOfCurator) out.push("внесено за куратора");
  if (d.via === "API") out.push("через систему куратора (API)");
  if (d.via === "VK") out.push("через подключение к ВКонтакте");
  if (d.lateDeliveryMinutes !== null)
    out.push(`передана через ${formatMinutes(d.lateDeliveryMinutes)} после поступления`);
  if (d.repeatOfId && d.repeatOfNumber !== null) {
    out.push(
      <Link key="repeat" href={`/cases/${d.repeatOfId}`} className="text-brand-700 hover:underline">
        к публикации № {d.repeatOfNumber}
      </Link>,
    );
  }
  if (d.answerUrl) {
    out.push(
      <a
        key="answer"
        href={d.answerUrl}
        target="_blank"
        rel="noreferrer noopener"
        className="text-brand-700 hover:underline"
      >
        ссылка на ответ
      </a>,
    );
  }
  return out;
}

/** Every event of the case in order: when, what, who, with which words. */
export function CaseTimeline({ events, timeZone }: { events: TCaseEventView[]; timeZone: string }) {
  return (
    <section aria-labelledby="timeline-title" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="timeline-title" className="font-semibold">
        Ход работы
      </h2>
      <ol className="mt-3 space-y-2 text-sm" data-testid="timeline">
        {events.map((e) => {
          const details = detailsOf(e);
          return (
            <li key={e.id} className="flex flex-col gap-x-3 sm:flex-row">
              <time dateTime={e.at.toISOString()} className="shrink-0 text-slate-600 sm:w-36">
                {formatDateTime(e.at, timeZone)}
              </time>
              <span>
                <span className="font-medium">{labelOfEvent(e.type)}</span>
                {e.actor ? ` — ${e.actor.fullName}` : ""}
                {details.length > 0 ? (
                  <span className="block text-slate-700">
                    {details.map((item, i) => (
                      <span key={i}>
                        {i > 0 ? " · " : ""}
                        {item}
                      </span>
                    ))}
                  </span>
                ) : null}
                {e.comment ? <span className="block whitespace-pre-wrap text-slate-700">«{e.comment}»</span> : null}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
