/**
 * The case's timeline as people read it. Services write a free-form `data` object with each
 * event (JSON in the database); this reads the parts a person cares about, tolerating rows
 * written by older code or by hand, so a malformed row shows less rather than breaking the page.
 */

export const CASE_EVENT_LABELS: Readonly<Record<string, string>> = {
  CREATED: "Поступила",
  VK_COMMENT_POSTED: "Ответ размещён во ВКонтакте, но публикация не отмечена как отвеченная",
  ROUTED: "Направлена в отдел",
  DRAFT_SUBMITTED: "Проект ответа отправлен на проверку",
  FORWARDED: "Передана куратору",
  RETURNED: "Возвращена на доработку",
  APPROVED: "Согласована",
  REJECTED: "Куратор вернул на доработку",
  POSTED: "Ответ размещён",
  NOT_OUR_DEPARTMENT: "Отдел: не в нашей компетенции",
  DECLINED: "Отклонена",
  CANCELLED: "Аннулирована",
  MARKED_SIGNIFICANT: "Отмечена как социально значимая",
  LINKED_REPEAT: "Связана с предыдущей публикацией",
  VIOLATION: "Нарушен срок (п.12)",
};

export function labelOfEvent(type: string): string {
  return CASE_EVENT_LABELS[type] ?? type;
}

export interface TEventData {
  /** How the action reached the portal: "API" for the curator's system. */
  via: string | null;
  onBehalfOfCurator: boolean;
  departmentId: string | null;
  executorId: string | null;
  draftId: string | null;
  answerUrl: string | null;
  repeatOfId: string | null;
  repeatOfNumber: number | null;
  /** The publication was delivered this many minutes after its receipt time (T0). */
  lateDeliveryMinutes: number | null;
}

function str(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

function int(value: unknown): number | null {
  return typeof value === "number" && Number.isInteger(value) ? value : null;
}

export function readEventData(data: unknown): TEventData {
  const d = typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  return {
    via: str(d.via),
    onBehalfOfCurator: d.onBehalfOfCurator === true,
    departmentId: str(d.departmentId),
    executorId: str(d.executorId),
    draftId: str(d.draftId),
    answerUrl: str(d.answerUrl),
    repeatOfId: str(d.repeatOfId),
    repeatOfNumber: int(d.repeatOfNumber),
    lateDeliveryMinutes: int(d.lateDeliveryMinutes),
  };
}
