import { Prisma } from "../../db/generated/client";
import { shareOf } from "../../domain/analytics/stats";
import type { TMonthlyMetrics, TTrendPoint } from "../../domain/analytics/types";
import { boundsRows, queryAnalytics, type TAnalyticsDb, type TAnalyticsMunicipality } from "./bounds";
import { analyticsCtes, selectFigure } from "./sql";

/** The counts a trend point is made of: they add up across municipalities. */
interface TTrendCounts {
  month: string;
  received: number;
  answerDue: number;
  within: number;
  violations: number;
  firstSubmissions: number;
  approvedAtFirst: number;
}

/**
 * The trend over `months` (the twelve ending at the report's month), per month the counts its
 * four numbers are made of, added up over the municipalities:
 *
 * - a municipality's month with a final snapshot gives the snapshot's counts: the trend shows
 *   what that month's report shows, and a closed month never changes;
 * - the others (the running month, months never closed) are computed in ONE grouped statement
 *   over the CTEs of sql.ts, one bounds row per such month and municipality — the cases in play
 *   are read once per municipality for the whole span — with the same predicates as a month's
 *   own figures, so a point equals the month's headline numbers computed at the same moment.
 *
 * The report takes its own month's and the previous month's points from their figures
 * (trendPointOf), so the chart always agrees with the headline numbers.
 */

/** A month's point on the trend, from its figures. */
export function trendPointOf(m: TMonthlyMetrics): TTrendPoint {
  return {
    month: m.month,
    received: m.volume.received,
    answeredWithin24hShare: m.timeliness.answeredWithin24hShare,
    violations: m.violations.total,
    approvedAtFirstShare: m.quality.approvedAtFirstShare,
  };
}

export async function computeTrend(
  db: TAnalyticsDb,
  municipalities: readonly TAnalyticsMunicipality[],
  months: readonly string[],
  now: Date,
): Promise<TTrendPoint[]> {
  if (months.length === 0) return [];
  const stored = await readSnapshotCounts(
    db,
    municipalities.map((m) => m.id),
    months,
  );
  const have = new Set(stored.map((r) => `${r.municipalityId}|${r.month}`));
  const missing = boundsRows(municipalities, months, now).filter((b) => !have.has(`${b.municipalityId}|${b.month}`));
  const live = missing.length > 0 ? await queryLiveCounts(db, missing) : [];

  const totals = new Map<string, TTrendCounts>(
    months.map((month) => [
      month,
      { month, received: 0, answerDue: 0, within: 0, violations: 0, firstSubmissions: 0, approvedAtFirst: 0 },
    ]),
  );
  for (const row of [...stored, ...live]) {
    const total = totals.get(row.month);
    if (!total) continue;
    total.received += row.received;
    total.answerDue += row.answerDue;
    total.within += row.within;
    total.violations += row.violations;
    total.firstSubmissions += row.firstSubmissions;
    total.approvedAtFirst += row.approvedAtFirst;
  }
  return months.map((month) => {
    const t = totals.get(month) as TTrendCounts;
    return {
      month,
      received: t.received,
      answeredWithin24hShare: shareOf(t.within, t.answerDue),
      violations: t.violations,
      approvedAtFirstShare: shareOf(t.approvedAtFirst, t.firstSubmissions),
    };
  });
}

async function queryLiveCounts(db: TAnalyticsDb, bounds: Parameters<typeof analyticsCtes>[0]): Promise<TTrendCounts[]> {
  const has = (figure: Parameters<typeof selectFigure>[0]) => selectFigure(figure, null).where;
  return queryAnalytics<TTrendCounts>(
    db,
    Prisma.sql`
    WITH ${analyticsCtes(bounds, { drafts: false })}
    SELECT m."month",
      COALESCE(rr.received, 0) AS "received",
      COALESCE(rr."answerDue", 0) AS "answerDue",
      COALESCE(rr.within, 0) AS "within",
      COALESCE(vv.n, 0) AS "violations",
      COALESCE(ff.n, 0) AS "firstSubmissions",
      COALESCE(ff.approved, 0) AS "approvedAtFirst"
    FROM (SELECT DISTINCT "month" FROM b) m
    LEFT JOIN (
      SELECT "month", count(*)::int AS received,
        count(*) FILTER (WHERE ${has("answeredWithin24h")} OR ${has("answeredLate")})::int AS "answerDue",
        count(*) FILTER (WHERE ${has("answeredWithin24h")})::int AS within
      FROM r GROUP BY "month"
    ) rr ON rr."month" = m."month"
    LEFT JOIN (SELECT "month", count(*)::int AS n FROM viol GROUP BY "month") vv ON vv."month" = m."month"
    LEFT JOIN (
      SELECT "month", count(*)::int AS n, count(*) FILTER (WHERE ${has("firstPassApproved")})::int AS approved
      FROM fv GROUP BY "month"
    ) ff ON ff."month" = m."month"
    ORDER BY m."month"`,
  );
}

/** The trend's counts of the final snapshots among `months`, read from the JSON in SQL. */
async function readSnapshotCounts(
  db: TAnalyticsDb,
  municipalityIds: readonly string[],
  months: readonly string[],
): Promise<(TTrendCounts & { municipalityId: string })[]> {
  const rows = await db.$queryRaw<
    {
      municipalityId: string;
      month: string;
      received: number | null;
      answerDue: number | null;
      within: number | null;
      violations: number | null;
      firstSubmissions: number | null;
      approvedAtFirst: number | null;
    }[]
  >`
    SELECT "municipalityId", "month",
      ("data" #>> '{volume,received}')::int AS "received",
      ("data" #>> '{timeliness,answerDue}')::int AS "answerDue",
      ("data" #>> '{timeliness,answeredWithin24h}')::int AS "within",
      ("data" #>> '{violations,total}')::int AS "violations",
      ("data" #>> '{quality,firstSubmissions}')::int AS "firstSubmissions",
      ("data" #>> '{quality,approvedAtFirst}')::int AS "approvedAtFirst"
    FROM "MonthlyReport"
    WHERE "municipalityId" = ANY(${[...municipalityIds]}::text[]) AND "month" = ANY(${[...months]}::text[])
      AND "final"`;
  // A snapshot missing a count (written by an older version) is left to the live computation.
  return rows.flatMap((r) =>
    r.received === null ||
    r.answerDue === null ||
    r.within === null ||
    r.violations === null ||
    r.firstSubmissions === null ||
    r.approvedAtFirst === null
      ? []
      : [
          {
            municipalityId: r.municipalityId,
            month: r.month,
            received: r.received,
            answerDue: r.answerDue,
            within: r.within,
            violations: r.violations,
            firstSubmissions: r.firstSubmissions,
            approvedAtFirst: r.approvedAtFirst,
          },
        ],
  );
}
