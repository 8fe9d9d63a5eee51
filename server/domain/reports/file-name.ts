import { formatMonth } from "../violations/month";

export type TReportFormat = "docx" | "xlsx";

export const REPORT_FORMATS = ["docx", "xlsx"] as const satisfies readonly TReportFormat[];

export const REPORT_CONTENT_TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const satisfies Record<TReportFormat, string>;

/** Characters no file system accepts in a name, and control characters. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]+/g;

/**
 * "Анализ за март 2026 — Мясниковский район.docx": what the deputy head sees in Downloads and
 * what the head sees attached. The scope's title is left out when it would make the name
 * unwieldy (a curator's many municipalities).
 */
export function reportFileName(month: string, scopeTitle: string, format: TReportFormat): string {
  const scope = scopeTitle.replace(UNSAFE, " ").replace(/\s+/g, " ").trim();
  const suffix = scope && Array.from(scope).length <= 60 ? ` — ${scope}` : "";
  return `Анализ за ${formatMonth(month)}${suffix}.${format}`;
}

/** "monthly-report-2026-03.docx", for clients that understand only a plain ASCII `filename`. */
export function reportAsciiFileName(month: string, format: TReportFormat): string {
  return `monthly-report-${month.replace(/[^0-9-]/g, "")}.${format}`;
}

/**
 * `attachment` with the Russian name as `filename*` (RFC 6266, RFC 8187) and the ASCII name as
 * `filename` for the rest.
 */
export function reportContentDisposition(month: string, scopeTitle: string, format: TReportFormat): string {
  const encoded = encodeURIComponent(reportFileName(month, scopeTitle, format)).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${reportAsciiFileName(month, format)}"; filename*=UTF-8''${encoded}`;
}
