import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  barLength,
  escapeXml,
  layoutHorizontalBars,
  layoutTrend,
  niceScale,
  renderChartSvg,
  truncateLabel,
  type TShape,
} from "./charts";

const rects = (shapes: TShape[]) => shapes.filter((s): s is Extract<TShape, { kind: "rect" }> => s.kind === "rect");
const texts = (shapes: TShape[]) =>
  shapes.filter((s): s is Extract<TShape, { kind: "text" }> => s.kind === "text").map((s) => s.text);

describe("a round axis", () => {
  it("rounds up to 1, 2 or 5 times a power of ten", () => {
    expect(niceScale(40)).toEqual({ max: 40, step: 10, ticks: [0, 10, 20, 30, 40] });
    expect(niceScale(37)).toEqual({ max: 40, step: 10, ticks: [0, 10, 20, 30, 40] });
    expect(niceScale(7)).toEqual({ max: 8, step: 2, ticks: [0, 2, 4, 6, 8] });
    expect(niceScale(230)).toEqual({ max: 250, step: 50, ticks: [0, 50, 100, 150, 200, 250] });
  });

  it("never takes a fractional step for counts, and still draws an empty chart", () => {
    expect(niceScale(2)).toEqual({ max: 2, step: 1, ticks: [0, 1, 2] });
    expect(niceScale(0)).toEqual({ max: 1, step: 1, ticks: [0, 1] });
    expect(niceScale(Number.NaN)).toEqual({ max: 1, step: 1, ticks: [0, 1] });
    expect(niceScale(0.8, 4, false)).toEqual({ max: 0.8, step: 0.2, ticks: [0, 0.2, 0.4, 0.6, 0.8] });
  });

  it("covers every value in a few evenly spaced ticks", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 2, max: 10 }), (max, target) => {
        const s = niceScale(max, target);
        expect(s.max).toBeGreaterThanOrEqual(max);
        expect(Number.isInteger(s.step)).toBe(true);
        expect(s.ticks[0]).toBe(0);
        expect(s.ticks.at(-1)).toBe(s.max);
        s.ticks.forEach((t, i) => expect(t).toBe(i * s.step));
        // Never more than about twice the ticks asked for, nor an axis more than twice too tall.
        expect(s.ticks.length).toBeLessThanOrEqual(2 * target + 2);
        expect(s.max).toBeLessThan(2 * max + s.step);
      }),
    );
  });
});

describe("bar geometry", () => {
  it("draws a bar in proportion to its value, never past the axis", () => {
    expect(barLength(20, 40, 500)).toBe(250);
    expect(barLength(40, 40, 500)).toBe(500);
    expect(barLength(50, 40, 500)).toBe(500);
    expect(barLength(0, 40, 500)).toBe(0);
    expect(barLength(-3, 40, 500)).toBe(0);
    expect(barLength(3, 0, 500)).toBe(0);
  });

  it("keeps the order of values in the order of lengths", () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), fc.integer({ min: 1, max: 1000 }), (a, b, max) => {
        if (a <= b) expect(barLength(a, max, 300)).toBeLessThanOrEqual(barLength(b, max, 300));
      }),
    );
  });

  it("lays out one bar per department and series, a share of 75 % three quarters of the axis", () => {
    const drawing = layoutHorizontalBars({
      title: "Своевременность",
      series: [
        { name: "В срок", color: "#111111" },
        { name: "С первой подачи", color: "#222222" },
      ],
      rows: [
        { label: "Отдел ЖКХ", values: [0.75, 0.5] },
        { label: "Отдел культуры", values: [null, null] },
        { label: "Отдел образования", values: [1, 0] },
      ],
      format: (v) => (v === null ? "—" : `${Math.round(v * 100)} %`),
      max: 1,
    });
    const bars = rects(drawing.shapes).filter((r) => r.title);
    // Nothing to judge and zero draw no bar; their values are still written.
    expect(bars.map((b) => b.title)).toEqual([
      "Отдел ЖКХ — В срок: 75 %",
      "Отдел ЖКХ — С первой подачи: 50 %",
      "Отдел образования — В срок: 100 %",
    ]);
    const [zhkh, , full] = bars;
    expect(zhkh!.width / full!.width).toBeCloseTo(0.75, 5);
    expect(texts(drawing.shapes)).toEqual(expect.arrayContaining(["Отдел культуры", "—", "0 %", "Своевременность"]));
    // Rows go down the page in the given order and the picture is tall enough for all of them.
    const ys = bars.map((b) => b.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(drawing.height).toBeGreaterThan(Math.max(...bars.map((b) => b.y + b.height)));
  });

  it("says there is nothing to show rather than drawing an empty frame", () => {
    const drawing = layoutHorizontalBars({
      title: "Сети",
      series: [{ name: "Публикаций", color: "#111111" }],
      rows: [],
      format: (v) => String(v),
    });
    expect(texts(drawing.shapes)).toContain("Нет данных за месяц");
    expect(rects(drawing.shapes).filter((r) => r.title)).toHaveLength(0);
  });
});

