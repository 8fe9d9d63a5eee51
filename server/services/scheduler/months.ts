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
): Promise<number> {
  const { prisma, now } = ctx;
  const last = await prisma.monthClosure.findFirst({
    where: { municipalityId: m.id },
    orderBy: { month: "desc" },
    select: { month: true },
  });
  let closed = 0;
  for (const month of findMonthsToClose({ lastClosed: last?.month ?? null, now, timeZone: m.timeZone })) {
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
