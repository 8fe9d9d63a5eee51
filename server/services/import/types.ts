import type { TImportField } from "../../domain/import/fields";

/**
 * What the import endpoint answers, as JSON (dates as ISO strings), so that the page reads it
 * with the same types. Nothing here is secret or server-only.
 */

export type TImportRowStatus = "new" | "existing" | "invalid" | "repeat";

export interface TImportPreviewRow {
  row: number;
  status: TImportRowStatus;
  /** The identifier as in the file; null when it is derived from the link. */
  externalId: string | null;
  url: string;
  /** The beginning of the text. */
  text: string;
  /** ISO instant; null when unreadable. */
  receivedAt: string | null;
  /** For an invalid row: the receipt time as written in the file. */
  receivedAtText: string | null;
  /** For `existing`: the case already in the portal. */
  case: { id: string; number: number } | null;
  /** Why it will not be imported. */
  reasons: string[];
  /** Imported, but something was left out or will happen. */
  warnings: string[];
}

export interface TImportFileInfo {
  name: string;
  format: "CSV" | "XLSX";
  encoding: string | null;
  delimiter: string | null;
  sheetName: string | null;
  sha256: string;
}

export interface TImportCounts {
  /** Rows with data under the header. */
  total: number;
  /** Will be imported. */
  new: number;
  /** Already in the portal: counted as duplicates, nothing doubled. */
  existing: number;
  invalid: number;
  /** Repeat an earlier row of the same file. */
  repeat: number;
  /** Rows (of any status) with warnings. */
  withWarnings: number;
}

export interface TImportPreview {
  file: TImportFileInfo;
  headers: string[];
  /** The first rows' cells, to choose the columns by their content. */
  sample: string[][];
  mapping: Record<TImportField, string | null>;
  /** Where the mapping came from: sent with the request, remembered from the last import, or guessed. */
  mappingSource: "provided" | "remembered" | "suggested";
  /** Why the rows cannot be checked with this mapping (then `rows` is empty). */
  mappingProblems: string[];
  counts: TImportCounts;
  /** The first rows of the file. */
  rows: TImportPreviewRow[];
  /** Rows that will not be imported or carry warnings, in order (capped). */
  issues: TImportPreviewRow[];
  /** Earlier imports of the very same file into this municipality. */
  earlierImports: { id: string; createdAt: string; createdBy: string | null; imported: number }[];
}

export interface TImportReportRow {
  row: number;
  messages: string[];
}

export interface TImportReportCase {
  row: number;
  caseId: string;
  number: number | null;
  externalId: string | null;
}

/** Kept with the batch (ImportBatch.report). */
export interface TImportReport {
  mapping: Record<TImportField, string | null>;
  file: { format: "CSV" | "XLSX"; encoding: string | null; delimiter: string | null; sheetName: string | null };
  imported: TImportReportCase[];
  duplicates: TImportReportCase[];
  skipped: TImportReportRow[];
  warnings: TImportReportRow[];
}

export interface TImportResult {
  batchId: string;
  fileName: string;
  totalRows: number;
  imported: number;
  duplicates: number;
  skipped: number;
  report: TImportReport;
}
