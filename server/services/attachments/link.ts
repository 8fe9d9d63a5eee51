import type { Prisma } from "../../db/generated/client";
import { EVIDENCE_ATTACHMENT_KINDS } from "../../domain/attachments/file-types";

/** The kinds that are evidence for an answer (п.9): they travel with the draft they were sent with. */
export const EVIDENCE_KINDS = EVIDENCE_ATTACHMENT_KINDS;

/**
 * On submission of a draft, the evidence uploaded since the previous submission by the people of
 * the submitting department becomes part of that draft version. Files left unsent by a department
 * that then said "not our department" stay in storage but never travel with another department's
 * answer. Runs inside the submitting transaction.
 */
export async function linkPendingEvidence(
  tx: Prisma.TransactionClient,
  caseId: string,
  draftId: string,
  departmentId: string,
) {
  const { count } = await tx.attachment.updateMany({
    where: { caseId, draftId: null, kind: { in: [...EVIDENCE_KINDS] }, uploadedBy: { departmentId } },
    data: { draftId },
  });
  return count;
}
