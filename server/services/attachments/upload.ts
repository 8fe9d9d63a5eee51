import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { TPrismaClient } from "../../db/client";
import { safeFileName } from "../../domain/attachments/file-name";
import { isAttachmentPurpose, kindFor, type TAttachmentKind } from "../../domain/attachments/file-types";
import {
  maxBytesForPurpose,
  MULTIPART_OVERHEAD_BYTES,
  tooLargeMessage,
  type TUploadLimits,
} from "../../domain/attachments/limits";
import { decideUpload } from "../../domain/attachments/policy";
import type { TFileStorage } from "../../storage/types";
import { findVisibleCase, type TAttachmentActor } from "./access";
import { AttachmentError } from "./errors";
import { prepareImage } from "./image";
import { ATTACHMENT_SELECT, presentAttachment, type TPresentedAttachment } from "./present";
import { receiveFile } from "./receive";

export interface TUploadDeps {
  prisma: TPrismaClient;
  storage: TFileStorage;
  limits: TUploadLimits;
  /** Where the upload is spooled while it is checked; the system's temporary folder by default. */
  tempDir?: string;
}

export interface TUploadRequest {
  caseId: string;
  /** From the query string (`?purpose=`), so that the size limit is known before the body is read. */
  purpose: string | null;
  contentType: string | null;
  contentLength: number | null;
  /** The request body; a web stream is turned into a Node one only when it is read. */
  body: ReadableStream<Uint8Array> | Readable | null;
}

/**
 * One file attached to a case (п.9), all or nothing. The order makes the cheap refusals first
 * (purpose, visibility, the right to upload now, the declared length) and reads the body only
 * then, into a temporary folder: type by content, size while streaming, an image decoded and
 * re-encoded without metadata. Only a file that passed everything is stored, and only a stored
 * file gets a row; if the row cannot be written, the stored objects are deleted again. The
 * temporary folder is always removed.
 */
export async function uploadAttachment(
  deps: TUploadDeps,
  actor: TAttachmentActor,
  request: TUploadRequest,
): Promise<TPresentedAttachment> {
  const purpose = request.purpose;
  if (!isAttachmentPurpose(purpose)) {
    throw new AttachmentError(
      "bad_request",
      "Не указано, что это за файл: purpose должен быть evidence, screenshot или answerScreenshot",
    );
  }
  const c = await findVisibleCase(deps.prisma, actor, request.caseId);
  const decision = decideUpload({
    purpose,
    actor: { roles: actor.roles, departmentId: actor.departmentId },
    case: { status: c.status, departmentId: c.departmentId },
  });
  if (!decision.allowed) throw new AttachmentError("forbidden", decision.message);

  if (
    request.contentLength !== null &&
    request.contentLength > maxBytesForPurpose(purpose, deps.limits) + MULTIPART_OVERHEAD_BYTES
  ) {
    throw new AttachmentError("payload_too_large", tooLargeMessage(purpose, null, deps.limits));
  }
  const contentType = request.contentType ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType) || !request.body) {
    throw new AttachmentError("bad_request", "Отправьте файл формой multipart/form-data в поле «file»");
  }

  const dir = await mkdtemp(path.join(deps.tempDir ?? os.tmpdir(), "otklik-upload-"));
  try {
    const upload = path.join(dir, "upload");
    const received = await receiveFile(request.body, contentType, { purpose, limits: deps.limits, target: upload });
    const { type } = received;

    let file = upload;
    let thumbnail: string | null = null;
    let dimensions: { width: number; height: number } | null = null;
    if (type.media === "image") {
      file = path.join(dir, "stored");
      thumbnail = path.join(dir, "thumbnail");
      dimensions = await prepareImage(upload, type, { stored: file, thumbnail });
    }

    return await storeAndRecord(deps, {
      caseId: c.id,
      actor,
      file,
      thumbnail,
      mimeType: type.mime,
      extension: type.extensions[0],
      kind: kindFor(purpose, type.media),
      fileName: safeFileName(received.fileName, type),
      dimensions,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function storeAndRecord(
  deps: TUploadDeps,
  input: {
    caseId: string;
    actor: TAttachmentActor;
    file: string;
    thumbnail: string | null;
    mimeType: string;
    extension: string;
    kind: TAttachmentKind;
    fileName: string;
    dimensions: { width: number; height: number } | null;
  },
): Promise<TPresentedAttachment> {
  const { size, sha256 } = await digest(input.file);
  // Keys are random: a file name chosen by a person never reaches the storage.
  const base = `cases/${input.caseId}/${randomUUID()}`;
  const storageKey = `${base}.${input.extension}`;
  const thumbnailKey = input.thumbnail ? `${base}-thumb.webp` : null;

  const stored: string[] = [];
  try {
    await deps.storage.put(storageKey, { path: input.file }, input.mimeType);
    stored.push(storageKey);
    if (input.thumbnail && thumbnailKey) {
      await deps.storage.put(thumbnailKey, { path: input.thumbnail }, "image/webp");
      stored.push(thumbnailKey);
    }
    const row = await deps.prisma.attachment.create({
      data: {
        caseId: input.caseId,
        // Evidence joins the draft when the draft is sent (linkPendingEvidence).
        draftId: null,
        kind: input.kind,
        fileName: input.fileName,
        mimeType: input.mimeType,
        sizeBytes: BigInt(size),
        sha256,
        storageKey,
        thumbnailKey,
        width: input.dimensions?.width ?? null,
        height: input.dimensions?.height ?? null,
        uploadedById: input.actor.userId,
      },
      select: ATTACHMENT_SELECT,
    });
    return presentAttachment(row);
  } catch (error) {
    await deleteQuietly(deps.storage, stored);
    throw error;
  }
}

/** Best effort: an object left behind is invisible (no row points at it); the log names it. */
export async function deleteQuietly(storage: TFileStorage, keys: readonly string[]): Promise<void> {
  await Promise.all(
    keys.map((key) =>
      storage.delete(key).catch((error: unknown) => {
        console.error(`Attachment storage: could not delete ${key}:`, error);
      }),
    ),
  );
}

async function digest(file: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash("sha256");
  let size = 0;
  await pipeline(createReadStream(file), async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      size += chunk.length;
      hash.update(chunk);
    }
  });
  return { size, sha256: hash.digest("hex") };
}
