import { z } from "zod";

export const ZDepartmentFields = z.object({
  name: z.string().trim().min(3, "Название: не короче 3 символов").max(200, "Название: не более 200 символов"),
  shortName: z
    .string()
    .trim()
    .max(40, "Краткое название: не более 40 символов")
    .transform((v) => (v === "" ? null : v)),
  isCoordinating: z.boolean(),
});

export const ZDepartmentCreate = ZDepartmentFields;
export type TDepartmentCreate = z.infer<typeof ZDepartmentCreate>;
export type TDepartmentCreateInput = z.input<typeof ZDepartmentCreate>;

export const ZDepartmentUpdate = ZDepartmentFields.extend({ id: z.string().min(1).max(64) });
export type TDepartmentUpdate = z.infer<typeof ZDepartmentUpdate>;

export const ZDepartmentSetActive = z.object({ id: z.string().min(1).max(64), active: z.boolean() });
