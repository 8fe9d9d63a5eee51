import type { z } from "zod";
import { isDatabaseUnavailable } from "../../../db/unavailable";
import { ServiceError } from "../../../services/errors";

/**
 * The REST API's error bodies and the mapping of every failure to one of them. Clients branch
 * on `error` (stable, English), people read `message` (Russian). Nothing unexpected leaks: an
 * unknown failure is `500 {"error":"internal"}` and its details go to the server log only.
 */

export type TRestIssue = { path: string; message: string };

export type TRestErrorBody =
  | { error: "validation"; issues: TRestIssue[] }
  | {
      error:
        | "unauthorized"
        | "forbidden"
        | "not_found"
        | "conflict"
        | "unsupported_media_type"
        | "payload_too_large"
        | "unavailable";
      message: string;
    }
  | { error: "internal" };

/** Every response of the API: JSON, never cached (cases change by the minute, keys are per client). */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/** A refusal decided in the transport (auth, body, query), thrown and rendered by `toErrorResponse`. */
export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly body: TRestErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super("message" in body ? body.message : body.error);
    this.name = "RestError";
  }
}

export function unauthorized(message: string, invalidToken = false): RestError {
  // RFC 6750: the scheme, and "invalid_token" when a key was presented but is no good.
  const challenge = invalidToken ? 'Bearer realm="otklik", error="invalid_token"' : 'Bearer realm="otklik"';
  return new RestError(401, { error: "unauthorized", message }, { "WWW-Authenticate": challenge });
}

export function validationError(issues: TRestIssue[]): RestError {
  return new RestError(400, { error: "validation", issues });
}

/** "socialSignificance.reason", "status.1"; the body itself is "". */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join(".");
}

export function issuesFromZod(error: z.ZodError): TRestIssue[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}

const SERVICE_STATUS = { BAD_REQUEST: 400, NOT_FOUND: 404, CONFLICT: 409, FORBIDDEN: 403 } as const;

/**
 * A service's field names where the API calls the input otherwise (the API takes a topic's
 * name and the earlier case's external id, the service their ids).
 */
const FIELD_OF_SERVICE_FIELD: Record<string, string> = {
  topicId: "topic",
  repeatOfId: "repeatOfExternalId",
  significanceReason: "socialSignificance.reason",
};

/** What a caller should wait before retrying a 503: a restart of PostgreSQL takes seconds. */
export const RETRY_AFTER_SECONDS = 5;

/** One line for the log: a restart produces hundreds of these, stack traces would drown it. */
function describeUnavailable(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  const message = typeof e.message === "string" ? e.message.trim().split("\n").at(-1) : "";
  return [typeof e.code === "string" ? e.code : "", message].filter(Boolean).join(" ").slice(0, 200);
}

export function toErrorResponse(error: unknown, operation: string): Response {
  if (error instanceof RestError) return jsonResponse(error.body, error.status, error.headers);
  if (error instanceof ServiceError) {
    if (error.code === "BAD_REQUEST") {
      const path = error.field ? (FIELD_OF_SERVICE_FIELD[error.field] ?? error.field) : "";
      return jsonResponse({ error: "validation", issues: [{ path, message: error.message }] }, 400);
    }
    const name = ({ NOT_FOUND: "not_found", CONFLICT: "conflict", FORBIDDEN: "forbidden" } as const)[error.code];
    return jsonResponse({ error: name, message: error.message }, SERVICE_STATUS[error.code]);
  }
  if (isDatabaseUnavailable(error)) {
    // Temporary (a database restart, a saturated pool): the caller should retry, and a 500
    // would tell it the request itself is at fault. Every write is one transaction, so a retry
    // repeats it whole or, for a delivery whose case did get committed, finds it by externalId.
    console.warn(`REST ${operation}: database unavailable (${describeUnavailable(error)})`);
    return jsonResponse(
      { error: "unavailable", message: "База данных портала временно недоступна, повторите запрос позже" },
      503,
      { "Retry-After": String(RETRY_AFTER_SECONDS) },
    );
  }
  console.error(`REST ${operation} failed:`, error);
  return jsonResponse({ error: "internal" }, 500);
}

/** Wraps a route handler: whatever it throws becomes the documented error response. */
export function withRestErrors<TArgs extends unknown[]>(
  operation: string,
  handler: (...args: TArgs) => Promise<Response>,
): (...args: TArgs) => Promise<Response> {
  return async (...args: TArgs) => {
    try {
      return await handler(...args);
    } catch (error) {
      return toErrorResponse(error, operation);
    }
  };
}
