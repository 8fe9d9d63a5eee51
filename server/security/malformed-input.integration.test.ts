import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// eslint-disable-next-line no-restricted-imports -- the REST route handlers themselves are under test
import { POST as postDecision } from "@/app/api/v1/publications/[id]/decision/route";
// eslint-disable-next-line no-restricted-imports -- the REST route handlers themselves are under test
import { GET as getPublication } from "@/app/api/v1/publications/[id]/route";
// eslint-disable-next-line no-restricted-imports -- the REST route handlers themselves are under test
import { GET as listPublications, POST as postPublication } from "@/app/api/v1/publications/route";
import { db } from "@/server/db";
import { MULTIPART_OVERHEAD_BYTES } from "@/server/domain/attachments/limits";
import { respondToUpload } from "@/server/services/attachments/http";
import { respondToImport } from "@/server/services/import/http";
import {
  configureServerEnv,
  countRows,
  createSecurityWorld,
  isRussian,
  makeCase,
  messagesOf,
  NOW,
  photo,
  storedFiles,
  UPLOAD_LIMITS,
  type TSecurityWorld,
} from "./fixtures";

/**
 * Malformed input, generated with fast-check (fixed seeds, so a failure replays), against the
 * REST API and the two upload endpoints. Every request must get the precise 4xx the API
 * documents (server/api/rest/v1/openapi.ts, the services' contracts), a JSON body whose message
 * a person can read in Russian, and change nothing: no row in the tables a request could write,
 * no stored or spooled file.
 */

const RUNS = {
  createPublication: 90,
  readPublication: 25,
  listPublications: 25,
  decision: 40,
  upload: 60,
  imports: 45,
};

let w: TSecurityWorld;
let caseOfA: string;
let jpeg: Buffer;

beforeAll(async () => {
  w = await createSecurityWorld();
  configureServerEnv(w);
  caseOfA = await makeCase(w, "ASSIGNED", w.a.zhkhId, "CUR-EXISTING");
  jpeg = await photo(64, 48);
});
afterAll(async () => {
  await db().$disconnect();
  await w.cleanup();
});

// ---------------------------------------------------------------------------- the checks

interface TMalformed {
  /** What is wrong, for the failure message. */
  what: string;
  expected: number;
  send: () => Promise<Response>;
}

async function expectRefusedCleanly(c: TMalformed) {
  const rowsBefore = await countRows(w);
  const filesBefore = await storedFiles(w);
  const res = await answeredWithin(c.send(), 5_000, c.what);
  const text = await answeredWithin(res.text(), 5_000, `${c.what} (body)`);
  expect(res.status, `${c.what} → ${text.slice(0, 400)}`).toBe(c.expected);
  expect(res.headers.get("content-type"), c.what).toMatch(/^application\/json/);
  const body = JSON.parse(text) as unknown;
  expect(typeof (body as { error?: unknown }).error, c.what).toBe("string");
  const messages = messagesOf(body);
  expect(messages.length, `${c.what}: no message in ${text}`).toBeGreaterThan(0);
  for (const m of messages) expect(isRussian(m), `${c.what}: «${m}»`).toBe(true);
  expect(await countRows(w), c.what).toEqual(rowsBefore);
  expect(await storedFiles(w), c.what).toEqual(filesBefore);
}

/** A request left hanging is a failure of its own (a client could tie up the server that way). */
async function answeredWithin<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer within ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const check = (arbitrary: fc.Arbitrary<TMalformed>, numRuns: number, seed: number) =>
  fc.assert(
    fc.asyncProperty(arbitrary, (c) => expectRefusedCleanly(c)),
    { numRuns, seed, endOnFailure: true },
  );

// ---------------------------------------------------------------------------- generators

/** Strings that look like attacks: SQL, markup, traversal, control characters, odd Unicode. */
const INJECTIONS = [
  "' OR '1'='1",
  '\'; DROP TABLE "Case"; --',
  "1; SELECT pg_sleep(10)",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "{{7*7}}",
  "${process.env.AUTH_SECRET}",
  "../../../../etc/passwd",
  "..\\..\\windows\\win.ini",
  "%2e%2e%2f%2e%2e%2f",
  "\u0000\u0001\u0002",
  "\u202Eexe.jpg",
  "𝕍𝕂",
  "ВК",
  "null",
  "undefined",
  "__proto__",
];
const injection = fc.oneof(fc.constantFrom(...INJECTIONS), fc.string({ minLength: 1, maxLength: 40, unit: "binary" }));

