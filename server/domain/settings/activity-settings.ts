/**
 * Settings of the surge alert (п.13) and the routine posts (п.6). The regulation fixes only the
 * routine minimum (at least twice a week); the surge's numbers are the administration's choice.
 */
export interface TActivitySettings {
  /** п.13: this many publications on one topic or about one settlement ... */
  surgeThreshold: number;
  /** ... within this many hours are a surge. */
  surgeWindowHours: number;
  /** п.6: routine posts each official account carries per ISO week. */
  routineWeeklyMinimum: number;
}

/** The Municipality defaults: 3 publications within 24 h; 2 routine posts a week (п.6). */
export const DEFAULT_ACTIVITY_SETTINGS = {
  surgeThreshold: 3,
  surgeWindowHours: 24,
  routineWeeklyMinimum: 2,
} as const satisfies TActivitySettings;

/**
 * What may be set: a surge needs at least two publications; a window of up to a week; from one
 * routine post a week up to two a day.
 */
export const ACTIVITY_LIMITS = {
  surgeThreshold: { min: 2, max: 50 },
  surgeWindowHours: { min: 1, max: 168 },
  routineWeeklyMinimum: { min: 1, max: 14 },
} as const satisfies Record<keyof TActivitySettings, { min: number; max: number }>;

export const ACTIVITY_LABELS = {
  surgeThreshold: "Всплеск активности: публикаций на одну тему или об одном населённом пункте",
  surgeWindowHours: "Всплеск активности: за сколько часов",
  routineWeeklyMinimum: "Плановых публикаций в неделю в каждом официальном аккаунте",
} as const satisfies Record<keyof TActivitySettings, string>;

export const ACTIVITY_HINTS = {
  surgeThreshold:
    "Столько публикаций за указанное время — немедленное оповещение главе и заместителю главы, один раз на всплеск (п.13). По умолчанию 3; от 2 до 50",
  surgeWindowHours: "По умолчанию 24 ч; от 1 до 168 (неделя)",
  routineWeeklyMinimum:
    "Не реже двух раз в неделю (п.6); неделя — с понедельника по воскресенье. По умолчанию 2; от 1 до 14",
} as const satisfies Record<keyof TActivitySettings, string>;

/** The refusal for a value out of its limits, in Russian. */
export const ACTIVITY_MESSAGES = {
  surgeThreshold: "Порог всплеска: целое число публикаций от 2 до 50",
  surgeWindowHours: "Время всплеска: целое число часов от 1 до 168",
  routineWeeklyMinimum: "Плановых публикаций в неделю: целое число от 1 до 14",
} as const satisfies Record<keyof TActivitySettings, string>;

/** Whether `value` may be saved for `field`: a whole number within its limits. */
export function isActivitySettingValid(field: keyof TActivitySettings, value: number): boolean {
  const { min, max } = ACTIVITY_LIMITS[field];
  return Number.isInteger(value) && value >= min && value <= max;
}
