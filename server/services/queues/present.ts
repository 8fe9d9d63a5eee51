import type { TPrismaClient } from "../../db/client";
import type { CaseStatus, Prisma } from "../../db/generated/client";
import { CASE_SUMMARY_SELECT, presentCase } from "../cases/queries";

/**
 * What every queue row shows: the case list's summary (presentCase computes the clocks from it)
 * plus the municipality, whose zone the row's times are shown in: a curator's queue spans several.
 */
export const QUEUE_CASE_SELECT = {
  ...CASE_SUMMARY_SELECT,
  municipality: { select: { name: true, timeZone: true } },
} satisfies Prisma.CaseSelect;

export type TQueueCaseRow = Prisma.CaseGetPayload<{ select: typeof QUEUE_CASE_SELECT }>;

/** Most urgent first: the running clock's deadline, then the longest waiting. */
export const URGENCY_ORDER = [
  { currentDueAt: { sort: "asc", nulls: "last" } },
  { receivedAt: "asc" },
  { id: "asc" },
] satisfies Prisma.CaseOrderByWithRelationInput[];

const EXCERPT_LENGTH = 220;

/** One or two lines of a publication: whitespace collapsed, cut at a word with "…". */
export function excerptOf(text: string, length = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/gu, " ").trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > length * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:–—-]+$/u, "")}…`;
}

/** A queue row: the case's summary with its clocks, an excerpt instead of the whole text. */
export function presentQueueCase(row: TQueueCaseRow, now: Date) {
  const { municipality, ...summary } = row;
  const { text, ...presented } = presentCase(summary, now);
  return { ...presented, excerpt: excerptOf(text), municipality };
}

export type TQueueCase = ReturnType<typeof presentQueueCase>;

export interface TQueueSection<T> {
  items: T[];
  /** All cases waiting in the section; `items` holds at most the section's limit of them. */
  total: number;
}

/** How many cases wait in each of `statuses`, in one query. */
export async function countByStatus(
  prisma: TPrismaClient,
  scope: Prisma.CaseWhereInput,
  statuses: readonly CaseStatus[],
): Promise<Record<CaseStatus, number>> {
  const groups = await prisma.case.groupBy({
    by: ["status"],
    where: { AND: [scope, { status: { in: [...statuses] } }] },
    _count: { _all: true },
  });
  const counts = Object.fromEntries(statuses.map((s) => [s, 0])) as Record<CaseStatus, number>;
  for (const g of groups) counts[g.status] = g._count._all;
  return counts;
}
