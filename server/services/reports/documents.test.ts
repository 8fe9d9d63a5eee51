import ExcelJS from "exceljs";
import JSZip from "jszip";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { fixtureReport } from "../../domain/reports/fixture";
import { reportTitle } from "../../domain/reports/headline";
import { renderMonthlyDocx } from "./docx";
import { renderMonthlyXlsx } from "./xlsx";

/**
 * The documents as the deputy head opens them: a DOCX and an XLSX are zip files of XML; these
 * tests unzip them and read what Word and Excel would show.
 */

/** The document's text with Word's run boundaries removed, as it reads on the page. */
async function docxText(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file("word/document.xml")!.async("string");
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
  );
  const unescape = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  return { zip, xml, paragraphs: paragraphs.map((p) => unescape(p).replace(/\u00a0|\u202f/g, " ")) };
}

describe("the monthly report as DOCX", () => {
  it("is a Word document with the title, the month, the district and the summary", async () => {
    const buffer = await renderMonthlyDocx(fixtureReport);
    expect(buffer.subarray(0, 2).toString()).toBe("PK");
    const { zip, paragraphs } = await docxText(buffer);
    expect(zip.file("[Content_Types].xml")).not.toBeNull();
    expect(paragraphs[0]).toBe("Анализ работы с публикациями в социальных сетях за март 2026 г.");
    expect(reportTitle("2026-03")).toBe(paragraphs[0]);
    expect(paragraphs).toContain("Муниципальное образование: Мясниковский район");
    expect(paragraphs).toContain("Период: март 2026 г. (01.03.2026 – 31.03.2026)");
    expect(paragraphs).toContain("Данные: окончательные (месяц закрыт)");
    const text = paragraphs.join("\n");
    expect(text).toContain("Ответ размещён в течение 24 часов: 83,3 % (30 из 36) (к прошлому месяцу: +3,3 п.п.");
  });

  it("has a row per department with its timeliness, quality and violations", async () => {
    const { paragraphs } = await docxText(await renderMonthlyDocx(fixtureReport));
    const at = paragraphs.indexOf("Отдел ЖКХ");
    expect(at).toBeGreaterThan(0);
    // The department table's row: name, received, within 24 h, first pass, returns, violations, median.
    const zhkhRows = paragraphs.flatMap((p, i) => (p === "Отдел ЖКХ" ? [paragraphs.slice(i, i + 7)] : []));
    expect(zhkhRows).toContainEqual(["Отдел ЖКХ", "22", "75 % (15 из 20)", "78,9 % (15 из 19)", "4", "7", "9 ч"]);
    expect(paragraphs).toContain("Отдел архитектуры и градостроительства");
    // A department with nothing to judge gets dashes, not "0 %".
    const culture = paragraphs.indexOf("Отдел культуры");
    expect(paragraphs.slice(culture, culture + 4)).toEqual(["Отдел культуры", "0", "—", "—"]);
  });

  it("lists the clocks, the violations by executor, the routine posts and the rating", async () => {
    const { paragraphs } = await docxText(await renderMonthlyDocx(fixtureReport));
    const row = (first: string, n: number) =>
      paragraphs.slice(paragraphs.indexOf(first), paragraphs.indexOf(first) + n);
    expect(row("Подготовка проекта ответа", 4)).toEqual(["Подготовка проекта ответа", "38", "33", "86,8 %"]);
    expect(row("Иванов Пётр Сергеевич", 3)).toEqual(["Иванов Пётр Сергеевич", "Отдел ЖКХ", "5"]);
    expect(row("Администрация района (Одноклассники)", 5)).toEqual([
      "Администрация района (Одноклассники)",
      "5",
      "4",
      "2",
      "50 %",
    ]);
    expect(paragraphs).toContain("Оценка муниципального образования по формуле регионального ЦУР: 81,3 баллов из 100.");
    expect(row("Своевременность ответов", 4)).toEqual(["Своевременность ответов", "83,3 %", "83,3", "40 %"]);
    expect(row("Скорость ответа", 2)).toEqual(["Скорость ответа", "16 ч 45 мин"]);
    expect(paragraphs).toContain("Водоснабжение");
  });

  it("carries the four charts as PNG pictures", async () => {
    const { zip, xml } = await docxText(await renderMonthlyDocx(fixtureReport));
    const media = Object.keys(zip.files).filter((name) => /^word\/media\/.+\.png$/.test(name));
    expect(media).toHaveLength(4);
    for (const name of media) {
      const png = await zip.file(name)!.async("nodebuffer");
      const meta = await sharp(png).metadata();
      expect(meta.format).toBe("png");
      expect(meta.width).toBeGreaterThan(1000);
    }
    // Each picture has its title as alternative text.
    expect(xml).toContain('descr="Соблюдение сроков по этапам"');
  });

  it("still renders a month with nothing in it", async () => {
    const empty = {
      ...fixtureReport,
      previous: null,
      yearAgo: null,
      surges: [],
      rating: { score: null, components: [], departments: [] },
      trend: [],
      current: {
        ...fixtureReport.current,
        volume: {
          ...fixtureReport.current.volume,
          received: 0,
          byNetwork: [],
          bySource: [],
          byTopic: [],
          byDepartment: [],
        },
        departments: [],
        violations: { total: 0, byType: [], byDepartment: [], byExecutor: [] },
        timeliness: { ...fixtureReport.current.timeliness, clocks: [], answeredWithin24hShare: null },
      },
    };
    const { paragraphs } = await docxText(await renderMonthlyDocx(empty));
    expect(paragraphs).toContain("Всплесков активности за месяц не было.");
    expect(paragraphs).toContain("За месяц нечего оценивать: рейтинг не рассчитан.");
    expect(paragraphs).toContain("Нарушений нет");
  });
});