const validPublication = () => ({
  externalId: `CUR-${Math.random().toString(36).slice(2)}`,
  network: "VK",
  url: "https://vk.com/wall-1_999",
  text: "Во дворе яма",
});

const REQUIRED = ["externalId", "network", "url", "text"] as const;
const wrongType = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
);
const badInstant = fc.oneof(
  fc.constantFrom(
    "2026-13-01T00:00:00Z",
    "2026-02-30T10:00:00Z",
    "2026-11-27T25:00:00Z",
    "27.11.2026 10:00",
    "2026-11-27",
    "2026-11-27T10:00:00",
    "yesterday",
    "",
    "2026-11-27T10:00:00+25:00",
  ),
  fc.integer().map(String),
  injection,
);
const badUrl = fc.constantFrom(
  "not a url",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "ftp://vk.com/wall-1_1",
  "file:///etc/passwd",
  "//vk.com/wall-1_1",
  "http://",
  "https://evil.example/wall-1_1",
  "https://vk.com.evil.example/wall-1_1",
  "https://evil.example/?next=https://vk.com/",
  "vk.com/wall-1_1",
  "   ",
);

type TBody = { json: string; expected: number; what: string };
const jsonBody = (value: unknown, what: string, expected = 400): TBody => ({
  json: JSON.stringify(value),
  expected,
  what,
});

const badPublicationBody: fc.Arbitrary<TBody> = fc.oneof(
  // Not JSON at all, or cut short.
  fc
    .oneof(
      fc.constantFrom("", "{", '{"externalId":', "[1,2", "nul", "{'a':1}", '{"a":1,}', "\u0000", "<xml/>"),
      fc.string({ maxLength: 30 }).map((s) => `{${s}`),
    )
    .filter((s) => {
      try {
        JSON.parse(s);
        return false;
      } catch {
        return true;
      }
    })
    .map((s) => ({ json: s, expected: 400, what: `not JSON: ${JSON.stringify(s)}` })),
  // JSON, but not an object.
  fc
    .oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.string(), fc.array(fc.integer()))
    .map((v) => jsonBody(v, `not an object: ${JSON.stringify(v)}`)),
  // A required field missing or of the wrong type.
  fc.constantFrom(...REQUIRED).map((field) => {
    const body: Record<string, unknown> = validPublication();
    delete body[field];
    return jsonBody(body, `without ${field}`);
  }),
  fc
    .tuple(fc.constantFrom(...REQUIRED), wrongType)
    .map(([field, value]) =>
      jsonBody({ ...validPublication(), [field]: value }, `${field} = ${JSON.stringify(value)}`),
    ),
  // Over the documented lengths, or blank.
  fc
    .tuple(
      fc.constantFrom(
        { field: "externalId", max: 100 },
        { field: "url", max: 2000 },
        { field: "text", max: 20_000 },
        { field: "authorName", max: 200 },
        { field: "topic", max: 200 },
      ),
      fc.integer({ min: 1, max: 50 }),
    )
    .map(([{ field, max }, extra]) =>
      jsonBody({ ...validPublication(), [field]: "я".repeat(max + extra) }, `${field} of ${max + extra} characters`),
    ),
  fc
    .tuple(fc.constantFrom(...REQUIRED), fc.constantFrom("", "   ", "\t\n"))
    .map(([field, blank]) => jsonBody({ ...validPublication(), [field]: blank }, `${field} blank`)),
  // A NUL character, which no text column can hold.
  fc.tuple(fc.constantFrom("externalId", "url", "text", "authorName"), fc.nat({ max: 5 })).map(([field, at]) => {
    const body: Record<string, unknown> = { ...validPublication(), authorName: "Иван" };
    const value = String(body[field]);
    body[field] = `${value.slice(0, at)}\u0000${value.slice(at)}`;
    return jsonBody(body, `a NUL character in ${field}`);
  }),
  // Dates that are not ISO 8601 instants, or impossible for the case.
  fc
    .tuple(fc.constantFrom("publishedAt", "receivedAt"), badInstant)
    .map(([field, value]) =>
      jsonBody({ ...validPublication(), [field]: value }, `${field} = ${JSON.stringify(value)}`),
    ),
  fc.constant(jsonBody({ ...validPublication(), receivedAt: "2099-01-01T00:00:00Z" }, "received in 2099")),
  fc.constant(
    jsonBody(
      { ...validPublication(), publishedAt: "2026-11-27T10:00:00Z", receivedAt: "2026-11-27T09:00:00Z" },
      "published after it was received",
    ),
  ),
  // Links that are not a VK post's, with the network VK.
  badUrl.map((url) => jsonBody({ ...validPublication(), url }, `url ${JSON.stringify(url)}`)),
  // Codes and names the portal does not know.
  fc
    .oneof(fc.constantFrom("VKONTAKTE", "TIKTOK", "VK2", "ВКОНТАКТЕ"), injection)
    .filter((n) => n.trim().toUpperCase() !== "VK" && n.trim() !== "")
    .map((network) => jsonBody({ ...validPublication(), network }, `network ${JSON.stringify(network)}`)),
  injection
    .filter((s) => s.trim() !== "")
    .map((topic) => jsonBody({ ...validPublication(), topic }, `unknown topic ${JSON.stringify(topic)}`)),
  injection
    .filter((s) => s.trim() !== "" && s.trim() !== "CUR-EXISTING")
    .map((repeatOfExternalId) =>
      jsonBody(
        { ...validPublication(), repeatOfExternalId },
        `unknown earlier case ${JSON.stringify(repeatOfExternalId)}`,
      ),
    ),
  fc
    .oneof(
      fc.constant<unknown>(true),
      fc.constant<unknown>("да"),
      fc.constant<unknown>({ significant: "yes" }),
      fc.constant<unknown>({ reason: "без флага" }),
      fc.constant<unknown>({ significant: true, reason: 5 }),
    )
    .map((socialSignificance) =>
      jsonBody(
        { ...validPublication(), socialSignificance },
        `socialSignificance ${JSON.stringify(socialSignificance)}`,
      ),
    ),
);

