import type { TAnalyticsReport, TFigure, TMonthlyMetrics } from "../analytics/types";
import { describeChange, formatValue, type TBetter, type TChange, type TValueKind } from "./format";
import { formatMonthTitle } from "./month";

/**
 * The headline numbers of the month, the same on the page, in the DOCX summary and on the
 * XLSX summary sheet: each with its value a month and a year before and the change in words.
 */

/** "Анализ работы с публикациями в социальных сетях за март 2026 г.": the documents' title. */
export function reportTitle(month: string): string {
  return `Анализ работы с публикациями в социальных сетях за ${formatMonthTitle(month)}`;
}

export type THeadlineKey =
  | "received"
  | "answeredWithin24hShare"
  | "approvedAtFirstShare"
  | "violations"
  | "openAtMonthEnd"
  | "overdueAtMonthEnd"
  | "routineShare";

interface THeadlineSpec {
  key: THeadlineKey;
  label: string;
  kind: TValueKind;
  better: TBetter;
  /** The drill-down of the figure; null for one that is not a list of cases (routine posts). */
  figure: TFigure | null;
  read: (m: TMonthlyMetrics) => number | null;
}

export const HEADLINE_SPECS: readonly THeadlineSpec[] = [
  {
    key: "received",
    label: "Поступило публикаций",
    kind: "count",
    better: "neither",
    figure: "received",
    read: (m) => m.volume.received,
  },
  {
    key: "answeredWithin24hShare",
    label: "Ответ размещён в течение 24 часов",
    kind: "share",
    better: "up",
    figure: "answeredWithin24h",
    read: (m) => m.timeliness.answeredWithin24hShare,
  },
  {
    key: "approvedAtFirstShare",
    label: "Согласовано куратором с первой подачи",
    kind: "share",
    better: "up",
    figure: "firstPassApproved",
    read: (m) => m.quality.approvedAtFirstShare,
  },
  {
    key: "violations",
    label: "Нарушений сроков",
    kind: "count",
    better: "down",
    figure: "violationsByType",
    read: (m) => m.violations.total,
  },
  {
    key: "openAtMonthEnd",
    label: "Не завершено на конец месяца",
    kind: "count",
    better: "down",
    figure: "openAtMonthEnd",
    read: (m) => m.monthEnd.open,
  },
  {
    key: "overdueAtMonthEnd",
    label: "Из них с истёкшим сроком",
    kind: "count",
    better: "down",
    figure: "overdueAtMonthEnd",
    read: (m) => m.monthEnd.overdue,
  },
  {
    key: "routineShare",
    label: "Недель с нормой плановых публикаций",
    kind: "share",
    better: "up",
    figure: null,
    read: (m) => m.routine.share,
  },
];

export interface THeadline {
  key: THeadlineKey;
  label: string;
  kind: TValueKind;
  figure: TFigure | null;
  current: number | null;
  previous: number | null;
  yearAgo: number | null;
  /** The value as shown: "87,5 %", "42". */
  text: string;
  vsPrevious: TChange;
  vsYearAgo: TChange;
}

export function headlinesOf(report: Pick<TAnalyticsReport, "current" | "previous" | "yearAgo">): THeadline[] {
  return HEADLINE_SPECS.map((spec) => {
    const current = spec.read(report.current);
    const previous = report.previous ? spec.read(report.previous) : null;
    const yearAgo = report.yearAgo ? spec.read(report.yearAgo) : null;
    return {
      key: spec.key,
      label: spec.label,
      kind: spec.kind,
      figure: spec.figure,
      current,
      previous,
      yearAgo,
      text: formatValue(current, spec.kind),
      vsPrevious: describeChange(current, previous, spec.kind, spec.better),
      vsYearAgo: describeChange(current, yearAgo, spec.kind, spec.better),
    };
  });
}

/**
 * The summary as one paragraph a head reads in a minute: the headline numbers with their
 * change against the previous month, in the DOCX report's opening.
 */
export function summarySentences(report: Pick<TAnalyticsReport, "current" | "previous" | "yearAgo">): string[] {
  const h = Object.fromEntries(headlinesOf(report).map((x) => [x.key, x])) as Record<THeadlineKey, THeadline>;
  const change = (x: THeadline) => {
    const parts = [];
    if (x.vsPrevious.direction !== "unknown") parts.push(`к прошлому месяцу: ${x.vsPrevious.text}`);
    if (x.vsYearAgo.direction !== "unknown") parts.push(`к тому же месяцу прошлого года: ${x.vsYearAgo.text}`);
    return parts.length ? ` (${parts.join("; ")})` : "";
  };
  const m = report.current;
  return [
    `Поступило публикаций: ${h.received.text}${change(h.received)}, из них повторных — ${formatValue(m.volume.repeated, "count")}, социально значимых — ${formatValue(m.volume.significant, "count")}.`,
    `Ответ размещён в течение 24 часов: ${h.answeredWithin24hShare.text} (${formatValue(m.timeliness.answeredWithin24h, "count")} из ${formatValue(m.timeliness.answerDue, "count")})${change(h.answeredWithin24hShare)}.`,
    `Согласовано куратором с первой подачи: ${h.approvedAtFirstShare.text} (${formatValue(m.quality.approvedAtFirst, "count")} из ${formatValue(m.quality.firstSubmissions, "count")})${change(h.approvedAtFirstShare)}; возвратов на доработку — ${formatValue(m.quality.reworkRounds, "count")}.`,
    `Нарушений сроков: ${h.violations.text}${change(h.violations)}.`,
    `На конец месяца не завершено: ${h.openAtMonthEnd.text}, из них с истёкшим сроком — ${h.overdueAtMonthEnd.text}.`,
    `Плановые публикации (не реже ${formatValue(m.routine.weeklyMinimum, "count")} в неделю): норма выполнена в ${formatValue(m.routine.weeksMet, "count")} из ${formatValue(m.routine.weeks, "count")} недель (${h.routineShare.text}).`,
  ];
}
