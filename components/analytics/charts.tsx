"use client";

import { useRouter } from "next/navigation";
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type BarRectangleItem,
} from "recharts";
import type { TAnalyticsReport } from "@/server/domain/analytics/types";
import { CLOCK_LABELS } from "@/server/domain/cases/case-types";
import { formatCount, formatShare, toPercent } from "@/server/domain/reports/format";
import { formatShortMonth } from "@/server/domain/reports/month";
import { figureHref, type TAnalyticsScope } from "./links";
import { ChartPanel, DataTable, FigureLink } from "./panel";

/**
 * The four charts of the analysis (recharts, SVG), each with its numbers as a table. A bar
 * opens the list of its cases; the table's numbers are links to the same lists, so the
 * drill-down does not depend on a mouse.
 */

const COLORS = { primary: "#1d5fd1", secondary: "#f59e0b", good: "#16a34a", grid: "#e2e8f0" } as const;

/** recharts measures its container: the chart needs a parent with a height, and a first size before it does. */
const INITIAL = { width: 800, height: 320 };

const percentTick = (v: number) => `${v} %`;
const percentOrDash = (v: unknown) => (typeof v === "number" ? formatShare(v / 100) : "—");

function payloadOf<T>(item: BarRectangleItem): T | undefined {
  return item.payload as T | undefined;
}

/* ---------------------------------------------------------------------------------------- */

interface TTrendRow {
  month: string;
  label: string;
  received: number;
  within24h: number | null;
  violations: number;
}

export function TrendChart({ report, scope }: { report: TAnalyticsReport; scope: TAnalyticsScope }) {
  const router = useRouter();
  const data: TTrendRow[] = report.trend.map((p) => ({
    month: p.month,
    label: formatShortMonth(p.month),
    received: p.received,
    within24h: p.answeredWithin24hShare === null ? null : toPercent(p.answeredWithin24hShare),
    violations: p.violations,
  }));
  const monthScope = (month: string) => ({ ...scope, month });
  return (
    <ChartPanel
      title="Динамика за 12 месяцев"
      description="Поступление публикаций (столбцы) и доля ответов, размещённых в течение 24 часов (линия). Столбец открывает публикации месяца."
      testId="chart-trend"
      chart={
        <div className="h-80 w-full">
          <ResponsiveContainer width="100%" height="100%" initialDimension={INITIAL}>
            <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
              <CartesianGrid stroke={COLORS.grid} vertical={false} />
              <XAxis dataKey="label" tick={{ fontSize: 12 }} />
              <YAxis yAxisId="count" allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
              <YAxis
                yAxisId="share"
                orientation="right"
                domain={[0, 100]}
                tickFormatter={percentTick}
                tick={{ fontSize: 12 }}
                width={52}
              />
              <Tooltip
                formatter={(value, name) =>
                  name === "Ответ в течение 24 часов" ? percentOrDash(value) : formatCount(Number(value))
                }
              />
              <Legend />
              <Bar
                yAxisId="count"
                dataKey="received"
                name="Поступило публикаций"
                fill={COLORS.primary}
                cursor="pointer"
                isAnimationActive={false}
                onClick={(item) => {
                  const row = payloadOf<TTrendRow>(item);
                  if (row) router.push(figureHref(monthScope(row.month), "received"));
                }}
              />
              <Line
                yAxisId="share"
                dataKey="within24h"
                name="Ответ в течение 24 часов"
                stroke={COLORS.secondary}
                strokeWidth={2.5}
                connectNulls={false}
                isAnimationActive={false}
              />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      }
      table={
        <DataTable
          caption="Динамика за 12 месяцев"
          columns={[
            { header: "Месяц" },
            { header: "Поступило", numeric: true },
            { header: "Ответ в течение 24 часов", numeric: true },
            { header: "Согласовано с первой подачи", numeric: true },
            { header: "Нарушений", numeric: true },
          ]}
          rows={report.trend.map((p) => ({
            key: p.month,
            cells: [
              formatShortMonth(p.month),
              <FigureLink key="r" href={figureHref(monthScope(p.month), "received")}>
                {formatCount(p.received)}
              </FigureLink>,
              formatShare(p.answeredWithin24hShare),
              formatShare(p.approvedAtFirstShare),
              <FigureLink key="v" href={figureHref(monthScope(p.month), "violationsByType")}>
                {formatCount(p.violations)}
              </FigureLink>,
            ],
          }))}
        />
      }
    />
  );
}

/* ---------------------------------------------------------------------------------------- */

