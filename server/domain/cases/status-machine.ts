import { hasPermission, type TPermission } from "../auth/permissions";
import type { TRole } from "../auth/roles";
import { CASE_STATUS_LABELS, type TCaseStatus } from "./case-types";
import { parseHttpUrl } from "./post-url";

/**
 * The case workflow of DOMAIN.md "Statuses and transitions" (п.7, п.8, п.10). Pure: the service
 * loads the case, asks `decideTransition`, and on success writes the new status, deadlines
 * (clocks.ts), a timeline event and any violation (violations.ts) in one transaction.
 */

export const CASE_EVENTS = [
  "route",
  "submitDraft",
  "forward",
  "returnForRework",
  "approve",
  "reject",
  "post",
  "notOurDepartment",
  "decline",
  "cancel",
] as const;

export type TCaseEvent = (typeof CASE_EVENTS)[number];

/** status → event → next status. An event missing from a status's row is illegal there. */
export const CASE_TRANSITIONS = {
  NEW: { route: "ASSIGNED", decline: "DECLINED", cancel: "CANCELLED" },
  ASSIGNED: { submitDraft: "INTERNAL_REVIEW", notOurDepartment: "NEW", cancel: "CANCELLED" },
  INTERNAL_REVIEW: { forward: "AT_CURATOR", returnForRework: "REWORK", cancel: "CANCELLED" },
  AT_CURATOR: { approve: "APPROVED", reject: "REWORK", cancel: "CANCELLED" },
  REWORK: { submitDraft: "INTERNAL_REVIEW", notOurDepartment: "NEW", cancel: "CANCELLED" },
  APPROVED: { post: "POSTED", cancel: "CANCELLED" },
  POSTED: {},
  DECLINED: {},
  CANCELLED: {},
} as const satisfies Record<TCaseStatus, Partial<Record<TCaseEvent, TCaseStatus>>>;

/** What an event needs besides the right status and role. */
type TInputRequirement = "departmentId" | "comment" | "reason" | "answerUrl";

interface TEventRule {
  /** The permission (auth/permissions.ts) that lets a role fire the event. */
  permission: TPermission;
  /**
   * A second permission that also allows the event but marks it as entered on the curator's
   * behalf: the curator often decides in its own system and a coordinator records the decision.
   */
  onBehalfPermission?: TPermission;
  /** An executor acts only on cases of their own department. */
  ownDepartmentOnly: boolean;
  requires: readonly TInputRequirement[];
  /** The CaseEvent.type written to the timeline. */
  timelineType: string;
  /** The ReviewDecision this event records, if it is a decision on a draft. */
  review?: { stage: "INTERNAL" | "CURATOR"; outcome: "APPROVED" | "RETURNED" };
  label: string;
}

export const CASE_EVENT_RULES = {
  route: {
    permission: "case.route",
    ownDepartmentOnly: false,
    requires: ["departmentId"],
    timelineType: "ROUTED",
    label: "Направить в отдел",
  },
  submitDraft: {
    permission: "case.draft",
    ownDepartmentOnly: true,
    requires: [],
    timelineType: "DRAFT_SUBMITTED",
    label: "Отправить проект на проверку",
  },
  forward: {
    permission: "case.review",
    ownDepartmentOnly: false,
    requires: [],
    timelineType: "FORWARDED",
    review: { stage: "INTERNAL", outcome: "APPROVED" },
    label: "Передать куратору",
  },
  returnForRework: {
    permission: "case.review",
    ownDepartmentOnly: false,
    requires: [],
    timelineType: "RETURNED",
    review: { stage: "INTERNAL", outcome: "RETURNED" },
    label: "Вернуть на доработку",
  },
  approve: {
    permission: "case.approve",
    onBehalfPermission: "case.approveOnBehalf",
    ownDepartmentOnly: false,
    requires: [],
    timelineType: "APPROVED",
    review: { stage: "CURATOR", outcome: "APPROVED" },
    label: "Согласовать",
  },
  reject: {
    permission: "case.approve",
    onBehalfPermission: "case.approveOnBehalf",
    ownDepartmentOnly: false,
    requires: ["comment"],
    timelineType: "REJECTED",
    review: { stage: "CURATOR", outcome: "RETURNED" },
    label: "Не согласовать",
  },
  post: {
    permission: "case.post",
    ownDepartmentOnly: false,
    requires: ["answerUrl"],
    timelineType: "POSTED",
    label: "Отметить размещение ответа",
  },
  notOurDepartment: {
    permission: "case.draft",
    ownDepartmentOnly: true,
    requires: ["reason"],
    timelineType: "NOT_OUR_DEPARTMENT",
    label: "Не в компетенции отдела",
  },
  decline: {
    permission: "case.decline",
    ownDepartmentOnly: false,
    requires: ["reason"],
    timelineType: "DECLINED",
    label: "Отклонить: вне компетенции муниципалитета",
  },
  cancel: {
    permission: "case.cancel",
    ownDepartmentOnly: false,
    requires: ["reason"],
    timelineType: "CANCELLED",
    label: "Аннулировать (дубль или публикация удалена)",
  },
} as const satisfies Record<TCaseEvent, TEventRule>;

