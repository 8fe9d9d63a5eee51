import type { TPrismaClient } from "../../db/client";
import type { CaseStatus, Prisma } from "../../db/generated/client";
import { describeCaseClocks, freezeSla, type TClockState } from "../../domain/cases/clocks";
import { readEventData } from "../../domain/cases/timeline";
import { EVIDENCE_KINDS } from "../attachments/link";
import { ATTACHMENT_SELECT, presentAttachment } from "../attachments/present";
import { firstCasePage, servesFirstPage } from "./list-page";

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

export const CASE_SUMMARY_SELECT = {
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

/** A case as lists and the API show it: the running clock and the 24 h clock with their states. */
export function presentCase(c: TCaseRow, now: Date) {
  const clocks = describeCaseClocks({ status: c.status, deadlines: c, sla: freezeSla(c), now });
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
  const rows: TCaseRow[] = servesFirstPage(filter, text)
    ? await firstCasePage(prisma, reader, filter, text, limit + 1, now)
    : await prisma.case.findMany({
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

export interface TGetCaseOptions {
  /**
   * The department whose executor is reading, when they hold `case.draft`. The working draft
   * (unsubmitted text) and the evidence not yet sent with a version are shown only when it is
   * the case's department: reviewers and curators see submitted versions only.
   */
  drafterDepartmentId?: string | null;
}

/**
 * One case with everything its page shows: timeline, submitted drafts, decisions, attachments,
 * violations, repeats in both directions, the names the timeline refers to.
 */
export async function getCase(
  prisma: TPrismaClient,
  reader: TCaseReader,
  id: string,
  now: Date,
  options: TGetCaseOptions = {},
) {
  const c = await prisma.case.findFirst({
    where: { AND: [{ id }, readerScope(reader)] },
    select: {
      ...CASE_SUMMARY_SELECT,
      network: { select: { code: true, name: true, maxAnswerLength: true } },
      municipality: { select: { id: true, name: true, timeZone: true } },
      authorUrl: true,
      address: true,
      settlement: true,
      declineReason: true,
      cancelReason: true,
      routedAt: true,
      approvedAt: true,
      closedAt: true,
      forwardDueAt: true,
      reworkDueAt: true,
      createdBy: { select: { id: true, fullName: true } },
      postedBy: { select: { id: true, fullName: true } },
      events: {
        orderBy: [{ at: "asc" }, { id: "asc" }],
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
          createdAt: true,
          author: { select: { id: true, fullName: true } },
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
      attachments: { select: ATTACHMENT_SELECT, orderBy: { createdAt: "asc" } },
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
      repeats: {
        select: { id: true, number: true, status: true, receivedAt: true },
        orderBy: { receivedAt: "asc" },
      },
      topic: { select: { id: true, name: true, defaultDepartmentId: true } },
      repeatOf: { select: { id: true, number: true, externalId: true, departmentId: true, status: true } },
    },
  });
  if (!c) return null;

  const { drafts, attachments, events, ...rest } = c;
  const drafter = options.drafterDepartmentId != null && options.drafterDepartmentId === c.department?.id;
  const submitted = drafts.filter((d) => d.submittedAt !== null);
  const working = drafts.find((d) => d.submittedAt === null) ?? null;

  // The timeline names departments and executors by id (they may have been renamed or left
  // since): resolve them in one round trip.
  const timeline = events.map((e) => ({ ...e, details: readEventData(e.data) }));
  const departmentIds = [...new Set(timeline.flatMap((e) => e.details.departmentId ?? []))];
  const userIds = [...new Set(timeline.flatMap((e) => e.details.executorId ?? []))];
  const [departments, users] = await Promise.all([
    departmentIds.length
      ? prisma.department.findMany({ where: { id: { in: departmentIds } }, select: { id: true, name: true } })
      : [],
    userIds.length
      ? prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, fullName: true } })
      : [],
  ]);
  const departmentName = new Map(departments.map((d) => [d.id, d.name]));
  const userName = new Map(users.map((u) => [u.id, u.fullName]));
  const versionOf = new Map(submitted.map((d) => [d.id, d.version]));

  return {
    ...rest,
    clocks: describeCaseClocks({ status: c.status, deadlines: c, sla: freezeSla(c), now }),
    // п.11: a repeated publication goes to the department that handled the earlier one;
    // otherwise the department that usually handles the topic.
    suggestedDepartmentId: c.repeatOf?.departmentId ?? c.topic?.defaultDepartmentId ?? null,
    drafts: submitted,
    workingDraft: drafter ? working : null,
    attachments: attachments
      // Unsent evidence is the drafting department's own, like its working draft.
      .filter(
        (a) =>
          a.draftId !== null || !isEvidenceKind(a.kind) || (drafter && a.uploadedBy.departmentId === c.department?.id),
      )
      .map(presentAttachment),
    events: timeline.map(({ data: _data, details, ...e }) => ({
      ...e,
      details: {
        ...details,
        departmentName: details.departmentId ? (departmentName.get(details.departmentId) ?? null) : null,
        executorName: details.executorId ? (userName.get(details.executorId) ?? null) : null,
        draftVersion: details.draftId ? (versionOf.get(details.draftId) ?? null) : null,
      },
    })),
  };
}

function isEvidenceKind(kind: string): boolean {
  return (EVIDENCE_KINDS as readonly string[]).includes(kind);
}

export type TCaseDetail = NonNullable<Awaited<ReturnType<typeof getCase>>>;
