import type { CaseStatus, ClockKind, Prisma } from "../../db/generated/client";
import { VIOLATION_LABELS } from "../../domain/cases/case-types";
import { freezeSla } from "../../domain/cases/clocks";
import { detectCaseViolations, type TDetectedViolation, type TViolationKey } from "../../domain/cases/violations";
import { formatDateTime } from "../../domain/time/zone";
import { notifyRoles, type TRoleNotice } from "./notify";

/**
 * Recording violations (п.12), the one write both paths share: the transition that stops a clock
 * (`transition.ts`, judging the case as it was before the action) and the scheduler's scan of
 * cases nobody touches (`server/services/scheduler/violations.ts`). Inside the caller's
 * transaction it writes each violation that has become due and is not yet recorded, and for
 * each one actually written (another writer may have been first: the unique key decides) a
 * timeline event and a notification to the deputy head, who decides on it.
 */

/** The Case columns the violation rules read (a full Case row has them all). */
export interface TViolationCase {
  id: string;
  municipalityId: string;
  number: number;
  status: CaseStatus;
  receivedAt: Date;
  slaRouteMinutes: number;
  slaDraftMinutes: number;
  slaForwardMinutes: number;
  slaReworkMinutes: number;
  slaAnswerMinutes: number;
  routeDueAt: Date;
  draftDueAt: Date;
  answerDueAt: Date;
  forwardDueAt: Date | null;
  reworkDueAt: Date | null;
  currentClock: ClockKind | null;
  currentDueAt: Date | null;
  routedAt: Date | null;
  postedAt: Date | null;
  closedAt: Date | null;
  departmentId: string | null;
  executorId: string | null;
}

/** A select of exactly those columns plus what `recordDueViolations` needs besides. */
export const VIOLATION_CASE_SELECT = {
  id: true,
  municipalityId: true,
  number: true,
  status: true,
  receivedAt: true,
  slaRouteMinutes: true,
  slaDraftMinutes: true,
  slaForwardMinutes: true,
  slaReworkMinutes: true,
  slaAnswerMinutes: true,
  routeDueAt: true,
  draftDueAt: true,
  answerDueAt: true,
  forwardDueAt: true,
  reworkDueAt: true,
  currentClock: true,
  currentDueAt: true,
  routedAt: true,
  postedAt: true,
  closedAt: true,
  departmentId: true,
  executorId: true,
  /** The first submission stops the draft clock. */
  drafts: {
    where: { submittedAt: { not: null } },
    orderBy: { submittedAt: "asc" },
    take: 1,
    select: { submittedAt: true },
  },
  violations: { select: { type: true, clockStartedAt: true } },
} as const satisfies Prisma.CaseSelect;

/** What the case's row tells about its clocks, as `server/domain/cases/violations.ts` reads it. */
export function clockSnapshotOf(c: TViolationCase, firstDraftSubmittedAt: Date | null) {
  return {
    status: c.status,
    receivedAt: c.receivedAt,
    sla: freezeSla(c),
    deadlines: {
      routeDueAt: c.routeDueAt,
      draftDueAt: c.draftDueAt,
      answerDueAt: c.answerDueAt,
      forwardDueAt: c.forwardDueAt,
      reworkDueAt: c.reworkDueAt,
      currentClock: c.currentClock,
      currentDueAt: c.currentDueAt,
    },
    firstRoutedAt: c.routedAt,
    firstDraftSubmittedAt,
    postedAt: c.postedAt,
    closedAt: c.closedAt,
  };
}

/** The clock rules applied to `c` as it stands: the violations due by `now` and not in `recorded`. */
export function judgeCase(
  c: TViolationCase,
  params: {
    firstDraftSubmittedAt: Date | null;
    coordinatingDepartmentId: string | null;
    recorded: readonly TViolationKey[];
    now: Date;
  },
): TDetectedViolation[] {
  return detectCaseViolations({
    snapshot: clockSnapshotOf(c, params.firstDraftSubmittedAt),
    now: params.now,
    responsibility: {
      coordinatingDepartmentId: params.coordinatingDepartmentId,
      coordinatorUserId: null,
      caseDepartmentId: c.departmentId,
      executorUserId: c.executorId,
    },
    recorded: params.recorded,
  });
}

