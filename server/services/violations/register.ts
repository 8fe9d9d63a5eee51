import type { TPrismaClient } from "../../db/client";
import type { Prisma, ViolationType } from "../../db/generated/client";
import type { TRole } from "../../domain/auth/roles";
import { CLOCK_LABELS, VIOLATION_LABELS, VIOLATION_TYPES } from "../../domain/cases/case-types";
import { sortDecisionsNewestFirst } from "../../domain/violations/decisions";
import { isAnswerableFor } from "../../domain/violations/explanations";
import {
  CLOCK_OF_VIOLATION,
  findClockStop,
  measureLateness,
  type TStatusEvent,
} from "../../domain/violations/lateness";
import { monthRange } from "../../domain/violations/month";
import { ServiceError } from "../errors";

/**
 * The violations register (п.12): every violation with its case, clock, responsible person and
 * department, how late, the explanation and the deputy head's decisions. Read-only here; the
 * only writes are an explanation and a new decision (actions.ts). Nothing is ever deleted.
 */

/** Who reads the register: the municipalities they may see, and the zone months are counted in. */
export interface TViolationReader {
  municipalityIds: readonly string[];
  timeZone: string;
}

export interface TViolationFilter {
  /** "2026-03": violations whose deadline passed in that month, local time. */
  month?: string;
  departmentId?: string;
  responsibleUserId?: string;
  type?: ViolationType;
}

const VIOLATION_SELECT = {
  id: true,
  municipalityId: true,
  type: true,
  clockStartedAt: true,
  dueAt: true,
  detectedAt: true,
  responsibleUserId: true,
  responsibleDepartmentId: true,
  explanation: true,
  explainedAt: true,
  case: { select: { id: true, number: true } },
  responsibleUser: { select: { id: true, fullName: true, position: true } },
  responsibleDepartment: { select: { id: true, name: true } },
  explainedBy: { select: { id: true, fullName: true } },
  decisions: {
    select: { id: true, kind: true, text: true, createdAt: true, decidedBy: { select: { id: true, fullName: true } } },
  },
} satisfies Prisma.ViolationSelect;

type TViolationRow = Prisma.ViolationGetPayload<{ select: typeof VIOLATION_SELECT }>;

function scopeOf(reader: { municipalityIds: readonly string[] }): Prisma.ViolationWhereInput {
  return { municipalityId: { in: [...reader.municipalityIds] } };
}

function whereOf(reader: TViolationReader, filter: TViolationFilter, withType = true): Prisma.ViolationWhereInput {
  let due: Prisma.ViolationWhereInput = {};
  if (filter.month !== undefined) {
    const range = monthRange(filter.month, reader.timeZone);
    if (!range) throw new ServiceError("BAD_REQUEST", "Месяц указывается в виде ГГГГ-ММ, например 2026-03", "month");
    due = { dueAt: { gte: range.start, lt: range.end } };
  }
  return {
    AND: [
      scopeOf(reader),
      due,
      filter.departmentId ? { responsibleDepartmentId: filter.departmentId } : {},
      filter.responsibleUserId ? { responsibleUserId: filter.responsibleUserId } : {},
      withType && filter.type ? { type: filter.type } : {},
    ],
  };
}

/**
 * When each violation's clock stopped, from its case's status changes (see lateness.ts): one
 * query for the cases of a page, whatever their number of violations.
 */
async function loadClockStops(
  prisma: TPrismaClient,
  rows: readonly TViolationRow[],
): Promise<Map<string, Date | null>> {
  const caseIds = [...new Set(rows.map((r) => r.case.id))];
  const events =
    caseIds.length === 0
      ? []
      : await prisma.caseEvent.findMany({
          where: { caseId: { in: caseIds }, fromStatus: { not: null }, toStatus: { not: null } },
          select: { caseId: true, at: true, fromStatus: true, toStatus: true },
        });
  const byCase = new Map<string, TStatusEvent[]>();
  for (const e of events) {
    const list = byCase.get(e.caseId) ?? [];
    list.push(e);
    byCase.set(e.caseId, list);
  }
  return new Map(rows.map((r) => [r.id, findClockStop(r, byCase.get(r.case.id) ?? [])]));
}

function presentViolation(row: TViolationRow, stoppedAt: Date | null, now: Date) {
  const clock = CLOCK_OF_VIOLATION[row.type];
  return {
    id: row.id,
    type: row.type,
    typeLabel: VIOLATION_LABELS[row.type],
    clock,
    clockLabel: CLOCK_LABELS[clock],
    case: row.case,
    clockStartedAt: row.clockStartedAt,
    dueAt: row.dueAt,
    detectedAt: row.detectedAt,
    lateness: measureLateness({ dueAt: row.dueAt, stoppedAt, now }),
    responsibleUser: row.responsibleUser,
    responsibleDepartment: row.responsibleDepartment,
    explanation:
      row.explanation === null
        ? null
        : { text: row.explanation, at: row.explainedAt, by: row.explainedBy ? row.explainedBy.fullName : null },
    /** Newest first: the first is the decision in force, the rest are kept for the record. */
    decisions: sortDecisionsNewestFirst(row.decisions).map((d) => ({
      id: d.id,
      kind: d.kind,
      text: d.text,
      createdAt: d.createdAt,
      decidedBy: d.decidedBy.fullName,
    })),
  };
}

export type TViolationView = ReturnType<typeof presentViolation>;

async function presentRows(prisma: TPrismaClient, rows: readonly TViolationRow[], now: Date) {
  const stops = await loadClockStops(prisma, rows);
  return rows.map((r) => presentViolation(r, stops.get(r.id) ?? null, now));
}

