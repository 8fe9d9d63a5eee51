import type { TPrismaClient } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { evaluationMoment, monthBounds } from "../../domain/analytics/month";
import { SLA_MAX_MINUTES } from "../../domain/settings/sla-settings";
import type { TBoundsRow } from "./sql";

/** What the analysis reads of a municipality. */
export const ANALYTICS_MUNICIPALITY_SELECT = {
  id: true,
  name: true,
  timeZone: true,
  routineWeeklyMinimum: true,
  ratingFormula: true,
  region: { select: { id: true, name: true } },
} as const satisfies Prisma.MunicipalitySelect;

export type TAnalyticsMunicipality = Prisma.MunicipalityGetPayload<{ select: typeof ANALYTICS_MUNICIPALITY_SELECT }>;

/** The client the analysis reads through: the application's, or the month-closing transaction. */
export type TAnalyticsDb = Prisma.TransactionClient;

/**
 * The municipalities (ANALYTICS_MUNICIPALITY_SELECT's fields), by name. One statement with the
 * region joined: the client's `select` of the relation costs a second round trip, and this is
 * the first step of every analysis, before anything else can start.
 */
export async function loadMunicipalities(db: TAnalyticsDb, ids: readonly string[]): Promise<TAnalyticsMunicipality[]> {
  return db.$queryRaw<TAnalyticsMunicipality[]>`
    SELECT m."id", m."name", m."timeZone", m."routineWeeklyMinimum", m."ratingFormula",
      json_build_object('id', r."id", 'name', r."name") AS "region"
    FROM "Municipality" m JOIN "Region" r ON r."id" = m."regionId"
    WHERE m."id" = ANY(${[...ids]}::text[])
    ORDER BY m."name", m."id"`;
}

/**
 * One row per month and municipality: the month's bounds in the municipality's zone, the
 * moment it is judged at (its end, or `now` while it runs) and the earliest start of a clock
 * that can fall due in it.
 */
export function boundsRows(
  municipalities: readonly Pick<TAnalyticsMunicipality, "id" | "timeZone">[],
  months: readonly string[],
  now: Date,
): TBoundsRow[] {
  return months.flatMap((month) => {
    // A region's municipalities share a few zones, and a month's bounds in a zone cost
    // milliseconds of time-zone arithmetic.
    const boundsIn = new Map<string, ReturnType<typeof monthBounds>>();
    return municipalities.map((m) => {
      const zoneBounds = boundsIn.get(m.timeZone) ?? monthBounds(month, m.timeZone);
      boundsIn.set(m.timeZone, zoneBounds);
      const { from, to } = zoneBounds;
      return {
        month,
        municipalityId: m.id,
        from,
        to,
        e: evaluationMoment({ to }, now),
        lb: new Date(from.getTime() - SLA_MAX_MINUTES * 60_000),
      };
    });
  });
}

/** Clients that are an open transaction (the month-closing one): see `queryAnalytics`. */
const transactions = new WeakSet<object>();

/** Marks `tx` as an open transaction, so the analysis runs inside it instead of opening its own. */
export function markTransaction<T extends object>(tx: T): T {
  transactions.add(tx);
  return tx;
}

/** Whether `db` is an open transaction (markTransaction): its one connection takes one statement at a time. */
export function isTransaction(db: object): boolean {
  return transactions.has(db);
}

/**
 * Up to this many rows of `b` (municipality-months), a statement is run as it is, without the
 * transaction that turns JIT off (three round trips more): the planner's estimate grows about
 * linearly with them, ≈ 3 000–4 000 per municipality-month on a region's data, so a few of them
 * stay far below jit_above_cost (100 000 by default) and are never compiled.
 */
const JIT_FREE_BOUNDS_ROWS = 2;

/**
 * Runs an analytics statement with PostgreSQL's JIT compilation off. Over a region the planner
 * estimates these aggregates as expensive and would spend seconds compiling them — far more
 * than executing them takes. `SET LOCAL` needs a transaction: a batch one on the application's
 * client; inside the month-closing transaction (markTransaction) the setting lasts to its end,
 * harmlessly.
 */
export async function queryAnalytics<T>(
  db: TAnalyticsDb,
  statement: Prisma.Sql,
  options: { boundsRows?: number } = {},
): Promise<T[]> {
  if (options.boundsRows !== undefined && options.boundsRows <= JIT_FREE_BOUNDS_ROWS)
    return db.$queryRaw<T[]>(statement);
  if (transactions.has(db)) {
    await db.$executeRaw`SET LOCAL jit = off`;
    return db.$queryRaw<T[]>(statement);
  }
  const [, rows] = await (db as TPrismaClient).$transaction(
    [db.$executeRaw`SET LOCAL jit = off`, db.$queryRaw<T[]>(statement)],
    { maxWait: 10_000, timeout: 120_000 },
  );
  return rows;
}
