import type { Prisma } from "../../db/generated/client";
import type { TMonthlyMetrics } from "../../domain/analytics/types";
import type { TMonthClosedHook } from "../scheduler/months";
import { markTransaction, type TAnalyticsDb } from "./bounds";
import { computeMonthlyMetrics } from "./metrics";

/**
 * Snapshots (п.13: "computed by the scheduled job when a month closes"): when the scheduler
 * closes a month for a municipality, its figures are computed as of that moment and stored in
 * MonthlyReport with final = true, in the closing transaction. From then on the report of that
 * month reads the snapshot and never changes, whatever is edited later. A final snapshot is
 * never overwritten, so a month closed twice (it cannot be: MonthClosure is unique) or a
 * snapshot stored by someone else first keeps the first figures.
 *
 * Only the closing writes snapshots: a month that ended before the portal began closing months
 * is computed live each time (as of its end, so it is stable too), which lets an import of old
 * publications fill it in.
 */

/** The month-closed hook registered in server/services/scheduler/months.ts. */
export const storeMonthlySnapshot: TMonthClosedHook = async (tx, closed) => {
  const metrics = await computeMonthlyMetrics(
    markTransaction(tx),
    { municipalityIds: [closed.municipalityId], month: closed.month },
    closed.closedAt,
  );
  await saveFinalSnapshot(tx, { ...metrics, final: true }, closed.closedAt);
};

/** Stores a closed month's figures unless a final snapshot is there already. */
export async function saveFinalSnapshot(db: TAnalyticsDb, metrics: TMonthlyMetrics, computedAt: Date): Promise<void> {
  const municipalityId = metrics.municipalityIds[0];
  if (metrics.municipalityIds.length !== 1 || municipalityId === undefined) {
    throw new Error("a snapshot is of one municipality");
  }
  const data = { ...metrics, final: true } as unknown as Prisma.InputJsonValue;
  await db.monthlyReport.createMany({
    data: [{ municipalityId, month: metrics.month, data, computedAt, final: true }],
    skipDuplicates: true,
  });
  // A row left non-final (by nothing in this code base, but possible) is completed once.
  await db.monthlyReport.updateMany({
    where: { municipalityId, month: metrics.month, final: false },
    data: { data, computedAt, final: true },
  });
}

/** The stored final figures of a municipality's month, or null. */
export async function readFinalSnapshot(
  db: TAnalyticsDb,
  municipalityId: string,
  month: string,
): Promise<TMonthlyMetrics | null> {
  const row = await db.monthlyReport.findUnique({
    where: { municipalityId_month: { municipalityId, month } },
    select: { data: true, final: true },
  });
  if (!row?.final || !isMonthlyMetrics(row.data, month)) return null;
  return row.data;
}

function isMonthlyMetrics(data: unknown, month: string): data is TMonthlyMetrics {
  if (typeof data !== "object" || data === null) return false;
  const d = data as Partial<TMonthlyMetrics>;
  return d.month === month && typeof d.volume === "object" && typeof d.timeliness === "object";
}
