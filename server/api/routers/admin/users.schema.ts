import { z } from "zod";
import { ROLES } from "../../../domain/auth/roles";
import { USERNAME_PATTERN } from "../../../domain/auth/credentials";

const ZId = z.string().min(1, "Не указан идентификатор").max(64);

export const ZUsername = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    USERNAME_PATTERN,
    "Логин: 2–40 латинских букв, цифр, точек, дефисов или подчёркиваний, начиная с буквы или цифры",
  );

const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(200)
  .refine((v) => v === "" || z.email().safeParse(v).success, "Неверный адрес электронной почты")
  .transform((v) => (v === "" ? null : v));

const ZOptionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}: не более ${max} символов`)
    .transform((v) => (v === "" ? null : v));

export const ZUserFields = z.object({
  fullName: z.string().trim().min(3, "Укажите фамилию, имя и отчество").max(200, "ФИО: не более 200 символов"),
  email: ZEmail,
  position: ZOptionalText(200, "Должность"),
  roles: z.array(z.enum(ROLES, "Неизвестная роль")).min(1, "Назначьте хотя бы одну роль"),
  departmentId: z
    .string()
    .max(64)
    .nullable()
    .transform((v) => (v === "" ? null : v)),
});

export const ZUserCreate = ZUserFields.extend({
  username: ZUsername,
  password: z.string().max(200, "Пароль слишком длинный"),
});
export type TUserCreate = z.infer<typeof ZUserCreate>;
export type TUserCreateInput = z.input<typeof ZUserCreate>;

export const ZUserUpdate = ZUserFields.extend({ id: ZId });
export type TUserUpdate = z.infer<typeof ZUserUpdate>;
export type TUserUpdateInput = z.input<typeof ZUserUpdate>;

export const ZUserSetActive = z.object({ id: ZId, active: z.boolean() });
export const ZUserResetPassword = z.object({ id: ZId, password: z.string().max(200, "Пароль слишком длинный") });

export const ZUserList = z
  .object({
    query: z.string().trim().max(100).optional(),
    includeInactive: z.boolean().default(true),
  })
  .default({ includeInactive: true });