const ORDER: Prisma.ViolationOrderByWithRelationInput[] = [{ dueAt: "desc" }, { id: "desc" }];

async function pageOf(
  prisma: TPrismaClient,
  where: Prisma.ViolationWhereInput,
  page: { cursor?: string | null; limit?: number },
  now: Date,
) {
  const limit = Math.min(Math.max(page.limit ?? 50, 1), 100);
  // Prisma's cursor is keyset pagination over the order below: (dueAt, id) of the cursor row.
  const rows = await prisma.violation.findMany({
    where,
    select: VIOLATION_SELECT,
    orderBy: ORDER,
    take: limit + 1,
    ...(page.cursor ? { cursor: { id: page.cursor }, skip: 1 } : {}),
  });
  const items = await presentRows(prisma, rows.slice(0, limit), now);
  return { items, nextCursor: rows.length > limit ? (rows[limit - 1]?.id ?? null) : null };
}

export type TViolationCounts = { total: number; byType: Record<ViolationType, number> };

/**
 * How many violations each kind has under the other filters (the kind selector shows them),
 * and how many the whole filter matches.
 */
async function countByType(
  prisma: TPrismaClient,
  reader: TViolationReader,
  filter: TViolationFilter,
): Promise<TViolationCounts> {
  const groups = await prisma.violation.groupBy({
    by: ["type"],
    where: whereOf(reader, filter, false),
    _count: { _all: true },
  });
  const byType = Object.fromEntries(VIOLATION_TYPES.map((t) => [t, 0])) as Record<ViolationType, number>;
  for (const g of groups) byType[g.type] = g._count._all;
  const total = filter.type ? byType[filter.type] : Object.values(byType).reduce((a, b) => a + b, 0);
  return { total, byType };
}

/** A page of the register, newest deadline first, with the counts of the filtered set. */
export async function listViolations(
  prisma: TPrismaClient,
  reader: TViolationReader,
  filter: TViolationFilter & { cursor?: string | null; limit?: number },
  now: Date,
) {
  const where = whereOf(reader, filter);
  const [page, counts] = await Promise.all([pageOf(prisma, where, filter, now), countByType(prisma, reader, filter)]);
  return { ...page, counts };
}

/**
 * What the register can be filtered by: the municipality's departments (abolished ones too, their
 * violations stay) and the people any violation is charged to (also those who have left).
 */
export async function listViolationFilterOptions(prisma: TPrismaClient, reader: TViolationReader) {
  const [departments, people] = await Promise.all([
    prisma.department.findMany({
      where: { municipalityId: { in: [...reader.municipalityIds] } },
      select: { id: true, name: true, active: true },
      orderBy: [{ active: "desc" }, { name: "asc" }],
    }),
    prisma.user.findMany({
      where: { violations: { some: scopeOf(reader) } },
      select: { id: true, fullName: true, active: true },
      orderBy: [{ fullName: "asc" }, { id: "asc" }],
    }),
  ]);
  return { departments, people };
}

/** The largest register a single XLSX holds; a bigger one is narrowed with the filters. */
export const EXPORT_MAX_ROWS = 10_000;

/** Every violation the filter matches, for the XLSX export, in the register's order. */
export async function listViolationsForExport(
  prisma: TPrismaClient,
  reader: TViolationReader,
  filter: TViolationFilter,
  now: Date,
): Promise<TViolationView[]> {
  const where = whereOf(reader, filter);
  const count = await prisma.violation.count({ where });
  if (count > EXPORT_MAX_ROWS) {
    throw new ServiceError(
      "BAD_REQUEST",
      `В выгрузку попадает ${count} нарушений, больше ${EXPORT_MAX_ROWS}: выберите месяц, отдел или вид нарушения`,
    );
  }
  const rows = await prisma.violation.findMany({ where, select: VIOLATION_SELECT, orderBy: ORDER });
  return presentRows(prisma, rows, now);
}

/** A person who may explain violations: the ones charged to them or to their department. */
export interface TViolationExplainer {
  userId: string;
  roles: readonly TRole[];
  departmentId: string | null;
  municipalityIds: readonly string[];
}

function answerableWhere(person: TViolationExplainer): Prisma.ViolationWhereInput {
  return {
    AND: [
      scopeOf(person),
      {
        OR: [
          { responsibleUserId: person.userId },
          // Charged to the department with nobody named: anyone of it may explain (explanations.ts).
          ...(person.departmentId ? [{ responsibleUserId: null, responsibleDepartmentId: person.departmentId }] : []),
        ],
      },
    ],
  };
}

/**
 * "My violations": charged to me, or to my department with nobody named; each says whether I
 * may still explain it. Newest deadline first, with how many await an explanation.
 */
export async function listMyViolations(
  prisma: TPrismaClient,
  person: TViolationExplainer,
  page: { cursor?: string | null; limit?: number },
  now: Date,
) {
  const where = answerableWhere(person);
  const [result, unexplained] = await Promise.all([
    pageOf(prisma, where, page, now),
    prisma.violation.count({ where: { AND: [where, { explanation: null }] } }),
  ]);
  const me = { id: person.userId, departmentId: person.departmentId, roles: person.roles };
  return {
    ...result,
    items: result.items.map((v) => ({
      ...v,
      canExplain:
        v.explanation === null &&
        isAnswerableFor(
          {
            responsibleUserId: v.responsibleUser?.id ?? null,
            responsibleDepartmentId: v.responsibleDepartment?.id ?? null,
          },
          me,
        ),
    })),
    unexplained,
  };
}
