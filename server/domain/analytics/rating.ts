import { z } from "zod";
import { roundTo } from "./stats";
import type { TDepartmentMetrics, TMonthlyMetrics, TRating, TRatingComponent } from "./types";

/**
 * The rating self-assessment (п.13, "of the kind the regional ЦУР uses"): a score out of 100
 * for the month, so the district sees its standing before the region scores it. Four
 * components, each worth 0–100 points before weighting:
 *
 * - timeliness — the share answered within 24 h (TMonthlyMetrics.timeliness), × 100;
 * - speed — the median time from receipt to the posted answer: full points at or under
 *   `speed.fullPointsHours`, none at or over `speed.zeroPointsHours`, linear in between
 *   (defaults 8 h and 24 h: at 16 h, 50 points);
 * - quality — the share of first drafts the curator approved as submitted, × 100;
 * - overdue — fewer is better: 100 × (1 − overdue / open) over the cases open at the month's
 *   end; nothing open means nothing overdue, 100 points.
 *
 * The score is the weighted mean of the components that could be measured (a month with no
 * draft judged has no quality component, and its weight is shared among the others), rounded
 * to one decimal; null when none of timeliness, speed and quality could be measured — a month
 * with nothing to judge has no score, not 100.
 *
 * The league table of departments uses the same formula on each department's figures: speed
 * is the median time to the department's first draft (what the department itself controls),
 * and the overdue component is not measured per department.
 *
 * The weights and the speed thresholds are the municipality's (Municipality.ratingFormula);
 * null there means DEFAULT_RATING_FORMULA.
 */

const ZWeight = z.number("Вес укажите числом").min(0, "Вес не может быть отрицательным").max(100, "Вес: не больше 100");

const ZHours = z
  .number("Укажите число часов")
  .min(0, "Часы не могут быть отрицательными")
  .max(168, "Не больше недели (168 часов)");

export const ZRatingFormula = z
  .object({
    weights: z.object({
      timeliness: ZWeight,
      speed: ZWeight,
      quality: ZWeight,
      overdue: ZWeight,
    }),
    speed: z
      .object({
        /** At or under this median the speed component has all 100 points. */
        fullPointsHours: ZHours,
        /** At or over this median it has none. */
        zeroPointsHours: ZHours,
      })
      .refine((s) => s.fullPointsHours < s.zeroPointsHours, {
        message: "Время для полного балла должно быть меньше времени для нуля баллов",
        path: ["zeroPointsHours"],
      }),
  })
  .refine((f) => f.weights.timeliness + f.weights.speed + f.weights.quality + f.weights.overdue > 0, {
    message: "Хотя бы один вес должен быть больше нуля",
    path: ["weights"],
  });

export type TRatingFormula = z.infer<typeof ZRatingFormula>;

export const DEFAULT_RATING_FORMULA = {
  weights: { timeliness: 40, speed: 20, quality: 25, overdue: 15 },
  speed: { fullPointsHours: 8, zeroPointsHours: 24 },
} as const satisfies TRatingFormula;

export type TRatingComponentKey = TRatingComponent["key"];

export const RATING_COMPONENT_LABELS = {
  timeliness: "Своевременность: ответ в течение 24 часов",
  speed: "Оперативность: медиана времени до ответа",
  quality: "Качество: согласовано куратором с первой подачи",
  overdue: "Просроченные на конец месяца (чем меньше, тем лучше)",
} as const satisfies Record<TRatingComponentKey, string>;

const DEPARTMENT_SPEED_LABEL = "Оперативность: медиана времени до проекта ответа";

/**
 * The formula a municipality's stored value stands for: null (never set) means the defaults,
 * and so does a stored value that no longer passes the schema, so a report always has a score.
 */
export function effectiveRatingFormula(stored: unknown): { formula: TRatingFormula; isDefault: boolean } {
  if (stored === null || stored === undefined) return { formula: DEFAULT_RATING_FORMULA, isDefault: true };
  const parsed = ZRatingFormula.safeParse(stored);
  return parsed.success
    ? { formula: parsed.data, isDefault: false }
    : { formula: DEFAULT_RATING_FORMULA, isDefault: true };
}

