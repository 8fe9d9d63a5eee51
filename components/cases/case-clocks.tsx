import type { TClockView } from "@/server/domain/cases/clocks";
import { formatDateTime } from "@/server/domain/time/zone";
import { ClockBadge } from "./clock-badge";

/**
 * The clock running now and the 24-hour clock (п.8) side by side, each with how much is left
 * and its deadline in the municipality's zone. At the curator and after approval the running
 * clock is the 24-hour one: shown once.
 */
export function CaseClocks({
  clocks,
  timeZone,
}: {
  clocks: { current: TClockView | null; answer: TClockView | null };
  timeZone: string;
}) {
  const shown = [clocks.current?.kind !== "ANSWER" ? clocks.current : null, clocks.answer].filter(
    (c): c is TClockView => c !== null,
  );
  if (shown.length === 0) return null;
  return (
    <section aria-label="Сроки" className="grid gap-3 sm:grid-cols-2">
      {shown.map((clock) => (
        <div key={clock.kind} className="rounded-lg border border-slate-200 bg-white px-4 py-3">
          <p className="text-sm font-medium text-slate-700">
            {clock.kind === "ANSWER" ? "Ответ в течение 24 часов (п.8)" : "Текущий этап"}
          </p>
          <div className="mt-1">
            <ClockBadge clock={clock} />
          </div>
          <p className="mt-1 text-sm text-slate-600">
            Срок: <time dateTime={clock.dueAt.toISOString()}>{formatDateTime(clock.dueAt, timeZone)}</time>
          </p>
        </div>
      ))}
    </section>
  );
}
