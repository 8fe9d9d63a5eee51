import type { TFigure, TMonthlyMetrics } from "../analytics/types";
import { CLOCK_LABELS, CLOCK_KINDS, VIOLATION_LABELS, VIOLATION_TYPES } from "../cases/case-types";

/** What a drill-down list is, as its heading says: "Нарушения по отделу: Отдел ЖКХ". */
export const FIGURE_LABELS = {
  received: "Поступившие публикации",
  byNetwork: "Публикации по социальной сети",
  bySource: "Публикации по источнику",
  byTopic: "Публикации по теме",
  byDepartment: "Публикации по отделу",
  repeated: "Повторные публикации",
  significant: "Социально значимые публикации",
  answeredWithin24h: "Ответ размещён в течение 24 часов",
  answeredLate: "Ответ не размещён в течение 24 часов",
  clockMissed: "Срок этапа не соблюдён",
  firstPassApproved: "Согласованы куратором с первой подачи",
  reworked: "Возвращались на доработку",
  returnsByDepartment: "Возвраты на доработку по отделу",
  violationsByType: "Нарушения сроков",
  violationsByDepartment: "Нарушения сроков по отделу",
  violationsByExecutor: "Нарушения сроков по исполнителю",
  openAtMonthEnd: "Не завершены на конец месяца",
  overdueAtMonthEnd: "С истёкшим сроком на конец месяца",
} as const satisfies Record<TFigure, string>;

export const FIGURES = Object.keys(FIGURE_LABELS) as TFigure[];

export function isFigure(value: string): value is TFigure {
  return (FIGURES as string[]).includes(value);
}

/**
 * The name of a drill-down's key (a network, a department, a clock …) as the month's figures
 * call it; null when the month has no such row (an edited link) or the figure takes no key.
 */
export function figureKeyLabel(metrics: TMonthlyMetrics, figure: TFigure, key: string): string | null {
  const fromRows = (rows: readonly { key: string; label: string }[]) => rows.find((r) => r.key === key)?.label ?? null;
  const department = () =>
    metrics.departments.find((d) => d.departmentId === key)?.name ??
    fromRows(metrics.volume.byDepartment) ??
    fromRows(metrics.violations.byDepartment) ??
    fromRows(metrics.quality.returnsByDepartment);
  switch (figure) {
    case "byNetwork":
      return fromRows(metrics.volume.byNetwork);
    case "bySource":
      return fromRows(metrics.volume.bySource);
    case "byTopic":
      return fromRows(metrics.volume.byTopic);
    case "byDepartment":
    case "returnsByDepartment":
    case "violationsByDepartment":
      return department();
    case "clockMissed":
      return (CLOCK_KINDS as readonly string[]).includes(key) ? CLOCK_LABELS[key as keyof typeof CLOCK_LABELS] : null;
    case "violationsByType":
      return (
        fromRows(metrics.violations.byType) ??
        ((VIOLATION_TYPES as readonly string[]).includes(key)
          ? VIOLATION_LABELS[key as keyof typeof VIOLATION_LABELS]
          : null)
      );
    case "violationsByExecutor":
      return metrics.violations.byExecutor.find((e) => e.userId === key)?.fullName ?? null;
    default:
      // Grouping by department is how the page drills into a department's timeliness and quality.
      return department();
  }
}