/** Points (0–100) of a median time in minutes under the formula's thresholds; null for no median. */
export function speedPoints(medianMinutes: number | null, speed: TRatingFormula["speed"]): number | null {
  if (medianMinutes === null) return null;
  const full = speed.fullPointsHours * 60;
  const zero = speed.zeroPointsHours * 60;
  if (medianMinutes <= full) return 100;
  if (medianMinutes >= zero) return 0;
  return (100 * (zero - medianMinutes)) / (zero - full);
}

const sharePoints = (share: number | null) => (share === null ? null : 100 * share);

interface TRatingInput {
  answeredWithin24hShare: number | null;
  medianMinutes: number | null;
  approvedAtFirstShare: number | null;
  /** Open and overdue at the month's end; null when not measured (departments). */
  monthEnd: { open: number; overdue: number } | null;
  speedLabel?: string;
}

function scoreOf(
  input: TRatingInput,
  formula: TRatingFormula,
): { score: number | null; components: TRatingComponent[] } {
  const overdueShare =
    input.monthEnd === null ? null : input.monthEnd.open === 0 ? 0 : input.monthEnd.overdue / input.monthEnd.open;
  const raw: { key: TRatingComponentKey; value: number | null; points: number | null }[] = [
    { key: "timeliness", value: input.answeredWithin24hShare, points: sharePoints(input.answeredWithin24hShare) },
    { key: "speed", value: input.medianMinutes, points: speedPoints(input.medianMinutes, formula.speed) },
    { key: "quality", value: input.approvedAtFirstShare, points: sharePoints(input.approvedAtFirstShare) },
    { key: "overdue", value: overdueShare, points: overdueShare === null ? null : 100 * (1 - overdueShare) },
  ];
  const judged = raw.some((c) => c.key !== "overdue" && c.points !== null);
  let weighted = 0;
  let weights = 0;
  for (const c of raw) {
    const weight = formula.weights[c.key];
    if (c.points === null || weight <= 0) continue;
    weighted += weight * c.points;
    weights += weight;
  }
  const score = judged && weights > 0 ? roundTo(weighted / weights, 1) : null;
  const components = raw.map((c) => ({
    key: c.key,
    label: c.key === "speed" && input.speedLabel ? input.speedLabel : RATING_COMPONENT_LABELS[c.key],
    value: c.value,
    points: roundTo(c.points, 1),
    weight: formula.weights[c.key],
  }));
  return { score, components };
}

function departmentInput(d: TDepartmentMetrics): TRatingInput {
  return {
    answeredWithin24hShare: d.answeredWithin24hShare,
    medianMinutes: d.medianDraftMinutes,
    approvedAtFirstShare: d.approvedAtFirstShare,
    monthEnd: null,
    speedLabel: DEPARTMENT_SPEED_LABEL,
  };
}

/** The month's score and the departments' league table, best first (unscored last, by name). */
export function computeRating(metrics: TMonthlyMetrics, formula: TRatingFormula): TRating {
  const own = scoreOf(
    {
      answeredWithin24hShare: metrics.timeliness.answeredWithin24hShare,
      medianMinutes: metrics.timeliness.timeToAnswer.medianMinutes,
      approvedAtFirstShare: metrics.quality.approvedAtFirstShare,
      monthEnd: metrics.monthEnd,
    },
    formula,
  );
  const departments = metrics.departments
    .map((d) => ({ departmentId: d.departmentId, name: d.name, ...scoreOf(departmentInput(d), formula) }))
    .sort((a, b) => {
      if (a.score !== b.score) {
        if (a.score === null) return 1;
        if (b.score === null) return -1;
        return b.score - a.score;
      }
      return a.name.localeCompare(b.name, "ru");
    });
  return { score: own.score, components: own.components, departments };
}
