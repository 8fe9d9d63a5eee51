import { CASE_STATUSES, CLOCK_KINDS, VIOLATION_TYPES } from "../../../domain/cases/case-types";
import { MAX_BODY_BYTES } from "./limits";

/**
 * OpenAPI 3.1 description of the REST API v1 for the curator's system, written by hand so that
 * it says what the handlers do (and the e2e suite checks its paths). Keep it in step with
 * schemas.ts and presenter.ts.
 */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object, description: string) => ({ description, content: { "application/json": { schema } } });
const errorResponse = (description: string) => json(ref("Error"), description);
const noStore = {
  "Cache-Control": { description: "Always `no-store`.", schema: { type: "string", const: "no-store" } },
};
const unavailable = {
  ...errorResponse(
    "The database is unavailable for a moment (a restart, overload). Retry after `Retry-After` seconds; a delivery retried with the same `externalId` answers with its case if the first attempt did register it.",
  ),
  headers: { "Retry-After": { description: "Seconds to wait before retrying.", schema: { type: "integer" } } },
};
const dateTime = { type: "string", format: "date-time" } as const;
const nullable = (schema: object) => ({ oneOf: [schema, { type: "null" }] });
const idParam = {
  name: "id",
  in: "path",
  required: true,
  description: "The case id (`id` of a publication), as returned by POST /publications.",
  schema: { type: "string", maxLength: 64 },
} as const;

