import type { TClockView } from "@/server/domain/cases/clocks";

const STYLES = {
  ON_TIME: "bg-green-50 text-green-800 border-green-200",
  AT_RISK: "bg-amber-50 text-amber-900 border-amber-300",
  OVERDUE: "bg-red-50 text-red-800 border-red-300",
} as const;

/** A clock with its deadline state: green on time, amber at risk, red overdue. */
export function ClockBadge({ clock, compact = false }: { clock: TClockView | null; compact?: boolean }) {
  if (!clock) return <span className="text-slate-400">—</span>;
  return (
    <span
      data-testid={`clock-${clock.kind}`}
      data-state={clock.state}
      className={`inline-block rounded border px-2 py-0.5 text-xs font-medium ${STYLES[clock.state]}`}
      title={clock.label}
    >
      {compact ? null : <span className="mr-1 font-normal">{clock.label}:</span>}
      {clock.remainingText}
    </span>
  );
}