/** The `data` of a violation's VIOLATION timeline event. */
export function violationEventData(v: TDetectedViolation, violationId: string) {
  return { violationId, violationType: v.type, clock: v.clock, dueAt: v.dueAt.toISOString() };
}

/** The deputy head's notice of a violation written (п.12). */
export function violationNotice(
  c: { id: string; municipalityId: string; number: number },
  v: TDetectedViolation,
  violationId: string,
  timeZone: string,
  now: Date,
): TRoleNotice {
  return {
    municipalityId: c.municipalityId,
    roles: ["DEPUTY_HEAD"],
    caseId: c.id,
    kind: "VIOLATION",
    title: `Нарушен срок по публикации № ${c.number}`,
    body: `${VIOLATION_LABELS[v.type]}: срок истёк ${formatDateTime(v.dueAt, timeZone)}. Рассмотрите нарушение и примите решение (п.12).`,
    dedupe: `violation:${violationId}`,
    now,
  };
}

/**
 * Writes the violations of `c` due by `now` and not in `recorded`; returns those written by this
 * call, earliest deadline first. `coordinatingDepartmentId` may be passed when the caller knows
 * it (the scan, once per municipality); otherwise it is looked up.
 */
export async function recordDueViolations(
  tx: Prisma.TransactionClient,
  params: {
    case: TViolationCase;
    firstDraftSubmittedAt: Date | null;
    recorded: readonly TViolationKey[];
    now: Date;
    coordinatingDepartmentId?: string | null;
  },
): Promise<TDetectedViolation[]> {
  const { case: c, now } = params;
  const coordinatingDepartmentId =
    params.coordinatingDepartmentId !== undefined
      ? params.coordinatingDepartmentId
      : ((
          await tx.department.findFirst({
            where: { municipalityId: c.municipalityId, isCoordinating: true },
            select: { id: true },
          })
        )?.id ?? null);
  const detected = judgeCase(c, {
    firstDraftSubmittedAt: params.firstDraftSubmittedAt,
    coordinatingDepartmentId,
    recorded: params.recorded,
    now,
  });
  if (detected.length === 0) return [];

  const written = await tx.violation.createManyAndReturn({
    data: detected.map((v) => ({
      municipalityId: c.municipalityId,
      caseId: c.id,
      type: v.type,
      clockStartedAt: v.clockStartedAt,
      dueAt: v.dueAt,
      detectedAt: v.detectedAt,
      responsibleUserId: v.responsibleUserId,
      responsibleDepartmentId: v.responsibleDepartmentId,
    })),
    skipDuplicates: true,
    select: { id: true, type: true, clockStartedAt: true },
  });
  if (written.length === 0) return [];

  const idOf = new Map(written.map((w) => [`${w.type}|${w.clockStartedAt.getTime()}`, w.id]));
  const fresh = detected.filter((v) => idOf.has(`${v.type}|${v.clockStartedAt.getTime()}`));
  const municipality = await tx.municipality.findUnique({
    where: { id: c.municipalityId },
    select: { timeZone: true },
  });
  const timeZone = municipality?.timeZone ?? "Europe/Moscow";
  for (const v of fresh) {
    const violationId = idOf.get(`${v.type}|${v.clockStartedAt.getTime()}`) as string;
    // Dated at the deadline, so the timeline places it where it happened, before a late action.
    await tx.caseEvent.create({
      data: {
        caseId: c.id,
        at: v.detectedAt,
        actorId: null,
        type: "VIOLATION",
        comment: VIOLATION_LABELS[v.type],
        data: violationEventData(v, violationId),
      },
    });
    await notifyRoles(tx, violationNotice(c, v, violationId, timeZone, now));
  }
  return fresh;
}
