"use client";

import Link from "next/link";
import { useId, useState, type ReactNode } from "react";

/**
 * A section of the analysis: a heading, and for a chart a switch between the picture and the
 * same numbers as a table (for screen readers and for those who prefer numbers). The switch
 * is a pair of toggle buttons; the choice is per chart and not remembered.
 */
export function ChartPanel({
  title,
  description,
  testId,
  chart,
  table,
}: {
  title: string;
  description?: ReactNode;
  testId: string;
  chart: ReactNode;
  table: ReactNode;
}) {
  const id = useId();
  const [view, setView] = useState<"chart" | "table">("chart");
  const toggle = (value: "chart" | "table", label: string) => (
    <button
      type="button"
      aria-pressed={view === value}
      onClick={() => setView(value)}
      className={`px-3 py-1 text-sm font-medium ${
        view === value ? "bg-brand-600 text-white" : "bg-white text-slate-700 hover:bg-slate-100"
      }`}
    >
      {label}
    </button>
  );
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="rounded-lg border border-slate-200 bg-white p-4"
      data-testid={testId}
    >
      <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id={`${id}-title`} className="font-semibold">
            {title}
          </h2>
          {description ? <p className="text-sm text-slate-600">{description}</p> : null}
        </div>
        <div
          role="group"
          aria-label={`Вид: ${title}`}
          className="flex overflow-hidden rounded-md border border-slate-300"
        >
          {toggle("chart", "График")}
          {toggle("table", "Таблица")}
        </div>
      </div>
      {view === "chart" ? chart : table}
    </section>
  );
}

/** A section without a chart. */
export function Panel({
  title,
  description,
  testId,
  children,
}: {
  title: string;
  description?: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="rounded-lg border border-slate-200 bg-white p-4"
      data-testid={testId}
    >
      <h2 id={`${id}-title`} className="font-semibold">
        {title}
      </h2>
      {description ? <p className="text-sm text-slate-600">{description}</p> : null}
      <div className="mt-3">{children}</div>
    </section>
  );
}

export interface TTableColumn {
  header: string;
  /** Numbers are right-aligned. */
  numeric?: boolean;
}

/** A plain accessible table: a caption for screen readers, column headers, the first cell a row header. */
export function DataTable({
  caption,
  columns,
  rows,
  empty = "Нет данных за месяц",
}: {
  caption: string;
  columns: TTableColumn[];
  rows: { key: string; cells: ReactNode[] }[];
  empty?: string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={`px-3 py-2 font-medium ${c.numeric ? "text-right" : ""}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="px-3 py-3 text-slate-500">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.key} className="border-t border-slate-100">
                {row.cells.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className="px-3 py-2 text-left font-normal">
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className={`px-3 py-2 ${columns[i]?.numeric ? "text-right tabular-nums" : ""}`}>
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/** A number that opens the list of its cases; plain text when there is nothing to list. */
export function FigureLink({ href, children, label }: { href: string | null; children: ReactNode; label?: string }) {
  if (!href) return <>{children}</>;
  return (
    <Link href={href} className="text-brand-700 underline-offset-2 hover:underline" aria-label={label}>
      {children}
    </Link>
  );
}
