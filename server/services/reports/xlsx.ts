import "server-only";
import ExcelJS from "exceljs";
import type { TAnalyticsReport } from "../../domain/analytics/types";
import { reportTables, type TCell, type TCellKind } from "../../domain/reports/tables";
import { reportTitle } from "../../domain/reports/headline";

/**
 * The monthly analysis as a workbook: one sheet per table, so each can be sorted, filtered and
 * charted on its own. Numbers stay numbers: counts as integers, shares as fractions shown as
 * percent, durations as Excel times ("[ч]:мм"), scores with one decimal. The header row is
 * bold, shaded and frozen.
 */

const NUMBER_FORMATS = {
  text: "@",
  count: "0",
  share: "0.0%",
  // Excel counts time in days; "[h]" keeps hours past 24 ("26:30", not "02:30").
  minutes: "[h]:mm",
  score: "0.0",
} as const satisfies Record<TCellKind, string>;

function cellValue(cell: TCell): string | number | null {
  if (cell.value === null) return null;
  if (cell.kind === "minutes" && typeof cell.value === "number") return cell.value / 1440;
  return cell.value;
}

export async function renderMonthlyXlsx(report: TAnalyticsReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Отклик";
  workbook.title = `${reportTitle(report.current.month)} — ${report.scope.title}`;
  workbook.created = new Date(report.current.computedAt);

  for (const table of reportTables(report)) {
    const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({ header: c.header, width: c.width }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: "middle", wrapText: true };
    header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
    header.height = 32;
    for (const row of table.rows) {
      const added = sheet.addRow(row.map(cellValue));
      row.forEach((cell, i) => {
        if (cell.kind !== "text") added.getCell(i + 1).numFmt = NUMBER_FORMATS[cell.kind];
      });
      added.alignment = { vertical: "top", wrapText: true };
    }
    if (table.rows.length > 0) {
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
