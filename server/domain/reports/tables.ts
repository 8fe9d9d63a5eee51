import type { TAnalyticsReport, TRatingComponent } from "../analytics/types";
import { CLOCK_LABELS } from "../cases/case-types";
import { localDayOf } from "../time/local-day";
import { formatDateTime } from "../time/zone";
import { formatMonth } from "../violations/month";
import { describeChange, type TValueKind } from "./format";
import { headlinesOf } from "./headline";
import { formatShortMonth } from "./month";

/**
 * The report's tables, once, for both documents: the DOCX writes each as a Word table with
 * the numbers formatted, the XLSX puts each on its own sheet with the numbers as numbers (a
 * share as a fraction with a percent format, a duration as a time). A cell knows what its
 * number is, because the summary mixes counts, shares and durations in one column.
 */

export type TCellKind = TValueKind | "text";

export interface TCell {
  value: string | number | null;
  kind: TCellKind;
}

export interface TColumn {
  header: string;
  /** Column width in characters (Excel's unit; the DOCX scales it). */
  width: number;
}

export interface TReportTable {
  /** Sheet name (≤ 31 characters, no []:*?/\) and the DOCX heading's short form. */
  sheet: string;
  title: string;
  columns: TColumn[];
  rows: TCell[][];
}

const text = (value: string | null): TCell => ({ value, kind: "text" });
const count = (value: number | null): TCell => ({ value, kind: "count" });
const share = (value: number | null): TCell => ({ value, kind: "share" });
const minutes = (value: number | null): TCell => ({ value, kind: "minutes" });
const score = (value: number | null): TCell => ({ value, kind: "score" });

/** "01.03.2026 – 31.03.2026": the month's local days, the end exclusive bound shown as its last day. */
export function formatPeriod(from: string, to: string, timeZone: string): string {
  const day = (d: string) => d.split("-").reverse().join(".");
  const last = new Date(new Date(to).getTime() - 1);
  return `${day(localDayOf(new Date(from), timeZone))} – ${day(localDayOf(last, timeZone))}`;
}

/** "окончательные (месяц закрыт)" or "предварительные, на 20.03.2026, 12:00". */
export function describeDataState(report: TAnalyticsReport): string {
  const m = report.current;
  return m.final
    ? "окончательные (месяц закрыт)"
    : `предварительные, на ${formatDateTime(new Date(m.computedAt), report.scope.timeZone)}`;
}

/**
 * Each component's weight as a share of all the weights: the formula may be stored as
 * fractions (0.4) or points (40); the reader wants "40 %".
 */
export function weightShares(components: readonly TRatingComponent[]): number[] {
  const total = components.reduce((sum, c) => sum + Math.max(0, c.weight), 0);
  return components.map((c) => (total > 0 ? Math.max(0, c.weight) / total : 0));
}

/** A rating component's measured value: speed in minutes, the rest shares. */
export function ratingValueKind(component: Pick<TRatingComponent, "key">): TValueKind {
  return component.key === "speed" ? "minutes" : "share";
}

export function summaryTable(report: TAnalyticsReport): TReportTable {
  const m = report.current;
  const headlines = headlinesOf(report);
  const rows: TCell[][] = [
    [text("Муниципальное образование"), text(report.scope.title), text(null), text(null), text(null), text(null)],
    [
      text("Период"),
      text(`${formatMonth(m.month)} (${formatPeriod(m.from, m.to, report.scope.timeZone)})`),
      text(null),
      text(null),
      text(null),
      text(null),
    ],
    [text("Данные"), text(describeDataState(report)), text(null), text(null), text(null), text(null)],
  ];
  for (const h of headlines) {
    rows.push([
      text(h.label),
      { value: h.current, kind: h.kind },
      { value: h.previous, kind: h.kind },
      text(h.vsPrevious.text),
      { value: h.yearAgo, kind: h.kind },
      text(h.vsYearAgo.text),
    ]);
  }
  const extra: [string, number | null, (x: TAnalyticsReport["current"]) => number | null, TValueKind][] = [
    ["Повторные публикации", m.volume.repeated, (x) => x.volume.repeated, "count"],
    ["Социально значимые публикации", m.volume.significant, (x) => x.volume.significant, "count"],
    ["Возвратов на доработку", m.quality.reworkRounds, (x) => x.quality.reworkRounds, "count"],
    [
      "Медиана времени до направления в отдел",
      m.timeliness.timeToRoute.medianMinutes,
      (x) => x.timeliness.timeToRoute.medianMinutes,
      "minutes",
    ],
    [
      "Медиана времени до проекта ответа",
      m.timeliness.timeToDraft.medianMinutes,
      (x) => x.timeliness.timeToDraft.medianMinutes,
      "minutes",
    ],
    [
      "Медиана времени до размещения ответа",
      m.timeliness.timeToAnswer.medianMinutes,
      (x) => x.timeliness.timeToAnswer.medianMinutes,
      "minutes",
    ],
    ["Рейтинг (самооценка), баллов из 100", report.rating.score, () => null, "score"],
  ];
  for (const [label, value, read, kind] of extra) {
    const previous = report.previous ? read(report.previous) : null;
    const yearAgo = report.yearAgo ? read(report.yearAgo) : null;
    // Lower is better for durations and the rest are neither; the words carry the sign.
    const better = kind === "minutes" ? "down" : "neither";
    rows.push([
      text(label),
      { value, kind },
      { value: previous, kind },
      text(describeChange(value, previous, kind, better).text),
      { value: yearAgo, kind },
      text(describeChange(value, yearAgo, kind, better).text),
    ]);
  }
  return {
    sheet: "Сводка",
    title: "Основные показатели",
    columns: [
      { header: "Показатель", width: 44 },
      { header: "Значение", width: 22 },
      { header: "Прошлый месяц", width: 16 },
      { header: "Изменение к прошлому месяцу", width: 22 },
      { header: "Год назад", width: 14 },
      { header: "Изменение к году назад", width: 22 },
    ],
    rows,
  };
}

