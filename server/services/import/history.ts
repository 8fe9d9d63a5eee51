import "server-only";
import { z } from "zod";
import type { TPrismaClient } from "../../db/client";
import { IMPORT_FIELDS } from "../../domain/import/fields";
import { ServiceError } from "../errors";
import type { TImportReport } from "./types";

/** Whose imports a person sees: those of their municipalities. */
export interface TImportReader {
  municipalityIds: string[];
}

const BATCH_SELECT = {
  id: true,
  fileName: true,
  format: true,
  createdAt: true,
  totalRows: true,
  imported: true,
  duplicates: true,
  skipped: true,
  createdBy: { select: { fullName: true } },
} as const;

export interface TImportBatchSummary {
  id: string;
  fileName: string;
  format: string;
  createdAt: Date;
  createdBy: string | null;
  totalRows: number;
  imported: number;
  duplicates: number;
  skipped: number;
}

function summarize(b: {
  id: string;
  fileName: string;
  format: string;
  createdAt: Date;
  totalRows: number;
  imported: number;
  duplicates: number;
  skipped: number;
  createdBy: { fullName: string } | null;
}): TImportBatchSummary {
  return {
    id: b.id,
    fileName: b.fileName,
    format: b.format,
    createdAt: b.createdAt,
    createdBy: b.createdBy?.fullName ?? null,
    totalRows: b.totalRows,
    imported: b.imported,
    duplicates: b.duplicates,
    skipped: b.skipped,
  };
}

/** The latest imports, newest first. */
export async function listImportBatches(
  prisma: TPrismaClient,
  reader: TImportReader,
  limit: number,
): Promise<TImportBatchSummary[]> {
  const batches = await prisma.importBatch.findMany({
    where: { municipalityId: { in: reader.municipalityIds } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: BATCH_SELECT,
  });
  return batches.map(summarize);
}

const ZRow = z.object({ row: z.number(), messages: z.array(z.string()) });
const ZCase = z.object({
  row: z.number(),
  caseId: z.string(),
  number: z.number().nullable(),
  externalId: z.string().nullable(),
});
const ZReport = z.object({
  mapping: z.object(Object.fromEntries(IMPORT_FIELDS.map((f) => [f, z.string().nullable().catch(null)]))),
  file: z.object({
    format: z.enum(["CSV", "XLSX"]),
    encoding: z.string().nullable(),
    delimiter: z.string().nullable(),
    sheetName: z.string().nullable(),
  }),
  imported: z.array(ZCase),
  duplicates: z.array(ZCase),
  skipped: z.array(ZRow),
  warnings: z.array(ZRow),
});

const EMPTY_REPORT: TImportReport = {
  mapping: Object.fromEntries(IMPORT_FIELDS.map((f) => [f, null])) as TImportReport["mapping"],
  file: { format: "CSV", encoding: null, delimiter: null, sheetName: null },
  imported: [],
  duplicates: [],
  skipped: [],
  warnings: [],
};

/** One import with its report: what was imported, what was already there, what was skipped and why. */
export async function getImportBatch(
  prisma: TPrismaClient,
  reader: TImportReader,
  id: string,
): Promise<TImportBatchSummary & { report: TImportReport }> {
  const batch = await prisma.importBatch.findFirst({
    where: { id, municipalityId: { in: reader.municipalityIds } },
    select: { ...BATCH_SELECT, report: true },
  });
  if (!batch) throw new ServiceError("NOT_FOUND", "Импорт не найден");
  const parsed = ZReport.safeParse(batch.report);
  // A report written by an older version is shown as far as it can be read: the counts remain.
  const report = parsed.success ? (parsed.data as TImportReport) : EMPTY_REPORT;
  return { ...summarize(batch), report };
}