describe("the 12-month trend", () => {
  const drawing = layoutTrend({
    title: "Динамика",
    points: [
      { label: "янв 2026", bar: 10, line: 0.5 },
      { label: "фев 2026", bar: 0, line: null },
      { label: "мар 2026", bar: 20, line: 1 },
      { label: "апр 2026", bar: 40, line: 0.75 },
    ],
    bar: { name: "Поступило", color: "#1d5fd1" },
    line: { name: "В течение 24 ч", color: "#f59e0b" },
    formatBar: String,
    formatLine: (v) => `${v * 100} %`,
  });

  it("draws the volume as bars in proportion, left to right", () => {
    const bars = rects(drawing.shapes).filter((r) => r.title);
    expect(bars.map((b) => b.title)).toEqual(["янв 2026: 10", "мар 2026: 20", "апр 2026: 40"]);
    expect(bars[2]!.height).toBeCloseTo(4 * bars[0]!.height, 5);
    expect(bars[0]!.x).toBeLessThan(bars[1]!.x);
    expect(texts(drawing.shapes)).toEqual(expect.arrayContaining(["фев 2026", "0 %", "100 %"]));
  });

  it("breaks the line at a month with nothing to judge instead of dropping it to zero", () => {
    const paths = drawing.shapes.filter((s) => s.kind === "path");
    // January stands alone (a point, no segment); March and April are joined.
    expect(paths).toHaveLength(1);
    expect(drawing.shapes.filter((s) => s.kind === "circle")).toHaveLength(3);
    const circles = drawing.shapes.filter((s): s is Extract<TShape, { kind: "circle" }> => s.kind === "circle");
    // 100 % is higher on the page (smaller y) than 75 %, and 75 % higher than 50 %.
    expect(circles[1]!.cy).toBeLessThan(circles[2]!.cy);
    expect(circles[2]!.cy).toBeLessThan(circles[0]!.cy);
  });
});

describe("the SVG text", () => {
  it("escapes what XML would read as markup", () => {
    expect(escapeXml(`ООО "Рога & копыта" <тест>`)).toBe("ООО &quot;Рога &amp; копыта&quot; &lt;тест&gt;");
  });

  it("cuts long labels with an ellipsis, counting letters not bytes", () => {
    expect(truncateLabel("Отдел ЖКХ", 40)).toBe("Отдел ЖКХ");
    expect(truncateLabel("Отдел по организационным вопросам и делопроизводству", 20)).toBe("Отдел по организаци…");
    expect(Array.from(truncateLabel("Я".repeat(100), 40))).toHaveLength(40);
  });

  it("writes a complete SVG document with the font and the escaped labels", () => {
    const svg = renderChartSvg(
      layoutHorizontalBars({
        title: "Сети & источники",
        series: [{ name: "Публикаций", color: "#111111" }],
        rows: [{ label: "ВКонтакте", values: [3] }],
        format: String,
      }),
    );
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith("</svg>")).toBe(true);
    expect(svg).toContain("DejaVu Sans");
    expect(svg).toContain("Сети &amp; источники");
    expect(svg).toContain(">ВКонтакте</text>");
  });
});