const NOT_JSON_TYPES = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  "application/jsonp",
  "application/json-patch+json",
  "text/json",
  "",
];

function restRequest(path: string, body: string, contentType: string | null, method = "POST") {
  const headers: Record<string, string> = { Authorization: `Bearer ${w.keys.valid}` };
  if (contentType !== null) headers["Content-Type"] = contentType;
  return new Request(`http://portal.test${path}`, { method, headers, body });
}

/** Built when the test runs: it needs the world's ids and files. */
const createCases = (): fc.Arbitrary<TMalformed> =>
  fc
    .oneof(
      { weight: 8, arbitrary: badPublicationBody.map((b) => ({ ...b, contentType: "application/json" })) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(...NOT_JSON_TYPES, null).map((contentType) => ({
          json: JSON.stringify(validPublication()),
          expected: 415,
          what: `a valid publication as ${JSON.stringify(contentType)}`,
          contentType,
        })),
      },
      {
        weight: 1,
        arbitrary: fc.integer({ min: 1, max: 64 }).map((extraKb) => ({
          json: JSON.stringify({ ...validPublication(), text: "я".repeat(512 * 1024 + extraKb * 512) }),
          expected: 413,
          what: `a body of over 1 MB (+${extraKb} KB)`,
          contentType: "application/json",
        })),
      },
    )
    .map(({ json, expected, what, contentType }) => ({
      what: `POST /api/v1/publications, ${what}`,
      expected,
      send: () => postPublication(restRequest("/api/v1/publications", json, contentType)),
    }));

/** Ids no case has: traversal, injection, empty, too long, Unicode. */
const badId = fc.oneof(
  fc.constantFrom(...INJECTIONS, "", " ", ".", "..", "%00", "c".repeat(65), "1", "-1", "0x1"),
  fc.string({ minLength: 0, maxLength: 80, unit: "binary" }),
  fc.stringMatching(/^c[a-z0-9]{24}$/),
);

/** Built when the test runs: it needs the world's ids and files. */
const readCases = (): fc.Arbitrary<TMalformed> =>
  badId.map((id) => ({
    what: `GET /api/v1/publications/${JSON.stringify(id)}`,
    expected: 404,
    send: () =>
      getPublication(
        new Request(`http://portal.test/api/v1/publications/${encodeURIComponent(id)}`, {
          headers: { Authorization: `Bearer ${w.keys.valid}` },
        }),
        { params: Promise.resolve({ id }) },
      ),
  }));