/** Everything an event may carry; which fields are required depends on the event. */
export interface TTransitionInput {
  /** route: the department responsible for the question. */
  departmentId?: string | null;
  /** route: the executor, when the router already knows them. */
  executorId?: string | null;
  /** Reviews and decisions; on the curator's behalf, the curator's own words. */
  comment?: string | null;
  /** notOurDepartment, decline, cancel: why. */
  reason?: string | null;
  /** post: the link to the posted answer. */
  answerUrl?: string | null;
}

export interface TTransitionRequest {
  status: TCaseStatus;
  event: TCaseEvent;
  actorRoles: readonly TRole[];
  actor: { userId: string; departmentId: string | null };
  /** The department the case is routed to, null while unrouted. */
  caseDepartmentId: string | null;
  input?: TTransitionInput;
}

export type TTransitionErrorCode = "ILLEGAL_TRANSITION" | "FORBIDDEN" | "INVALID_INPUT";

export type TTransitionDecision =
  | {
      ok: true;
      from: TCaseStatus;
      to: TCaseStatus;
      event: TCaseEvent;
      timelineType: string;
      review: { stage: "INTERNAL" | "CURATOR"; outcome: "APPROVED" | "RETURNED" } | null;
      /** A coordinator entered the curator's decision; `comment` holds the curator's words. */
      onBehalfOfCurator: boolean;
      comment: string | null;
      reason: string | null;
      answerUrl: string | null;
      departmentId: string | null;
      executorId: string | null;
    }
  | {
      ok: false;
      code: TTransitionErrorCode;
      /** For people, in Russian. */
      message: string;
      /** The input field at fault, for INVALID_INPUT. */
      field?: keyof TTransitionInput;
    };

const REQUIREMENT_MESSAGES = {
  departmentId: "Выберите отдел, в компетенции которого решение вопроса",
  comment: "Укажите комментарий",
  reason: "Укажите причину",
  answerUrl: "Укажите ссылку на размещённый ответ",
} as const satisfies Record<TInputRequirement, string>;

/** Messages tuned to the event where the generic one would be vague. */
const SPECIFIC_MESSAGES: Partial<Record<TCaseEvent, Partial<Record<TInputRequirement, string>>>> = {
  reject: { comment: "Укажите, что нужно доработать в проекте ответа" },
  decline: { reason: "Обоснуйте, почему вопрос не относится к компетенции муниципалитета" },
  notOurDepartment: { reason: "Укажите, почему вопрос не относится к вашему отделу" },
  cancel: { reason: "Укажите причину аннулирования (дубль, публикация удалена)" },
};

const ON_BEHALF_COMMENT_MESSAGE = "Решение вносится за куратора: укажите комментарий куратора";

function trimmedOrNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

/** True for an absolute http(s) link: the answer must be something people can open. */
export function isHttpUrl(value: string): boolean {
  return parseHttpUrl(value) !== null;
}

function fail(code: TTransitionErrorCode, message: string, field?: keyof TTransitionInput): TTransitionDecision {
  return field === undefined ? { ok: false, code, message } : { ok: false, code, message, field };
}

