import { z } from "zod";
import { IMPORT_FIELDS, type TImportField } from "../../../domain/import/fields";

const ZHeader = z
  .string("Столбец указывается его названием (строкой) или null")
  .max(500, "Слишком длинное название столбца")
  .nullable();

/** Field → header of the column (null: not imported); unknown fields are refused, not ignored. */
export const ZImportMapping = z.strictObject(
  Object.fromEntries(IMPORT_FIELDS.map((f) => [f, ZHeader.optional()])) as Record<
    TImportField,
    z.ZodOptional<typeof ZHeader>
  >,
  "Неверное сопоставление столбцов",
);

/** The `mode` field of the import form. */
export const ZImportMode = z.enum(["preview", "commit"], "Укажите режим: preview (проверка) или commit (импорт)");

export const ZImportHistory = z.object({ limit: z.number().int().min(1).max(100).default(20) }).default({ limit: 20 });

export const ZImportBatchId = z.object({ id: z.string().min(1).max(64) });
