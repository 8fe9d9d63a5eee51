import { z } from "zod";
import { CASE_STATUSES } from "../../../domain/cases/case-types";

/**
 * Inputs of the REST API v1 for the curator's system. Messages are Russian: they reach the
 * curator's operators as they are. Unknown fields are ignored, so the curator's system may send
 * more than the portal takes.
 */

const ZIsoInstant = (label: string) =>
  z.iso
    .datetime({
      offset: true,
      error: `${label}: укажите дату и время в формате ISO 8601 с часовым поясом, например 2026-11-27T20:00:00Z`,
    })
    .transform((v) => new Date(v));

/** PostgreSQL text cannot hold U+0000: refused here, not left to fail the insert with a 500. */
const hasNoNul = (v: string) => !v.includes("\u0000");
const nulMessage = (label: string) => `${label}: недопустимый символ U+0000`;

const ZOptionalText = (max: number, label: string) =>
  z
    .string(`${label}: ожидается строка`)
    .trim()
    .max(max, `${label}: не более ${max} символов`)
    .refine(hasNoNul, nulMessage(label))
    .nullish()
    .transform((v) => (v ? v : null));

/**
 * Social significance (п.13) is an object, not a bare boolean: the reason goes into the
 * immediate report to the head and the deputy head.
 */
export const ZSocialSignificance = z.object(
  {
    significant: z.boolean("socialSignificance.significant: ожидается true или false"),
    reason: ZOptionalText(1000, "Обоснование социальной значимости"),
  },
  "socialSignificance: ожидается объект {significant, reason}",
);

export const ZPublicationCreate = z.object(
  {
    externalId: z
      .string("Укажите номер публикации в системе куратора (externalId)")
      .trim()
      .min(1, "Укажите номер публикации в системе куратора (externalId)")
      .max(100, "externalId: не более 100 символов")
      .refine(hasNoNul, nulMessage("externalId")),
    network: z
      .string("Укажите код социальной сети (VK, OK, TELEGRAM, …)")
      .trim()
      .min(1, "Укажите код социальной сети (VK, OK, TELEGRAM, …)")
      .max(20, "Неизвестная социальная сеть")
      .refine(hasNoNul, "Неизвестная социальная сеть")
      .transform((v) => v.toUpperCase()),
    url: z
      .string("Укажите ссылку на публикацию")
      .trim()
      .min(1, "Укажите ссылку на публикацию")
      .max(2000, "Слишком длинная ссылка")
      .refine(hasNoNul, nulMessage("Ссылка")),
    text: z
      .string("Приведите текст публикации")
      .trim()
      .min(1, "Приведите текст публикации")
      .max(20_000, "Текст: не более 20 000 символов")
      .refine(hasNoNul, nulMessage("Текст")),
    authorName: ZOptionalText(200, "Автор"),
    publishedAt: ZIsoInstant("Время публикации").nullish(),
    receivedAt: ZIsoInstant("Время поступления").nullish(),
    topic: ZOptionalText(200, "Тема"),
    socialSignificance: ZSocialSignificance.nullish(),
    repeatOfExternalId: ZOptionalText(100, "repeatOfExternalId"),
  },
  "Тело запроса должно быть объектом JSON",
);
export type TPublicationCreate = z.output<typeof ZPublicationCreate>;

/** `status` may repeat or be comma-separated: `?status=NEW,AT_CURATOR` or `?status=NEW&status=AT_CURATOR`. */
export const ZPublicationListQuery = z.object({
  status: z
    .array(z.string())
    .transform((values) =>
      values
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.enum(CASE_STATUSES, `Неизвестный статус; допустимы: ${CASE_STATUSES.join(", ")}`))
        .max(CASE_STATUSES.length, "Слишком много статусов"),
    ),
  updatedSince: ZIsoInstant("updatedSince").optional(),
  cursor: z.string().min(1, "Пустой курсор").max(64, "Неверный курсор").refine(hasNoNul, "Неверный курсор").optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, "limit: целое число от 1 до 200")
    .transform(Number)
    .pipe(z.number().int().min(1, "limit: целое число от 1 до 200").max(200, "limit: целое число от 1 до 200"))
    .default(50),
});
export type TPublicationListQuery = z.output<typeof ZPublicationListQuery>;

/** The query string as the schema reads it: repeated keys kept, an empty value treated as absent. */
export function readListQuery(params: URLSearchParams) {
  const single = (name: string) => {
    const value = params.get(name);
    return value === null || value === "" ? undefined : value;
  };
  return {
    status: params.getAll("status"),
    updatedSince: single("updatedSince"),
    cursor: single("cursor"),
    limit: single("limit"),
  };
}

export const ZDecision = z.object(
  {
    decision: z.enum(["approve", "reject"], "decision: ожидается approve или reject"),
    comment: ZOptionalText(5000, "Комментарий"),
  },
  "Тело запроса должно быть объектом JSON",
);
export type TDecision = z.output<typeof ZDecision>;

/** Case ids are cuids: anything else (a NUL byte included, which PostgreSQL refuses) names no case. */
export const ZCaseIdParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

const ZClockState = z.enum(["ON_TIME", "AT_RISK", "OVERDUE"]);

/** What every publication endpoint returns (the OpenAPI document describes the same shape). */
export const ZPublication = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  number: z.number().int(),
  status: z.enum(CASE_STATUSES),
  network: z.string(),
  url: z.string(),
  receivedAt: z.string(),
  deadlines: z.object({ route: z.string(), draft: z.string(), answer: z.string() }),
  clock: z
    .object({ name: z.enum(["ROUTE", "DRAFT", "FORWARD", "REWORK", "ANSWER"]), dueAt: z.string(), state: ZClockState })
    .nullable(),
  answerClock: z.object({ dueAt: z.string(), state: ZClockState.nullable() }),
  department: z.object({ id: z.string(), name: z.string() }).nullable(),
  violations: z.array(z.object({ type: z.string(), detectedAt: z.string() })),
  answer: z
    .object({ text: z.string().nullable(), postedUrl: z.string().nullable(), postedAt: z.string().nullable() })
    .nullable(),
  repeatOf: z.object({ id: z.string(), externalId: z.string().nullable() }).nullable(),
});
export type TPublication = z.output<typeof ZPublication>;
