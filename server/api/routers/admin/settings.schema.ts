import { z } from "zod";

const ZMinutes = z
  .number("Укажите число минут")
  .int("Укажите целое число минут")
  .min(1, "Не меньше 1 минуты")
  .max(7 * 24 * 60, "Не больше недели (10080 минут)");

export const ZMunicipalitySettings = z.object({
  name: z.string().trim().min(3, "Название: не короче 3 символов").max(200, "Название: не более 200 символов"),
  timeZone: z.string().trim().min(1, "Укажите часовой пояс").max(64),
  slaRouteMinutes: ZMinutes,
  slaDraftMinutes: ZMinutes,
  slaForwardMinutes: ZMinutes,
  slaReworkMinutes: ZMinutes,
  slaAnswerMinutes: ZMinutes,
  /** Reminders before each deadline at these shares of the clock, per cent (the scheduler). */
  reminderPercents: z
    .array(
      z
        .number("Укажите проценты числами")
        .int("Проценты: целые числа")
        .min(1, "Проценты: от 1 до 99")
        .max(99, "Проценты: от 1 до 99"),
    )
    .max(5, "Не больше пяти напоминаний")
    .refine((a) => new Set(a).size === a.length, "Проценты не должны повторяться")
    .optional(),
  /** п.13: an unacknowledged alert goes on to the deputy head and the manager after this time. */
  alertEscalationMinutes: ZMinutes.optional(),
});
export type TMunicipalitySettings = z.infer<typeof ZMunicipalitySettings>;
