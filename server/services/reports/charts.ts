import "server-only";
import sharp from "sharp";
import type { TAnalyticsReport } from "../../domain/analytics/types";
import { CLOCK_LABELS } from "../../domain/cases/case-types";
import {
  CHART_COLORS,
  layoutHorizontalBars,
  layoutTrend,
  renderChartSvg,
  type TChartDrawing,
} from "../../domain/reports/charts";
import { formatCount, formatShare } from "../../domain/reports/format";
import { formatShortMonth } from "../../domain/reports/month";

/** A chart ready for the document: the picture and its size on the page, in pixels at 96 dpi. */
export interface TChartImage {
  key: "trend" | "departments" | "networks" | "clocks";
  title: string;
  png: Buffer;
  width: number;
  height: number;
}

/** Twice the drawing's resolution, so the picture stays sharp when printed. */
const DENSITY = 144;
/** The width of the text column of an A4 page with 2 cm margins, in pixels at 96 dpi. */
export const PAGE_CONTENT_WIDTH_PX = 640;

export async function rasteriseChart(drawing: TChartDrawing): Promise<Buffer> {
  return sharp(Buffer.from(renderChartSvg(drawing)), { density: DENSITY })
    .png()
    .toBuffer();
}

/** The drawings of the report's four charts, the same ones the page shows. */
export function reportChartDrawings(
  report: TAnalyticsReport,
): Record<TChartImage["key"], TChartDrawing & { title: string }> {
  const m = report.current;
  const share = (v: number | null) => formatShare(v);
  const trendTitle = "Поступление публикаций и ответы в течение 24 часов за 12 месяцев";
  const departmentsTitle = "Своевременность и качество по отделам";
  const networksTitle = "Публикации по социальным сетям";
  const clocksTitle = "Соблюдение сроков по этапам";
  return {
    trend: {
      title: trendTitle,
      ...layoutTrend({
        title: trendTitle,
        points: report.trend.map((p) => ({
          label: formatShortMonth(p.month),
          bar: p.received,
          line: p.answeredWithin24hShare,
        })),
        bar: { name: "Поступило публикаций", color: CHART_COLORS.primary },
        line: { name: "Ответ в течение 24 часов", color: CHART_COLORS.secondary },
        formatBar: (v) => formatCount(v),
        formatLine: (v) => formatShare(v),
      }),
    },
    departments: {
      title: departmentsTitle,
      ...layoutHorizontalBars({
        title: departmentsTitle,
        series: [
          { name: "Ответ в течение 24 часов", color: CHART_COLORS.primary },
          { name: "Согласовано с первой подачи", color: CHART_COLORS.tertiary },
        ],
        rows: m.departments.map((d) => ({
          label: d.name,
          values: [d.answeredWithin24hShare, d.approvedAtFirstShare],
        })),
        format: share,
        max: 1,
      }),
    },
    networks: {
      title: networksTitle,
      ...layoutHorizontalBars({
        title: networksTitle,
        series: [{ name: "Публикаций", color: CHART_COLORS.primary }],
        rows: m.volume.byNetwork.map((r) => ({ label: r.label, values: [r.count] })),
        format: (v) => formatCount(v),
      }),
    },
    clocks: {
      title: clocksTitle,
      ...layoutHorizontalBars({
        title: clocksTitle,
        series: [{ name: "Доля соблюдённых сроков", color: CHART_COLORS.tertiary }],
        rows: m.timeliness.clocks.map((c) => ({ label: CLOCK_LABELS[c.clock], values: [c.share] })),
        format: share,
        max: 1,
      }),
    },
  };
}

/** The four charts as PNG pictures sized for an A4 page. */
export async function renderReportCharts(report: TAnalyticsReport): Promise<TChartImage[]> {
  const drawings = reportChartDrawings(report);
  return Promise.all(
    (Object.keys(drawings) as TChartImage["key"][]).map(async (key) => {
      const drawing = drawings[key];
      const scale = PAGE_CONTENT_WIDTH_PX / drawing.width;
      return {
        key,
        title: drawing.title,
        png: await rasteriseChart(drawing),
        width: PAGE_CONTENT_WIDTH_PX,
        height: Math.round(drawing.height * scale),
      };
    }),
  );
}
