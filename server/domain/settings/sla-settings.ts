/** The five clocks' lengths in minutes, as the regulation sets them by default. */
export interface TSlaSettings {
  slaRouteMinutes: number;
  slaDraftMinutes: number;
  slaForwardMinutes: number;
  slaReworkMinutes: number;
  slaAnswerMinutes: number;
}

/** п.7 route 30 min; п.10 draft = answer − 4 h, forward 30 min, rework 30 min; п.8 answer 24 h. */
export const REGULATION_SLA = {
  slaRouteMinutes: 30,
  slaDraftMinutes: 20 * 60,
  slaForwardMinutes: 30,
  slaReworkMinutes: 30,
  slaAnswerMinutes: 24 * 60,
} as const satisfies TSlaSettings;

export const SLA_LABELS = {
  slaRouteMinutes: "Направление в отдел (п.7)",
  slaDraftMinutes: "Проект ответа от поступления (п.10)",
  slaForwardMinutes: "Передача куратору после поступления проекта (п.10)",
  slaReworkMinutes: "Доработка после возврата (п.10)",
  slaAnswerMinutes: "Размещение ответа от поступления (п.8)",
} as const satisfies Record<keyof TSlaSettings, string>;

export const SLA_MAX_MINUTES = 7 * 24 * 60;

export type TSlaProblem = { field: keyof TSlaSettings; message: string };

/**
 * Checks that a set of clock lengths can be met at all: each is a whole positive number of
 * minutes, a draft is due before the answer, and routing leaves time to draft.
 */
export function checkSlaSettings(s: TSlaSettings): TSlaProblem[] {
  const problems: TSlaProblem[] = [];
  for (const field of Object.keys(SLA_LABELS) as (keyof TSlaSettings)[]) {
    const value = s[field];
    if (!Number.isInteger(value) || value < 1 || value > SLA_MAX_MINUTES) {
      problems.push({ field, message: `Укажите целое число минут от 1 до ${SLA_MAX_MINUTES}` });
    }
  }
  if (problems.length > 0) return problems;
  if (s.slaDraftMinutes >= s.slaAnswerMinutes) {
    problems.push({
      field: "slaDraftMinutes",
      message: "Проект ответа должен быть готов раньше срока размещения ответа",
    });
  }
  if (s.slaRouteMinutes >= s.slaDraftMinutes) {
    problems.push({
      field: "slaRouteMinutes",
      message: "Срок направления в отдел должен быть меньше срока подготовки проекта",
    });
  }
  if (s.slaDraftMinutes + s.slaForwardMinutes > s.slaAnswerMinutes) {
    problems.push({
      field: "slaForwardMinutes",
      message: "Проект, переданный в последний момент, должен успеть дойти до куратора до срока ответа",
    });
  }
  return problems;
}

/** "1200" → "20 ч", "90" → "1 ч 30 мин", for showing clock lengths to people. */
export function formatMinutes(total: number): string {
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(`${days} сут`);
  if (hours > 0) parts.push(`${hours} ч`);
  if (minutes > 0 || parts.length === 0) parts.push(`${minutes} мин`);
  return parts.join(" ");
}
