import {
  VIOLATION_OF_CLOCK,
  isTerminalStatus,
  type TCaseStatus,
  type TClockKind,
  type TViolationType,
} from "./case-types";
import { findClockStart, type TCaseDeadlines, type TFrozenSla } from "./clocks";

/**
 * Violations (п.12): a clock that runs out without its action. One per clock instance, keyed
 * like the database's unique (caseId, type, clockStartedAt).
 *
 * How the services use it:
 * - on every transition at `at`, BEFORE applying it: `detectCaseViolations` on the case as it
 *   was, with `now = at`. The clock the action stops is still running in that snapshot, so an
 *   action done late (routed at T0+40 min, before any scan ran) yields its violation there;
 * - in the scheduled scan: the same call on the current case with the scan's `now`;
 * - both pass the violations already recorded for the case, and get only new ones.
 * The result does not depend on when or how often the scan runs.
 */

/** One run of a clock: from its start to its deadline, stopped by its action or by closure. */
export interface TClockRun {
  kind: TClockKind;
  startedAt: Date;
  dueAt: Date;
  /** When the action was done or the case closed; null while the clock still runs. */
  stoppedAt: Date | null;
}

/**
 * Who answers for a late clock. Routing, forwarding and posting belong to the coordinating
 * department (п.2, п.7, п.8, п.10); drafts and rework to the executor and their department.
 */
export interface TResponsibility {
  coordinatingDepartmentId: string | null;
  /** The coordinator expected to act, when the municipality has one on duty or it is known. */
  coordinatorUserId: string | null;
  /** The department the case is routed to; null while it was never routed. */
  caseDepartmentId: string | null;
  executorUserId: string | null;
}

export interface TViolationKey {
  type: TViolationType;
  clockStartedAt: Date;
}

export interface TDetectedViolation extends TViolationKey {
  clock: TClockKind;
  dueAt: Date;
  /**
   * The moment the violation happened: the clock's deadline, not the moment a scan or a
   * transition noticed it. The log then reads the same whether the scan ran every minute or was
   * down for an hour; when the row was written is Violation.createdAt.
   */
  detectedAt: Date;
  responsibleUserId: string | null;
  responsibleDepartmentId: string | null;
}

function keyOf(type: TViolationType, clockStartedAt: Date): string {
  return `${type}|${clockStartedAt.getTime()}`;
}

function chargeTo(kind: TClockKind, who: TResponsibility): { userId: string | null; departmentId: string | null } {
  const coordinating = { userId: who.coordinatorUserId, departmentId: who.coordinatingDepartmentId };
  if (kind === "DRAFT" || kind === "REWORK") {
    // A draft due while the case was never routed is late because of routing, not of a
    // department that had not received it.
    return who.caseDepartmentId === null
      ? coordinating
      : { userId: who.executorUserId, departmentId: who.caseDepartmentId };
  }
  return coordinating;
}

/**
 * The violations that have become due by `now` among `runs` and are not yet in `recorded`. A
 * run is violated when it was still running after its deadline: stopped after it, or not
 * stopped and `now` is past it. Stopping exactly at the deadline meets it.
 */
