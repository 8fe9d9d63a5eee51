import type { TPrismaClient } from "../../db/client";
import { isEvidenceKind } from "../../domain/attachments/file-types";
import { decideRemoval } from "../../domain/attachments/policy";
import { isTerminalStatus } from "../../domain/cases/case-types";
import type { TFileStorage } from "../../storage/types";
import { attachmentScope, isPlausibleId, type TAttachmentActor } from "./access";
import { AttachmentError, attachmentNotFound } from "./errors";
import { deleteQuietly } from "./upload";

/**
 * Removes a file its uploader no longer wants: evidence not yet sent with a draft, a screenshot
 * of an open case. The row goes first, so the file disappears for everyone at once; the stored
 * objects follow.
 */
export async function removeAttachment(
  deps: { prisma: TPrismaClient; storage: TFileStorage },
  actor: TAttachmentActor,
  id: string,
): Promise<void> {
  const scope = attachmentScope(actor);
  if (!scope || !isPlausibleId(id)) throw attachmentNotFound();
  const attachment = await deps.prisma.attachment.findFirst({
    where: { id, case: scope },
    select: {
      kind: true,
      uploadedById: true,
      draftId: true,
      storageKey: true,
      thumbnailKey: true,
      case: { select: { status: true } },
    },
  });
  if (!attachment) throw attachmentNotFound();
  const decision = decideRemoval({
    attachment,
    actorId: actor.userId,
    caseOpen: !isTerminalStatus(attachment.case.status),
  });
  if (!decision.allowed) throw new AttachmentError("forbidden", decision.message);

  const evidence = isEvidenceKind(attachment.kind);
  // The draft may be sent at this very moment and take the evidence with it: delete only
  // while it is still unsent, decided by the database, not by what was read a moment ago.
  const { count } = await deps.prisma.attachment.deleteMany({
    where: { id, ...(evidence ? { draftId: null } : {}) },
  });
  if (count === 0 && evidence) {
    const stillThere = await deps.prisma.attachment.count({ where: { id } });
    if (stillThere > 0) {
      throw new AttachmentError("conflict", "Файл только что отправлен в составе проекта ответа и остаётся в истории");
    }
  }
  await deleteQuietly(
    deps.storage,
    [attachment.storageKey, attachment.thumbnailKey].filter((k): k is string => k !== null),
  );
}
