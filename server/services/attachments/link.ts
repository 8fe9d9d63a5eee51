import type { Prisma } from "../../db/generated/client";

/** The kinds that are evidence for an answer (п.9): they travel with the draft they were sent with. */
export const EVIDENCE_KINDS = ["PHOTO", "VIDEO", "DOCUMENT"] as const;

/**
 * On submission of a draft, the evidence uploaded since the previous submission becomes part of
 * that draft version. Runs inside the submitting transaction.
 */
export async function linkPendingEvidence(tx: Prisma.TransactionClient, caseId: string, draftId: string) {
  const { count } = await tx.attachment.updateMany({
    where: { caseId, draftId: null, kind: { in: [...EVIDENCE_KINDS] } },
    data: { draftId },
  });
  return count;
}
