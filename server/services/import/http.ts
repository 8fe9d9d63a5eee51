import "server-only";
import type { TSessionUser } from "../../auth/session-user";
import type { TPrismaClient } from "../../db/client";
import { ZImportMapping, ZImportMode } from "../../api/routers/imports/imports.schema";
import { hasPermission } from "../../domain/auth/permissions";
import type { TImportMapping } from "../../domain/import/fields";
import { IMPORT_LIMITS_TEXT, IMPORT_MAX_BYTES } from "../../domain/import/limits";
import { ServiceError } from "../errors";
import { commitImport } from "./commit";
import { ImportFileError } from "./errors";
import { previewImport } from "./preview";
import { receiveImportForm } from "./receive";

/**
 * POST /api/imports — multipart/form-data with `file` (CSV or XLSX), `mode` (`preview`, the
 * default, or `commit`) and optionally `mapping` (JSON: field → column header).
 *
 * preview → 200 with what the import would do (TImportPreview); commit → 201 with the result
 * (TImportResult). Refusals are `{"error": "<code>", "message": "<Russian>"}`: 401 without a
 * session, 403 without the right to import, 413 for a file over the limits (checked on the
 * declared length before reading, and while reading), 415 for a file that is neither CSV nor
 * XLSX, 400 for an unreadable or empty file, a bad form or mapping. Request in, Response out,
 * so the contract is tested with real requests; the route file only resolves the session.
 */
export interface TImportHttpDeps {
  prisma: TPrismaClient;
  /** The signed-in user (getCurrentUser), null without a valid session. */
  user: TSessionUser | null;
  now: Date;
}

/** Boundaries, part headers and the small fields on top of the file itself. */
const FORM_OVERHEAD_BYTES = 128 * 1024;

const NO_STORE = { "Cache-Control": "no-store" };

const STATUS_OF = { BAD_REQUEST: 400, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 } as const;

function fail(status: number, error: string, message: string, extra: object = {}) {
  return Response.json({ error, message, ...extra }, { status, headers: NO_STORE });
}

export async function respondToImport(req: Request, deps: TImportHttpDeps): Promise<Response> {
  const { user, prisma, now } = deps;
  if (!user) return fail(401, "unauthorized", "Войдите в систему");
  if (!hasPermission(user.roles, "case.import")) {
    return fail(403, "forbidden", "Недостаточно прав для импорта публикаций");
  }
  const municipality = user.municipality;
  if (!municipality) return fail(403, "forbidden", "Пользователь не привязан к муниципальному образованию");

  const declared = req.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > IMPORT_MAX_BYTES + FORM_OVERHEAD_BYTES) {
    return fail(413, "payload_too_large", `Файл слишком большой: принимаются файлы ${IMPORT_LIMITS_TEXT}`);
  }
  const contentType = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType) || !req.body) {
    return fail(400, "bad_request", "Отправьте файл формой multipart/form-data в поле «file»");
  }

  try {
    const form = await receiveImportForm(req.body, contentType, { maxBytes: IMPORT_MAX_BYTES });
    const mode = ZImportMode.safeParse(form.fields.mode ?? "preview");
    if (!mode.success) return fail(400, "validation", mode.error.issues[0]?.message ?? "Неверный режим");
    const mapping = readMapping(form.fields.mapping);
    if (!mapping.ok) return fail(400, "validation", mapping.message);
    if (!form.file) return fail(400, "bad_request", "Выберите файл выгрузки (CSV или XLSX)");

    const actor = { userId: user.id, municipalityId: municipality.id };
    if (mode.data === "preview") {
      const preview = await previewImport(prisma, actor, form.file, mapping.value, now);
      return Response.json(preview, { status: 200, headers: NO_STORE });
    }
    const result = await commitImport(prisma, actor, form.file, mapping.value, now);
    return Response.json(result, { status: 201, headers: NO_STORE });
  } catch (error) {
    if (error instanceof ImportFileError) return fail(error.status, error.reason, error.message);
    if (error instanceof ServiceError) {
      return fail(
        STATUS_OF[error.code],
        error.code.toLowerCase(),
        error.message,
        error.field ? { field: error.field } : {},
      );
    }
    console.error("Import failed:", error);
    return fail(500, "internal", "Не удалось обработать файл. Повторите попытку позже");
  }
}

function readMapping(
  raw: string | undefined,
): { ok: true; value: TImportMapping | null } | { ok: false; message: string } {
  if (raw === undefined || raw.trim() === "" || raw.trim() === "null") return { ok: true, value: null };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, message: "Сопоставление столбцов (mapping) — не JSON" };
  }
  const parsed = ZImportMapping.safeParse(json);
  if (!parsed.success)
    return { ok: false, message: parsed.error.issues[0]?.message ?? "Неверное сопоставление столбцов" };
  return { ok: true, value: parsed.data };
}
