import { z } from "zod";
import { ACCOUNT_OWNER_KINDS, MAX_NETWORK_HOSTS } from "../../../domain/accounts/account-rules";

const ZId = z.string().min(1, "Не указан идентификатор").max(64);

const ZOptionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}: не более ${max} символов`)
    .transform((v) => (v === "" ? null : v));

/** A select's value: "" (nothing chosen) and null both mean none. */
const ZOptionalId = z
  .string()
  .max(64)
  .nullable()
  .transform((v) => (v === "" ? null : v));

export const ZAccountFields = z.object({
  networkId: z.string().min(1, "Выберите социальную сеть").max(64),
  url: z.string().trim().min(1, "Укажите адрес страницы").max(500, "Адрес: не более 500 символов"),
  name: z.string().trim().min(3, "Название: не короче 3 символов").max(200, "Название: не более 200 символов"),
  ownerKind: z.enum(ACCOUNT_OWNER_KINDS, "Выберите вид страницы"),
  ownerName: ZOptionalText(200, "Владелец страницы"),
  departmentId: ZOptionalId,
  responsibleId: ZOptionalId,
  /** Checked per network by the service (VK: digits). */
  externalId: z.string().trim().max(100, "Идентификатор: не более 100 символов"),
});

export const ZAccountCreate = ZAccountFields;
export type TAccountCreate = z.infer<typeof ZAccountCreate>;
export type TAccountCreateInput = z.input<typeof ZAccountCreate>;

export const ZAccountUpdate = ZAccountFields.extend({ id: ZId });
export type TAccountUpdate = z.infer<typeof ZAccountUpdate>;

export const ZAccountSetActive = z.object({ id: ZId, active: z.boolean() });

export const ZNetworkUpdate = z.object({
  id: ZId,
  name: z.string().trim().min(2, "Название: не короче 2 символов").max(100, "Название: не более 100 символов"),
  /** Checked by the service (server/domain/accounts/account-rules.ts: checkNetworkHosts). */
  hosts: z
    .array(z.string().max(300, "Адрес сайта слишком длинный"))
    .max(MAX_NETWORK_HOSTS * 2, "Слишком много адресов"),
  maxAnswerLength: z
    .number("Укажите число символов")
    .int("Укажите целое число символов")
    .min(100, "Не меньше 100 символов")
    .max(100_000, "Не больше 100 000 символов")
    .nullable(),
  active: z.boolean(),
});
export type TNetworkUpdate = z.infer<typeof ZNetworkUpdate>;
