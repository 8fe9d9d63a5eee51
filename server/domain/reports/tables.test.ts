import { describe, expect, it } from "vitest";
import type { TRatingComponent } from "../analytics/types";
import { fixtureReport } from "./fixture";
import { departmentLeague, describeDataState, formatPeriod, reportTables, summaryTable, weightShares } from "./tables";

describe("the report's tables", () => {
  it("has one table per sheet, each name valid in Excel and unique", () => {
    const sheets = reportTables(fixtureReport).map((t) => t.sheet);
    expect(sheets).toEqual([
      "Сводка",
      "Отделы",
      "Сети",
      "Источники",
      "Темы",
      "Сроки",
      "Время обработки",
      "Нарушения",
      "Нарушения по отделам",
      "Исполнители",
      "Плановые публикации",
      "Рейтинг",
      "Рейтинг отделов",
      "Динамика",
      "Всплески",
    ]);
    expect(new Set(sheets).size).toBe(sheets.length);
    for (const s of sheets) {
      expect(s.length).toBeLessThanOrEqual(31);
      expect(s).not.toMatch(/[[\]:*?/\\]/);
    }
  });

  it("gives every row as many cells as the table has columns", () => {
    for (const t of reportTables(fixtureReport)) {
      for (const row of t.rows) expect(row).toHaveLength(t.columns.length);
    }
  });

  it("shows each department's timeliness and quality with their counts", () => {
    const t = reportTables(fixtureReport).find((x) => x.sheet === "Отделы")!;
    const zhkh = t.rows.find((r) => r[0]!.value === "Отдел ЖКХ")!;
    expect(zhkh.map((c) => c.value)).toEqual(["Отдел ЖКХ", 22, 15, 20, 0.75, 15, 19, 15 / 19, 4, 7, 540]);
    expect(zhkh[4]!.kind).toBe("share");
    expect(zhkh[10]!.kind).toBe("minutes");
  });

  it("gives a network's share of the month's publications", () => {
    const t = reportTables(fixtureReport).find((x) => x.sheet === "Сети")!;
    expect(t.rows[0]!.map((c) => c.value)).toEqual(["ВКонтакте", 28, 0.7]);
  });

  it("totals the routine posts of all accounts", () => {
    const t = reportTables(fixtureReport).find((x) => x.sheet === "Плановые публикации")!;
    expect(t.rows.at(-1)!.map((c) => c.value)).toEqual(["Всего", 16, 8, 6, 0.75]);
    expect(t.rows[1]!.map((c) => c.value)).toEqual(["Администрация района (Одноклассники)", 5, 4, 2, 0.5]);
  });

  it("opens the summary with the scope, period and whether the numbers are final", () => {
    const rows = summaryTable(fixtureReport).rows.map((r) => r.map((c) => c.value));
    expect(rows[0]!.slice(0, 2)).toEqual(["Муниципальное образование", "Мясниковский район"]);
    expect(rows[1]!.slice(0, 2)).toEqual(["Период", "март 2026 (01.03.2026 – 31.03.2026)"]);
    expect(rows[2]!.slice(0, 2)).toEqual(["Данные", "окончательные (месяц закрыт)"]);
    expect(rows[3]!.slice(0, 3)).toEqual(["Поступило публикаций", 40, 32]);
  });
});

describe("period and data state", () => {
  it("shows the month's local days, the last one inclusive", () => {
    expect(formatPeriod("2026-02-28T21:00:00.000Z", "2026-03-31T21:00:00.000Z", "Europe/Moscow")).toBe(
      "01.03.2026 – 31.03.2026",
    );
    expect(formatPeriod("2026-01-31T14:00:00.000Z", "2026-02-28T14:00:00.000Z", "Asia/Vladivostok")).toBe(
      "01.02.2026 – 28.02.2026",
    );
  });

  it("calls a live month's numbers preliminary, with the moment they were computed", () => {
    const live = {
      ...fixtureReport,
      current: { ...fixtureReport.current, final: false, computedAt: "2026-03-20T09:00:00.000Z" },
    };
    expect(describeDataState(live)).toBe("предварительные, на 20.03.2026, 12:00");
  });
});

describe("the rating", () => {
  const component = (weight: number): TRatingComponent => ({
    key: "quality",
    label: "",
    value: null,
    points: null,
    weight,
  });

  it("shows weights as shares of their sum, whether stored as fractions or points", () => {
    expect(weightShares([component(0.4), component(0.6)])).toEqual([0.4, 0.6]);
    expect(weightShares([component(40), component(20), component(20), component(20)])).toEqual([0.4, 0.2, 0.2, 0.2]);
    expect(weightShares([component(0), component(0)])).toEqual([0, 0]);
  });

  it("ranks departments by score, best first, those with nothing to judge last", () => {
    expect(departmentLeague(fixtureReport).map((d) => [d.name, d.score])).toEqual([
      ["Отдел архитектуры и градостроительства", 96.2],
      ["Отдел образования", 88.9],
      ["Отдел ЖКХ", 70.5],
      ["Отдел культуры", null],
    ]);
    const t = reportTables(fixtureReport).find((x) => x.sheet === "Рейтинг отделов")!;
    expect(t.rows.map((r) => r[0]!.value)).toEqual([1, 2, 3, null]);
  });
});
