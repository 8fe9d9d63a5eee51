import "server-only";
import type { TPrismaClient } from "../../db/client";
import type { TImportMapping } from "../../domain/import/fields";
import { IMPORT_PREVIEW_ISSUES, IMPORT_PREVIEW_ROWS } from "../../domain/import/limits";
import type { TColumns } from "../../domain/import/mapping";
import type { TSheetRow } from "../../domain/import/validate";
import { evaluateImport, existingMessage, type TEvaluatedRow, type TImportActor, type TImportUpload } from "./evaluate";
import type { TImportCounts, TImportPreview, TImportPreviewRow } from "./types";

const SAMPLE_ROWS = 5;
const TEXT_EXCERPT = 200;

/**
 * What importing the file would do, row by row, without writing anything: the columns and the
 * mapping to confirm (the one sent, else the one remembered for the municipality, else a guess
 * from the headers), each row's fate with its reasons, and the counts.
 */
export async function previewImport(
  prisma: TPrismaClient,
  actor: TImportActor,
  upload: TImportUpload,
  mapping: TImportMapping | null,
  now: Date,
): Promise<TImportPreview> {
  const evaluation = await evaluateImport(prisma, actor, upload, mapping, now);
  const { parsed, rows } = evaluation;
  const earlier = await prisma.importBatch.findMany({
    where: { municipalityId: actor.municipalityId, fileSha256: evaluation.file.sha256 },
    orderBy: { createdAt: "desc" },
    take: 5,
    select: { id: true, createdAt: true, imported: true, createdBy: { select: { fullName: true } } },
  });

  const presented = rows.map((row, index) => presentRow(row, parsed.rows[index], evaluation.columns));
  return {
    file: evaluation.file,
    headers: parsed.headers,
    sample: parsed.rows.slice(0, SAMPLE_ROWS).map((r) => parsed.headers.map((_, i) => r.cells[i] ?? "")),
    mapping: evaluation.mapping,
    mappingSource: evaluation.mappingSource,
    mappingProblems: evaluation.mappingProblems,
    counts: countRows(parsed.rows.length, rows),
    rows: presented.slice(0, IMPORT_PREVIEW_ROWS),
    issues: presented.filter((r) => r.status !== "new" || r.warnings.length > 0).slice(0, IMPORT_PREVIEW_ISSUES),
    earlierImports: earlier.map((b) => ({
      id: b.id,
      createdAt: b.createdAt.toISOString(),
      createdBy: b.createdBy?.fullName ?? null,
      imported: b.imported,
    })),
  };
}

export function countRows(total: number, rows: readonly TEvaluatedRow[]): TImportCounts {
  const count = (status: TEvaluatedRow["status"]) => rows.filter((r) => r.status === status).length;
  return {
    total,
    new: count("new"),
    existing: count("existing"),
    invalid: count("invalid"),
    repeat: count("repeat"),
    withWarnings: rows.filter((r) => r.warnings.length > 0).length,
  };
}

function presentRow(row: TEvaluatedRow, sheetRow: TSheetRow | undefined, columns: TColumns): TImportPreviewRow {
  const base = { row: row.row, status: row.status, warnings: row.warnings };
  if (row.status === "invalid") {
    // What the file says, so the person finds the row in their spreadsheet.
    const raw = (field: keyof TColumns) => {
      const index = columns[field];
      return index === undefined ? "" : (sheetRow?.cells[index] ?? "").trim();
    };
    return {
      ...base,
      externalId: raw("externalId") || null,
      url: raw("url"),
      text: excerpt(raw("text")),
      receivedAt: null,
      receivedAtText: raw("receivedAt"),
      case: null,
      reasons: row.errors,
    };
  }
  const { record } = row;
  return {
    ...base,
    externalId: record.derivedId ? null : record.externalId,
    url: record.url,
    text: excerpt(record.text),
    receivedAt: record.receivedAt.toISOString(),
    receivedAtText: null,
    case: row.status === "existing" ? { id: row.existing.id, number: row.existing.number } : null,
    reasons:
      row.status === "repeat" ? row.errors : row.status === "existing" ? [existingMessage(row.row, row.existing)] : [],
  };
}

const excerpt = (text: string) => (text.length > TEXT_EXCERPT ? `${text.slice(0, TEXT_EXCERPT - 1)}…` : text);
