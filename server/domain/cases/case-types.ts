/**
 * The case's vocabulary as plain string unions. They mirror the Prisma enums CaseStatus,
 * ClockKind, ViolationType and AnswerKind (prisma/schema.prisma): the domain may not import the
 * generated client, and the services pass Prisma's string values straight in.
 */

export const CASE_STATUSES = [
  "NEW",
  "ASSIGNED",
  "INTERNAL_REVIEW",
  "AT_CURATOR",
  "REWORK",
  "APPROVED",
  "POSTED",
  "DECLINED",
  "CANCELLED",
] as const;

export type TCaseStatus = (typeof CASE_STATUSES)[number];

/** A case in one of these is closed: no event applies and no clock runs. */
export const TERMINAL_STATUSES = ["POSTED", "DECLINED", "CANCELLED"] as const satisfies readonly TCaseStatus[];

export type TTerminalStatus = (typeof TERMINAL_STATUSES)[number];
export type TOpenStatus = Exclude<TCaseStatus, TTerminalStatus>;

export const OPEN_STATUSES = CASE_STATUSES.filter((s): s is TOpenStatus => !isTerminalStatus(s));

export function isTerminalStatus(status: TCaseStatus): status is TTerminalStatus {
  return (TERMINAL_STATUSES as readonly TCaseStatus[]).includes(status);
}

export const CASE_STATUS_LABELS = {
  NEW: "Новая",
  ASSIGNED: "Направлена исполнителю",
  INTERNAL_REVIEW: "На проверке в отделе",
  AT_CURATOR: "На согласовании у куратора",
  REWORK: "На доработке",
  APPROVED: "Согласована",
  POSTED: "Ответ размещён",
  DECLINED: "Отклонена (не в компетенции)",
  CANCELLED: "Аннулирована",
} as const satisfies Record<TCaseStatus, string>;

/** The five clocks of the regulation (п.7, п.8, п.10). */
export const CLOCK_KINDS = ["ROUTE", "DRAFT", "FORWARD", "REWORK", "ANSWER"] as const;
export type TClockKind = (typeof CLOCK_KINDS)[number];

export const CLOCK_LABELS = {
  ROUTE: "Направление в отдел",
  DRAFT: "Подготовка проекта ответа",
  FORWARD: "Передача куратору",
  REWORK: "Доработка проекта",
  ANSWER: "Размещение ответа",
} as const satisfies Record<TClockKind, string>;

export const VIOLATION_TYPES = ["ROUTE_LATE", "DRAFT_LATE", "FORWARD_LATE", "REWORK_LATE", "ANSWER_LATE"] as const;
export type TViolationType = (typeof VIOLATION_TYPES)[number];

/** Each clock that runs out without its action is exactly one kind of violation (п.12). */
export const VIOLATION_OF_CLOCK = {
  ROUTE: "ROUTE_LATE",
  DRAFT: "DRAFT_LATE",
  FORWARD: "FORWARD_LATE",
  REWORK: "REWORK_LATE",
  ANSWER: "ANSWER_LATE",
} as const satisfies Record<TClockKind, TViolationType>;

export const VIOLATION_LABELS = {
  ROUTE_LATE: "Публикация не направлена в отдел в срок (п.7)",
  DRAFT_LATE: "Проект ответа не подготовлен в срок (п.10)",
  FORWARD_LATE: "Проект не передан куратору в срок (п.10)",
  REWORK_LATE: "Проект не доработан в срок (п.10)",
  ANSWER_LATE: "Ответ не размещён в течение 24 часов (п.8)",
} as const satisfies Record<TViolationType, string>;

/** п.9: (a) measures with stages and dates, or (b) a justified refusal with legal references. */
export const ANSWER_KINDS = ["MEASURES", "REFUSAL"] as const;
export type TAnswerKind = (typeof ANSWER_KINDS)[number];
