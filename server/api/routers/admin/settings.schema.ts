import { z } from "zod";
import { ACTIVITY_LIMITS, ACTIVITY_MESSAGES, type TActivitySettings } from "../../../domain/settings/activity-settings";

const ZMinutes = z
  .number("Укажите число минут")
  .int("Укажите целое число минут")
  .min(1, "Не меньше 1 минуты")
  .max(7 * 24 * 60, "Не больше недели (10080 минут)");

/** A whole number within the setting's limits; one Russian message for every way to miss them. */
function ZActivity(field: keyof TActivitySettings) {
  const message = ACTIVITY_MESSAGES[field];
  return z
    .number(message)
    .int(message)
    .min(ACTIVITY_LIMITS[field].min, message)
    .max(ACTIVITY_LIMITS[field].max, message);
}

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
  /** п.13: this many publications on one topic or settlement within the window are a surge. */
  surgeThreshold: ZActivity("surgeThreshold").optional(),
  surgeWindowHours: ZActivity("surgeWindowHours").optional(),
  /** п.6: routine posts each official account must carry per ISO week. */
  routineWeeklyMinimum: ZActivity("routineWeeklyMinimum").optional(),
});
export type TMunicipalitySettings = z.infer<typeof ZMunicipalitySettings>;
