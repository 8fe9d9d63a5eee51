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
});
export type TMunicipalitySettings = z.infer<typeof ZMunicipalitySettings>;
