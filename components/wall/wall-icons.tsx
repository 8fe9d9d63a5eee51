import type { TClockState } from "@/server/domain/cases/clocks";

const common = {
  "aria-hidden": true,
  focusable: false,
  viewBox: "0 0 24 24",
  fill: "none",
  stroke: "currentColor",
} as const;

/** A shape per state (tick, warning triangle, alarm), so the states differ without colour too. */
export function StateIcon({ state, className = "h-5 w-5" }: { state: TClockState; className?: string }) {
  if (state === "ON_TIME") {
    return (
      <svg {...common} strokeWidth={3} className={className}>
        <path d="M4 12.5l5 5L20 6.5" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    );
  }
  if (state === "AT_RISK") {
    return (
      <svg {...common} strokeWidth={2.5} className={className}>
        <path d="M12 3L2 21h20L12 3z" strokeLinejoin="round" />
        <path d="M12 10v5M12 18v.5" strokeLinecap="round" />
      </svg>
    );
  }
  return (
    <svg {...common} strokeWidth={2.5} className={className}>
      <circle cx="12" cy="13" r="8" />
      <path d="M12 9v4.5M12 16.5v.5M4 4l3 2.5M20 4l-3 2.5" strokeLinecap="round" />
    </svg>
  );
}

export function StarIcon({ className = "h-7 w-7" }: { className?: string }) {
  return (
    <svg aria-hidden focusable={false} viewBox="0 0 24 24" fill="currentColor" className={className}>
      <path d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8L12 2.5z" />
    </svg>
  );
}
