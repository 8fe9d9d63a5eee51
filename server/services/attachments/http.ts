import "server-only";
import { Readable } from "node:stream";
import { readerOf } from "../cases/actors";
import type { TSessionUser } from "../../auth/session-user";
import type { TPrismaClient } from "../../db/client";
import { contentDisposition } from "../../domain/attachments/file-name";
import type { TUploadLimits } from "../../domain/attachments/limits";
import { contentRange } from "../../domain/attachments/range";
import type { TFileStorage } from "../../storage/types";
import type { TAttachmentActor } from "./access";
import { AttachmentError } from "./errors";
import { readAttachment } from "./read";
import { removeAttachment } from "./remove";
import { uploadAttachment } from "./upload";

/**
 * The HTTP side of the attachment routes (app/api/cases/[id]/attachments, app/api/attachments/[id]):
 * Request in, Response out, so that the contract — statuses, headers, ranges, error bodies — is
 * tested with real requests; the route files only resolve the session and the dependencies.
 * Errors are `{"error": "<code>", "message": "<Russian>"}`.
 */
export interface TAttachmentHttpDeps {
  prisma: TPrismaClient;
  storage: TFileStorage;
  /** The signed-in user (getCurrentUser), null without a valid session. */
  user: TSessionUser | null;
}

export function attachmentActorOf(user: TSessionUser): TAttachmentActor {
  return { userId: user.id, roles: user.roles, departmentId: user.department?.id ?? null, reader: readerOf(user) };
}

/** POST /api/cases/{id}/attachments?purpose=evidence|screenshot|answerScreenshot, the file in field `file`. */
export function respondToUpload(
  req: Request,
  caseId: string,
  deps: TAttachmentHttpDeps & { limits: TUploadLimits; tempDir?: string },
): Promise<Response> {
  return withErrors("upload", async () => {
    const actor = requireActor(deps.user);
    const attachment = await uploadAttachment(deps, actor, {
      caseId,
      purpose: new URL(req.url).searchParams.get("purpose"),
      contentType: req.headers.get("content-type"),
      contentLength: declaredLength(req.headers.get("content-length")),
      body: req.body,
    });
    return Response.json({ attachment }, { status: 201, headers: { "Cache-Control": "no-store" } });
  });
}

/** GET /api/attachments/{id}[?variant=thumb], with Range. */
export function respondToDownload(req: Request, id: string, deps: TAttachmentHttpDeps): Promise<Response> {
  return withErrors("download", async () => {
    const actor = requireActor(deps.user);
    const variant = new URL(req.url).searchParams.get("variant") === "thumb" ? "thumb" : "original";
    const content = await readAttachment(deps, actor, {
      id,
      variant,
      range: req.headers.get("range"),
      ifRange: req.headers.get("if-range"),
      ifNoneMatch: req.headers.get("if-none-match"),
    });
    const headers = new Headers({
      ETag: content.etag,
      // Private: only this person may see it. no-cache: ask every time, so that someone who
      // loses access loses it at once; the ETag makes asking cheap (304).
      "Cache-Control": "private, no-cache",
      "Accept-Ranges": "bytes",
      "X-Content-Type-Options": "nosniff",
    });
    if (content.notModified) return new Response(null, { status: 304, headers });

    const { range, size } = content;
    headers.set("Content-Type", content.mimeType);
    headers.set("Content-Disposition", contentDisposition(content.fileName, "inline"));
    headers.set("Content-Length", String(range ? range.end - range.start + 1 : size));
    if (range) headers.set("Content-Range", contentRange(range, size));
    const body = Readable.toWeb(content.body) as unknown as ReadableStream<Uint8Array>;
    return new Response(body, { status: range ? 206 : 200, headers });
  });
}

/** DELETE /api/attachments/{id}: 204. */
export function respondToRemoval(_req: Request, id: string, deps: TAttachmentHttpDeps): Promise<Response> {
  return withErrors("remove", async () => {
    await removeAttachment(deps, requireActor(deps.user), id);
    return new Response(null, { status: 204 });
  });
}

function requireActor(user: TSessionUser | null): TAttachmentActor {
  if (!user) throw new AttachmentError("unauthorized", "Войдите в систему");
  return attachmentActorOf(user);
}

function declaredLength(header: string | null): number | null {
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Number(header);
}

async function withErrors(operation: string, handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof AttachmentError) {
      return Response.json(
        { error: error.code, message: error.message },
        { status: error.status, headers: { "Cache-Control": "no-store", ...error.headers } },
      );
    }
    console.error(`Attachments: ${operation} failed:`, error);
    return Response.json(
      { error: "internal", message: "Не удалось обработать файл. Повторите попытку позже" },
      { status: 500, headers: { "Cache-Control": "no-store" } },
    );
  }
}
