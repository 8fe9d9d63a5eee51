import type { TPrismaClient } from "../../db/client";
import type { CaseStatus, Prisma } from "../../db/generated/client";
import { readerScope, type TCaseReader } from "../cases/queries";
import {
  countByStatus,
  presentQueueCase,
  QUEUE_CASE_SELECT,
  URGENCY_ORDER,
  type TQueueCase,
  type TQueueCaseRow,
  type TQueueSection,
} from "./present";
import { suggestRoutingForCases } from "./routing";

/** A new case also carries what its routing suggestion is decided from. */
const NEW_CASE_SELECT = {
  ...QUEUE_CASE_SELECT,
  settlement: true,
  topic: { select: { id: true, name: true, defaultDepartmentId: true } },
  repeatOf: { select: { id: true, number: true, externalId: true, departmentId: true } },
} satisfies Prisma.CaseSelect;

export interface TInboxOptions {
  /** Most cases listed per section; the totals count them all. */
  limit: number;
  /** Cases at the curator, for a coordinator who records the curator's decisions on its behalf. */
  withAtCurator: boolean;
  /** Approved answers waiting to be posted, for those who post them (п.8). */
  withApproved: boolean;
}

/**
 * The coordinator's inbox (п.7, п.8, п.10): what waits on the coordinating department, each
 * section most urgent first. New cases come with a routing suggestion and its reason.
 */
export async function loadInbox(prisma: TPrismaClient, reader: TCaseReader, options: TInboxOptions, now: Date) {
  const scope = readerScope(reader);
  const statuses: CaseStatus[] = [
    "NEW",
    "INTERNAL_REVIEW",
    ...(options.withAtCurator ? (["AT_CURATOR"] as const) : []),
    ...(options.withApproved ? (["APPROVED"] as const) : []),
  ];
  const section = (status: CaseStatus) =>
    prisma.case.findMany({
      where: { AND: [scope, { status }] },
      select: QUEUE_CASE_SELECT,
      orderBy: URGENCY_ORDER,
      take: options.limit,
    });

  const [fresh, review, atCurator, approved, totals] = await Promise.all([
    prisma.case.findMany({
      where: { AND: [scope, { status: "NEW" }] },
      select: NEW_CASE_SELECT,
      orderBy: URGENCY_ORDER,
      take: options.limit,
    }),
    section("INTERNAL_REVIEW"),
    options.withAtCurator ? section("AT_CURATOR") : null,
    options.withApproved ? section("APPROVED") : null,
    countByStatus(prisma, scope, statuses),
  ]);
  const suggestions = await suggestRoutingForCases(prisma, fresh, now);

  const sectionOf = (rows: TQueueCaseRow[], status: CaseStatus): TQueueSection<TQueueCase> => ({
    items: rows.map((row) => presentQueueCase(row, now)),
    total: totals[status],
  });

  return {
    generatedAt: now,
    new: {
      items: fresh.map(({ settlement: _settlement, ...row }) => ({
        ...presentQueueCase(row, now),
        suggestion: suggestions.get(row.id) ?? null,
      })),
      total: totals.NEW,
    },
    review: sectionOf(review, "INTERNAL_REVIEW"),
    atCurator: atCurator && sectionOf(atCurator, "AT_CURATOR"),
    approved: approved && sectionOf(approved, "APPROVED"),
  };
}

export type TInbox = Awaited<ReturnType<typeof loadInbox>>;