export function departmentsTable(report: TAnalyticsReport): TReportTable {
  return {
    sheet: "Отделы",
    title: "Работа отделов",
    columns: [
      { header: "Отдел", width: 40 },
      { header: "Поступило", width: 11 },
      { header: "Ответ в срок 24 ч", width: 13 },
      { header: "Срок 24 ч истёк или ответ размещён", width: 16 },
      { header: "Доля в срок", width: 12 },
      { header: "Согласовано с первой подачи", width: 15 },
      { header: "Подано впервые", width: 12 },
      { header: "Доля с первой подачи", width: 13 },
      { header: "Возвратов", width: 11 },
      { header: "Нарушений", width: 11 },
      { header: "Медиана подготовки проекта", width: 14 },
    ],
    rows: report.current.departments.map((d) => [
      text(d.name),
      count(d.received),
      count(d.answeredWithin24h),
      count(d.answerDue),
      share(d.answeredWithin24hShare),
      count(d.approvedAtFirst),
      count(d.firstSubmissions),
      share(d.approvedAtFirstShare),
      count(d.returns),
      count(d.violations),
      minutes(d.medianDraftMinutes),
    ]),
  };
}

function countRowsTable(
  sheet: string,
  title: string,
  header: string,
  rows: readonly { label: string; count: number }[],
  total: number,
): TReportTable {
  return {
    sheet,
    title,
    columns: [
      { header, width: 44 },
      { header: "Количество", width: 12 },
      { header: "Доля", width: 10 },
    ],
    rows: rows.map((r) => [text(r.label), count(r.count), share(total > 0 ? r.count / total : null)]),
  };
}

export function networksTable(report: TAnalyticsReport): TReportTable {
  const v = report.current.volume;
  return countRowsTable("Сети", "Публикации по социальным сетям", "Социальная сеть", v.byNetwork, v.received);
}

export function sourcesTable(report: TAnalyticsReport): TReportTable {
  const v = report.current.volume;
  return countRowsTable("Источники", "Публикации по источникам", "Источник", v.bySource, v.received);
}

export function topicsTable(report: TAnalyticsReport): TReportTable {
  const v = report.current.volume;
  return countRowsTable("Темы", "Публикации по темам", "Тема", v.byTopic, v.received);
}

export function clocksTable(report: TAnalyticsReport): TReportTable {
  return {
    sheet: "Сроки",
    title: "Соблюдение сроков Регламента по этапам",
    columns: [
      { header: "Этап", width: 34 },
      { header: "Сроков наступило", width: 14 },
      { header: "Соблюдено", width: 12 },
      { header: "Доля соблюдённых", width: 14 },
    ],
    rows: report.current.timeliness.clocks.map((c) => [
      text(CLOCK_LABELS[c.clock]),
      count(c.due),
      count(c.met),
      share(c.share),
    ]),
  };
}

export function durationsTable(report: TAnalyticsReport): TReportTable {
  const t = report.current.timeliness;
  const row = (label: string, s: typeof t.timeToRoute) => [
    text(label),
    count(s.count),
    minutes(s.medianMinutes),
    minutes(s.p90Minutes),
  ];
  return {
    sheet: "Время обработки",
    title: "Время обработки публикаций",
    columns: [
      { header: "От поступления до", width: 34 },
      { header: "Публикаций", width: 12 },
      { header: "Медиана", width: 12 },
      { header: "90-й процентиль", width: 14 },
    ],
    rows: [
      row("направления в отдел", t.timeToRoute),
      row("проекта ответа", t.timeToDraft),
      row("размещения ответа", t.timeToAnswer),
    ],
  };
}

export function violationsByTypeTable(report: TAnalyticsReport): TReportTable {
  const v = report.current.violations;
  return countRowsTable("Нарушения", "Нарушения сроков по видам", "Вид нарушения", v.byType, v.total);
}

export function violationsByDepartmentTable(report: TAnalyticsReport): TReportTable {
  const v = report.current.violations;
  return countRowsTable("Нарушения по отделам", "Нарушения сроков по отделам", "Отдел", v.byDepartment, v.total);
}

