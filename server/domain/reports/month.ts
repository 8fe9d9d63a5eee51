import { formatMonth, isMonth } from "../violations/month";

/**
 * Month keys ("2026-03") as the analysis names them: in titles ("за март 2026 г."), on a
 * chart's axis ("мар 2026") and when stepping the month picker.
 */

const SHORT_NAMES = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"] as const;

/** The month before `month`: "2026-01" → "2025-12" (the analysis' own month arithmetic). */
export { previousMonth } from "../analytics/month";

/** "мар 2026" for a chart's axis; the value itself when it is not a month. */
export function formatShortMonth(month: string): string {
  if (!isMonth(month)) return month;
  const [y, m] = month.split("-").map(Number) as [number, number];
  return `${SHORT_NAMES[m - 1]} ${y}`;
}

/**
 * "март 2026 г." — months are masculine and inanimate, so after "за" the accusative is the
 * nominative: "за март 2026 г.", "за май 2026 г.".
 */
export function formatMonthTitle(month: string): string {
  return isMonth(month) ? `${formatMonth(month)} г.` : month;
}