export const OPENAPI_DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "Отклик — REST API v1 для системы куратора",
    version: "1.0.0",
    description: [
      "Доставка критических публикаций из системы куратора в портал, чтение их состояния и сроков,",
      "решения куратора по проектам ответов (п.7, п.8, п.10 регламента).",
      "",
      "Every call but this document needs `Authorization: Bearer <API key>`; the key's municipality",
      "scopes everything (another municipality's case is 404). Dates are ISO 8601 strings in UTC.",
      "Errors: `{error, message}` or, for invalid input, `{error: \"validation\", issues: [{path, message}]}`",
      "with Russian messages. Every response carries `Cache-Control: no-store`. A 503 `{error: \"unavailable\"}`",
      "with `Retry-After` is temporary (the database restarting): retry; a delivery retried with the same",
      "`externalId` never creates a second case.",
    ].join("\n"),
  },
  servers: [{ url: "/" }],
  security: [{ bearerAuth: [] }],
  paths: {
    "/api/v1/publications": {
      post: {
        operationId: "createPublication",
        summary: "Передать публикацию (идемпотентно по externalId)",
        description: [
          "Registers a publication with source CURATOR. The same `externalId` again returns 200 with",
          "the case already registered and changes nothing, also when retries race. Needs scope `cases:write`.",
          `Body: \`application/json\` (415 otherwise), at most ${MAX_BODY_BYTES} bytes (413 otherwise).`,
        ].join(" "),
        requestBody: { required: true, content: { "application/json": { schema: ref("PublicationCreate") } } },
        responses: {
          "201": {
            ...json(ref("Publication"), "Registered."),
            headers: {
              ...noStore,
              Location: { description: "`/api/v1/publications/{id}`", schema: { type: "string" } },
            },
          },
          "200": { ...json(ref("Publication"), "Already registered under this externalId: the same case."), headers: noStore },
          "400": json(ref("ValidationError"), "Invalid JSON or body (unknown network or topic, future receivedAt, …)."),
          "401": { ...errorResponse("No, unknown, revoked or expired key."), headers: { "WWW-Authenticate": { schema: { type: "string" } } } },
          "403": errorResponse("The key lacks the scope `cases:write`."),
          "413": errorResponse("Body over 1 MB."),
          "415": errorResponse("Not application/json."),
          "500": json(ref("InternalError"), "Unexpected failure."),
          "503": unavailable,
        },
      },
      get: {
        operationId: "listPublications",
        summary: "Список публикаций",
        description:
          "Publications of the key's municipality, most urgent first (the running clock's deadline), paged with `nextCursor`. Needs scope `cases:read`.",
        parameters: [
          {
            name: "status",
            in: "query",
            description: "Statuses to include; repeat the parameter or separate with commas.",
            schema: { type: "array", items: { type: "string", enum: [...CASE_STATUSES] } },
            style: "form",
            explode: true,
          },
          { name: "updatedSince", in: "query", description: "Only cases changed at or after this instant.", schema: dateTime },
          { name: "cursor", in: "query", description: "`nextCursor` of the previous page.", schema: { type: "string" } },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
        ],
        responses: {
          "200": {
            ...json(
              {
                type: "object",
                required: ["items", "nextCursor"],
                properties: { items: { type: "array", items: ref("Publication") }, nextCursor: nullable({ type: "string" }) },
              },
              "A page.",
            ),
            headers: noStore,
          },
          "400": json(ref("ValidationError"), "Invalid query parameter."),
          "401": errorResponse("No, unknown, revoked or expired key."),
          "403": errorResponse("The key lacks the scope `cases:read`."),
          "500": json(ref("InternalError"), "Unexpected failure."),
          "503": unavailable,
        },
      },
    },
    "/api/v1/publications/{id}": {
      get: {
        operationId: "getPublication",
        summary: "Публикация, её сроки и ответ",
        parameters: [idParam],
        responses: {
          "200": { ...json(ref("Publication"), "The case."), headers: noStore },
          "401": errorResponse("No, unknown, revoked or expired key."),
          "403": errorResponse("The key lacks the scope `cases:read`."),
          "404": errorResponse("No such case in the key's municipality."),
          "500": json(ref("InternalError"), "Unexpected failure."),
          "503": unavailable,
        },
      },
    },
    "/api/v1/publications/{id}/decision": {
      post: {
        operationId: "decidePublication",
        summary: "Решение куратора по проекту ответа",
        description: [
          "Approves the submitted draft (→ APPROVED) or returns it for rework (→ REWORK, `comment` required).",
          "Only for a case AT_CURATOR (409 otherwise, also for a repeated decision). The decision is recorded as",
          "the municipality's curator's (the portal user curating it; 409 when there is none), marked `via: API`",
          "on the timeline. Needs scope `cases:write`. Returns the case after the decision.",
        ].join(" "),
        parameters: [idParam],
        requestBody: { required: true, content: { "application/json": { schema: ref("Decision") } } },
        responses: {
          "200": { ...json(ref("Publication"), "Decision recorded."), headers: noStore },
          "400": json(ref("ValidationError"), "Invalid body; reject without a comment."),
          "401": errorResponse("No, unknown, revoked or expired key."),
          "403": errorResponse("The key lacks the scope `cases:write`."),
          "404": errorResponse("No such case in the key's municipality."),
          "409": errorResponse("The case is not at the curator, or no curator is assigned, or it changed meanwhile."),
          "413": errorResponse("Body over 1 MB."),
          "415": errorResponse("Not application/json."),
          "500": json(ref("InternalError"), "Unexpected failure."),
          "503": unavailable,
        },
      },
    },
    "/api/v1/openapi.json": {
      get: {
        operationId: "getOpenApi",
        summary: "Это описание API",
        security: [],
        responses: { "200": { description: "OpenAPI 3.1 document.", content: { "application/json": { schema: { type: "object" } } } } },
      },
    },
  },
  components: {
    securitySchemes: {
      bearerAuth: { type: "http", scheme: "bearer", description: "API key issued by the portal's administrator." },
    },
    schemas: {
      PublicationCreate: {
        type: "object",
        required: ["externalId", "network", "url", "text"],
        additionalProperties: true,
        description: "Unknown properties are ignored.",
        properties: {
          externalId: { type: "string", minLength: 1, maxLength: 100, description: "The incident's id in the curator's system; the idempotency key." },
          network: {
            type: "string",
            description: "Social network code, e.g. VK, OK, TELEGRAM, MAX, DZEN, FACEBOOK, X, INSTAGRAM, OTHER (case-insensitive). Must match the URL's host.",
            examples: ["VK"],
          },
          url: { type: "string", maxLength: 2000, description: "Link to the post (http/https)." },
          text: { type: "string", minLength: 1, maxLength: 20000 },
          authorName: nullable({ type: "string", maxLength: 200 }),
          publishedAt: nullable(dateTime),
          receivedAt: nullable({
            ...dateTime,
            description: "T0, when the curator received it; defaults to now. May be in the past; at most 5 minutes in the future.",
          }),
          topic: nullable({ type: "string", maxLength: 200, description: "Name of one of the municipality's topics (case-insensitive); unknown → 400." }),
          socialSignificance: nullable({
            type: "object",
            description: "Socially significant (п.13): the head and the deputy head are told at once. An object, not a bare boolean.",
            required: ["significant"],
            properties: { significant: { type: "boolean" }, reason: nullable({ type: "string", maxLength: 1000 }) },
          }),
          repeatOfExternalId: nullable({
            type: "string",
            maxLength: 100,
            description: "externalId of an earlier publication on the same question (п.11); unknown → 400.",
          }),
        },
      },
      Decision: {
        type: "object",
        required: ["decision"],
        properties: {
          decision: { type: "string", enum: ["approve", "reject"] },
          comment: nullable({ type: "string", maxLength: 5000, description: "The curator's comment; required for reject." }),
        },
      },
      Clock: {
        type: "object",
        required: ["name", "dueAt", "state"],
        properties: {
          name: { type: "string", enum: [...CLOCK_KINDS] },
          dueAt: dateTime,
          state: { type: "string", enum: ["ON_TIME", "AT_RISK", "OVERDUE"] },
        },
      },
      Publication: {
        type: "object",
        required: [
          "id", "externalId", "number", "status", "network", "url", "receivedAt", "deadlines", "clock",
          "answerClock", "department", "violations", "answer", "repeatOf",
        ],
        properties: {
          id: { type: "string" },
          externalId: nullable({ type: "string" }),
          number: { type: "integer", description: "The municipality's sequential number." },
          status: { type: "string", enum: [...CASE_STATUSES] },
          network: { type: "string" },
          url: { type: "string" },
          receivedAt: dateTime,
          deadlines: {
            type: "object",
            required: ["route", "draft", "answer"],
            properties: { route: dateTime, draft: dateTime, answer: dateTime },
          },
          clock: nullable({ ...ref("Clock"), description: "The clock running now (ROUTE for a new case); null once closed." }),
          answerClock: {
            type: "object",
            description: "The 24-hour answer clock (п.8). `state` is null once the case is closed.",
            required: ["dueAt", "state"],
            properties: { dueAt: dateTime, state: nullable({ type: "string", enum: ["ON_TIME", "AT_RISK", "OVERDUE"] }) },
          },
          department: nullable({ type: "object", required: ["id", "name"], properties: { id: { type: "string" }, name: { type: "string" } } }),
          violations: {
            type: "array",
            items: {
              type: "object",
              required: ["type", "detectedAt"],
              properties: { type: { type: "string", enum: [...VIOLATION_TYPES] }, detectedAt: dateTime },
            },
          },
          answer: nullable({
            type: "object",
            description: "Null until a draft is submitted. `text`: the latest draft the curator approved, else the latest submitted one.",
            required: ["text", "postedUrl", "postedAt"],
            properties: { text: nullable({ type: "string" }), postedUrl: nullable({ type: "string" }), postedAt: nullable(dateTime) },
          }),
          repeatOf: nullable({
            type: "object",
            required: ["id", "externalId"],
            properties: { id: { type: "string" }, externalId: nullable({ type: "string" }) },
          }),
        },
      },
      Error: {
        type: "object",
        required: ["error", "message"],
        properties: {
          error: { type: "string", enum: ["unauthorized", "forbidden", "not_found", "conflict", "unsupported_media_type", "payload_too_large", "unavailable"] },
          message: { type: "string", description: "In Russian, for people." },
        },
      },
      ValidationError: {
        type: "object",
        required: ["error", "issues"],
        properties: {
          error: { type: "string", const: "validation" },
          issues: {
            type: "array",
            items: {
              type: "object",
              required: ["path", "message"],
              properties: {
                path: { type: "string", description: "Dotted path of the input at fault, e.g. `url`, `socialSignificance.reason`; `\"\"` for the body itself." },
                message: { type: "string" },
              },
            },
          },
        },
      },
      InternalError: { type: "object", required: ["error"], properties: { error: { type: "string", const: "internal" } } },
    },
  },
} as const;
