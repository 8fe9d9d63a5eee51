import { z } from "zod";

const ZId = z.string().min(1, "Не указан идентификатор").max(64);

export const ZRoutinePostRecord = z.object({
  accountId: z.string().min(1, "Выберите аккаунт").max(64),
  /** An `<input type="datetime-local">` value, read in the municipality's zone by the service. */
  publishedAt: z.string().trim().min(1, "Укажите дату и время публикации").max(40, "Укажите дату и время публикации"),
  url: z.string().trim().min(1, "Укажите ссылку на публикацию").max(1000, "Ссылка: не более 1000 символов"),
  title: z
    .string()
    .trim()
    .min(3, "Укажите заголовок или первые слова публикации")
    .max(300, "Заголовок: не более 300 символов"),
});
export type TRoutinePostRecord = z.infer<typeof ZRoutinePostRecord>;
export type TRoutinePostRecordInput = z.input<typeof ZRoutinePostRecord>;

export const ZRoutinePosts = z.object({
  accountId: ZId,
  cursor: ZId.nullish(),
  limit: z.number().int().min(1).max(100).optional(),
});

export const ZRoutinePostDelete = z.object({ id: ZId });