interface TDepartmentRow {
  departmentId: string;
  name: string;
  within24h: number | null;
  firstPass: number | null;
}

/** Height for a horizontal bar chart of `rows` categories: room for two bars and a label each. */
function barsHeight(rows: number, perRow = 48): number {
  return Math.max(160, rows * perRow + 70);
}

export function DepartmentsChart({ report, scope }: { report: TAnalyticsReport; scope: TAnalyticsScope }) {
  const router = useRouter();
  const departments = report.current.departments;
  const data: TDepartmentRow[] = departments.map((d) => ({
    departmentId: d.departmentId,
    name: d.name,
    within24h: d.answeredWithin24hShare === null ? null : toPercent(d.answeredWithin24hShare),
    firstPass: d.approvedAtFirstShare === null ? null : toPercent(d.approvedAtFirstShare),
  }));
  const open = (item: BarRectangleItem) => {
    const row = payloadOf<TDepartmentRow>(item);
    if (row) router.push(figureHref(scope, "byDepartment", row.departmentId));
  };
  const height = barsHeight(data.length);
  return (
    <ChartPanel
      title="Своевременность и качество по отделам"
      description="Доля ответов в течение 24 часов и доля проектов, согласованных куратором с первой подачи. Столбец открывает публикации отдела."
      testId="chart-departments"
      chart={
        data.length === 0 ? (
          <p className="text-sm text-slate-500">Публикации в отделы в этом месяце не направлялись.</p>
        ) : (
          <div className="w-full" style={{ height }}>
            <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: INITIAL.width, height }}>
              <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
                <CartesianGrid stroke={COLORS.grid} horizontal={false} />
                <XAxis type="number" domain={[0, 100]} tickFormatter={percentTick} tick={{ fontSize: 12 }} />
                <YAxis type="category" dataKey="name" width={220} tick={{ fontSize: 12 }} />
                <Tooltip formatter={percentOrDash} />
                <Legend />
                <Bar
                  dataKey="within24h"
                  name="Ответ в течение 24 часов"
                  fill={COLORS.primary}
                  cursor="pointer"
                  isAnimationActive={false}
                  onClick={open}
                />
                <Bar
                  dataKey="firstPass"
                  name="Согласовано с первой подачи"
                  fill={COLORS.good}
                  cursor="pointer"
                  isAnimationActive={false}
                  onClick={open}
                />
              </BarChart>
            </ResponsiveContainer>
          </div>
        )
      }
      table={
        <DataTable
          caption="Своевременность и качество по отделам"
          columns={[
            { header: "Отдел" },
            { header: "Поступило", numeric: true },
            { header: "Ответ в течение 24 часов", numeric: true },
            { header: "Согласовано с первой подачи", numeric: true },
            { header: "Возвратов", numeric: true },
            { header: "Нарушений", numeric: true },
          ]}
          rows={departments.map((d) => ({
            key: d.departmentId,
            cells: [
              <FigureLink key="n" href={figureHref(scope, "byDepartment", d.departmentId)}>
                {d.name}
              </FigureLink>,
              formatCount(d.received),
              d.answerDue > 0 ? (
                <FigureLink key="a" href={figureHref(scope, "answeredWithin24h", d.departmentId)}>
                  {`${formatShare(d.answeredWithin24hShare)} (${formatCount(d.answeredWithin24h)} из ${formatCount(d.answerDue)})`}
                </FigureLink>
              ) : (
                "—"
              ),
              d.firstSubmissions > 0 ? (
                <FigureLink key="q" href={figureHref(scope, "firstPassApproved", d.departmentId)}>
                  {`${formatShare(d.approvedAtFirstShare)} (${formatCount(d.approvedAtFirst)} из ${formatCount(d.firstSubmissions)})`}
                </FigureLink>
              ) : (
                "—"
              ),
              <FigureLink
                key="r"
                href={d.returns > 0 ? figureHref(scope, "returnsByDepartment", d.departmentId) : null}
              >
                {formatCount(d.returns)}
              </FigureLink>,
              <FigureLink
                key="v"
                href={d.violations > 0 ? figureHref(scope, "violationsByDepartment", d.departmentId) : null}
              >
                {formatCount(d.violations)}
              </FigureLink>,
            ],
          }))}
        />
      }
    />
  );
}

/* ---------------------------------------------------------------------------------------- */

interface TCountChartRow {
  key: string;
  label: string;
  count: number;
}