export function detectViolations(params: {
  runs: readonly TClockRun[];
  now: Date;
  responsibility: TResponsibility;
  recorded: readonly TViolationKey[];
}): TDetectedViolation[] {
  const { runs, now, responsibility, recorded } = params;
  const seen = new Set(recorded.map((v) => keyOf(v.type, v.clockStartedAt)));
  const result: TDetectedViolation[] = [];
  for (const run of runs) {
    const end = run.stoppedAt !== null && run.stoppedAt.getTime() < now.getTime() ? run.stoppedAt : now;
    if (end.getTime() <= run.dueAt.getTime()) continue;
    const type = VIOLATION_OF_CLOCK[run.kind];
    const key = keyOf(type, run.startedAt);
    if (seen.has(key)) continue;
    seen.add(key);
    const charged = chargeTo(run.kind, responsibility);
    result.push({
      type,
      clock: run.kind,
      clockStartedAt: run.startedAt,
      dueAt: run.dueAt,
      detectedAt: run.dueAt,
      responsibleUserId: charged.userId,
      responsibleDepartmentId: charged.departmentId,
    });
  }
  return result.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/** What the Case row (and its drafts) tell about its clocks. */
export interface TCaseClockSnapshot {
  status: TCaseStatus;
  receivedAt: Date;
  sla: TFrozenSla;
  deadlines: TCaseDeadlines;
  /** The FIRST routing: it meets the T0 routing clock; re-routing has its own instance. */
  firstRoutedAt: Date | null;
  /** The first submission of any draft: it meets the draft clock (min AnswerDraft.submittedAt). */
  firstDraftSubmittedAt: Date | null;
  postedAt: Date | null;
  /** When the case was declined or cancelled: every clock stops there. */
  closedAt: Date | null;
}

/**
 * The clock runs of a case as far as its row shows them: the three T0 clocks with what stopped
 * them, and the step clock running now (forward, rework or re-routing). Finished step clocks
 * are not in the row; they were judged at the transition that stopped them.
 */
export function listClockRuns(snapshot: TCaseClockSnapshot): TClockRun[] {
  const { status, receivedAt, sla, deadlines } = snapshot;
  const closed = isTerminalStatus(status);
  const closure = snapshot.postedAt ?? snapshot.closedAt;
  const runs: TClockRun[] = [];

  // A closed case stops every clock at its closure; without a known moment nothing can be
  // charged, so the run is left out rather than guessed.
  const push = (kind: TClockKind, startedAt: Date, dueAt: Date, actionAt: Date | null, pending: boolean) => {
    if (actionAt !== null) runs.push({ kind, startedAt, dueAt, stoppedAt: actionAt });
    else if (closed) {
      if (closure !== null) runs.push({ kind, startedAt, dueAt, stoppedAt: closure });
    } else if (pending) runs.push({ kind, startedAt, dueAt, stoppedAt: null });
  };

  push("ANSWER", receivedAt, deadlines.answerDueAt, snapshot.postedAt, true);
  push("DRAFT", receivedAt, deadlines.draftDueAt, snapshot.firstDraftSubmittedAt, true);
  push("ROUTE", receivedAt, deadlines.routeDueAt, snapshot.firstRoutedAt, status === "NEW");

  if (closed) return runs;
  const due = deadlines.currentDueAt;
  // Back in NEW after a first routing: the executor handed it back, routing runs again.
  if (status === "NEW" && snapshot.firstRoutedAt !== null && due !== null) {
    runs.push({ kind: "ROUTE", startedAt: findClockStart("ROUTE", due, sla), dueAt: due, stoppedAt: null });
  }
  if (status === "INTERNAL_REVIEW" && deadlines.forwardDueAt !== null) {
    const dueAt = deadlines.forwardDueAt;
    runs.push({ kind: "FORWARD", startedAt: findClockStart("FORWARD", dueAt, sla), dueAt, stoppedAt: null });
  }
  if (status === "REWORK" && deadlines.reworkDueAt !== null) {
    const dueAt = deadlines.reworkDueAt;
    runs.push({ kind: "REWORK", startedAt: findClockStart("REWORK", dueAt, sla), dueAt, stoppedAt: null });
  }
  return runs;
}

/** `detectViolations` over `listClockRuns(snapshot)`: the call both the transition and the scan make. */
export function detectCaseViolations(params: {
  snapshot: TCaseClockSnapshot;
  now: Date;
  responsibility: TResponsibility;
  recorded: readonly TViolationKey[];
}): TDetectedViolation[] {
  return detectViolations({
    runs: listClockRuns(params.snapshot),
    now: params.now,
    responsibility: params.responsibility,
    recorded: params.recorded,
  });
}
