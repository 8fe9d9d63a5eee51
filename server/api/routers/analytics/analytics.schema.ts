import { z } from "zod";
import { ANALYTICS_FIGURES } from "../../../domain/analytics/figures";
import { isMonth } from "../../../domain/analytics/month";
import { ZRatingFormula } from "../../../domain/analytics/rating";
import { CASE_STATUSES } from "../../../domain/cases/case-types";
import { FIGURE_CASES_MAX_LIMIT } from "../../../services/analytics/figure-cases";

const ZId = z.string().min(1).max(64);

export const MONTH_MESSAGE = "Месяц указывается в виде ГГГГ-ММ, например 2026-03";

/** "2026-03": a month in the municipality's zone. */
export const ZAnalyticsMonth = z.string(MONTH_MESSAGE).refine(isMonth, MONTH_MESSAGE);

/** A month and, for a curator, one of its municipalities (none: all of them). */
export const ZAnalyticsInput = z.object({
  month: ZAnalyticsMonth,
  municipalityId: ZId.nullish(),
});
export type TAnalyticsInput = z.infer<typeof ZAnalyticsInput>;

/** The cases behind a figure, a page at a time (`cursor` from the previous page). */
export const ZFigureCasesInput = ZAnalyticsInput.extend({
  figure: z.enum(ANALYTICS_FIGURES, "Неизвестный показатель"),
  key: z.string().max(64, "Слишком длинный ключ показателя").nullish(),
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(FIGURE_CASES_MAX_LIMIT).optional(),
});

export const ZFigureCasesOutput = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      number: z.number().int(),
      municipalityName: z.string(),
      receivedAt: z.date(),
      status: z.enum(CASE_STATUSES),
      networkName: z.string(),
      departmentName: z.string().nullable(),
      excerpt: z.string(),
    }),
  ),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});

export const ZAnalyticsMunicipalities = z.array(
  z.object({ id: z.string(), name: z.string(), timeZone: z.string(), regionName: z.string() }),
);

export const ZRatingFormulaInput = z.object({ municipalityId: ZId.nullish() }).optional();

export const ZRatingFormulaView = z.object({
  municipalityId: z.string(),
  formula: ZRatingFormula,
  isDefault: z.boolean(),
  defaults: ZRatingFormula,
});

/** The formula to store; null returns the municipality to the defaults. */
export const ZRatingFormulaUpdate = z.object({ formula: ZRatingFormula.nullable() });
