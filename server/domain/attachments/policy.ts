import { hasPermission } from "../auth/permissions";
import type { TRole } from "../auth/roles";
import { isTerminalStatus, type TCaseStatus } from "../cases/case-types";
import { isEvidenceKind, type TAttachmentKind, type TAttachmentPurpose } from "./file-types";

/**
 * Who may attach what, and when. Whether the person may see the case at all (municipality,
 * an executor's department) is decided before, by the reader scope; this is the rest.
 */
export interface TUploadRequestContext {
  purpose: TAttachmentPurpose;
  actor: { roles: readonly TRole[]; departmentId: string | null };
  case: { status: TCaseStatus; departmentId: string | null };
}

export type TAttachmentDecision = { allowed: true } | { allowed: false; message: string };

const ALLOWED: TAttachmentDecision = { allowed: true };
const refuse = (message: string): TAttachmentDecision => ({ allowed: false, message });

/** п.9: the executor proves the measures while drafting; reworking counts as drafting. */
const EVIDENCE_STATUSES = ["ASSIGNED", "REWORK"] as const satisfies readonly TCaseStatus[];
/** п.8: the answer is posted after the curator's approval; the screenshot may follow the link. */
const ANSWER_SCREENSHOT_STATUSES = ["APPROVED", "POSTED"] as const satisfies readonly TCaseStatus[];

export function decideUpload({ purpose, actor, case: c }: TUploadRequestContext): TAttachmentDecision {
  switch (purpose) {
    case "evidence": {
      const ownDepartment = actor.departmentId !== null && actor.departmentId === c.departmentId;
      if (!hasPermission(actor.roles, "case.draft") || !ownDepartment) {
        return refuse("Фото и видео к ответу прикрепляет исполнитель отдела, которому направлена публикация");
      }
      if (!(EVIDENCE_STATUSES as readonly TCaseStatus[]).includes(c.status)) {
        return refuse("Фото и видео можно прикреплять, пока проект ответа готовится или дорабатывается");
      }
      return ALLOWED;
    }
    case "screenshot":
      if (!hasPermission(actor.roles, "case.create") && !hasPermission(actor.roles, "case.route")) {
        return refuse("Скриншот публикации прикрепляет тот, кто регистрирует или направляет публикации");
      }
      if (isTerminalStatus(c.status)) return refuse("Работа по публикации завершена: файлы больше не добавляются");
      return ALLOWED;
    case "answerScreenshot":
      if (!hasPermission(actor.roles, "case.post")) {
        return refuse("Скриншот размещённого ответа прикрепляет координатор, который размещает ответы");
      }
      if (!(ANSWER_SCREENSHOT_STATUSES as readonly TCaseStatus[]).includes(c.status)) {
        return refuse("Скриншот ответа можно прикрепить после согласования ответа куратором");
      }
      return ALLOWED;
  }
}

export interface TRemovalContext {
  attachment: { kind: TAttachmentKind; uploadedById: string; draftId: string | null };
  actorId: string;
  /** The case is not posted, declined or cancelled. */
  caseOpen: boolean;
}

/**
 * Only the person who uploaded a file removes it: evidence until it has been sent with a draft
 * (after that it is part of what was reviewed), a screenshot while the case is open.
 */
export function decideRemoval({ attachment, actorId, caseOpen }: TRemovalContext): TAttachmentDecision {
  if (attachment.uploadedById !== actorId) return refuse("Удалить файл может только тот, кто его загрузил");
  if (isEvidenceKind(attachment.kind)) {
    return attachment.draftId === null
      ? ALLOWED
      : refuse("Файл отправлен в составе проекта ответа и остаётся в истории публикации");
  }
  return caseOpen ? ALLOWED : refuse("Работа по публикации завершена: файлы больше не удаляются");
}

export function canRemoveAttachment(context: TRemovalContext): boolean {
  return decideRemoval(context).allowed;
}