describe("the monthly report as XLSX", () => {
  async function load() {
    const workbook = new ExcelJS.Workbook();
    const buffer = await renderMonthlyXlsx(fixtureReport);
    expect(buffer.subarray(0, 2).toString()).toBe("PK");
    await workbook.xlsx.load(new Uint8Array(buffer).buffer);
    return workbook;
  }
  const values = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);

  it("has a sheet per table, each with a frozen bold header", async () => {
    const workbook = await load();
    const names = workbook.worksheets.map((s) => s.name);
    for (const name of [
      "Сводка",
      "Отделы",
      "Сети",
      "Темы",
      "Сроки",
      "Нарушения",
      "Исполнители",
      "Плановые публикации",
      "Рейтинг",
      "Динамика",
    ]) {
      expect(names).toContain(name);
    }
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet.getRow(1).font?.bold).toBe(true);
    }
  });

  it("keeps numbers as numbers: shares as fractions shown in percent, durations as times", async () => {
    const workbook = await load();
    const departments = workbook.getWorksheet("Отделы")!;
    expect(values(departments, 1)[0]).toBe("Отдел");
    // 540 minutes are 9 h: Excel stores a time as a day fraction, which ExcelJS reads back as
    // an instant after Excel's epoch.
    expect(values(departments, 2)).toEqual([
      "Отдел ЖКХ",
      22,
      15,
      20,
      0.75,
      15,
      19,
      15 / 19,
      4,
      7,
      new Date("1899-12-30T09:00:00.000Z"),
    ]);
    expect(departments.getRow(2).getCell(5).numFmt).toBe("0.0%");
    expect(departments.getRow(2).getCell(11).numFmt).toBe("[h]:mm");
    // A share with nothing to judge is an empty cell, not 0 %.
    expect(values(departments, 5).slice(0, 5)).toEqual(["Отдел культуры", 0, 0, 0, undefined]);

    const summary = workbook.getWorksheet("Сводка")!;
    expect(values(summary, 2).slice(0, 2)).toEqual(["Муниципальное образование", "Мясниковский район"]);
    expect(values(summary, 5).slice(0, 3)).toEqual(["Поступило публикаций", 40, 32]);
    expect(values(summary, 6)[1]).toBeCloseTo(30 / 36, 10);
  });

  it("gives the trend, the clocks, the executors and the routine posts row by row", async () => {
    const workbook = await load();
    const trend = workbook.getWorksheet("Динамика")!;
    expect(trend.rowCount).toBe(13);
    expect(values(trend, 2)).toEqual(["апр 2025", 18, 0.5, 0.7, 9]);
    expect(values(trend, 3)).toEqual(["май 2025", 0, undefined, undefined, 0]);
    expect(values(workbook.getWorksheet("Сроки")!, 2)).toEqual(["Направление в отдел", 40, 38, 0.95]);
    expect(values(workbook.getWorksheet("Исполнители")!, 2)).toEqual(["Иванов Пётр Сергеевич", "Отдел ЖКХ", 5]);
    expect(values(workbook.getWorksheet("Плановые публикации")!, 4)).toEqual(["Всего", 16, 8, 6, 0.75]);
    const rating = workbook.getWorksheet("Рейтинг")!;
    expect(values(rating, 2)).toEqual(["Своевременность ответов", 30 / 36, 83.3, 0.4]);
    expect(values(rating, 6)).toEqual(["Итоговый балл", undefined, 81.3, 1]);
  });
});
