import "server-only";
import type { TPrismaClient } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import type { TImportMapping } from "../../domain/import/fields";
import { registerCase } from "../cases/intake";
import { ServiceError } from "../errors";
import { evaluateImport, type TImportActor, type TImportUpload } from "./evaluate";
import type { TImportReport, TImportReportCase, TImportReportRow, TImportResult } from "./types";

const SIGNIFICANCE_REASON = "Отмечена как социально значимая в выгрузке системы куратора (импорт)";

/**
 * Imports the file's valid rows as publications received from the curator (п.7).
 *
 * The file is read and every row checked again here (the preview's answer is not trusted),
 * before anything is written: an unreadable file or a mapping without the required columns
 * changes nothing. Each publication is then registered on its own through intake — its own
 * transaction, numbering, deadlines from its receipt time, notifications — and idempotently by
 * its identifier, so importing the same file again (or twice at once) doubles nothing: a row
 * already in the portal is counted as a duplicate. Finally the mapping is remembered for the
 * municipality, and the batch with its report and an audit row are written together.
 */
export async function commitImport(
  prisma: TPrismaClient,
  actor: TImportActor,
  upload: TImportUpload,
  mapping: TImportMapping | null,
  now: Date,
): Promise<TImportResult> {
  const evaluation = await evaluateImport(prisma, actor, upload, mapping, now);
  if (evaluation.mappingProblems.length > 0) {
    throw new ServiceError("BAD_REQUEST", evaluation.mappingProblems.join(". "), "mapping");
  }

  const imported: TImportReportCase[] = [];
  const duplicates: TImportReportCase[] = [];
  const skipped: TImportReportRow[] = [];
  const warnings: TImportReportRow[] = [];
  const publicId = (record: { externalId: string; derivedId: boolean }) =>
    record.derivedId ? null : record.externalId;

  for (const row of evaluation.rows) {
    if (row.warnings.length > 0) warnings.push({ row: row.row, messages: row.warnings });
    switch (row.status) {
      case "invalid":
      case "repeat":
        skipped.push({ row: row.row, messages: row.errors });
        continue;
      case "existing":
        duplicates.push({
          row: row.row,
          caseId: row.existing.id,
          number: row.existing.number,
          externalId: publicId(row.record),
        });
        continue;
      case "new":
        break;
    }
    const { record } = row;
    try {
      const result = await registerCase(
        prisma,
        { userId: actor.userId, municipalityId: actor.municipalityId, via: "UI" },
        {
          source: "CURATOR",
          url: record.url,
          text: record.text,
          network: record.network,
          authorName: record.authorName,
          authorUrl: record.authorUrl,
          publishedAt: record.publishedAt,
          receivedAt: record.receivedAt,
          externalId: record.externalId,
          topicId: record.topicId,
          address: record.address,
          settlement: record.settlement,
          significant: record.significant,
          significanceReason: record.significant ? SIGNIFICANCE_REASON : null,
        },
        now,
      );
      const entry = { row: row.row, caseId: result.caseId, number: null, externalId: publicId(record) };
      // Not created: registered meanwhile (another import or the curator's API won the race).
      (result.created ? imported : duplicates).push(entry);
    } catch (error) {
      if (error instanceof ServiceError) {
        skipped.push({ row: row.row, messages: [`Строка ${row.row}: ${lowerFirst(error.message)}`] });
        continue;
      }
      // One row's failure must not lose the report of the rows already imported; importing the
      // file again picks the row up (the others are recognised as duplicates).
      console.error(`Import: row ${row.row} failed:`, error);
      skipped.push({
        row: row.row,
        messages: [`Строка ${row.row}: не удалось сохранить из-за внутренней ошибки — импортируйте файл ещё раз`],
      });
    }
  }
  await fillNumbers(prisma, [...imported, ...duplicates]);

  const report: TImportReport = {
    mapping: evaluation.mapping,
    file: {
      format: evaluation.file.format,
      encoding: evaluation.file.encoding,
      delimiter: evaluation.file.delimiter,
      sheetName: evaluation.file.sheetName,
    },
    imported,
    duplicates,
    skipped,
    warnings,
  };
  const totalRows = evaluation.parsed.rows.length;
  const batch = await prisma.$transaction(async (tx) => {
    await tx.municipality.update({
      where: { id: actor.municipalityId },
      data: { importMapping: evaluation.mapping },
    });
    const created = await tx.importBatch.create({
      data: {
        municipalityId: actor.municipalityId,
        fileName: upload.name.slice(0, 255),
        fileSha256: evaluation.file.sha256,
        format: evaluation.file.format,
        createdById: actor.userId,
        createdAt: now,
        totalRows,
        imported: imported.length,
        duplicates: duplicates.length,
        skipped: skipped.length,
        report: report as unknown as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: {
        at: now,
        actorId: actor.userId,
        municipalityId: actor.municipalityId,
        action: "case.import",
        entity: "ImportBatch",
        entityId: created.id,
        data: {
          fileName: upload.name.slice(0, 255),
          fileSha256: evaluation.file.sha256,
          totalRows,
          imported: imported.length,
          duplicates: duplicates.length,
          skipped: skipped.length,
        },
      },
    });
    return created;
  });

  return {
    batchId: batch.id,
    fileName: upload.name,
    totalRows,
    imported: imported.length,
    duplicates: duplicates.length,
    skipped: skipped.length,
    report,
  };
}

async function fillNumbers(prisma: TPrismaClient, entries: TImportReportCase[]) {
  const missing = entries.filter((e) => e.number === null);
  for (let i = 0; i < missing.length; i += 1000) {
    const slice = missing.slice(i, i + 1000);
    const found = await prisma.case.findMany({
      where: { id: { in: slice.map((e) => e.caseId) } },
      select: { id: true, number: true },
    });
    const numbers = new Map(found.map((c) => [c.id, c.number]));
    for (const e of slice) e.number = numbers.get(e.caseId) ?? null;
  }
}

const lowerFirst = (message: string) => message.charAt(0).toLowerCase() + message.slice(1);
