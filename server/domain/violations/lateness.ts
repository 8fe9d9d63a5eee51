import { isTerminalStatus, type TCaseStatus, type TClockKind, type TViolationType } from "../cases/case-types";

/**
 * How late a violation is (п.12). A violation is recorded once its clock's deadline has passed
 * without the action; the register tells the deputy head by how much:
 * - the clock was stopped (the action was done late, or the case was closed): the moment it
 *   stopped minus the deadline — a fixed number;
 * - the clock still runs (nobody has acted yet): `now` minus the deadline, growing.
 *
 * The moment a clock stopped is not stored on the violation; it is read from the case's
 * timeline, whose status-changing events are exactly the actions that stop clocks. For a clock
 * instance started at `clockStartedAt`, the first such event at or after its start stops it.
 */

export const CLOCK_OF_VIOLATION = {
  ROUTE_LATE: "ROUTE",
  DRAFT_LATE: "DRAFT",
  FORWARD_LATE: "FORWARD",
  REWORK_LATE: "REWORK",
  ANSWER_LATE: "ANSWER",
} as const satisfies Record<TViolationType, TClockKind>;

/** A timeline event as far as clocks care: when, and which status it left and entered. */
export interface TStatusEvent {
  at: Date;
  fromStatus: TCaseStatus | null;
  toStatus: TCaseStatus | null;
}

/**
 * Which status changes stop each clock (the status machine in DOMAIN.md):
 * - ROUTE: leaving NEW — routed, declined or cancelled;
 * - DRAFT: the first submission (into INTERNAL_REVIEW) or closure; handing the case back as
 *   "not our department" does not stop it;
 * - FORWARD: leaving INTERNAL_REVIEW — forwarded to the curator, returned, or cancelled;
 * - REWORK: leaving REWORK — resubmitted, handed back, or cancelled;
 * - ANSWER: closure — posted, declined or cancelled.
 */
function stops(kind: TClockKind, from: TCaseStatus, to: TCaseStatus): boolean {
  switch (kind) {
    case "ROUTE":
      return from === "NEW";
    case "DRAFT":
      return to === "INTERNAL_REVIEW" || isTerminalStatus(to);
    case "FORWARD":
      return from === "INTERNAL_REVIEW";
    case "REWORK":
      return from === "REWORK";
    case "ANSWER":
      return isTerminalStatus(to);
  }
}

/** When the clock instance of a violation stopped, from the case's events; null while it still runs. */
export function findClockStop(
  violation: { type: TViolationType; clockStartedAt: Date },
  events: readonly TStatusEvent[],
): Date | null {
  const kind = CLOCK_OF_VIOLATION[violation.type];
  const start = violation.clockStartedAt.getTime();
  let stop: Date | null = null;
  for (const e of events) {
    if (e.fromStatus === null || e.toStatus === null || e.fromStatus === e.toStatus) continue;
    if (e.at.getTime() < start || !stops(kind, e.fromStatus, e.toStatus)) continue;
    if (stop === null || e.at.getTime() < stop.getTime()) stop = e.at;
  }
  return stop;
}

export interface TLateness {
  /** Whole minutes past the deadline (rounded down); 0 means under a minute. */
  minutes: number;
  /** True while the action has not been done: the lateness keeps growing. */
  running: boolean;
  /** When the action was done or the case closed; null while running. */
  stoppedAt: Date | null;
}

export function measureLateness(params: { dueAt: Date; stoppedAt: Date | null; now: Date }): TLateness {
  const end = params.stoppedAt ?? params.now;
  const minutes = Math.max(0, Math.floor((end.getTime() - params.dueAt.getTime()) / 60_000));
  return { minutes, running: params.stoppedAt === null, stoppedAt: params.stoppedAt };
}

/**
 * "на 2 ч 15 мин", "на 45 мин", "на 1 сут 3 ч", "менее чем на 1 мин": the abbreviations of
 * Russian office documents, which read the same for any number (no plural forms to get wrong).
 */
export function formatLateness(minutes: number): string {
  const total = Math.max(0, Math.floor(minutes));
  if (total === 0) return "менее чем на 1 мин";
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  const parts = [days ? `${days} сут` : "", hours ? `${hours} ч` : "", mins ? `${mins} мин` : ""].filter(Boolean);
  return `на ${parts.join(" ")}`;
}