export function executorsTable(report: TAnalyticsReport): TReportTable {
  return {
    sheet: "Исполнители",
    title: "Нарушения сроков по исполнителям",
    columns: [
      { header: "Сотрудник", width: 36 },
      { header: "Отдел", width: 36 },
      { header: "Нарушений", width: 12 },
    ],
    rows: report.current.violations.byExecutor.map((e) => [text(e.fullName), text(e.departmentName), count(e.count)]),
  };
}

export function routineTable(report: TAnalyticsReport): TReportTable {
  const r = report.current.routine;
  return {
    sheet: "Плановые публикации",
    title: `Плановые публикации на официальных аккаунтах (не реже ${r.weeklyMinimum} в неделю)`,
    columns: [
      { header: "Аккаунт", width: 48 },
      { header: "Публикаций", width: 12 },
      { header: "Недель", width: 10 },
      { header: "Недель с нормой", width: 14 },
      { header: "Доля недель с нормой", width: 14 },
    ],
    rows: [
      ...r.accounts.map((a) => [
        text(a.label),
        count(a.posts),
        count(a.weeks),
        count(a.weeksMet),
        share(a.weeks > 0 ? a.weeksMet / a.weeks : null),
      ]),
      [
        text("Всего"),
        count(r.accounts.reduce((s, a) => s + a.posts, 0)),
        count(r.weeks),
        count(r.weeksMet),
        share(r.share),
      ],
    ],
  };
}

export function ratingTable(report: TAnalyticsReport): TReportTable {
  const weights = weightShares(report.rating.components);
  return {
    sheet: "Рейтинг",
    title: "Рейтинг (самооценка по формуле регионального ЦУР)",
    columns: [
      { header: "Составляющая", width: 44 },
      { header: "Значение", width: 14 },
      { header: "Баллы из 100", width: 12 },
      { header: "Вес", width: 10 },
    ],
    rows: [
      ...report.rating.components.map((c, i) => [
        text(c.label),
        { value: c.value, kind: ratingValueKind(c) },
        score(c.points),
        share(weights[i] ?? null),
      ]),
      [text("Итоговый балл"), text(null), score(report.rating.score), share(weights.length ? 1 : null)],
    ],
  };
}

/** Departments by score, best first; those with nothing to judge last, by name. */
export function departmentLeague(report: TAnalyticsReport): TAnalyticsReport["rating"]["departments"] {
  return [...report.rating.departments].sort((a, b) => {
    if (a.score === null || b.score === null) {
      return a.score === b.score ? a.name.localeCompare(b.name, "ru") : a.score === null ? 1 : -1;
    }
    return b.score - a.score || a.name.localeCompare(b.name, "ru");
  });
}

export function ratingDepartmentsTable(report: TAnalyticsReport): TReportTable {
  return {
    sheet: "Рейтинг отделов",
    title: "Рейтинг отделов",
    columns: [
      { header: "Место", width: 8 },
      { header: "Отдел", width: 44 },
      { header: "Баллы из 100", width: 12 },
    ],
    rows: departmentLeague(report).map((d, i) => [
      count(d.score === null ? null : i + 1),
      text(d.name),
      score(d.score),
    ]),
  };
}

export function trendTable(report: TAnalyticsReport): TReportTable {
  return {
    sheet: "Динамика",
    title: "Динамика за 12 месяцев",
    columns: [
      { header: "Месяц", width: 14 },
      { header: "Поступило", width: 12 },
      { header: "Ответ в течение 24 ч", width: 14 },
      { header: "Согласовано с первой подачи", width: 16 },
      { header: "Нарушений", width: 12 },
    ],
    rows: report.trend.map((p) => [
      text(formatShortMonth(p.month)),
      count(p.received),
      share(p.answeredWithin24hShare),
      share(p.approvedAtFirstShare),
      count(p.violations),
    ]),
  };
}

const SURGE_KINDS = { TOPIC: "тема", SETTLEMENT: "населённый пункт" } as const;

export function surgesTable(report: TAnalyticsReport): TReportTable {
  return {
    sheet: "Всплески",
    title: "Всплески активности (п.13)",
    columns: [
      { header: "Тема или населённый пункт", width: 36 },
      { header: "Признак", width: 18 },
      { header: "Первая публикация", width: 18 },
      { header: "Публикаций", width: 12 },
    ],
    rows: report.surges.map((s) => [
      text(s.label),
      text(SURGE_KINDS[s.kind]),
      text(formatDateTime(new Date(s.firstCaseAt), report.scope.timeZone)),
      count(s.caseCount),
    ]),
  };
}

/** Every table in the order of the workbook's sheets. */
export function reportTables(report: TAnalyticsReport): TReportTable[] {
  return [
    summaryTable(report),
    departmentsTable(report),
    networksTable(report),
    sourcesTable(report),
    topicsTable(report),
    clocksTable(report),
    durationsTable(report),
    violationsByTypeTable(report),
    violationsByDepartmentTable(report),
    executorsTable(report),
    routineTable(report),
    ratingTable(report),
    ratingDepartmentsTable(report),
    trendTable(report),
    surgesTable(report),
  ];
}
