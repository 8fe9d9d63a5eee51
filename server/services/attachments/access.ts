import type { TPrismaClient } from "../../db/client";
import { hasPermission } from "../../domain/auth/permissions";
import type { TRole } from "../../domain/auth/roles";
import { readerScope, type TCaseReader } from "../cases/queries";
import { caseNotFound } from "./errors";

/** The person uploading, reading or removing a file, with the cases they may see. */
export interface TAttachmentActor {
  userId: string;
  roles: readonly TRole[];
  departmentId: string | null;
  reader: TCaseReader;
}

/**
 * Files are seen exactly where their case is: the case page's rules (case.view, the reader's
 * municipalities, an executor's department). Anything else is as absent as a missing id.
 */
export function attachmentScope(actor: TAttachmentActor) {
  return hasPermission(actor.roles, "case.view") ? readerScope(actor.reader) : null;
}

/** Ids are cuids; anything else cannot exist and is not worth a query. */
export function isPlausibleId(id: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(id);
}

export async function findVisibleCase(prisma: TPrismaClient, actor: TAttachmentActor, caseId: string) {
  const scope = attachmentScope(actor);
  if (!scope || !isPlausibleId(caseId)) throw caseNotFound();
  const found = await prisma.case.findFirst({
    where: { AND: [{ id: caseId }, scope] },
    select: { id: true, status: true, departmentId: true },
  });
  if (!found) throw caseNotFound();
  return found;
}
