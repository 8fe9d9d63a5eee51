import "server-only";
import type { z } from "zod";
import type { TPrismaClient } from "../../../db/client";
import { bearerToken } from "../../../auth/api-key";
import { authenticateApiKey } from "../../../services/admin/api-keys";
import { MAX_BODY_BYTES } from "./limits";
import { RestError, issuesFromZod, unauthorized, validationError } from "./errors";
import type { TApiClient } from "./publications";

export type TApiScope = "cases:read" | "cases:write";

/**
 * The API key of `Authorization: Bearer <key>`: its municipality scopes the call. A missing,
 * unknown, revoked or expired key is 401; a key without the scope the call needs is 403.
 */
export async function authenticateRequest(
  prisma: TPrismaClient,
  req: Request,
  scope: TApiScope,
  now: Date,
): Promise<TApiClient> {
  const header = req.headers.get("authorization");
  if (!header) throw unauthorized("Нужен ключ API: передайте заголовок Authorization: Bearer <ключ>");
  const secret = bearerToken(header);
  const key = secret ? await authenticateApiKey(prisma, secret, now) : null;
  if (!key) throw unauthorized("Ключ API неизвестен, отозван или истёк", true);
  if (!key.scopes.includes(scope)) {
    throw new RestError(403, { error: "forbidden", message: `У ключа API нет права «${scope}»` });
  }
  return { keyId: key.keyId, municipalityId: key.municipalityId };
}

const tooLarge = () =>
  new RestError(413, { error: "payload_too_large", message: "Тело запроса больше 1 МБ" });

/**
 * The body as JSON, read with a hard size cap (also for chunked bodies without a length), then
 * validated by `schema`. Only `application/json` is taken (415 otherwise).
 */
export async function readJsonBody<T extends z.ZodType>(req: Request, schema: T): Promise<z.output<T>> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    throw new RestError(415, {
      error: "unsupported_media_type",
      message: "Тело запроса должно быть в формате JSON (Content-Type: application/json)",
    });
  }
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw tooLarge();

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw validationError([{ path: "", message: "Тело запроса — не корректный JSON" }]);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw validationError(issuesFromZod(parsed.error));
  return parsed.data;
}

/** Validates query or path values; a failure is a 400 with the offending parameters as paths. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(issuesFromZod(parsed.error));
  return parsed.data;
}
