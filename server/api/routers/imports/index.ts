import { z } from "zod";
import { IMPORT_FIELDS } from "../../../domain/import/fields";
import { getImportBatch, listImportBatches } from "../../../services/import/history";
import { createTRPCRouter, permissionProcedure } from "../../trpc";
import { ZImportBatchId, ZImportHistory } from "./imports.schema";

const ZBatchSummary = z.object({
  id: z.string(),
  fileName: z.string(),
  format: z.string(),
  createdAt: z.date(),
  createdBy: z.string().nullable(),
  totalRows: z.number(),
  imported: z.number(),
  duplicates: z.number(),
  skipped: z.number(),
});

const ZReportRow = z.object({ row: z.number(), messages: z.array(z.string()) });
const ZReportCase = z.object({
  row: z.number(),
  caseId: z.string(),
  number: z.number().nullable(),
  externalId: z.string().nullable(),
});

/**
 * The bulk imports of publications (the upload itself is POST /api/imports): the latest ones
 * with their counts, and one with its report of skipped rows and reasons.
 */
export const importsRouter = createTRPCRouter({
  history: permissionProcedure("case.import")
    .input(ZImportHistory)
    .output(z.array(ZBatchSummary))
    .query(({ ctx, input }) => listImportBatches(ctx.db, { municipalityIds: ctx.user.municipalityIds }, input.limit)),

  batch: permissionProcedure("case.import")
    .input(ZImportBatchId)
    .output(
      ZBatchSummary.extend({
        report: z.object({
          mapping: z.object(Object.fromEntries(IMPORT_FIELDS.map((f) => [f, z.string().nullable()]))),
          file: z.object({
            format: z.string(),
            encoding: z.string().nullable(),
            delimiter: z.string().nullable(),
            sheetName: z.string().nullable(),
          }),
          imported: z.array(ZReportCase),
          duplicates: z.array(ZReportCase),
          skipped: z.array(ZReportRow),
          warnings: z.array(ZReportRow),
        }),
      }),
    )
    .query(({ ctx, input }) => getImportBatch(ctx.db, { municipalityIds: ctx.user.municipalityIds }, input.id)),
});
