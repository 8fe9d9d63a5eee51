import "server-only";
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from "docx";
import type { TAnalyticsReport } from "../../domain/analytics/types";
import { formatCount, formatMinutes, formatShare, formatValue, NO_VALUE } from "../../domain/reports/format";
import { reportTitle, summarySentences } from "../../domain/reports/headline";
import { formatMonthTitle } from "../../domain/reports/month";
import {
  clocksTable,
  describeDataState,
  durationsTable,
  executorsTable,
  formatPeriod,
  networksTable,
  ratingDepartmentsTable,
  ratingTable,
  routineTable,
  sourcesTable,
  summaryTable,
  surgesTable,
  topicsTable,
  violationsByDepartmentTable,
  violationsByTypeTable,
  type TCell,
  type TReportTable,
} from "../../domain/reports/tables";
import { renderReportCharts, type TChartImage } from "./charts";

/**
 * The monthly analysis (п.13) as a Word document the deputy head hands to the head as it is:
 * title, period and scope, a summary in words, the charts as pictures and the tables per
 * department, clock, executor and account. A4 portrait, Times New Roman as official papers
 * use; every number formatted the Russian way.
 */

/** A4 with 2 cm margins: the width of the text in twips. */
const CONTENT_WIDTH_TWIPS = 11906 - 2 * 1134;
const TABLE_FONT_SIZE = 18; // half-points: 9 pt
const HEADER_FILL = "E2E8F0";

function cellText(cell: TCell): string {
  if (cell.value === null) return cell.kind === "text" ? "" : NO_VALUE;
  if (cell.kind === "text") return String(cell.value);
  return formatValue(typeof cell.value === "number" ? cell.value : Number(cell.value), cell.kind);
}

function tableCell(text: string, opts: { header?: boolean; number?: boolean; width: number }): TableCell {
  return new TableCell({
    width: { size: opts.width, type: WidthType.DXA },
    shading: opts.header ? { type: ShadingType.CLEAR, color: "auto", fill: HEADER_FILL } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: opts.number && !opts.header ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: opts.header, size: TABLE_FONT_SIZE })],
      }),
    ],
  });
}

/** A table of the report as a Word table: the header repeated on every page, numbers right-aligned. */
function wordTable(table: Pick<TReportTable, "columns" | "rows">, emptyText = "Нет данных"): Table | Paragraph {
  if (table.rows.length === 0) return note(emptyText);
  const total = table.columns.reduce((s, c) => s + c.width, 0);
  const widths = table.columns.map((c) => Math.floor((c.width / total) * CONTENT_WIDTH_TWIPS));
  return new Table({
    width: { size: CONTENT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        children: table.columns.map((c, i) => tableCell(c.header, { header: true, width: widths[i] ?? 0 })),
      }),
      ...table.rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.map((cell, i) =>
              tableCell(cellText(cell), { number: cell.kind !== "text", width: widths[i] ?? 0 }),
            ),
          }),
      ),
    ],
  });
}

function heading(text: string, level: 1 | 2 = 1): Paragraph {
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    spacing: { before: level === 1 ? 320 : 200, after: 120 },
    keepNext: true,
    children: [new TextRun(text)],
  });
}

function paragraph(children: string | ParagraphChild[]): Paragraph {
  return new Paragraph({
    spacing: { after: 100 },
    alignment: AlignmentType.JUSTIFIED,
    children: typeof children === "string" ? [new TextRun(children)] : children,
  });
}

function note(text: string): Paragraph {
  return new Paragraph({ spacing: { after: 100 }, children: [new TextRun({ text, italics: true })] });
}

function chart(image: TChartImage | undefined): Paragraph[] {
  if (!image) return [];
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: 60 },
      keepNext: true,
      children: [
        new ImageRun({
          type: "png",
          data: image.png,
          transformation: { width: image.width, height: image.height },
          altText: { name: image.title, title: image.title, description: image.title },
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 160 },
      children: [new TextRun({ text: image.title, italics: true, size: 20 })],
    }),
  ];
}

/**
 * The departments as the head reads them: "75 % (15 из 20)" rather than three columns, so the
 * table fits a portrait page.
 */
