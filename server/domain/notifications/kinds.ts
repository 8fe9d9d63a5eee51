/**
 * The kinds of notification the portal writes, with the Russian names a person chooses from and
 * whether each goes out by e-mail when the person has chosen nothing.
 *
 * `always`: п.13 demands that the head and the deputy head be told of a socially significant
 * publication at once, so nobody can switch these e-mails off. `on`: everything that puts a
 * case in someone's hands with a regulation clock running (30 minutes to 20 hours), and the
 * reminders and violations about those clocks: a person away from the portal must still learn
 * of them. `off`: anything else, purely informative; kinds not listed here fall under OTHER.
 */

export type TEmailDefault = "always" | "on" | "off";

export interface TNotificationKindInfo {
  /** Name of the kind on the preferences page. */
  label: string;
  /** Who receives it and why, in one sentence. */
  description: string;
  email: TEmailDefault;
}

export const NOTIFICATION_KINDS = {
  SIGNIFICANT_ALERT: {
    label: "Социально значимые публикации",
    description: "Немедленное сообщение главе и заместителю главы о социально значимой публикации (п.13).",
    email: "always",
  },
  SURGE_ALERT: {
    label: "Всплески активности",
    description:
      "Немедленное сообщение главе и заместителю главы: несколько публикаций на одну тему или об одном населённом пункте за короткое время (п.13).",
    email: "always",
  },
  SIGNIFICANT_ESCALATION: {
    label: "Неподтверждённые сообщения о социально значимых публикациях",
    description:
      "Если с сообщением о социально значимой публикации вовремя не ознакомились, оно направляется заместителю главы и управляющему делами (п.13).",
    email: "always",
  },
  DEADLINE_REMINDER: {
    label: "Напоминания о сроках",
    description: "Срок регламента по публикации, с которой вы работаете, скоро истекает.",
    email: "on",
  },
  VIOLATION: {
    label: "Нарушения сроков",
    description: "Срок регламента нарушен; нарушение внесено в журнал (п.12).",
    email: "on",
  },
  CASE_RECEIVED: {
    label: "Новые публикации",
    description: "Публикацию нужно направить в ответственный отдел в течение 30 минут (п.7).",
    email: "on",
  },
  CASE_BOUNCED: {
    label: "Возвраты для перенаправления",
    description: "Отдел сообщил, что вопрос не в его компетенции: публикацию нужно направить в другой отдел.",
    email: "on",
  },
  CASE_ASSIGNED: {
    label: "Публикации, направленные вам",
    description: "Нужно подготовить проект ответа (п.9, п.10).",
    email: "on",
  },
  CASE_REWORK: {
    label: "Проекты, возвращённые на доработку",
    description: "Проект ответа нужно доработать в течение 30 минут (п.10).",
    email: "on",
  },
  DRAFT_SUBMITTED: {
    label: "Проекты ответов на проверку",
    description: "Проект нужно проверить и в течение 30 минут передать куратору (п.10).",
    email: "on",
  },
  AWAITING_APPROVAL: {
    label: "Проекты ответов на согласование",
    description: "Куратору нужно согласовать проект ответа или вернуть его на доработку.",
    email: "on",
  },
  CASE_APPROVED: {
    label: "Согласованные ответы",
    description: "Ответ нужно разместить в социальной сети в пределах 24 часов с момента поступления (п.8).",
    email: "on",
  },
  ROUTINE_REMINDER: {
    label: "Плановые публикации",
    description: "В официальном аккаунте, за который вы отвечаете, на этой неделе меньше плановых публикаций, чем требуется (п.6).",
    email: "on",
  },
  CONNECTOR_ERROR: {
    label: "Ошибки подключения к соцсетям",
    description: "Подключение к социальной сети перестало работать (например, истёк ключ доступа сообщества).",
    email: "on",
  },
  OTHER: {
    label: "Прочие уведомления",
    description: "Сообщения, которые не требуют срочных действий.",
    email: "off",
  },
} as const satisfies Record<string, TNotificationKindInfo>;

export type TNotificationKind = keyof typeof NOTIFICATION_KINDS;

/** In the order the preferences page lists them: the always-on ones first. */
export const NOTIFICATION_KIND_ORDER = Object.keys(NOTIFICATION_KINDS) as TNotificationKind[];

export function isNotificationKind(kind: string): kind is TNotificationKind {
  return Object.hasOwn(NOTIFICATION_KINDS, kind);
}

/** The catalogue entry a stored kind falls under: itself, or OTHER for one not listed. */
export function catalogueKindOf(kind: string): TNotificationKind {
  return isNotificationKind(kind) ? kind : "OTHER";
}

/** Kinds e-mailed whatever the person chose (п.13). */
export function isAlwaysEmailed(kind: string): boolean {
  return NOTIFICATION_KINDS[catalogueKindOf(kind)].email === "always";
}

/** Kinds a person may switch on or off. */
export const CONFIGURABLE_KINDS = NOTIFICATION_KIND_ORDER.filter((kind) => NOTIFICATION_KINDS[kind].email !== "always");
