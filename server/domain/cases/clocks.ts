import { formatMinutes, type TSlaSettings } from "../settings/sla-settings";
import { CLOCK_LABELS, isTerminalStatus, type TCaseStatus, type TClockKind } from "./case-types";

/**
 * The five SLA clocks (DOMAIN.md "Deadlines (SLA)"). Lengths are calendar minutes and every
 * instant is a UTC `Date`: adding minutes to the instant is the regulation's "calendar hours"
 * (a post received on Friday 23:00 Moscow is due on Saturday 23:00), and no time zone or
 * working calendar enters the arithmetic. Zones matter only when showing times.
 */

const MINUTE_MS = 60_000;

/** The clock lengths copied into a case at creation (the Case.sla*Minutes columns). */
export type TFrozenSla = Readonly<TSlaSettings>;

export interface TCaseDeadlines {
  routeDueAt: Date;
  draftDueAt: Date;
  answerDueAt: Date;
  /** The running forward clock: set on each submission, cleared when forwarded or returned. */
  forwardDueAt: Date | null;
  /** The running rework clock: set on each return, cleared on resubmission. */
  reworkDueAt: Date | null;
  /** The clock running now and its deadline (the "open cases by deadline" index). */
  currentClock: TClockKind | null;
  currentDueAt: Date | null;
}

export function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * MINUTE_MS);
}

/**
 * Copies the municipality's lengths into a new case. Only the five lengths are taken, so
 * whatever else the settings row carries never leaks into the case, and the copy is detached:
 * editing the settings later leaves every existing case's deadlines as they were.
 */
export function freezeSla(settings: TSlaSettings): TFrozenSla {
  return Object.freeze({
    slaRouteMinutes: settings.slaRouteMinutes,
    slaDraftMinutes: settings.slaDraftMinutes,
    slaForwardMinutes: settings.slaForwardMinutes,
    slaReworkMinutes: settings.slaReworkMinutes,
    slaAnswerMinutes: settings.slaAnswerMinutes,
  });
}

export function lengthOfClock(kind: TClockKind, sla: TFrozenSla): number {
  switch (kind) {
    case "ROUTE":
      return sla.slaRouteMinutes;
    case "DRAFT":
      return sla.slaDraftMinutes;
    case "FORWARD":
      return sla.slaForwardMinutes;
    case "REWORK":
      return sla.slaReworkMinutes;
    case "ANSWER":
      return sla.slaAnswerMinutes;
  }
}

/**
 * When a clock instance started, from its deadline. Every deadline is start + frozen length, so
 * the case needs no extra column per instance: the (type, clockStartedAt) key of a violation
 * is recovered from forwardDueAt, reworkDueAt or currentDueAt.
 */
export function findClockStart(kind: TClockKind, dueAt: Date, sla: TFrozenSla): Date {
  return addMinutes(dueAt, -lengthOfClock(kind, sla));
}

/** Deadlines of a case received (T0) at `receivedAt`: route, draft and answer all start at T0. */
export function computeInitialDeadlines(receivedAt: Date, sla: TFrozenSla): TCaseDeadlines {
  const routeDueAt = addMinutes(receivedAt, sla.slaRouteMinutes);
  return {
    routeDueAt,
    draftDueAt: addMinutes(receivedAt, sla.slaDraftMinutes),
    answerDueAt: addMinutes(receivedAt, sla.slaAnswerMinutes),
    forwardDueAt: null,
    reworkDueAt: null,
    currentClock: "ROUTE",
    currentDueAt: routeDueAt,
  };
}

/**
 * Which clock runs in each status. At the curator none of the municipality's own step clocks
 * runs, but the 24-hour answer clock does and it is what the case waits on, so it is the
 * current one there as after approval.
 */
export const RUNNING_CLOCK = {
  NEW: "ROUTE",
  ASSIGNED: "DRAFT",
  INTERNAL_REVIEW: "FORWARD",
  REWORK: "REWORK",
  AT_CURATOR: "ANSWER",
  APPROVED: "ANSWER",
  POSTED: null,
  DECLINED: null,
  CANCELLED: null,
} as const satisfies Record<TCaseStatus, TClockKind | null>;

/**
 * The deadlines after a transition into `to` at `at`. Clocks started at T0 never restart
 * ("clocks keep running"). Per-step clocks start a new instance on each entry: forward on each
 * submission, rework on each return, and routing again when an executor hands the case back as
 * not theirs; the re-routing instance lives in currentDueAt, since routeDueAt keeps the T0 one.
 */
