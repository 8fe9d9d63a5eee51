import { z } from "zod";

export const ZApiKeyCreate = z.object({
  name: z
    .string()
    .trim()
    .min(3, "Название: не короче 3 символов (например, «Система куратора»)")
    .max(100, "Название: не более 100 символов"),
  /** The last day the key works ("YYYY-MM-DD"), in the municipality's calendar; null: no limit. */
  expiresOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Укажите дату в формате ГГГГ-ММ-ДД")
    .nullable(),
});
export type TApiKeyCreate = z.infer<typeof ZApiKeyCreate>;

export const ZApiKeyRevoke = z.object({ id: z.string().min(1).max(64) });