const badQuery = fc.oneof(
  fc
    .constantFrom("NEW,UNKNOWN", "new", "assigned", "DELETED", "NEW;DROP TABLE")
    .map((v) => `status=${encodeURIComponent(v)}`),
  injection.filter((s) => s.trim() !== "" && !s.includes(",")).map((v) => `status=${encodeURIComponent(v)}`),
  fc
    .constantFrom("0", "201", "-1", "1.5", "1e2", "abc", "9999", " 5", "0x10")
    .map((v) => `limit=${encodeURIComponent(v)}`),
  badInstant.filter((s) => s !== "").map((v) => `updatedSince=${encodeURIComponent(v)}`),
  fc.string({ minLength: 65, maxLength: 120 }).map((v) => `cursor=${encodeURIComponent(v)}`),
  fc.string({ maxLength: 20 }).map((v) => `cursor=${encodeURIComponent(`${v}\u0000`)}`),
);

/** Built when the test runs: it needs the world's ids and files. */
const listCases = (): fc.Arbitrary<TMalformed> =>
  badQuery.map((query) => ({
    what: `GET /api/v1/publications?${query}`,
    expected: 400,
    send: () =>
      listPublications(
        new Request(`http://portal.test/api/v1/publications?${query}`, {
          headers: { Authorization: `Bearer ${w.keys.valid}` },
        }),
      ),
  }));

const badDecisionBody: fc.Arbitrary<TBody> = fc.oneof(
  fc
    .oneof(
      fc.constantFrom("approve", "APPROVE", "Approve", "approved", "accept", "reject ", "", "да"),
      injection,
      wrongType,
    )
    .filter((d) => d !== "approve" && d !== "reject")
    .map((decision) => jsonBody({ decision, comment: "Комментарий" }, `decision ${JSON.stringify(decision)}`)),
  fc.constant(jsonBody({ comment: "без решения" }, "no decision")),
  wrongType
    .filter((comment) => comment !== null) // no comment is allowed
    .map((comment) => jsonBody({ decision: "reject", comment }, `comment ${JSON.stringify(comment)}`)),
  fc.constant(jsonBody({ decision: "reject", comment: "я".repeat(5001) }, "comment of 5001 characters")),
  fc
    .constantFrom("{", "decision=approve", "[]", "null", '"approve"')
    .map((json) => ({ json, expected: 400, what: `body ${json}` })),
);

/** Ids that pass the path's format check but match no case, and ids that fail it. */
const plausibleUnknownId = fc.oneof(
  fc.constantFrom(...INJECTIONS.filter((s) => s.length > 0 && s.length <= 64)),
  fc.stringMatching(/^c[a-z0-9]{24}$/),
);

/** Built when the test runs: it needs the world's ids and files. */
const decisionCases = (): fc.Arbitrary<TMalformed> =>
  fc
    .oneof(
      // A's case (not at the curator, so a valid body would be a 409): the body is what is wrong.
      badDecisionBody.map((b) => ({ id: caseOfA, ...b, contentType: "application/json" })),
      fc.constantFrom(...NOT_JSON_TYPES).map((contentType) => ({
        id: caseOfA,
        json: JSON.stringify({ decision: "approve" }),
        expected: 415,
        what: `as ${JSON.stringify(contentType)}`,
        contentType,
      })),
      // An id no case has: 404 whatever the body, once the body is well-formed.
      plausibleUnknownId.map((id) => ({
        id,
        json: JSON.stringify({ decision: "approve" }),
        expected: 404,
        what: "a valid decision",
        contentType: "application/json",
      })),
      // An id the path refuses (empty, over 64 characters): 404 before the body is read.
      fc
        .oneof(fc.constant(""), fc.string({ minLength: 65, maxLength: 100 }))
        .chain((id) => badDecisionBody.map((b) => ({ id, ...b, expected: 404, contentType: "application/json" }))),
    )
    .map(({ id, json, expected, what, contentType }) => ({
      what: `POST /api/v1/publications/${JSON.stringify(id).slice(0, 40)}/decision, ${what}`,
      expected,
      send: () =>
        postDecision(restRequest(`/api/v1/publications/${encodeURIComponent(id)}/decision`, json, contentType), {
          params: Promise.resolve({ id }),
        }),
    }));

// ---------------------------------------------------------------------------- multipart

interface TPart {
  name: string;
  filename?: string;
  type?: string;
  body: Uint8Array | string;
}