export function computeDeadlinesAfter(params: {
  deadlines: TCaseDeadlines;
  to: TCaseStatus;
  at: Date;
  sla: TFrozenSla;
}): TCaseDeadlines {
  const { deadlines, to, at, sla } = params;
  const base = {
    routeDueAt: deadlines.routeDueAt,
    draftDueAt: deadlines.draftDueAt,
    answerDueAt: deadlines.answerDueAt,
  };
  const forwardDueAt = to === "INTERNAL_REVIEW" ? addMinutes(at, sla.slaForwardMinutes) : null;
  const reworkDueAt = to === "REWORK" ? addMinutes(at, sla.slaReworkMinutes) : null;
  if (isTerminalStatus(to)) {
    return { ...base, forwardDueAt: null, reworkDueAt: null, currentClock: null, currentDueAt: null };
  }
  const currentClock: TClockKind = RUNNING_CLOCK[to];
  const dueOf = {
    ROUTE: addMinutes(at, sla.slaRouteMinutes),
    DRAFT: deadlines.draftDueAt,
    FORWARD: forwardDueAt,
    REWORK: reworkDueAt,
    ANSWER: deadlines.answerDueAt,
  } satisfies Record<TClockKind, Date | null>;
  return { ...base, forwardDueAt, reworkDueAt, currentClock, currentDueAt: dueOf[currentClock] };
}

export type TClockState = "ON_TIME" | "AT_RISK" | "OVERDUE";

export const CLOCK_STATE_LABELS = {
  ON_TIME: "В срок",
  AT_RISK: "Под угрозой",
  OVERDUE: "Просрочено",
} as const satisfies Record<TClockState, string>;

/** Under this much left the 24-hour clock is at risk whatever its quarter is (DOMAIN.md). */
const ANSWER_RISK_MINUTES = 60;

/**
 * ON_TIME, AT_RISK when less than a quarter of the clock is left (for the answer clock also
 * when under 1 h is left, whichever comes first), OVERDUE once `now` is past the deadline. A
 * clock is met by an action at its deadline exactly, so the deadline moment itself is not
 * overdue; the same rule decides violations.
 */
export function evaluateClockState(params: {
  dueAt: Date;
  startedAt: Date;
  now: Date;
  kind?: TClockKind;
}): TClockState {
  const { dueAt, startedAt, now, kind } = params;
  const left = dueAt.getTime() - now.getTime();
  if (left < 0) return "OVERDUE";
  const length = Math.max(0, dueAt.getTime() - startedAt.getTime());
  const riskMs = Math.max(length / 4, kind === "ANSWER" ? ANSWER_RISK_MINUTES * MINUTE_MS : 0);
  return left < riskMs ? "AT_RISK" : "ON_TIME";
}

/**
 * Whole minutes left (rounded down: never promise more than there is) or overdue (rounded up:
 * a few seconds late is already "1 min" late).
 */
export function measureRemaining(dueAt: Date, now: Date): { overdue: boolean; minutes: number } {
  const left = dueAt.getTime() - now.getTime();
  if (left >= 0) return { overdue: false, minutes: Math.floor(left / MINUTE_MS) };
  return { overdue: true, minutes: Math.max(1, Math.ceil(-left / MINUTE_MS)) };
}

/** "осталось 2 ч 15 мин" or "просрочено на 35 мин". */
export function formatRemaining(dueAt: Date, now: Date): string {
  const { overdue, minutes } = measureRemaining(dueAt, now);
  return overdue ? `просрочено на ${formatMinutes(minutes)}` : `осталось ${formatMinutes(minutes)}`;
}

export interface TClockView {
  kind: TClockKind;
  label: string;
  startedAt: Date;
  dueAt: Date;
  state: TClockState;
  remaining: { overdue: boolean; minutes: number };
  remainingText: string;
}

function viewClock(kind: TClockKind, dueAt: Date, sla: TFrozenSla, now: Date): TClockView {
  const startedAt = findClockStart(kind, dueAt, sla);
  return {
    kind,
    label: CLOCK_LABELS[kind],
    startedAt,
    dueAt,
    state: evaluateClockState({ dueAt, startedAt, now, kind }),
    remaining: measureRemaining(dueAt, now),
    remainingText: formatRemaining(dueAt, now),
  };
}

/**
 * What an open case shows: the clock running now and the 24-hour clock (the same one at the
 * curator and after approval). A closed case shows none.
 */
export function describeCaseClocks(params: {
  status: TCaseStatus;
  deadlines: Pick<TCaseDeadlines, "answerDueAt" | "currentClock" | "currentDueAt">;
  sla: TFrozenSla;
  now: Date;
}): { current: TClockView | null; answer: TClockView | null } {
  const { status, deadlines, sla, now } = params;
  if (isTerminalStatus(status)) return { current: null, answer: null };
  const current =
    deadlines.currentClock !== null && deadlines.currentDueAt !== null
      ? viewClock(deadlines.currentClock, deadlines.currentDueAt, sla, now)
      : null;
  return { current, answer: viewClock("ANSWER", deadlines.answerDueAt, sla, now) };
}