function departmentsWordTable(report: TAnalyticsReport): Table | Paragraph {
  const ofTotal = (share: number | null, part: number, whole: number) =>
    whole > 0 ? `${formatShare(share)} (${formatCount(part)} из ${formatCount(whole)})` : NO_VALUE;
  return wordTable(
    {
      columns: [
        { header: "Отдел", width: 30 },
        { header: "Поступило", width: 10 },
        { header: "Ответ в течение 24 часов", width: 17 },
        { header: "Согласовано с первой подачи", width: 17 },
        { header: "Возвратов", width: 10 },
        { header: "Нарушений", width: 10 },
        { header: "Медиана подготовки проекта", width: 13 },
      ],
      rows: report.current.departments.map((d) => [
        { value: d.name, kind: "text" },
        { value: d.received, kind: "count" },
        { value: ofTotal(d.answeredWithin24hShare, d.answeredWithin24h, d.answerDue), kind: "text" },
        { value: ofTotal(d.approvedAtFirstShare, d.approvedAtFirst, d.firstSubmissions), kind: "text" },
        { value: d.returns, kind: "count" },
        { value: d.violations, kind: "count" },
        { value: formatMinutes(d.medianDraftMinutes), kind: "text" },
      ]),
    },
    "Отделы не назначались",
  );
}

export async function renderMonthlyDocx(report: TAnalyticsReport): Promise<Buffer> {
  const m = report.current;
  const charts = await renderReportCharts(report);
  const chartOf = (key: TChartImage["key"]) => charts.find((c) => c.key === key);
  const title = reportTitle(m.month);
  const summary = summaryTable(report);

  const children: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun(title)],
    }),
    paragraph([new TextRun({ text: "Муниципальное образование: ", bold: true }), new TextRun(report.scope.title)]),
    paragraph([
      new TextRun({ text: "Период: ", bold: true }),
      new TextRun(`${formatMonthTitle(m.month)} (${formatPeriod(m.from, m.to, report.scope.timeZone)})`),
    ]),
    paragraph([new TextRun({ text: "Данные: ", bold: true }), new TextRun(describeDataState(report))]),

    heading("1. Основные показатели"),
    ...summarySentences(report).map((s) => paragraph(s)),
    // The summary sheet opens with the scope and period, which the title page already says.
    wordTable({ columns: summary.columns, rows: summary.rows.slice(3) }),
    ...chart(chartOf("trend")),

    heading("2. Поступление публикаций"),
    heading("По социальным сетям", 2),
    wordTable(networksTable(report)),
    ...chart(chartOf("networks")),
    heading("По источникам", 2),
    wordTable(sourcesTable(report)),
    heading("По темам", 2),
    wordTable(topicsTable(report)),

    heading("3. Своевременность"),
    paragraph(
      `Ответ в течение 24 часов размещён по ${formatCount(m.timeliness.answeredWithin24h)} из ${formatCount(m.timeliness.answerDue)} публикаций (${formatShare(m.timeliness.answeredWithin24hShare)}).`,
    ),
    heading("Соблюдение сроков по этапам", 2),
    wordTable(clocksTable(report)),
    ...chart(chartOf("clocks")),
    heading("Время обработки", 2),
    wordTable(durationsTable(report)),

    heading("4. Работа отделов"),
    departmentsWordTable(report),
    ...chart(chartOf("departments")),

    heading("5. Нарушения сроков"),
    paragraph(`Всего нарушений сроков Регламента за месяц: ${formatCount(m.violations.total)}.`),
    heading("По видам", 2),
    wordTable(violationsByTypeTable(report), "Нарушений нет"),
    heading("По отделам", 2),
    wordTable(violationsByDepartmentTable(report), "Нарушений нет"),
    heading("По исполнителям", 2),
    wordTable(executorsTable(report), "Нарушений, отнесённых на исполнителей, нет"),

    heading("6. Плановые публикации"),
    wordTable(routineTable(report), "Официальные аккаунты не зарегистрированы"),

    heading("7. Рейтинг (самооценка)"),
    paragraph(
      report.rating.score === null
        ? "За месяц нечего оценивать: рейтинг не рассчитан."
        : `Оценка муниципального образования по формуле регионального ЦУР: ${formatValue(report.rating.score, "score")} баллов из 100.`,
    ),
    wordTable(ratingTable(report)),
    heading("Рейтинг отделов", 2),
    wordTable(ratingDepartmentsTable(report), "Отделы не назначались"),

    heading("8. Всплески активности"),
    wordTable(surgesTable(report), "Всплесков активности за месяц не было."),
  ];

  const document = new Document({
    creator: "Отклик",
    title,
    description: `${title}. ${report.scope.title}`,
    styles: {
      default: {
        document: { run: { font: "Times New Roman", size: 24 }, paragraph: { spacing: { line: 276 } } },
        title: { run: { font: "Times New Roman", size: 32, bold: true, color: "000000" } },
        heading1: { run: { font: "Times New Roman", size: 28, bold: true, color: "000000" } },
        heading2: { run: { font: "Times New Roman", size: 24, bold: true, italics: false, color: "000000" } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
