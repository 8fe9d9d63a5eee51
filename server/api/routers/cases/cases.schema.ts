import { z } from "zod";
import { CASE_STATUSES } from "../../../domain/cases/case-types";
import { CASE_EVENTS } from "../../../domain/cases/status-machine";

const ZId = z.string().min(1).max(64);
const ZOptionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}: не более ${max} символов`)
    .nullish()
    .transform((v) => (v ? v : null));

/** Intake form: a publication received outside the curator's API, or found by own monitoring (п.4). */
export const ZCaseIntake = z.object({
  /** A curator names the municipality; staff register into their own. */
  municipalityId: ZId.optional(),
  source: z.enum(["CURATOR", "OWN_MONITORING"], "Укажите источник"),
  url: z.string().trim().min(1, "Укажите ссылку на публикацию").max(2000, "Слишком длинная ссылка"),
  network: z.string().trim().max(20).nullish(),
  text: z.string().trim().min(5, "Приведите текст публикации").max(20_000, "Текст: не более 20 000 символов"),
  authorName: ZOptionalText(200, "Автор"),
  authorUrl: ZOptionalText(2000, "Ссылка на автора"),
  publishedAt: z.date("Неверная дата публикации").nullish(),
  receivedAt: z.date("Неверное время поступления").nullish(),
  externalId: ZOptionalText(100, "Номер в системе куратора"),
  topicId: ZId.nullish(),
  address: ZOptionalText(300, "Адрес"),
  settlement: ZOptionalText(100, "Населённый пункт"),
  significant: z.boolean().default(false),
  significanceReason: ZOptionalText(1000, "Обоснование"),
  repeatOfId: ZId.nullish(),
});
export type TCaseIntakeInput = z.input<typeof ZCaseIntake>;

export const ZCaseList = z.object({
  status: z.array(z.enum(CASE_STATUSES)).max(9).optional(),
  departmentId: ZId.optional(),
  network: z.string().max(20).optional(),
  clockState: z.enum(["ON_TIME", "AT_RISK", "OVERDUE"]).optional(),
  receivedFrom: z.date().optional(),
  receivedTo: z.date().optional(),
  text: z.string().trim().max(200).optional(),
  cursor: ZId.nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});

/** The answer's parts (п.9); the editor's form and the services share it. */
export const ZDraft = z.object({
  kind: z.enum(["MEASURES", "REFUSAL"], "Выберите вид ответа"),
  greeting: ZOptionalText(500, "Обращение"),
  measures: ZOptionalText(10_000, "Принятые меры"),
  stages: ZOptionalText(10_000, "Этапы и сроки"),
  refusalReason: ZOptionalText(10_000, "Обоснование"),
  legalReferences: z
    .array(
      z
        .string()
        .trim()
        .min(1, "Пустая ссылка на правовой акт")
        .max(500, "Ссылка на правовой акт: не более 500 символов"),
    )
    .max(20, "Не более 20 ссылок на правовые акты")
    .default([]),
  closing: ZOptionalText(500, "Заключение"),
});

export const ZCaseTransition = z.object({
  caseId: ZId,
  event: z.enum(CASE_EVENTS),
  expectedVersion: z.number().int().min(0).optional(),
  input: z
    .object({
      departmentId: ZId.nullish(),
      executorId: ZId.nullish(),
      comment: ZOptionalText(5000, "Комментарий"),
      reason: ZOptionalText(5000, "Причина"),
      answerUrl: ZOptionalText(2000, "Ссылка на ответ"),
    })
    .default({ comment: null, reason: null, answerUrl: null }),
  draft: ZDraft.optional(),
});

/** A working draft: same parts and limits as a submission, completeness not yet required. */
export const ZSaveDraft = z.object({ caseId: ZId, draft: ZDraft });

export const ZMarkSignificant = z.object({ caseId: ZId, reason: z.string().trim().max(2000) });
export const ZLinkRepeat = z.object({ caseId: ZId, repeatOfId: ZId });