/** A multipart body written by hand, so that it can be wrong in every way a client gets it wrong. */
function multipart(boundary: string, parts: TPart[]): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename !== undefined ? `; filename="${part.filename}"` : ""}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n`));
    if (part.type) chunks.push(Buffer.from(`Content-Type: ${part.type}\r\n`));
    chunks.push(Buffer.from("\r\n"), Buffer.from(part.body), Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

const BOUNDARY = "----otklik-security-boundary";

/** Files that are not what their names say; none is a photo, video or spreadsheet. */
const disguisedBinary = fc.oneof(
  fc
    .uint8Array({ minLength: 16, maxLength: 256 })
    .map((b) => ({ kind: "Windows executable", bytes: concat("MZ\x90\x00", b) })),
  fc
    .uint8Array({ minLength: 16, maxLength: 256 })
    .map((b) => ({ kind: "ELF binary", bytes: concat("\x7fELF\x02\x01\x01", b) })),
  fc.constant({ kind: "PDF", bytes: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") }),
  fc
    .uint8Array({ minLength: 16, maxLength: 128 })
    .map((b) => ({ kind: "7-Zip archive", bytes: concat("7z\xbc\xaf\x27\x1c", b) })),
  fc.uint8Array({ minLength: 16, maxLength: 128 }).map((b) => ({ kind: "gzip", bytes: concat("\x1f\x8b\x08\x00", b) })),
);

/** Markup: for an image a wrong type (415); for an import, text that holds no table (400). */
const disguisedMarkup = fc.constantFrom(
  { kind: "HTML with a script", bytes: Buffer.from("<!DOCTYPE html><html><script>alert(1)</script></html>") },
  {
    kind: "SVG with a script",
    bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  },
);
const disguisedFile = fc.oneof(disguisedBinary, disguisedMarkup);

function concat(prefix: string, rest: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(prefix, "latin1"), Buffer.from(rest)]);
}

/** Names meant to climb out of the storage folder or fool a person; printable, so the form itself is sound. */
const hostileName = fc.oneof(
  fc.constantFrom(
    "../../../../etc/passwd.jpg",
    "..\\..\\..\\windows\\system32\\evil.jpg",
    "/etc/shadow.jpg",
    "C:\\evil.jpg",
    "\u202Egpj.exe",
    ".htaccess",
    "фото.jpg",
    "a".repeat(300) + ".jpg",
    "",
  ),
  fc.stringMatching(/^[A-Za-z0-9 ._\/-]{0,40}$/).map((s) => `../${s}.jpg`),
);

const NOT_MULTIPART = [
  "text/plain",
  "application/json",
  "application/octet-stream",
  "image/jpeg",
  "multipart/mixed; boundary=x",
  "multipart/form-data",
  "application/x-www-form-urlencoded",
];

interface TUploadCase {
  what: string;
  expected: number;
  caseId?: string;
  purpose?: string;
  contentType: string | null;
  body: Uint8Array;
  declaredLength?: number;
}

/** Truncated and garbled forms, wrong boundaries: what an interrupted or broken client sends. */
const brokenForm = (
  fileName: string,
  file: () => Buffer,
  field = "file",
): fc.Arbitrary<Omit<TUploadCase, "what"> & { what: string }> =>
  fc.oneof(
    fc.double({ min: 0.05, max: 0.95, noNaN: true }).map((share) => {
      const whole = multipart(BOUNDARY, [{ name: field, filename: fileName, type: "image/jpeg", body: file() }]);
      return {
        what: `form cut at ${Math.round(share * 100)} %`,
        expected: 400,
        contentType: `multipart/form-data; boundary=${BOUNDARY}`,
        body: whole.subarray(0, Math.floor(whole.length * share)),
      };
    }),
    fc.constant({
      what: "form whose boundary differs from the header's",
      expected: 400,
      contentType: "multipart/form-data; boundary=not-the-one-used",
      body: multipart(BOUNDARY, [{ name: field, filename: fileName, type: "image/jpeg", body: file() }]),
    }),
    fc.constantFrom("\u0000", "\u0001\u0002", "\u007f").map((junk) => ({
      what: `a part header broken by ${JSON.stringify(junk)} in the file name`,
      expected: 400,
      contentType: `multipart/form-data; boundary=${BOUNDARY}`,
      body: multipart(BOUNDARY, [{ name: field, filename: `a${junk}b.jpg`, type: "image/jpeg", body: file() }]),
    })),
    fc.uint8Array({ minLength: 0, maxLength: 512 }).map((bytes) => ({
      what: `${bytes.length} random bytes as a form`,
      expected: 400,
      contentType: `multipart/form-data; boundary=${BOUNDARY}`,
      body: bytes,
    })),
    fc.constantFrom(...NOT_MULTIPART).map((contentType) => ({
      what: `a file sent as ${contentType}`,
      expected: 400,
      contentType,
      body: file(),
    })),
    fc.constant({
      what: "a form without the file field",
      expected: 400,
      contentType: `multipart/form-data; boundary=${BOUNDARY}`,
      body: multipart(BOUNDARY, [{ name: "note", body: "где файл?" }]),
    }),
    fc.constant({
      what: "the file in another field",
      expected: 400,
      contentType: `multipart/form-data; boundary=${BOUNDARY}`,
      body: multipart(BOUNDARY, [{ name: "upload", filename: fileName, type: "image/jpeg", body: file() }]),
    }),
    fc.constant({
      what: "an empty file",
      expected: 400,
      contentType: `multipart/form-data; boundary=${BOUNDARY}`,
      body: multipart(BOUNDARY, [{ name: field, filename: fileName, type: "image/jpeg", body: new Uint8Array(0) }]),
    }),
  );

/** Built when the test runs: it needs the world's ids and files. */
const uploadCases = (): fc.Arbitrary<TMalformed> =>
  fc
    .oneof(
      brokenForm("яма.jpg", () => jpeg),
      fc.tuple(disguisedFile, hostileName).map(([file, name]) => ({
        what: `${file.kind} named ${JSON.stringify(name).slice(0, 60)}`,
        // A part with an empty file name is how a browser sends "no file chosen".
        expected: name === "" ? 400 : 415,
        contentType: `multipart/form-data; boundary=${BOUNDARY}`,
        body: multipart(BOUNDARY, [{ name: "file", filename: name, type: "image/jpeg", body: file.bytes }]),
      })),
      fc.uint8Array({ minLength: 64, maxLength: 2048 }).map((garbage) => ({
        what: "a JPEG header, then garbage",
        expected: 400,
        contentType: `multipart/form-data; boundary=${BOUNDARY}`,
        body: multipart(BOUNDARY, [
          {
            name: "file",
            filename: "a.jpg",
            type: "image/jpeg",
            body: concat("\xff\xd8\xff\xe0\x00\x10JFIF\x00", garbage),
          },
        ]),
      })),
      fc.constant({
        what: "two files at once",
        expected: 400,
        contentType: `multipart/form-data; boundary=${BOUNDARY}`,
        body: multipart(BOUNDARY, [
          { name: "file", filename: "a.jpg", type: "image/jpeg", body: jpeg },
          { name: "file", filename: "b.jpg", type: "image/jpeg", body: jpeg },
        ]),
      }),
      fc
        .constantFrom("", "EVIDENCE", "photo", "../evidence", "evidence;screenshot", "evidence\u0000")
        .map((purpose) => ({
          what: `purpose ${JSON.stringify(purpose)}`,
          expected: 400,
          purpose,
          contentType: `multipart/form-data; boundary=${BOUNDARY}`,
          body: multipart(BOUNDARY, [{ name: "file", filename: "a.jpg", type: "image/jpeg", body: jpeg }]),
        })),
      badId.map((caseId) => ({
        what: `case id ${JSON.stringify(caseId).slice(0, 60)}`,
        expected: 404,
        caseId,
        contentType: `multipart/form-data; boundary=${BOUNDARY}`,
        body: multipart(BOUNDARY, [{ name: "file", filename: "a.jpg", type: "image/jpeg", body: jpeg }]),
      })),
      fc.integer({ min: 1, max: 1000 }).map((extraMb) => ({
        what: `a declared length ${extraMb} MB over the limit`,
        expected: 413,
        contentType: `multipart/form-data; boundary=${BOUNDARY}`,
        body: multipart(BOUNDARY, [{ name: "file", filename: "a.jpg", type: "image/jpeg", body: jpeg }]),
        // Evidence may be a video: the larger limit applies before the type is known.
        declaredLength: UPLOAD_LIMITS.maxVideoBytes + MULTIPART_OVERHEAD_BYTES + extraMb * 1024 * 1024,
      })),
    )
    .map((c: TUploadCase) => {
      const caseId = c.caseId ?? caseOfA;
      const purpose = c.purpose ?? "evidence";
      return {
        what: `POST /api/cases/…/attachments: ${c.what}`,
        expected: c.expected,
        send: () => {
          const headers: Record<string, string> = {};
          if (c.contentType !== null) headers["Content-Type"] = c.contentType;
          if (c.declaredLength !== undefined) headers["Content-Length"] = String(c.declaredLength);
          const req = new Request(
            `http://portal.test/api/cases/${encodeURIComponent(caseId)}/attachments?purpose=${encodeURIComponent(purpose)}`,
            { method: "POST", headers, body: new Uint8Array(c.body) },
          );
          return respondToUpload(req, caseId, {
            prisma: w.t.prisma,
            storage: w.storage,
            limits: UPLOAD_LIMITS,
            tempDir: w.uploadTemp,
            user: w.sessions.executor,
          });
        },
      };
    });

