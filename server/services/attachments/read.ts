import type { Readable } from "node:stream";
import type { TPrismaClient } from "../../db/client";
import { withExtension } from "../../domain/attachments/file-name";
import { contentRange, decideRange, type TByteRange } from "../../domain/attachments/range";
import type { TFileStorage } from "../../storage/types";
import { attachmentScope, isPlausibleId, type TAttachmentActor } from "./access";
import { AttachmentError, attachmentNotFound } from "./errors";

export type TAttachmentVariant = "original" | "thumb";

export interface TReadRequest {
  id: string;
  variant: TAttachmentVariant;
  /** The request's Range, If-Range and If-None-Match headers. */
  range?: string | null;
  ifRange?: string | null;
  ifNoneMatch?: string | null;
}

export type TAttachmentContent =
  | { notModified: true; etag: string }
  | {
      notModified: false;
      etag: string;
      body: Readable;
      /** The whole file's size; the body holds `range` of it, or all of it. */
      size: number;
      range: TByteRange | null;
      mimeType: string;
      fileName: string;
    };

/**
 * A file of a case the actor may see, whole or a byte range of it (video players seek this
 * way). Someone who may not see the case gets the same 404 as for a file that does not exist.
 */
export async function readAttachment(
  deps: { prisma: TPrismaClient; storage: TFileStorage },
  actor: TAttachmentActor,
  request: TReadRequest,
): Promise<TAttachmentContent> {
  const scope = attachmentScope(actor);
  if (!scope || !isPlausibleId(request.id)) throw attachmentNotFound();
  const attachment = await deps.prisma.attachment.findFirst({
    where: { id: request.id, case: scope },
    select: { fileName: true, mimeType: true, sha256: true, storageKey: true, thumbnailKey: true },
  });
  if (!attachment) throw attachmentNotFound();

  const thumb = request.variant === "thumb";
  const key = thumb ? attachmentThumbnailKey(attachment) : attachment.storageKey;
  // Stored bytes never change under an id: their hash is a strong validator.
  const etag = `"${attachment.sha256}${thumb ? "-thumb" : ""}"`;
  if (request.ifNoneMatch && matchesEtag(request.ifNoneMatch, etag)) return { notModified: true, etag };

  const stat = await deps.storage.stat(key);
  if (!stat) {
    console.error(`Attachment ${request.id}: object ${key} is missing from the storage`);
    throw attachmentNotFound();
  }
  // A Range for another version of the file (If-Range) gets the whole current one.
  const rangeHeader = request.ifRange && request.ifRange.trim() !== etag ? null : request.range;
  const decision = decideRange(rangeHeader, stat.size);
  if (decision.kind === "unsatisfiable") {
    throw new AttachmentError("range_not_satisfiable", "Запрошенный фрагмент за пределами файла", {
      "Content-Range": contentRange(null, stat.size),
    });
  }
  const range = decision.kind === "partial" ? { start: decision.start, end: decision.end } : null;
  const content = await deps.storage.get(key, range ?? undefined);
  if (!content) throw attachmentNotFound();
  return {
    notModified: false,
    etag,
    body: content.body,
    size: content.size,
    range,
    mimeType: thumb ? "image/webp" : attachment.mimeType,
    fileName: thumb ? withExtension(attachment.fileName, "webp") : attachment.fileName,
  };
}

function attachmentThumbnailKey(attachment: { thumbnailKey: string | null }): string {
  if (!attachment.thumbnailKey) throw new AttachmentError("not_found", "У этого файла нет миниатюры");
  return attachment.thumbnailKey;
}

/** If-None-Match: "*" or a list of (possibly weak) entity tags. */
function matchesEtag(header: string, etag: string): boolean {
  return header
    .split(",")
    .map((t) => t.trim().replace(/^W\//, ""))
    .some((t) => t === "*" || t === etag);
}
