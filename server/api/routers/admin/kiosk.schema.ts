import { z } from "zod";

export const ZKioskCreate = z.object({
  name: z
    .string()
    .trim()
    .min(3, "Название: не короче 3 символов (например, «Телевизор в орготделе»)")
    .max(100, "Название: не более 100 символов"),
});
export type TKioskCreate = z.infer<typeof ZKioskCreate>;

export const ZKioskRevoke = z.object({ id: z.string().min(1).max(64) });
