/**
 * The monthly report's charts as plain SVG, for the DOCX document (rasterised to PNG by the
 * service; Word shows PNG everywhere, SVG only in recent versions). Pure geometry: a layout
 * function computes every bar, point and label (what the tests check), and `renderChartSvg`
 * writes them out. The page draws its own charts with recharts from the same numbers.
 */

/** Fonts that exist on a Linux server (and render Cyrillic); the rasteriser takes the first it finds. */
export const CHART_FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif";

export const CHART_COLORS = {
  primary: "#1d5fd1",
  secondary: "#f59e0b",
  tertiary: "#16a34a",
  danger: "#dc2626",
  grid: "#e2e8f0",
  axis: "#94a3b8",
  text: "#0f172a",
  muted: "#475569",
} as const;

export interface TScale {
  /** The top of the axis: a round number at least the largest value. */
  max: number;
  step: number;
  ticks: number[];
}

/**
 * A round axis from 0 to at least `maxValue` in about `targetTicks` steps of 1, 2 or 5 times a
 * power of ten. Counts (`integer`) never get fractional steps; an empty chart still gets an
 * axis (0 to 1).
 */
export function niceScale(maxValue: number, targetTicks = 5, integer = true): TScale {
  const top = Number.isFinite(maxValue) && maxValue > 0 ? maxValue : 0;
  if (top === 0) return { max: 1, step: 1, ticks: [0, 1] };
  const rough = top / Math.max(1, targetTicks);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const normalised = rough / magnitude;
  const nice = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10;
  let step = nice * magnitude;
  if (integer) step = Math.max(1, Math.round(step));
  // Rounding away float noise (0.1 + 0.2): steps are at most 3 significant digits.
  const clean = (v: number) => Number(v.toPrecision(12));
  const count = Math.ceil(clean(top / step));
  const ticks = Array.from({ length: count + 1 }, (_, i) => clean(i * step));
  return { max: clean(count * step), step, ticks };
}

/** The length of a bar for `value` on an axis from 0 to `max` drawn `span` pixels long. */
export function barLength(value: number, max: number, span: number): number {
  if (!(max > 0) || !(value > 0)) return 0;
  return Math.min(span, (value / max) * span);
}

/** A label cut to `maxChars` with an ellipsis, so long department names do not run into the bars. */
export function truncateLabel(label: string, maxChars: number): string {
  const chars = Array.from(label);
  return chars.length <= maxChars
    ? label
    : `${chars
        .slice(0, Math.max(1, maxChars - 1))
        .join("")
        .trimEnd()}…`;
}

export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!,
  );
}

/* ------------------------------------------------------------------------------------------ */
/* The drawing: a flat list of shapes, positioned in pixels.                                  */

export type TShape =
  | { kind: "rect"; x: number; y: number; width: number; height: number; fill: string; title?: string }
  | { kind: "line"; x1: number; y1: number; x2: number; y2: number; stroke: string; width?: number; dash?: string }
  | { kind: "path"; d: string; stroke: string; width: number }
  | { kind: "circle"; cx: number; cy: number; r: number; fill: string }
  | {
      kind: "text";
      x: number;
      y: number;
      text: string;
      size: number;
      anchor?: "start" | "middle" | "end";
      fill?: string;
      bold?: boolean;
    };

export interface TChartDrawing {
  width: number;
  height: number;
  shapes: TShape[];
}

const r1 = (v: number) => Math.round(v * 10) / 10;

export function renderChartSvg(drawing: TChartDrawing): string {
  const body = drawing.shapes
    .map((s) => {
      switch (s.kind) {
        case "rect":
          return `<rect x="${r1(s.x)}" y="${r1(s.y)}" width="${r1(s.width)}" height="${r1(s.height)}" fill="${s.fill}">${s.title ? `<title>${escapeXml(s.title)}</title>` : ""}</rect>`;
        case "line":
          return `<line x1="${r1(s.x1)}" y1="${r1(s.y1)}" x2="${r1(s.x2)}" y2="${r1(s.y2)}" stroke="${s.stroke}" stroke-width="${s.width ?? 1}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""}/>`;
        case "path":
          return `<path d="${s.d}" fill="none" stroke="${s.stroke}" stroke-width="${s.width}" stroke-linejoin="round"/>`;
        case "circle":
          return `<circle cx="${r1(s.cx)}" cy="${r1(s.cy)}" r="${s.r}" fill="${s.fill}"/>`;
        case "text":
          return `<text x="${r1(s.x)}" y="${r1(s.y)}" font-size="${s.size}" text-anchor="${s.anchor ?? "start"}" fill="${s.fill ?? CHART_COLORS.text}"${s.bold ? ' font-weight="bold"' : ""}>${escapeXml(s.text)}</text>`;
      }
    })
    .join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${drawing.width}" height="${drawing.height}" viewBox="0 0 ${drawing.width} ${drawing.height}" font-family="${CHART_FONT}">` +
    `<rect x="0" y="0" width="${drawing.width}" height="${drawing.height}" fill="#ffffff"/>${body}</svg>`
  );
}

