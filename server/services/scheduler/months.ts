import type { Prisma } from "../../db/generated/client";
import { findMonthsToClose } from "../../domain/scheduler/months";
import { storeMonthlySnapshot } from "../analytics/snapshot";
import type { TTickContext, TTickMunicipality } from "./context";

/** A month that has just closed for a municipality. */
export interface TMonthClosed {
  municipalityId: string;
  /** "YYYY-MM" in the municipality's zone. */
  month: string;
  timeZone: string;
  /** The tick that closed it. */
  closedAt: Date;
}

/**
 * Work to do when a month closes, in the closing transaction: if it fails, the month stays open
 * and the next tick tries again, so a closed month always has everything its hooks write.
 */
export type TMonthClosedHook = (tx: Prisma.TransactionClient, closed: TMonthClosed) => Promise<void>;

/**
 * What closing a month does besides recording it: the monthly analysis (п.13) stores the
 * month's figures as its final snapshot (server/services/analytics/snapshot.ts).
 */
export const MONTH_CLOSED_HOOKS: readonly TMonthClosedHook[] = [storeMonthlySnapshot];

/**
 * Closes each month that has ended in the municipality's zone since its last closed one, oldest
 * first (the first run only the month just ended). The unique (municipality, month) makes each
 * closure, and its hooks, happen once; a month that fails stops the later ones, so closures
 * never leave a gap behind them.
 */
export async function closeEndedMonths(
  ctx: TTickContext,
  m: TTickMunicipality,
  hooks: readonly TMonthClosedHook[],
  /** The municipality's last closed month when the caller has read it (undefined: read it here). */
  knownLastClosed?: string | null,
): Promise<number> {
  const { prisma, now } = ctx;
  const lastClosed =
    knownLastClosed !== undefined
      ? knownLastClosed
      : ((
          await prisma.monthClosure.findFirst({
            where: { municipalityId: m.id },
            orderBy: { month: "desc" },
            select: { month: true },
          })
        )?.month ?? null);
  let closed = 0;
  for (const month of findMonthsToClose({ lastClosed, now, timeZone: m.timeZone })) {
    const done = await prisma.$transaction(
      async (tx) => {
        const { count } = await tx.monthClosure.createMany({
          data: [{ municipalityId: m.id, month, closedAt: now }],
          skipDuplicates: true,
        });
        if (count === 0) return false;
        for (const hook of hooks) await hook(tx, { municipalityId: m.id, month, timeZone: m.timeZone, closedAt: now });
        return true;
      },
      { maxWait: 10_000, timeout: 5 * 60_000 },
    );
    if (done) closed += 1;
  }
  return closed;
}

/**
 * `closeEndedMonths` for every municipality, with one query for their last closed months: most
 * ticks close nothing anywhere, and then that query is all they cost.
 */
export async function closeEndedMonthsIn(
  ctx: TTickContext,
  municipalities: readonly TTickMunicipality[],
  hooks: readonly TMonthClosedHook[],
  attempt: (m: TTickMunicipality, work: () => Promise<number>) => Promise<number | null>,
): Promise<number> {
  if (municipalities.length === 0) return 0;
  const last = await ctx.prisma.monthClosure.groupBy({
    by: ["municipalityId"],
    where: { municipalityId: { in: municipalities.map((m) => m.id) } },
    _max: { month: true },
  });
  const lastOf = new Map(last.map((l) => [l.municipalityId, l._max.month]));
  let closed = 0;
  for (const m of municipalities) {
    const lastClosed = lastOf.get(m.id) ?? null;
    if (findMonthsToClose({ lastClosed, now: ctx.now, timeZone: m.timeZone }).length === 0) continue;
    closed += (await attempt(m, () => closeEndedMonths(ctx, m, hooks, lastClosed))) ?? 0;
  }
  return closed;
}
