import { accountLabel } from "../../domain/analytics/labels";
import { weeksOfMonth } from "../../domain/analytics/month";
import { shareOf } from "../../domain/analytics/stats";
import type { TAccountRoutine, TMonthlyMetrics } from "../../domain/analytics/types";
import type { TAnalyticsDb, TAnalyticsMunicipality } from "./bounds";

/**
 * Routine posting compliance (п.6: each official account carries routine news at least
 * `Municipality.routineWeeklyMinimum` times a week) for a month:
 *
 * - the weeks judged are the ISO weeks (Monday 00:00 to the next Monday 00:00 in the
 *   municipality's zone) whose Sunday lies in the month — that end within it — and have ended
 *   by `now` (weeksOfMonth): every week belongs to one month, a week still running is not
 *   judged, and a closed month's snapshot already holds all of its weeks;
 * - the accounts are the municipality's active official accounts, each judged on the weeks that
 *   ended after it was registered;
 * - an account-week is met when the account has at least the minimum of routine posts
 *   published within it (RoutinePost.publishedAt in [Monday, next Monday)).
 *
 * One statement: the weeks come in as arrays, the posts are counted per account and week
 * through the (accountId, publishedAt) index: a count(*) per account-week (LATERAL) is an
 * index-only scan, where a joined count(post id) fetched every post's row.
 */
export async function computeRoutine(
  db: TAnalyticsDb,
  municipalities: readonly TAnalyticsMunicipality[],
  month: string,
  now: Date,
): Promise<TMonthlyMetrics["routine"]> {
  // Once per zone: a region's municipalities share a few, and each costs milliseconds.
  const weeksIn = new Map<string, ReturnType<typeof weeksOfMonth>>();
  const weeks = municipalities.flatMap((m) => {
    const zoneWeeks = weeksIn.get(m.timeZone) ?? weeksOfMonth(month, m.timeZone, now);
    weeksIn.set(m.timeZone, zoneWeeks);
    return zoneWeeks.map((w) => ({ municipalityId: m.id, start: w.start, end: w.end }));
  });
  const minimumOf = new Map(municipalities.map((m) => [m.id, m.routineWeeklyMinimum]));
  const weeklyMinimum = municipalities[0]?.routineWeeklyMinimum ?? 2;
  if (weeks.length === 0) return { weeklyMinimum, accounts: [], weeks: 0, weeksMet: 0, share: null };

  const rows = await db.$queryRaw<
    { id: string; name: string; network: string; municipalityId: string; posts: number }[]
  >`
    WITH w AS (
      SELECT * FROM unnest(
        ${weeks.map((w) => w.municipalityId)}::text[],
        ${weeks.map((w) => w.start.toISOString())}::text[]::timestamp(3)[],
        ${weeks.map((w) => w.end.toISOString())}::text[]::timestamp(3)[]
      ) AS w(mid, "start", "end")
    )
    SELECT a."id", a."name", n."name" AS "network", a."municipalityId", rp."posts"
    FROM "SocialAccount" a
    JOIN "SocialNetwork" n ON n."id" = a."networkId"
    JOIN w ON w.mid = a."municipalityId" AND a."createdAt" < w."end"
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS "posts" FROM "RoutinePost" x
      WHERE x."accountId" = a."id" AND x."publishedAt" >= w."start" AND x."publishedAt" < w."end"
    ) rp
    WHERE a."active"
    ORDER BY a."name", a."id", w."start"`;

  const accounts = new Map<string, TAccountRoutine>();
  for (const row of rows) {
    const account = accounts.get(row.id) ?? {
      accountId: row.id,
      label: accountLabel(row.name, row.network),
      weeks: 0,
      weeksMet: 0,
      posts: 0,
    };
    account.weeks += 1;
    account.posts += row.posts;
    if (row.posts >= (minimumOf.get(row.municipalityId) ?? weeklyMinimum)) account.weeksMet += 1;
    accounts.set(row.id, account);
  }
  const list = [...accounts.values()];
  const total = list.reduce((n, a) => n + a.weeks, 0);
  const met = list.reduce((n, a) => n + a.weeksMet, 0);
  return { weeklyMinimum, accounts: list, weeks: total, weeksMet: met, share: shareOf(met, total) };
}
