import type { TSessionUser } from "../../auth/session-user";
import {
  isMonth,
  monthBounds,
  monthsEnding,
  phaseOfMonth,
  previousMonth,
  sameMonthYearAgo,
} from "../../domain/analytics/month";
import {
  computeRating,
  DEFAULT_RATING_FORMULA,
  effectiveRatingFormula,
  type TRatingFormula,
} from "../../domain/analytics/rating";
import type { TAnalyticsReport, TMonthlyMetrics, TTrendPoint } from "../../domain/analytics/types";
import { ServiceError } from "../errors";
import type { TAnalyticsDb } from "./bounds";
import { computeMonthlyMetrics } from "./metrics";
import { assertMonthStarted } from "./month-phase";
import { resolveScope, type TAnalyticsScope } from "./scope";
import { readFinalSnapshot } from "./snapshot";
import { computeTrend, trendPointOf } from "./trend";

export { listFigureCases, type TFigureCases, type TFigureCaseItem, type TFigureCasesInput } from "./figure-cases";

const TREND_MONTHS = 12;

/**
 * The monthly analysis a viewer asked for (the analytics page and the DOCX/XLSX documents):
 *
 * - scope: resolveScope (own municipality; a curator one of its municipalities or all of them);
 * - a month that has not begun is refused (400) with a Russian message;
 * - each month shown (the month, the previous one, the same month a year before) is, for a
 *   single municipality, its final snapshot when the month has been closed, otherwise computed
 *   live — as of its end for a past month, as of `now` for the running one. Months before any
 *   data are computed like any other and show zeros (and null shares): "nothing received" is a
 *   true statement about that month. Several municipalities are always computed live (medians
 *   cannot be added up from snapshots), each as of its month's end;
 * - the trend: the twelve months ending at the month, one grouped statement (trend.ts);
 * - the rating: the domain formula on the month's figures, the municipality's own formula, or the
 *   defaults for several municipalities with different ones;
 * - surges: those whose first publication falls in the month (written by surge detection).
 */
export async function loadAnalyticsReport(
  db: TAnalyticsDb,
  user: TSessionUser,
  input: { month: string; municipalityId?: string | null },
  now: Date,
): Promise<TAnalyticsReport> {
  if (!isMonth(input.month)) throw new ServiceError("BAD_REQUEST", "Укажите месяц в формате ГГГГ-ММ", "month");
  const scope = await resolveScope(db, user, input.municipalityId);
  assertMonthStarted(scope.municipalities, input.month, now);

  // The trend's last two months are the report's own month and the previous one: taken from
  // them, so the chart and the headline agree, and not computed twice.
  const months = monthsEnding(input.month, TREND_MONTHS);
  const own = [input.month, previousMonth(input.month)];
  const [current, previous, yearAgo, rest, surges] = await Promise.all([
    loadMonth(db, scope, input.month, now),
    loadMonth(db, scope, previousMonth(input.month), now),
    loadMonth(db, scope, sameMonthYearAgo(input.month), now),
    computeTrend(
      db,
      scope.municipalities,
      months.filter((m) => !own.includes(m)),
      now,
    ),
    loadSurges(db, scope, input.month),
  ]);
  const points = new Map([...rest, trendPointOf(previous), trendPointOf(current)].map((p) => [p.month, p]));
  const trend = months.map((month) => points.get(month) as TTrendPoint);
  return {
    scope: { municipalityIds: scope.municipalities.map((m) => m.id), title: scope.title, timeZone: scope.timeZone },
    current,
    previous,
    yearAgo,
    trend,
    rating: computeRating(current, formulaOf(scope)),
    surges,
  };
}

/** A month of the scope: the stored snapshot of a closed month of one municipality, or live. */
async function loadMonth(db: TAnalyticsDb, scope: TAnalyticsScope, month: string, now: Date): Promise<TMonthlyMetrics> {
  const only = scope.single ? scope.municipalities[0] : undefined;
  if (only && phaseOfMonth(month, only.timeZone, now) === "PAST") {
    const stored = await readFinalSnapshot(db, only.id, month);
    if (stored) return stored;
  }
  return computeMonthlyMetrics(db, { municipalityIds: scope.municipalities.map((m) => m.id), month }, now);
}

/** The scope's formula: its municipalities' own when they agree, the defaults otherwise. */
function formulaOf(scope: TAnalyticsScope): TRatingFormula {
  const formulas = scope.municipalities.map((m) => effectiveRatingFormula(m.ratingFormula).formula);
  const first = formulas[0];
  if (!first) return DEFAULT_RATING_FORMULA;
  const same = formulas.every((f) => JSON.stringify(f) === JSON.stringify(first));
  return same ? first : DEFAULT_RATING_FORMULA;
}

async function loadSurges(db: TAnalyticsDb, scope: TAnalyticsScope, month: string) {
  const rows = await db.surge.findMany({
    where: {
      OR: scope.municipalities.map((m) => {
        const { from, to } = monthBounds(month, m.timeZone);
        return { municipalityId: m.id, firstCaseAt: { gte: from, lt: to } };
      }),
    },
    orderBy: [{ firstCaseAt: "asc" }, { id: "asc" }],
    select: { id: true, label: true, kind: true, firstCaseAt: true, caseCount: true },
  });
  return rows.map((s) => ({
    id: s.id,
    label: s.label,
    kind: s.kind,
    firstCaseAt: s.firstCaseAt.toISOString(),
    caseCount: s.caseCount,
  }));
}
