import type { TFigure } from "@/server/domain/analytics/types";
import { isFigure } from "@/server/domain/reports/figures";
import type { TReportFormat } from "@/server/domain/reports/file-name";
import { isMonth } from "@/server/domain/violations/month";

/**
 * The addresses of the analytics pages. The month is always written out, so a link copied from
 * the page or the drill-down means the same month tomorrow; an empty municipality is the
 * viewer's whole scope (their own district, or all a curator's).
 */

export interface TAnalyticsScope {
  month: string;
  municipality: string;
}

function query(entries: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(entries)) if (value) params.set(key, value);
  return params.toString();
}

/** The list of the cases behind a figure: /analytics/cases?month=…&municipality=…&figure=…&key=… */
export function figureHref(scope: TAnalyticsScope, figure: TFigure, key?: string | null): string {
  return `/analytics/cases?${query({ month: scope.month, municipality: scope.municipality, figure, key })}`;
}

export function dashboardHref(scope: TAnalyticsScope): string {
  return `/analytics?${query({ month: scope.month, municipality: scope.municipality })}`;
}

export function reportDownloadHref(scope: TAnalyticsScope, format: TReportFormat): string {
  return `/api/reports/monthly?${query({ month: scope.month, format, municipality: scope.municipality })}`;
}

/** The analysis input for a scope: the same object for the page's prefetch and the dashboard. */
export function reportInput(scope: TAnalyticsScope) {
  return { month: scope.month, municipalityId: scope.municipality || null };
}

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export interface TFigureQuery {
  scope: TAnalyticsScope;
  figure: TFigure;
  key: string | null;
}

/** The drill-down's parameters from the address; null when they do not name a figure of a month. */
export function readFigureQuery(params: Pick<URLSearchParams, "get">, defaultMonth: string): TFigureQuery | null {
  const month = params.get("month") ?? defaultMonth;
  const figure = params.get("figure") ?? "";
  const municipality = params.get("municipality") ?? "";
  const key = params.get("key") ?? "";
  if (!isMonth(month) || !isFigure(figure)) return null;
  if (municipality && !ID_PATTERN.test(municipality)) return null;
  if (key.length > 64) return null;
  return { scope: { month, municipality }, figure, key: key || null };
}

/** Input of a figure's list: the same for the page's prefetch and the list. */
export function figureCasesInput(q: TFigureQuery) {
  return { ...reportInput(q.scope), figure: q.figure, key: q.key ?? undefined };
}