export interface TSeries {
  name: string;
  color: string;
}

const TITLE_HEIGHT = 34;
const LEGEND_HEIGHT = 24;

function titleAndLegend(title: string, series: readonly TSeries[], width: number, shapes: TShape[]): number {
  shapes.push({ kind: "text", x: 12, y: 22, text: title, size: 15, bold: true });
  let x = 12;
  const y = TITLE_HEIGHT + 12;
  for (const s of series) {
    shapes.push({ kind: "rect", x, y: y - 10, width: 12, height: 12, fill: s.color });
    shapes.push({ kind: "text", x: x + 18, y, text: s.name, size: 12, fill: CHART_COLORS.muted });
    // About 7 px a character at 12 px.
    x += 18 + Array.from(s.name).length * 7 + 24;
    if (x > width - 100) break;
  }
  return TITLE_HEIGHT + LEGEND_HEIGHT;
}

/* ------------------------------------------------------------------------------------------ */
/* Horizontal bars: one group per row (a department, a clock), one bar per series.           */

export interface THorizontalBarsInput {
  title: string;
  series: readonly TSeries[];
  rows: readonly { label: string; values: readonly (number | null)[] }[];
  /** How a value is written at the end of its bar. */
  format: (value: number | null) => string;
  /** A fixed top of the axis (1 for shares); otherwise a round number above the largest value. */
  max?: number;
  /** Axis tick labels; defaults to `format`. */
  formatTick?: (value: number) => string;
  width?: number;
}

const BAR_HEIGHT = 14;
const BAR_GAP = 3;
const ROW_PADDING = 12;
const LABEL_COLUMN = 280;
const VALUE_COLUMN = 70;
const AXIS_HEIGHT = 28;

export function layoutHorizontalBars(input: THorizontalBarsInput): TChartDrawing {
  const width = input.width ?? 900;
  const shapes: TShape[] = [];
  const top = titleAndLegend(input.title, input.series, width, shapes) + 4;
  const n = Math.max(1, input.series.length);
  const groupHeight = n * BAR_HEIGHT + (n - 1) * BAR_GAP;
  const rowHeight = groupHeight + ROW_PADDING;
  const rows = input.rows.length ? input.rows : [];
  const plotHeight = Math.max(rowHeight, rows.length * rowHeight);
  const left = LABEL_COLUMN + 12;
  const span = width - left - VALUE_COLUMN;
  const largest = Math.max(0, ...rows.flatMap((r) => r.values.map((v) => v ?? 0)));
  const scale = input.max !== undefined ? niceScaleTo(input.max) : niceScale(largest);
  const formatTick = input.formatTick ?? ((v: number) => input.format(v));

  // Grid and axis first, so the bars lie over them.
  for (const tick of scale.ticks) {
    const x = left + barLength(tick, scale.max, span);
    shapes.push({ kind: "line", x1: x, y1: top, x2: x, y2: top + plotHeight, stroke: CHART_COLORS.grid });
    shapes.push({
      kind: "text",
      x,
      y: top + plotHeight + 18,
      text: formatTick(tick),
      size: 11,
      anchor: "middle",
      fill: CHART_COLORS.muted,
    });
  }
  shapes.push({ kind: "line", x1: left, y1: top, x2: left, y2: top + plotHeight, stroke: CHART_COLORS.axis });

  if (rows.length === 0) {
    shapes.push({
      kind: "text",
      x: left + span / 2,
      y: top + rowHeight / 2 + 4,
      text: "Нет данных за месяц",
      size: 13,
      anchor: "middle",
      fill: CHART_COLORS.muted,
    });
  }
  rows.forEach((row, i) => {
    const y0 = top + i * rowHeight + ROW_PADDING / 2;
    shapes.push({
      kind: "text",
      x: LABEL_COLUMN,
      y: y0 + groupHeight / 2 + 4,
      text: truncateLabel(row.label, 38),
      size: 12,
      anchor: "end",
    });
    input.series.forEach((series, j) => {
      const value = row.values[j] ?? null;
      const y = y0 + j * (BAR_HEIGHT + BAR_GAP);
      const length = value === null ? 0 : barLength(value, scale.max, span);
      if (length > 0) {
        shapes.push({
          kind: "rect",
          x: left,
          y,
          width: length,
          height: BAR_HEIGHT,
          fill: series.color,
          title: `${row.label} — ${series.name}: ${input.format(value)}`,
        });
      }
      shapes.push({
        kind: "text",
        x: left + length + 4,
        y: y + BAR_HEIGHT - 3,
        text: input.format(value),
        size: 11,
        fill: CHART_COLORS.muted,
      });
    });
  });
  return { width, height: top + plotHeight + AXIS_HEIGHT, shapes };
}

