import { z } from "zod";
import { VIOLATION_TYPES } from "../../../domain/cases/case-types";
import { DECISION_KINDS, DECISION_TEXT_MAX, checkDecision } from "../../../domain/violations/decisions";
import { EXPLANATION_MAX } from "../../../domain/violations/explanations";
import { isMonth } from "../../../domain/violations/month";

const ZId = z.string().min(1).max(64);

export const MONTH_MESSAGE = "Месяц указывается в виде ГГГГ-ММ, например 2026-03";

/** "2026-03": the month whose deadlines passed, in the municipality's zone. */
export const ZMonth = z.string().refine(isMonth, MONTH_MESSAGE);

/** The register's filters (п.12): month, department, responsible person, kind of violation. */
export const ZViolationFilter = z.object({
  month: ZMonth.optional(),
  departmentId: ZId.optional(),
  responsibleUserId: ZId.optional(),
  type: z.enum(VIOLATION_TYPES, "Неизвестный вид нарушения").optional(),
});
export type TViolationFilterInput = z.infer<typeof ZViolationFilter>;

export const ZViolationList = ZViolationFilter.extend({
  cursor: ZId.nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});

export const ZViolationMine = z
  .object({
    cursor: ZId.nullish(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .default({ limit: 50 });

export const ZViolationExplain = z.object({
  violationId: ZId,
  explanation: z
    .string("Напишите объяснение")
    .trim()
    .min(1, "Напишите объяснение")
    .max(EXPLANATION_MAX, `Объяснение: не более ${EXPLANATION_MAX} символов`),
});
export type TViolationExplainInput = z.input<typeof ZViolationExplain>;

export const ZViolationDecide = z
  .object({
    violationId: ZId,
    kind: z.enum(DECISION_KINDS, "Выберите решение"),
    text: z
      .string()
      .trim()
      .max(DECISION_TEXT_MAX, `Текст решения: не более ${DECISION_TEXT_MAX} символов`)
      .nullish()
      .transform((v) => (v ? v : null)),
  })
  .superRefine((value, ctx) => {
    // The domain's rule, so the form shows it beside the field before anything is sent.
    const problem = checkDecision(value);
    if (problem) ctx.addIssue({ code: "custom", path: [problem.field], message: problem.message });
  });
export type TViolationDecideInput = z.input<typeof ZViolationDecide>;

/**
 * The export's query string (GET /api/violations/export?month=&departmentId=&userId=&type=):
 * the register's filters under the names of the page's download link. An empty parameter is
 * the same as none, as a form with an unselected option sends it.
 */
const emptyAsAbsent = (v: unknown) => (v === "" || v === null ? undefined : v);
export const ZViolationExportQuery = z
  .object({
    month: z.preprocess(emptyAsAbsent, ZMonth.optional()),
    departmentId: z.preprocess(
      emptyAsAbsent,
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,64}$/, "Неверный отдел")
        .optional(),
    ),
    userId: z.preprocess(
      emptyAsAbsent,
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,64}$/, "Неверный ответственный сотрудник")
        .optional(),
    ),
    type: z.preprocess(emptyAsAbsent, z.enum(VIOLATION_TYPES, "Неизвестный вид нарушения").optional()),
  })
  .transform(({ userId, ...rest }) => ({ ...rest, responsibleUserId: userId }));
