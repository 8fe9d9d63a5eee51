import type { TPrismaClient } from "../../db/client";
import {
  indexRoutingHistory,
  ROUTING_HISTORY_DAYS,
  suggestRouting,
  type THandlingTally,
  type TRoutableDepartment,
  type TRoutingSubject,
  type TRoutingSuggestion,
} from "../../domain/cases/routing-suggestion";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Departments a case can be routed to: active, not the coordinating one. */
const ROUTABLE = { active: true, isCoordinating: false } as const;

/**
 * What the routing form offers: the active departments of the person's municipalities, each
 * with its active executors, so the form can also name the executor in the same step.
 */
export async function loadRoutingOptions(prisma: TPrismaClient, municipalityIds: readonly string[]) {
  const departments = await prisma.department.findMany({
    where: { municipalityId: { in: [...municipalityIds] }, ...ROUTABLE },
    select: {
      id: true,
      name: true,
      municipalityId: true,
      users: {
        where: { active: true, roles: { has: "EXECUTOR" } },
        select: { id: true, fullName: true, position: true },
      },
    },
  });
  // Sorted here, not by the database, whose collation may put "ЖКХ" before "дорожного".
  return departments
    .sort((a, b) => a.name.localeCompare(b.name, "ru"))
    .map(({ users, ...d }) => ({ ...d, executors: users.sort((x, y) => x.fullName.localeCompare(y.fullName, "ru")) }));
}

export type TRoutingOptions = Awaited<ReturnType<typeof loadRoutingOptions>>;

interface TGroupRow {
  municipalityId: string;
  departmentId: string | null;
  _count: { _all: number };
  _max: { receivedAt: Date | null };
}

function toTally(row: TGroupRow, key: string | null): THandlingTally[] {
  if (key === null || row.departmentId === null || row._max.receivedAt === null) return [];
  return [
    {
      municipalityId: row.municipalityId,
      key,
      departmentId: row.departmentId,
      count: row._count._all,
      lastReceivedAt: row._max.receivedAt,
    },
  ];
}

/** A new case as the suggestion needs it. */
export interface TRoutingCase extends TRoutingSubject {
  id: string;
}

/**
 * Routing suggestions for a whole section of new cases in three queries, whatever its length:
 * the routable departments, and how often each handled earlier cases of the section's topics
 * and of the municipalities' settlements in the window. The decision is the domain's.
 */
export async function suggestRoutingForCases(
  prisma: TPrismaClient,
  cases: readonly TRoutingCase[],
  now: Date,
): Promise<Map<string, TRoutingSuggestion | null>> {
  const result = new Map<string, TRoutingSuggestion | null>();
  if (cases.length === 0) return result;
  const municipalityIds = [...new Set(cases.map((c) => c.municipalityId))];
  const topicIds = [...new Set(cases.flatMap((c) => (c.topic ? [c.topic.id] : [])))];
  const withSettlement = cases.some((c) => (c.settlement ?? "").trim() !== "");
  // Earlier cases that some department handled: a bounced case has no department any more,
  // and a cancelled one (a duplicate, a removed post) handled no question.
  const handled = {
    municipalityId: { in: municipalityIds },
    departmentId: { not: null },
    status: { not: "CANCELLED" },
    receivedAt: { gte: new Date(now.getTime() - ROUTING_HISTORY_DAYS * DAY_MS), lt: now },
  } as const;

  const [departments, topicTallies, settlementTallies] = await Promise.all([
    prisma.department.findMany({
      where: { municipalityId: { in: municipalityIds }, ...ROUTABLE },
      select: { id: true, municipalityId: true, name: true },
    }),
    topicIds.length > 0
      ? prisma.case.groupBy({
          by: ["municipalityId", "topicId", "departmentId"],
          where: { ...handled, topicId: { in: topicIds } },
          _count: { _all: true },
          _max: { receivedAt: true },
        })
      : Promise.resolve([]),
    withSettlement
      ? prisma.case.groupBy({
          by: ["municipalityId", "settlement", "departmentId"],
          where: { ...handled, settlement: { not: null } },
          _count: { _all: true },
          _max: { receivedAt: true },
        })
      : Promise.resolve([]),
  ]);

  const routable = new Map<string, TRoutableDepartment>(departments.map((d) => [d.id, d]));
  const history = indexRoutingHistory({
    topics: topicTallies.flatMap((r) => toTally(r, r.topicId)),
    settlements: settlementTallies.flatMap((r) => toTally(r, r.settlement)),
  });
  for (const c of cases) result.set(c.id, suggestRouting(c, history, routable));
  return result;
}