const GOOD_CSV = "Ссылка;Текст;Дата поступления\nhttps://vk.com/wall-7_1;Яма;27.11.2026 10:00\n";

interface TImportCase {
  what: string;
  expected: number;
  contentType: string | null;
  body: Uint8Array;
  declaredLength?: number;
}

const importForm = (file: TPart | null, fields: Record<string, string> = { mode: "commit" }) =>
  multipart(BOUNDARY, [...Object.entries(fields).map(([name, body]) => ({ name, body })), ...(file ? [file] : [])]);

/** Built when the test runs: it needs the world's ids and files. */
const importCases = (): fc.Arbitrary<TMalformed> =>
  fc
    .oneof(
      brokenForm("выгрузка.csv", () => Buffer.from(GOOD_CSV)),
      fc.tuple(disguisedBinary, hostileName).map(([file, name]) => ({
        what: `${file.kind} named ${JSON.stringify(name.replace(/\.jpg$/, ".csv")).slice(0, 60)}`,
        expected: name === "" ? 400 : 415,
        contentType: `multipart/form-data; boundary=${BOUNDARY}`,
        body: importForm({
          name: "file",
          filename: name.replace(/\.jpg$/, ".csv"),
          type: "text/csv",
          body: file.bytes,
        }),
      })),
      fc.tuple(disguisedMarkup, hostileName).map(([file, name]) => ({
        what: `${file.kind} named ${JSON.stringify(name.replace(/\.jpg$/, ".csv")).slice(0, 60)}: text, but no table`,
        expected: 400,
        contentType: `multipart/form-data; boundary=${BOUNDARY}`,
        body: importForm({
          name: "file",
          filename: name.replace(/\.jpg$/, ".csv"),
          type: "text/csv",
          body: file.bytes,
        }),
      })),
      fc.nat({ max: GOOD_CSV.length - 1 }).map((at) => ({
        what: `a CSV with a NUL byte at ${at}`,
        expected: 400,
        contentType: `multipart/form-data; boundary=${BOUNDARY}`,
        body: importForm({
          name: "file",
          filename: "a.csv",
          type: "text/csv",
          body: `${GOOD_CSV.slice(0, at)}\u0000${GOOD_CSV.slice(at)}`,
        }),
      })),
      fc.constantFrom("Ссылка;Текст;Дата поступления\n", "\ufeff", "\r\n\r\n", ";;;\n").map((csv) => ({
        what: `a CSV without rows: ${JSON.stringify(csv)}`,
        expected: 400,
        contentType: `multipart/form-data; boundary=${BOUNDARY}`,
        body: importForm({ name: "file", filename: "пусто.csv", type: "text/csv", body: csv }),
      })),
      fc.uint8Array({ minLength: 32, maxLength: 1024 }).map((junk) => ({
        what: "a ZIP header, then garbage, named .xlsx",
        expected: 400,
        contentType: `multipart/form-data; boundary=${BOUNDARY}`,
        body: importForm({ name: "file", filename: "выгрузка.xlsx", body: concat("PK\x03\x04", junk) }),
      })),
      fc
        .oneof(fc.constantFrom("delete", "COMMIT", "", "preview;commit"), injection)
        .filter((m) => m !== "commit" && m !== "preview")
        .map((mode) => ({
          what: `mode ${JSON.stringify(mode)}`,
          expected: 400,
          contentType: `multipart/form-data; boundary=${BOUNDARY}`,
          body: importForm({ name: "file", filename: "a.csv", type: "text/csv", body: GOOD_CSV }, { mode }),
        })),
      fc
        .oneof(
          fc.constantFrom("{", "[1,2]", '{"url":5}', '{"nonsense":"Ссылка"}', '"Ссылка"', "true"),
          fc.string({ maxLength: 20 }).map((s) => `{${s}`),
        )
        .map((mapping) => ({
          what: `mapping ${JSON.stringify(mapping)}`,
          expected: 400,
          contentType: `multipart/form-data; boundary=${BOUNDARY}`,
          body: importForm(
            { name: "file", filename: "a.csv", type: "text/csv", body: GOOD_CSV },
            { mode: "commit", mapping },
          ),
        })),
      fc.integer({ min: 1, max: 1000 }).map((extraMb) => ({
        what: `a declared length ${extraMb} MB over the limit`,
        expected: 413,
        contentType: `multipart/form-data; boundary=${BOUNDARY}`,
        body: importForm({ name: "file", filename: "a.csv", type: "text/csv", body: GOOD_CSV }),
        declaredLength: 11 * 1024 * 1024 + extraMb * 1024 * 1024,
      })),
    )
    .map((c: TImportCase) => ({
      what: `POST /api/imports: ${c.what}`,
      expected: c.expected,
      send: () => {
        const headers: Record<string, string> = {};
        if (c.contentType !== null) headers["Content-Type"] = c.contentType;
        if (c.declaredLength !== undefined) headers["Content-Length"] = String(c.declaredLength);
        const req = new Request("http://portal.test/api/imports", {
          method: "POST",
          headers,
          body: new Uint8Array(c.body),
        });
        return respondToImport(req, { prisma: w.t.prisma, user: w.sessions.coordinator, now: NOW });
      },
    }));

