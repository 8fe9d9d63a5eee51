import { z } from "zod";

/** A VK access key: VK issues long strings of Latin letters, digits, dots, dashes and underscores. */
export const ZVkToken = z
  .string()
  .trim()
  .min(20, "Ключ доступа слишком короткий: скопируйте его из настроек сообщества целиком")
  .max(512, "Ключ доступа слишком длинный: проверьте, что скопировано только значение ключа")
  .regex(/^[A-Za-z0-9._-]+$/u, "Ключ доступа содержит недопустимые символы: скопируйте его без пробелов и кавычек");

export const ZVkConfigure = z.object({
  /** A new key; null keeps the stored one (only the switch changes). */
  token: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), ZVkToken.nullable()),
  enabled: z.boolean(),
});
export type TVkConfigure = z.infer<typeof ZVkConfigure>;

export const ZVkCaseInput = z.object({ caseId: z.string().trim().min(1).max(64) });