/** The next status for an event, or null where the event is illegal. */
export function nextStatus(status: TCaseStatus, event: TCaseEvent): TCaseStatus | null {
  const row: Partial<Record<TCaseEvent, TCaseStatus>> = CASE_TRANSITIONS[status];
  return row[event] ?? null;
}

/**
 * Decides one transition: the status must allow the event, a role of the actor must hold the
 * event's permission (an executor only within their own department), and the input must carry
 * what the event needs. Checked in that order, so a wrong status is reported even to someone who
 * could not fire the event anyway: the status is what they see on the page.
 */
export function decideTransition(request: TTransitionRequest): TTransitionDecision {
  const { status, event, actorRoles, actor, caseDepartmentId } = request;
  const input = request.input ?? {};
  const rule: TEventRule = CASE_EVENT_RULES[event];

  const to = nextStatus(status, event);
  if (to === null) {
    return fail(
      "ILLEGAL_TRANSITION",
      `Действие «${rule.label}» недоступно для обращения в статусе «${CASE_STATUS_LABELS[status]}»`,
    );
  }

  const direct = hasPermission(actorRoles, rule.permission);
  const onBehalf =
    !direct && rule.onBehalfPermission !== undefined && hasPermission(actorRoles, rule.onBehalfPermission);
  if (!direct && !onBehalf) {
    return fail("FORBIDDEN", `У вас нет права на действие «${rule.label}»`);
  }
  if (rule.ownDepartmentOnly && (actor.departmentId === null || actor.departmentId !== caseDepartmentId)) {
    return fail("FORBIDDEN", "Обращение направлено в другой отдел: действовать по нему может только его исполнитель");
  }

  const values = {
    departmentId: trimmedOrNull(input.departmentId),
    comment: trimmedOrNull(input.comment),
    reason: trimmedOrNull(input.reason),
    answerUrl: trimmedOrNull(input.answerUrl),
  } satisfies Record<TInputRequirement, string | null>;

  for (const field of rule.requires) {
    if (values[field] === null) {
      return fail("INVALID_INPUT", SPECIFIC_MESSAGES[event]?.[field] ?? REQUIREMENT_MESSAGES[field], field);
    }
  }
  if (onBehalf && values.comment === null) {
    return fail("INVALID_INPUT", ON_BEHALF_COMMENT_MESSAGE, "comment");
  }
  if (rule.requires.includes("answerUrl") && values.answerUrl !== null && !isHttpUrl(values.answerUrl)) {
    return fail("INVALID_INPUT", "Ссылка на ответ должна начинаться с http:// или https://", "answerUrl");
  }

  return {
    ok: true,
    from: status,
    to,
    event,
    timelineType: rule.timelineType,
    review: rule.review ?? null,
    onBehalfOfCurator: onBehalf,
    comment: values.comment,
    reason: values.reason,
    answerUrl: values.answerUrl,
    departmentId: event === "route" ? values.departmentId : null,
    executorId: event === "route" ? trimmedOrNull(input.executorId) : null,
  };
}

/** Satisfies every input requirement, so listAvailableEvents checks status and role only. */
const FULL_INPUT: TTransitionInput = {
  departmentId: "-",
  comment: "-",
  reason: "-",
  answerUrl: "https://example.org/",
};

/**
 * The events this actor could fire on the case now, ignoring input: what the page offers, so it
 * never shows a button the service would refuse for status or role.
 */
export function listAvailableEvents(
  request: Omit<TTransitionRequest, "event" | "input">,
): { event: TCaseEvent; to: TCaseStatus; label: string; onBehalfOfCurator: boolean }[] {
  const result: { event: TCaseEvent; to: TCaseStatus; label: string; onBehalfOfCurator: boolean }[] = [];
  for (const event of CASE_EVENTS) {
    const to = nextStatus(request.status, event);
    if (to === null) continue;
    const rule: TEventRule = CASE_EVENT_RULES[event];
    const decision = decideTransition({ ...request, event, input: FULL_INPUT });
    if (decision.ok) result.push({ event, to, label: rule.label, onBehalfOfCurator: decision.onBehalfOfCurator });
  }
  return result;
}
