import "server-only";
import ExcelJS from "exceljs";
import { DECISION_LABELS } from "../../domain/violations/decisions";
import { formatLateness } from "../../domain/violations/lateness";
import { formatMonth } from "../../domain/violations/month";
import { formatDateTime, zoneOffsetMinutes } from "../../domain/time/zone";
import type { TViolationView } from "./register";

/**
 * The register as an XLSX workbook the deputy head can file, forward or sort in Excel: one row
 * per violation in the register's order, the header frozen and filterable, times as real Excel
 * dates showing the municipality's wall-clock time (Excel has no time zones), and a second sheet
 * saying what was exported, by whom and when.
 */

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const EXPORT_COLUMNS = [
  { key: "caseNumber", header: "№ публикации", width: 13 },
  { key: "type", header: "Нарушение", width: 44 },
  { key: "clock", header: "Этап", width: 26 },
  { key: "clockStartedAt", header: "Начало отсчёта срока", width: 18, date: true },
  { key: "dueAt", header: "Срок истёк", width: 18, date: true },
  { key: "detectedAt", header: "Нарушение зафиксировано", width: 18, date: true },
  { key: "stoppedAt", header: "Действие выполнено", width: 18, date: true },
  { key: "lateness", header: "Просрочка", width: 24 },
  { key: "lateMinutes", header: "Просрочка, мин", width: 12 },
  { key: "department", header: "Отдел", width: 36 },
  { key: "person", header: "Ответственный", width: 30 },
  { key: "explanation", header: "Объяснение", width: 50 },
  { key: "explainedBy", header: "Объяснение дал", width: 28 },
  { key: "explainedAt", header: "Дата объяснения", width: 18, date: true },
  { key: "decision", header: "Решение", width: 22 },
  { key: "decisionText", header: "Текст решения", width: 44 },
  { key: "decidedBy", header: "Решение принял", width: 28 },
  { key: "decidedAt", header: "Дата решения", width: 18, date: true },
  { key: "earlierDecisions", header: "Прежние решения", width: 50 },
] as const;

const DATE_FORMAT = "dd.mm.yyyy hh:mm";

/** The instant as the municipality's clock on the wall showed it, for a zone-less Excel date. */
function wallClock(at: Date, timeZone: string): Date {
  return new Date(at.getTime() + zoneOffsetMinutes(at, timeZone) * 60_000);
}

export interface TExportDescription {
  month: string | null;
  department: string | null;
  person: string | null;
  type: string | null;
  exportedBy: string;
  exportedAt: Date;
  timeZone: string;
}

/** "Журнал нарушений — март 2026.xlsx" (or "— все месяцы"). */
export function exportFileName(month: string | null): string {
  return `Журнал нарушений — ${month ? formatMonth(month) : "все месяцы"}.xlsx`;
}

/**
 * `attachment` with the Russian name as `filename*` (RFC 6266, RFC 8187) and a readable ASCII
 * `filename` for clients that know only that ("violations-2026-03.xlsx").
 */
export function exportContentDisposition(month: string | null): string {
  const ascii = `violations-${month ?? "all"}.xlsx`;
  const encoded = encodeURIComponent(exportFileName(month)).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export async function buildViolationsWorkbook(rows: readonly TViolationView[], about: TExportDescription) {
  const { timeZone } = about;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Отклик";
  workbook.created = about.exportedAt;

  const sheet = workbook.addWorksheet("Нарушения", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({
    key: c.key,
    header: c.header,
    width: c.width,
    style: "date" in c ? { numFmt: DATE_FORMAT } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };

  const date = (at: Date | null | undefined) => (at ? wallClock(at, timeZone) : null);
  for (const v of rows) {
    const [current, ...earlier] = v.decisions;
    const row = sheet.addRow({
      caseNumber: v.case.number,
      type: v.typeLabel,
      clock: v.clockLabel,
      clockStartedAt: date(v.clockStartedAt),
      dueAt: date(v.dueAt),
      detectedAt: date(v.detectedAt),
      stoppedAt: v.lateness.stoppedAt ? date(v.lateness.stoppedAt) : "не выполнено",
      lateness: `${formatLateness(v.lateness.minutes)}${v.lateness.running ? " (продолжается)" : ""}`,
      lateMinutes: v.lateness.minutes,
      department: v.responsibleDepartment?.name ?? "",
      person: v.responsibleUser?.fullName ?? "",
      explanation: v.explanation?.text ?? "",
      explainedBy: v.explanation?.by ?? "",
      explainedAt: date(v.explanation?.at),
      decision: current ? DECISION_LABELS[current.kind] : "",
      decisionText: current?.text ?? "",
      decidedBy: current?.decidedBy ?? "",
      decidedAt: date(current?.createdAt),
      earlierDecisions: earlier
        .map(
          (d) =>
            `${formatDateTime(d.createdAt, timeZone)} — ${DECISION_LABELS[d.kind]}${d.text ? `: ${d.text}` : ""} (${d.decidedBy})`,
        )
        .join("\n"),
    });
    row.alignment = { vertical: "top", wrapText: true };
  }

  const info = workbook.addWorksheet("Параметры выгрузки");
  info.columns = [
    { key: "name", width: 28 },
    { key: "value", width: 60 },
  ];
  info.addRows([
    { name: "Журнал нарушений (п.12 Регламента)", value: "" },
    { name: "Месяц", value: about.month ? formatMonth(about.month) : "все месяцы" },
    { name: "Отдел", value: about.department ?? "все отделы" },
    { name: "Ответственный", value: about.person ?? "все сотрудники" },
    { name: "Вид нарушения", value: about.type ?? "все виды" },
    { name: "Нарушений", value: rows.length },
    { name: "Выгрузил", value: about.exportedBy },
    { name: "Дата выгрузки", value: formatDateTime(about.exportedAt, timeZone) },
    { name: "Часовой пояс", value: timeZone },
  ]);
  info.getRow(1).font = { bold: true };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