/** An axis to a fixed top (1 for shares) in quarters. */
function niceScaleTo(max: number): TScale {
  const step = max / 4;
  return { max, step, ticks: [0, 1, 2, 3, 4].map((i) => Number((i * step).toPrecision(12))) };
}

/* ------------------------------------------------------------------------------------------ */
/* The 12-month trend: volume as bars (left axis), a share as a line (right axis, 0–100 %).   */

export interface TTrendInput {
  title: string;
  points: readonly { label: string; bar: number; line: number | null }[];
  bar: TSeries;
  line: TSeries;
  formatBar: (value: number) => string;
  formatLine: (value: number) => string;
  width?: number;
  height?: number;
}

export function layoutTrend(input: TTrendInput): TChartDrawing {
  const width = input.width ?? 900;
  const height = input.height ?? 380;
  const shapes: TShape[] = [];
  const top = titleAndLegend(input.title, [input.bar, input.line], width, shapes) + 8;
  const left = 56;
  const right = width - 64;
  const bottom = height - 40;
  const plotHeight = bottom - top;
  const scale = niceScale(Math.max(0, ...input.points.map((p) => p.bar)));
  const lineTicks = [0, 0.25, 0.5, 0.75, 1];

  for (const tick of scale.ticks) {
    const y = bottom - barLength(tick, scale.max, plotHeight);
    shapes.push({ kind: "line", x1: left, y1: y, x2: right, y2: y, stroke: CHART_COLORS.grid });
    shapes.push({
      kind: "text",
      x: left - 6,
      y: y + 4,
      text: input.formatBar(tick),
      size: 11,
      anchor: "end",
      fill: CHART_COLORS.muted,
    });
  }
  for (const tick of lineTicks) {
    const y = bottom - tick * plotHeight;
    shapes.push({
      kind: "text",
      x: right + 6,
      y: y + 4,
      text: input.formatLine(tick),
      size: 11,
      fill: input.line.color,
    });
  }
  shapes.push({ kind: "line", x1: left, y1: bottom, x2: right, y2: bottom, stroke: CHART_COLORS.axis });

  const n = Math.max(1, input.points.length);
  const slot = (right - left) / n;
  const barWidth = Math.max(4, slot * 0.6);
  const segments: string[][] = [];
  const markers: TShape[] = [];
  let current: string[] = [];
  input.points.forEach((p, i) => {
    const cx = left + slot * i + slot / 2;
    const h = barLength(p.bar, scale.max, plotHeight);
    if (h > 0) {
      shapes.push({
        kind: "rect",
        x: cx - barWidth / 2,
        y: bottom - h,
        width: barWidth,
        height: h,
        fill: input.bar.color,
        title: `${p.label}: ${input.formatBar(p.bar)}`,
      });
    }
    shapes.push({
      kind: "text",
      x: cx,
      y: bottom - h - 4,
      text: input.formatBar(p.bar),
      size: 10,
      anchor: "middle",
      fill: CHART_COLORS.muted,
    });
    shapes.push({ kind: "text", x: cx, y: bottom + 16, text: p.label, size: 10, anchor: "middle" });
    if (p.line === null) {
      // A month with nothing to judge breaks the line rather than dropping it to zero.
      if (current.length) segments.push(current);
      current = [];
      return;
    }
    const y = bottom - Math.min(1, Math.max(0, p.line)) * plotHeight;
    current.push(`${current.length ? "L" : "M"}${r1(cx)} ${r1(y)}`);
    markers.push({ kind: "circle", cx, cy: y, r: 3.5, fill: input.line.color });
  });
  if (current.length) segments.push(current);
  for (const segment of segments) {
    if (segment.length > 1) shapes.push({ kind: "path", d: segment.join(" "), stroke: input.line.color, width: 2.5 });
  }
  shapes.push(...markers);
  return { width, height, shapes };
}
