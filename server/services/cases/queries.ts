import type { TPrismaClient } from "../../db/client";
import type { CaseStatus, Prisma } from "../../db/generated/client";
import { describeCaseClocks, type TClockState, type TFrozenSla } from "../../domain/cases/clocks";

/** Who is reading: cases are scoped to the municipalities a person may see, executors to their department. */
export interface TCaseReader {
  municipalityIds: readonly string[];
  /** Set for a person who is only an executor: they see their department's cases. */
  onlyDepartmentId?: string | null;
}

export function readerScope(reader: TCaseReader): Prisma.CaseWhereInput {
  return {
    municipalityId: { in: [...reader.municipalityIds] },
    ...(reader.onlyDepartmentId !== undefined ? { departmentId: reader.onlyDepartmentId ?? "-" } : {}),
  };
}

const CASE_SUMMARY_SELECT = {
  id: true,
  number: true,
  municipalityId: true,
  externalId: true,
  status: true,
  source: true,
  postUrl: true,
  authorName: true,
  text: true,
  receivedAt: true,
  publishedAt: true,
  significant: true,
  repeated: true,
  version: true,
  updatedAt: true,
  routeDueAt: true,
  draftDueAt: true,
  answerDueAt: true,
  currentClock: true,
  currentDueAt: true,
  slaRouteMinutes: true,
  slaDraftMinutes: true,
  slaForwardMinutes: true,
  slaReworkMinutes: true,
  slaAnswerMinutes: true,
  postedAt: true,
  postedAnswerUrl: true,
  network: { select: { code: true, name: true } },
  department: { select: { id: true, name: true } },
  executor: { select: { id: true, fullName: true } },
  topic: { select: { id: true, name: true } },
  repeatOf: { select: { id: true, number: true, externalId: true } },
} satisfies Prisma.CaseSelect;

type TCaseRow = Prisma.CaseGetPayload<{ select: typeof CASE_SUMMARY_SELECT }>;

function slaOf(c: TCaseRow): TFrozenSla {
  return {
    slaRouteMinutes: c.slaRouteMinutes,
    slaDraftMinutes: c.slaDraftMinutes,
    slaForwardMinutes: c.slaForwardMinutes,
    slaReworkMinutes: c.slaReworkMinutes,
    slaAnswerMinutes: c.slaAnswerMinutes,
  };
}

/** A case as lists and the API show it: the running clock and the 24 h clock with their states. */
export function presentCase(c: TCaseRow, now: Date) {
  const clocks = describeCaseClocks({ status: c.status, deadlines: c, sla: slaOf(c), now });
  const {
    slaRouteMinutes: _r,
    slaDraftMinutes: _d,
    slaForwardMinutes: _f,
    slaReworkMinutes: _w,
    slaAnswerMinutes: _a,
    ...rest
  } = c;
  return { ...rest, clocks };
}

export type TCaseSummary = ReturnType<typeof presentCase>;

export interface TCaseFilter {
  status?: CaseStatus[];
  departmentId?: string;
  network?: string;
  clockState?: TClockState;
  receivedFrom?: Date;
  receivedTo?: Date;
  updatedSince?: Date;
  text?: string;
  cursor?: string;
  limit?: number;
}

/**
 * A page of cases, most urgent first (the running clock's deadline), with a cursor for the next.
 * The clock state is a function of `now`, so it is filtered through the deadline: overdue is
 * "due before now", the rest is decided per row.
 */