export function NetworksChart({ report, scope }: { report: TAnalyticsReport; scope: TAnalyticsScope }) {
  const router = useRouter();
  const rows = report.current.volume.byNetwork;
  const total = report.current.volume.received;
  const height = barsHeight(rows.length, 40);
  return (
    <ChartPanel
      title="Публикации по социальным сетям"
      description="Столбец открывает публикации из этой сети."
      testId="chart-networks"
      chart={
        rows.length === 0 ? (
          <p className="text-sm text-slate-500">Публикаций в этом месяце не поступало.</p>
        ) : (
          <div className="w-full" style={{ height }}>
            <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: INITIAL.width, height }}>
              <BarChart
                data={rows.map((r) => ({ key: r.key, label: r.label, count: r.count }))}
                layout="vertical"
                margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
              >
                <CartesianGrid stroke={COLORS.grid} horizontal={false} />
                <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
                <YAxis type="category" dataKey="label" width={140} tick={{ fontSize: 12 }} />
                <Tooltip formatter={(v) => formatCount(Number(v))} />
                <Bar
                  dataKey="count"
                  name="Публикаций"
                  fill={COLORS.primary}
                  cursor="pointer"
                  isAnimationActive={false}
                  onClick={(item) => {
                    const row = payloadOf<TCountChartRow>(item);
                    if (row) router.push(figureHref(scope, "byNetwork", row.key));
                  }}
                />
              </BarChart>
            </ResponsiveContainer>
          </div>
        )
      }
      table={
        <DataTable
          caption="Публикации по социальным сетям"
          columns={[
            { header: "Социальная сеть" },
            { header: "Публикаций", numeric: true },
            { header: "Доля", numeric: true },
          ]}
          rows={rows.map((r) => ({
            key: r.key,
            cells: [
              r.label,
              <FigureLink key="c" href={figureHref(scope, "byNetwork", r.key)}>
                {formatCount(r.count)}
              </FigureLink>,
              formatShare(total > 0 ? r.count / total : null),
            ],
          }))}
        />
      }
    />
  );
}

/* ---------------------------------------------------------------------------------------- */

interface TClockRow {
  clock: string;
  label: string;
  share: number | null;
}

export function ClocksChart({ report, scope }: { report: TAnalyticsReport; scope: TAnalyticsScope }) {
  const router = useRouter();
  const clocks = report.current.timeliness.clocks;
  const data: TClockRow[] = clocks.map((c) => ({
    clock: c.clock,
    label: CLOCK_LABELS[c.clock],
    share: c.share === null ? null : toPercent(c.share),
  }));
  const height = barsHeight(data.length, 40);
  return (
    <ChartPanel
      title="Соблюдение сроков по этапам"
      description="Доля сроков Регламента, истёкших в месяце, которые были соблюдены. Столбец открывает публикации, где срок этапа нарушен."
      testId="chart-clocks"
      chart={
        data.length === 0 ? (
          <p className="text-sm text-slate-500">Сроки в этом месяце не наступали.</p>
        ) : (
          <div className="w-full" style={{ height }}>
            <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: INITIAL.width, height }}>
              <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
                <CartesianGrid stroke={COLORS.grid} horizontal={false} />
                <XAxis type="number" domain={[0, 100]} tickFormatter={percentTick} tick={{ fontSize: 12 }} />
                <YAxis type="category" dataKey="label" width={200} tick={{ fontSize: 12 }} />
                <Tooltip formatter={percentOrDash} />
                <Bar
                  dataKey="share"
                  name="Соблюдено"
                  fill={COLORS.good}
                  cursor="pointer"
                  isAnimationActive={false}
                  onClick={(item) => {
                    const row = payloadOf<TClockRow>(item);
                    if (row) router.push(figureHref(scope, "clockMissed", row.clock));
                  }}
                />
              </BarChart>
            </ResponsiveContainer>
          </div>
        )
      }
      table={
        <DataTable
          caption="Соблюдение сроков по этапам"
          columns={[
            { header: "Этап" },
            { header: "Сроков наступило", numeric: true },
            { header: "Соблюдено", numeric: true },
            { header: "Не соблюдено", numeric: true },
            { header: "Доля соблюдённых", numeric: true },
          ]}
          rows={clocks.map((c) => ({
            key: c.clock,
            cells: [
              CLOCK_LABELS[c.clock],
              formatCount(c.due),
              formatCount(c.met),
              <FigureLink key="m" href={c.due > c.met ? figureHref(scope, "clockMissed", c.clock) : null}>
                {formatCount(c.due - c.met)}
              </FigureLink>,
              formatShare(c.share),
            ],
          }))}
        />
      }
    />
  );
}