// ---------------------------------------------------------------------------- tests

describe("malformed input gets a precise 4xx in Russian and writes nothing", () => {
  it("POST /api/v1/publications", () => check(createCases(), RUNS.createPublication, 9101));
  it("GET /api/v1/publications/{id}", () => check(readCases(), RUNS.readPublication, 9102));
  it("GET /api/v1/publications?…", () => check(listCases(), RUNS.listPublications, 9103));
  it("POST /api/v1/publications/{id}/decision", () => check(decisionCases(), RUNS.decision, 9104));
  it("POST /api/cases/{id}/attachments", () => check(uploadCases(), RUNS.upload, 9105));
  it("POST /api/imports", () => check(importCases(), RUNS.imports, 9106));

  it("keeps the defects these properties found fixed", async () => {
    // A NUL byte in the path's id reached PostgreSQL, which refused it: 500.
    await expectRefusedCleanly({
      what: "GET /api/v1/publications/a%00b",
      expected: 404,
      send: () =>
        getPublication(
          new Request("http://portal.test/api/v1/publications/a%00b", {
            headers: { Authorization: `Bearer ${w.keys.valid}` },
          }),
          { params: Promise.resolve({ id: "a\u0000b" }) },
        ),
    });
    // A NUL character in a text field failed the insert: 500.
    await expectRefusedCleanly({
      what: "POST /api/v1/publications with a NUL in the text",
      expected: 400,
      send: () =>
        postPublication(
          restRequest(
            "/api/v1/publications",
            JSON.stringify({ ...validPublication(), text: "яма\u0000" }),
            "application/json",
          ),
        ),
    });
    // A second file in the form left the upload waiting for ever.
    await expectRefusedCleanly({
      what: "two files in one upload",
      expected: 400,
      send: () =>
        respondToUpload(
          new Request(`http://portal.test/api/cases/${caseOfA}/attachments?purpose=evidence`, {
            method: "POST",
            headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` },
            body: new Uint8Array(
              multipart(BOUNDARY, [
                { name: "file", filename: "a.jpg", type: "image/jpeg", body: jpeg },
                { name: "file", filename: "b.jpg", type: "image/jpeg", body: jpeg },
              ]),
            ),
          }),
          caseOfA,
          {
            prisma: w.t.prisma,
            storage: w.storage,
            limits: UPLOAD_LIMITS,
            tempDir: w.uploadTemp,
            user: w.sessions.executor,
          },
        ),
    });
    // A column given as a number was refused in English.
    await expectRefusedCleanly({
      what: "an import mapping with a number for a column",
      expected: 400,
      send: () =>
        respondToImport(
          new Request("http://portal.test/api/imports", {
            method: "POST",
            headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` },
            body: new Uint8Array(
              importForm(
                { name: "file", filename: "a.csv", type: "text/csv", body: GOOD_CSV },
                { mode: "commit", mapping: '{"url":5}' },
              ),
            ),
          }),
          { prisma: w.t.prisma, user: w.sessions.coordinator, now: NOW },
        ),
    });
  });

  it("runs at least 200 generated requests in all", () => {
    expect(Object.values(RUNS).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(200);
  });

  it("still takes a well-formed publication afterwards (the refusals were not a broken endpoint)", async () => {
    const res = await postPublication(
      restRequest("/api/v1/publications", JSON.stringify(validPublication()), "application/json"),
    );
    expect(res.status).toBe(201);
  });
});