export async function listCases(prisma: TPrismaClient, reader: TCaseReader, filter: TCaseFilter, now: Date) {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
  const text = filter.text?.trim();
  const where: Prisma.CaseWhereInput = {
    AND: [
      readerScope(reader),
      filter.status?.length ? { status: { in: filter.status } } : {},
      filter.departmentId ? { departmentId: filter.departmentId } : {},
      filter.network ? { network: { code: filter.network } } : {},
      filter.receivedFrom ? { receivedAt: { gte: filter.receivedFrom } } : {},
      filter.receivedTo ? { receivedAt: { lt: filter.receivedTo } } : {},
      filter.updatedSince ? { updatedAt: { gte: filter.updatedSince } } : {},
      filter.clockState === "OVERDUE" ? { currentDueAt: { lt: now } } : {},
      filter.clockState && filter.clockState !== "OVERDUE" ? { currentDueAt: { gte: now } } : {},
      text
        ? {
            OR: [
              { text: { contains: text, mode: "insensitive" } },
              { authorName: { contains: text, mode: "insensitive" } },
              { postUrl: { contains: text } },
              { externalId: text },
              ...(/^\d+$/.test(text) ? [{ number: Number(text) }] : []),
            ],
          }
        : {},
    ],
  };
  const rows = await prisma.case.findMany({
    where,
    select: CASE_SUMMARY_SELECT,
    orderBy: [{ currentDueAt: { sort: "asc", nulls: "last" } }, { receivedAt: "desc" }, { id: "asc" }],
    take: limit + 1,
    ...(filter.cursor ? { cursor: { id: filter.cursor }, skip: 1 } : {}),
  });
  let items = rows.slice(0, limit).map((c) => presentCase(c, now));
  if (filter.clockState && filter.clockState !== "OVERDUE") {
    items = items.filter((c) => c.clocks.current?.state === filter.clockState);
  }
  return { items, nextCursor: rows.length > limit ? (rows[limit - 1]?.id ?? null) : null };
}

/** Counts per status for the list's tabs. */
export async function countCasesByStatus(prisma: TPrismaClient, reader: TCaseReader) {
  const groups = await prisma.case.groupBy({ by: ["status"], where: readerScope(reader), _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all])) as Partial<Record<CaseStatus, number>>;
}

/** One case with everything its page shows: timeline, drafts, decisions, violations, repeats. */
export async function getCase(prisma: TPrismaClient, reader: TCaseReader, id: string, now: Date) {
  const c = await prisma.case.findFirst({
    where: { AND: [{ id }, readerScope(reader)] },
    select: {
      ...CASE_SUMMARY_SELECT,
      authorUrl: true,
      address: true,
      settlement: true,
      declineReason: true,
      cancelReason: true,
      routedAt: true,
      approvedAt: true,
      forwardDueAt: true,
      reworkDueAt: true,
      events: {
        orderBy: { at: "asc" },
        select: {
          id: true,
          at: true,
          type: true,
          fromStatus: true,
          toStatus: true,
          comment: true,
          data: true,
          actor: { select: { id: true, fullName: true } },
        },
      },
      drafts: {
        orderBy: { version: "desc" },
        select: {
          id: true,
          version: true,
          kind: true,
          measures: true,
          stages: true,
          refusalReason: true,
          legalReferences: true,
          text: true,
          submittedAt: true,
          author: { select: { fullName: true } },
        },
      },
      reviewDecisions: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          draftId: true,
          stage: true,
          outcome: true,
          comment: true,
          onBehalfOfCurator: true,
          createdAt: true,
          decidedBy: { select: { fullName: true } },
        },
      },
      violations: {
        orderBy: { dueAt: "asc" },
        select: {
          id: true,
          type: true,
          dueAt: true,
          detectedAt: true,
          responsibleUser: { select: { fullName: true } },
          responsibleDepartment: { select: { name: true } },
        },
      },
      repeats: { select: { id: true, number: true, status: true, receivedAt: true } },
      topic: { select: { id: true, name: true, defaultDepartmentId: true } },
      repeatOf: { select: { id: true, number: true, externalId: true, departmentId: true } },
    },
  });
  if (!c) return null;
  return {
    ...c,
    clocks: describeCaseClocks({ status: c.status, deadlines: c, sla: slaOf(c), now }),
    // п.11: a repeated publication goes to the department that handled the earlier one;
    // otherwise the department that usually handles the topic.
    suggestedDepartmentId: c.repeatOf?.departmentId ?? c.topic?.defaultDepartmentId ?? null,
  };
}

export type TCaseDetail = NonNullable<Awaited<ReturnType<typeof getCase>>>;
