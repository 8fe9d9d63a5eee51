import type { TPrismaClient } from "../../db/client";
import type { CaseStatus, Prisma } from "../../db/generated/client";
import { countByStatus, presentQueueCase, QUEUE_CASE_SELECT, URGENCY_ORDER } from "./present";

/** Waiting on the department: a draft to write (п.10, 20 h) or to rework (30 min). */
const TO_DO: CaseStatus[] = ["ASSIGNED", "REWORK"];
/** Out of the department's hands for now, shown for information. */
const WAITING: CaseStatus[] = ["INTERNAL_REVIEW", "AT_CURATOR", "APPROVED"];

const WORK_CASE_SELECT = {
  ...QUEUE_CASE_SELECT,
  // Why the draft came back: the executor has 30 minutes to act on it.
  reviewDecisions: {
    where: { outcome: "RETURNED" },
    orderBy: { createdAt: "desc" },
    take: 1,
    select: {
      stage: true,
      comment: true,
      onBehalfOfCurator: true,
      createdAt: true,
      decidedBy: { select: { fullName: true } },
    },
  },
} satisfies Prisma.CaseSelect;

export interface TWorkReader {
  userId: string;
  municipalityIds: readonly string[];
  /** The executor's department; without one there is nothing to work on. */
  departmentId: string | null;
}

/** The executor's workspace: the department's cases, what to do first on top. */
export async function loadWork(prisma: TPrismaClient, reader: TWorkReader, options: { limit: number }, now: Date) {
  if (reader.departmentId === null) {
    return { generatedAt: now, hasDepartment: false, todo: { items: [], total: 0 }, waiting: { items: [], total: 0 } };
  }
  const scope: Prisma.CaseWhereInput = {
    municipalityId: { in: [...reader.municipalityIds] },
    departmentId: reader.departmentId,
  };
  const list = (statuses: CaseStatus[]) =>
    prisma.case.findMany({
      where: { AND: [scope, { status: { in: statuses } }] },
      select: WORK_CASE_SELECT,
      orderBy: URGENCY_ORDER,
      take: options.limit,
    });
  const [todo, waiting, totals] = await Promise.all([
    list(TO_DO),
    list(WAITING),
    countByStatus(prisma, scope, [...TO_DO, ...WAITING]),
  ]);
  const present = (rows: typeof todo) =>
    rows.map(({ reviewDecisions, ...row }) => ({
      ...presentQueueCase(row, now),
      mine: row.executor?.id === reader.userId,
      lastReturn: row.status === "REWORK" ? (reviewDecisions[0] ?? null) : null,
    }));
  const sum = (statuses: CaseStatus[]) => statuses.reduce((n, s) => n + totals[s], 0);
  return {
    generatedAt: now,
    hasDepartment: true,
    todo: { items: present(todo), total: sum(TO_DO) },
    waiting: { items: present(waiting), total: sum(WAITING) },
  };
}

export type TWork = Awaited<ReturnType<typeof loadWork>>;
