import type { TPrismaClient } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { summarizeCompliance, weeksCompliance, type TWeekCompliance } from "../../domain/routine/compliance";
import { isoWeeksOverlapping, lastIsoWeeks, type TIsoWeek } from "../../domain/routine/iso-week";
import { ServiceError } from "../errors";

/**
 * Week-by-week compliance of a municipality's official accounts with the routine-post minimum
 * (п.6), for the register's grid, the monthly analysis and connectors.
 *
 *   const c = await loadRoutineCompliance(prisma, municipalityId, { weeks: 12 }, now);
 *   c.weeks            // TRoutineWeek[], oldest first; the last is the week of `now` (current: true)
 *   c.accounts[i].cells // TWeekCompliance[] aligned with c.weeks: { key, count, status, current }
 *   c.accounts[i].summary // over ended weeks only: { endedWeeks, weeksMet, posts, share }
 *
 * Instead of the last `weeks`, a period may be given: `{ from, to }` takes the ISO weeks that
 * overlap [from, to) (a month's weeks, for the monthly analysis); a week's status is still
 * judged against `now`, so weeks not yet ended are never SHORT.
 *
 * Weeks are ISO weeks on the municipality's clocks (server/domain/routine/iso-week.ts); a post
 * counts in the week its `publishedAt` falls in. Accounts are the active ones, unless
 * `includeInactive`; sorted by network order, then name.
 */

export interface TRoutineWeek extends TIsoWeek {
  current: boolean;
}

export const COMPLIANCE_ACCOUNT_SELECT = {
  id: true,
  name: true,
  url: true,
  active: true,
  ownerKind: true,
  network: { select: { id: true, code: true, name: true } },
  department: { select: { id: true, name: true } },
  responsible: { select: { id: true, fullName: true } },
} satisfies Prisma.SocialAccountSelect;

export type TRoutineAccountCompliance = Prisma.SocialAccountGetPayload<{
  select: typeof COMPLIANCE_ACCOUNT_SELECT;
}> & {
  cells: TWeekCompliance[];
  summary: ReturnType<typeof summarizeCompliance>;
};

export interface TRoutineCompliance {
  municipalityId: string;
  timeZone: string;
  /** Municipality.routineWeeklyMinimum: posts each account must carry per week. */
  minimum: number;
  weeks: TRoutineWeek[];
  accounts: TRoutineAccountCompliance[];
}

export async function loadRoutineCompliance(
  prisma: TPrismaClient,
  municipalityId: string,
  options: ({ weeks: number } | { from: Date; to: Date }) & {
    includeInactive?: boolean;
    accountIds?: readonly string[];
  },
  now: Date,
): Promise<TRoutineCompliance> {
  const municipality = await prisma.municipality.findUnique({
    where: { id: municipalityId },
    select: { timeZone: true, routineWeeklyMinimum: true },
  });
  if (!municipality) throw new ServiceError("NOT_FOUND", "Муниципальное образование не найдено");
  const { timeZone, routineWeeklyMinimum: minimum } = municipality;
  if ("from" in options && options.to.getTime() - options.from.getTime() > 5 * 366 * 24 * 3600_000) {
    throw new ServiceError("BAD_REQUEST", "Период не может быть длиннее пяти лет");
  }
  const window =
    "weeks" in options
      ? lastIsoWeeks(now, timeZone, Math.min(Math.max(1, options.weeks), 260))
      : isoWeeksOverlapping(options.from, options.to, timeZone);
  const weeks = window.map((w) => ({
    ...w,
    current: w.start.getTime() <= now.getTime() && now.getTime() < w.end.getTime(),
  }));
  const first = weeks[0];
  const last = weeks.at(-1);
  const accounts = await prisma.socialAccount.findMany({
    where: {
      municipalityId,
      ...(options.includeInactive ? {} : { active: true }),
      ...(options.accountIds ? { id: { in: [...options.accountIds] } } : {}),
    },
    select: COMPLIANCE_ACCOUNT_SELECT,
    orderBy: [{ network: { sortOrder: "asc" } }, { name: "asc" }, { id: "asc" }],
  });
  const posts =
    first && last && accounts.length > 0
      ? await prisma.routinePost.findMany({
          where: {
            accountId: { in: accounts.map((a) => a.id) },
            publishedAt: { gte: first.start, lt: last.end },
          },
          select: { accountId: true, publishedAt: true },
        })
      : [];
  const byAccount = new Map<string, Date[]>();
  for (const p of posts) {
    const list = byAccount.get(p.accountId) ?? [];
    list.push(p.publishedAt);
    byAccount.set(p.accountId, list);
  }
  return {
    municipalityId,
    timeZone,
    minimum,
    weeks,
    accounts: accounts.map((account) => {
      const cells = weeksCompliance(weeks, byAccount.get(account.id) ?? [], minimum, now);
      return { ...account, cells, summary: summarizeCompliance(cells) };
    }),
  };
}
