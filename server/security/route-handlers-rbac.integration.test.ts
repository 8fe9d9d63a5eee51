import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// eslint-disable-next-line no-restricted-imports -- the route handlers themselves are under test
import { GET as getHealth } from "@/app/api/health/route";
// eslint-disable-next-line no-restricted-imports -- the route handlers themselves are under test
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
// eslint-disable-next-line no-restricted-imports -- the route handlers themselves are under test
import { POST as postDecision } from "@/app/api/v1/publications/[id]/decision/route";
// eslint-disable-next-line no-restricted-imports -- the route handlers themselves are under test
import { GET as getPublication } from "@/app/api/v1/publications/[id]/route";
// eslint-disable-next-line no-restricted-imports -- the route handlers themselves are under test
import { GET as listPublications, POST as postPublication } from "@/app/api/v1/publications/route";
// eslint-disable-next-line no-restricted-imports -- the route handlers themselves are under test
import { POST as postTick } from "@/app/api/cron/tick/route";
import { db } from "@/server/db";
import { REPO_ROOT } from "@/server/db/migrate/paths";
import type { TWallMessage } from "@/server/domain/wall/board";
import { createWallBoardHandler, createWallStreamHandler, type TWallHandlerDeps } from "@/server/api/wall/handlers";
import { createKioskToken, revokeKioskToken } from "@/server/services/admin/kiosk";
import { respondToDownload, respondToRemoval, respondToUpload } from "@/server/services/attachments/http";
import { loadAnalyticsReport } from "@/server/services/analytics/report";
import { respondToImport } from "@/server/services/import/http";
import { respondToMonthlyReport } from "@/server/services/reports/http";
import { respondToViolationsExport } from "@/server/services/violations/http";
import { loadWallBoard } from "@/server/services/wall/board";
import { BoardHub } from "@/server/services/wall/hub";
import type { TSessionUser } from "@/server/auth/session-user";
import {
  ACTORS,
  attachPhoto,
  configureServerEnv,
  countRows,
  createSecurityWorld,
  isRussian,
  makeCase,
  NOW,
  photo,
  sessionOf,
  storedFiles,
  UPLOAD_LIMITS,
  type TActor,
  type TSecurityWorld,
} from "./fixtures";

/**
 * Every route handler under app/api against every kind of caller, with the exact status each
 * must get. Session routes are driven through the respondTo* services the route files call, with
 * the session user loaded from the database as getCurrentUser loads it; routes authenticated by a
 * bearer secret (the REST API, the cron tick) are called through their exported functions with
 * real Requests. A refused call must leave every table and the file storage as they were.
 */

// ---------------------------------------------------------------------------- the route list

type TRouteEntry = { methods: string[]; excluded?: string };

/** Every route file, with the methods it exports; a new route.ts fails the test until it is listed. */
const ROUTES: Record<string, TRouteEntry> = {
  "app/api/attachments/[id]/route.ts": { methods: ["DELETE", "GET"] },
  "app/api/auth/[...nextauth]/route.ts": {
    methods: ["GET", "POST"],
    excluded: "Auth.js's own endpoints; sign-in and its throttling: login-throttling.integration.test.ts",
  },
  "app/api/cases/[id]/attachments/route.ts": { methods: ["POST"] },
  "app/api/cron/tick/route.ts": { methods: ["POST"] },
  "app/api/health/route.ts": { methods: ["GET"] },
  "app/api/imports/route.ts": { methods: ["POST"] },
  "app/api/reports/monthly/route.ts": { methods: ["GET"] },
  "app/api/trpc/[trpc]/route.ts": {
    methods: ["GET", "POST"],
    excluded: "one endpoint for every procedure; their role matrix: server/api/rbac-matrix.integration.test.ts",
  },
  "app/api/v1/openapi.json/route.ts": { methods: ["GET"] },
  "app/api/v1/publications/[id]/decision/route.ts": { methods: ["POST"] },
  "app/api/v1/publications/[id]/route.ts": { methods: ["GET"] },
  "app/api/v1/publications/route.ts": { methods: ["GET", "POST"] },
  "app/api/violations/export/route.ts": { methods: ["GET"] },
  "app/api/wall/board/route.ts": { methods: ["GET"] },
  "app/api/wall/stream/route.ts": { methods: ["GET"] },
};

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

// ---------------------------------------------------------------------------- session routes

type TSessionRow = Record<TActor, number>;

/**
 * Rows: a request to a resource of municipality A (a case routed to ЖКХ, its photo, A's
 * report). Columns: nobody, each role of A, the executor of another department of A, a person of
 * B holding every municipal role, and B's curator. 2xx rows for B are B's own data (its import,
 * its register, its wall), never A's: the tests below check that.
 */
const SESSION_TABLE: Record<string, TSessionRow> = {
  "POST /api/cases/{id}/attachments?purpose=evidence": {
    anonymous: 401,
    curator: 403,
    coordinator: 403,
    manager: 403,
    executor: 201,
    otherDeptExecutor: 404,
    deputyHead: 403,
    head: 403,
    admin: 404,
    otherMunicipality: 404,
    otherCurator: 404,
  },
  "POST /api/cases/{id}/attachments?purpose=screenshot": {
    anonymous: 401,
    curator: 201,
    coordinator: 201,
    manager: 201,
    executor: 403,
    otherDeptExecutor: 404,
    deputyHead: 403,
    head: 403,
    admin: 404,
    otherMunicipality: 404,
    otherCurator: 404,
  },
  "POST /api/cases/{id}/attachments?purpose=answerScreenshot": {
    anonymous: 401,
    curator: 403,
    coordinator: 403, // the case is ASSIGNED: an answer screenshot waits for the approval
    manager: 403,
    executor: 403,
    otherDeptExecutor: 404,
    deputyHead: 403,
    head: 403,
    admin: 404,
    otherMunicipality: 404,
    otherCurator: 404,
  },
  "GET /api/attachments/{id}": {
    anonymous: 401,
    curator: 200,
    coordinator: 200,
    manager: 200,
    executor: 200,
    otherDeptExecutor: 404,
    deputyHead: 200,
    head: 200,
    admin: 404,
    otherMunicipality: 404,
    otherCurator: 404,
  },
  "GET /api/attachments/{id}?variant=thumb": {
    anonymous: 401,
    curator: 200,
    coordinator: 200,
    manager: 200,
    executor: 200,
    otherDeptExecutor: 404,
    deputyHead: 200,
    head: 200,
    admin: 404,
    otherMunicipality: 404,
    otherCurator: 404,
  },
  "DELETE /api/attachments/{id}": {
    anonymous: 401,
    curator: 403,
    coordinator: 403,
    manager: 403,
    executor: 204, // the uploader; run after every refusal of this row
    otherDeptExecutor: 404,
    deputyHead: 403,
    head: 403,
    admin: 404,
    otherMunicipality: 404,
    otherCurator: 404,
  },
  "POST /api/imports (preview)": {
    anonymous: 401,
    curator: 403,
    coordinator: 200,
    manager: 200,
    executor: 403,
    otherDeptExecutor: 403,
    deputyHead: 403,
    head: 403,
    admin: 403,
    otherMunicipality: 200,
    otherCurator: 403,
  },
  "GET /api/violations/export?month=2026-11": {
    anonymous: 401,
    curator: 403,
    coordinator: 403,
    manager: 403,
    executor: 403,
    otherDeptExecutor: 403,
    deputyHead: 200,
    head: 200,
    admin: 403,
    otherMunicipality: 200,
    otherCurator: 403,
  },
  "GET /api/reports/monthly?month=2026-10&format=xlsx&municipality={A}": {
    anonymous: 401,
    curator: 200,
    coordinator: 200,
    manager: 200,
    executor: 403,
    otherDeptExecutor: 403,
    deputyHead: 200,
    head: 200,
    admin: 403,
    otherMunicipality: 404,
    otherCurator: 404,
  },
  "GET /api/wall/board": {
    anonymous: 401,
    curator: 403,
    coordinator: 200,
    manager: 200,
    executor: 403,
    otherDeptExecutor: 403,
    deputyHead: 200,
    head: 200,
    admin: 200,
    otherMunicipality: 200,
    otherCurator: 403,
  },
  "GET /api/wall/stream": {
    anonymous: 401,
    curator: 403,
    coordinator: 200,
    manager: 200,
    executor: 403,
    otherDeptExecutor: 403,
    deputyHead: 200,
    head: 200,
    admin: 200,
    otherMunicipality: 200,
    otherCurator: 403,
  },
};

// ---------------------------------------------------------------------------- bearer routes

const KEY_COLUMNS = [
  "noKey",
  "notBearer",
  "wrongKey",
  "revokedKey",
  "expiredKey",
  "readOnlyKey",
  "otherMunicipalityKey",
  "validKey",
] as const;
type TKeyColumn = (typeof KEY_COLUMNS)[number];

/** The REST API v1 against A's case, by the key presented (openapi.ts documents these statuses). */
const API_TABLE: Record<string, Record<TKeyColumn, number>> = {
  "POST /api/v1/publications": {
    noKey: 401,
    notBearer: 401,
    wrongKey: 401,
    revokedKey: 401,
    expiredKey: 401,
    readOnlyKey: 403,
    otherMunicipalityKey: 201, // into B
    validKey: 201,
  },
  "GET /api/v1/publications": {
    noKey: 401,
    notBearer: 401,
    wrongKey: 401,
    revokedKey: 401,
    expiredKey: 401,
    readOnlyKey: 200,
    otherMunicipalityKey: 200, // B's list, without A's cases
    validKey: 200,
  },
  "GET /api/v1/publications/{id}": {
    noKey: 401,
    notBearer: 401,
    wrongKey: 401,
    revokedKey: 401,
    expiredKey: 401,
    readOnlyKey: 200,
    otherMunicipalityKey: 404,
    validKey: 200,
  },
  "POST /api/v1/publications/{id}/decision": {
    noKey: 401,
    notBearer: 401,
    wrongKey: 401,
    revokedKey: 401,
    expiredKey: 401,
    readOnlyKey: 403,
    otherMunicipalityKey: 404,
    validKey: 200,
  },
};

const CRON_SECRET = "security-test-cron-secret-0123";
const CRON_TABLE: Record<string, number> = {
  "no Authorization": 401,
  "Bearer <wrong secret>": 401,
  "Basic <the secret>": 401,
  "Bearer <the secret> with trailing junk": 401,
  "Bearer <the secret>": 200,
};

const KIOSK_COLUMNS = ["emptyToken", "wrongToken", "revokedToken", "tokenOfA", "tokenOfB"] as const;
type TKioskColumn = (typeof KIOSK_COLUMNS)[number];
const KIOSK_TABLE: Record<string, Record<TKioskColumn, number>> = {
  "GET /api/wall/board?token=": { emptyToken: 403, wrongToken: 403, revokedToken: 403, tokenOfA: 200, tokenOfB: 200 },
  "GET /api/wall/stream?token=": { emptyToken: 403, wrongToken: 403, revokedToken: 403, tokenOfA: 200, tokenOfB: 200 },
};

/** Public by design: the same answer whoever asks. */
const PUBLIC_TABLE: Record<string, number> = {
  "GET /api/health": 200,
  "GET /api/v1/openapi.json": 200,
};

// ---------------------------------------------------------------------------- setup

let w: TSecurityWorld;
let hub: BoardHub;
let caseId: string;
let atCuratorCaseId: string;
let attachmentId: string;
let removableId: string;
const kiosk = { ofA: "", ofB: "", revoked: "" };

beforeAll(async () => {
  w = await createSecurityWorld();
  configureServerEnv(w, { CRON_SECRET, SCHEDULER_TIMER: "off" });
  caseId = await makeCase(w, "ASSIGNED");
  atCuratorCaseId = await makeCase(w, "AT_CURATOR");
  attachmentId = (await attachPhoto(w, caseId)).id;
  removableId = (await attachPhoto(w, caseId)).id;
  hub = new BoardHub({ load: (m) => loadWallBoard(w.t.prisma, m, NOW), debounceMs: 20, log: () => {} });
  const adminA = { userId: w.sessions.admin.id, municipalityId: w.a.municipalityId, now: NOW };
  kiosk.ofA = (await createKioskToken(w.t.prisma, adminA, { name: "Экран А" })).token;
  const revoked = await createKioskToken(w.t.prisma, adminA, { name: "Старый экран" });
  await revokeKioskToken(w.t.prisma, adminA, { id: revoked.kiosk.id });
  kiosk.revoked = revoked.token;
  kiosk.ofB = (
    await createKioskToken(
      w.t.prisma,
      { userId: w.sessions.otherMunicipality.id, municipalityId: w.b.municipalityId, now: NOW },
      { name: "Экран Б" },
    )
  ).token;
});
afterAll(async () => {
  hub.close();
  await db().$disconnect();
  await w.cleanup();
});

// ---------------------------------------------------------------------------- calls

const url = (p: string) => `http://portal.test${p}`;

function wallDeps(user: TSessionUser | null): () => TWallHandlerDeps {
  return () => ({
    prisma: w.t.prisma,
    hub,
    now: () => NOW,
    readSession: () => Promise.resolve(user ? { userId: user.id, authAt: Math.floor(NOW.getTime() / 1000) } : null),
  });
}

async function uploadAs(user: TSessionUser | null, purpose: string): Promise<Response> {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(await photo())], { type: "image/jpeg" }), "снимок.jpg");
  const req = new Request(url(`/api/cases/${caseId}/attachments?purpose=${purpose}`), { method: "POST", body: form });
  return respondToUpload(req, caseId, {
    prisma: w.t.prisma,
    storage: w.storage,
    limits: UPLOAD_LIMITS,
    tempDir: w.uploadTemp,
    user,
  });
}

const IMPORT_CSV = "Ссылка;Текст;Дата поступления\nhttps://vk.com/wall-7_1;Яма;27.11.2026 10:00\n";

/** Streams the wall's first bytes, then hangs up, as a screen that is switched off. */
async function openStream(user: TSessionUser | null, query = ""): Promise<Response> {
  const abort = new AbortController();
  const res = await createWallStreamHandler(wallDeps(user))(
    new Request(url(`/api/wall/stream${query}`), { signal: abort.signal }),
  );
  if (res.status !== 200) return res;
  const reader = res.body!.getReader();
  const first = new TextDecoder().decode((await reader.read()).value);
  abort.abort();
  await reader.cancel();
  // The stream is consumed here: hand back what the screen got, for the cell's checks.
  return new Response(first, { status: res.status, headers: res.headers });
}

const SESSION_CALLS: Record<string, (user: TSessionUser | null) => Promise<Response>> = {
  "POST /api/cases/{id}/attachments?purpose=evidence": (u) => uploadAs(u, "evidence"),
  "POST /api/cases/{id}/attachments?purpose=screenshot": (u) => uploadAs(u, "screenshot"),
  "POST /api/cases/{id}/attachments?purpose=answerScreenshot": (u) => uploadAs(u, "answerScreenshot"),
  "GET /api/attachments/{id}": (user) =>
    respondToDownload(new Request(url(`/api/attachments/${attachmentId}`)), attachmentId, {
      prisma: w.t.prisma,
      storage: w.storage,
      user,
    }),
  "GET /api/attachments/{id}?variant=thumb": (user) =>
    respondToDownload(new Request(url(`/api/attachments/${attachmentId}?variant=thumb`)), attachmentId, {
      prisma: w.t.prisma,
      storage: w.storage,
      user,
    }),
  "DELETE /api/attachments/{id}": (user) =>
    respondToRemoval(new Request(url(`/api/attachments/${removableId}`), { method: "DELETE" }), removableId, {
      prisma: w.t.prisma,
      storage: w.storage,
      user,
    }),
  "POST /api/imports (preview)": (user) => {
    const form = new FormData();
    form.append("file", new Blob([IMPORT_CSV]), "выгрузка.csv");
    form.append("mode", "preview");
    return respondToImport(new Request(url("/api/imports"), { method: "POST", body: form }), {
      prisma: w.t.prisma,
      user,
      now: NOW,
    });
  },
  "GET /api/violations/export?month=2026-11": (user) =>
    respondToViolationsExport(new Request(url("/api/violations/export?month=2026-11")), {
      prisma: w.t.prisma,
      user,
      now: NOW,
    }),
  "GET /api/reports/monthly?month=2026-10&format=xlsx&municipality={A}": (user) =>
    respondToMonthlyReport(
      new Request(url(`/api/reports/monthly?month=2026-10&format=xlsx&municipality=${w.a.municipalityId}`)),
      { prisma: w.t.prisma, user, now: NOW, loadReport: loadAnalyticsReport },
    ),
  "GET /api/wall/board": (user) => createWallBoardHandler(wallDeps(user))(new Request(url("/api/wall/board"))),
  "GET /api/wall/stream": (user) => openStream(user),
};

function keyHeader(column: TKeyColumn): Record<string, string> {
  switch (column) {
    case "noKey":
      return {};
    case "notBearer":
      return { Authorization: `Basic ${w.keys.valid}` };
    case "wrongKey":
      return { Authorization: "Bearer otk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" };
    case "revokedKey":
      return { Authorization: `Bearer ${w.keys.revoked}` };
    case "expiredKey":
      return { Authorization: `Bearer ${w.keys.expired}` };
    case "readOnlyKey":
      return { Authorization: `Bearer ${w.keys.readOnly}` };
    case "otherMunicipalityKey":
      return { Authorization: `Bearer ${w.keys.otherMunicipality}` };
    case "validKey":
      return { Authorization: `Bearer ${w.keys.valid}` };
  }
}

let externalCounter = 0;
const API_CALLS: Record<string, (headers: Record<string, string>) => Promise<Response>> = {
  "POST /api/v1/publications": (headers) => {
    externalCounter += 1;
    return postPublication(
      new Request(url("/api/v1/publications"), {
        method: "POST",
        headers: { ...headers, "Content-Type": "application/json" },
        body: JSON.stringify({
          externalId: `CUR-${externalCounter}`,
          network: "VK",
          url: `https://vk.com/wall-5_${externalCounter}`,
          text: "Не убирают снег во дворе",
        }),
      }),
    );
  },
  "GET /api/v1/publications": (headers) => listPublications(new Request(url("/api/v1/publications"), { headers })),
  "GET /api/v1/publications/{id}": (headers) =>
    getPublication(new Request(url(`/api/v1/publications/${caseId}`), { headers }), {
      params: Promise.resolve({ id: caseId }),
    }),
  "POST /api/v1/publications/{id}/decision": (headers) =>
    postDecision(
      new Request(url(`/api/v1/publications/${atCuratorCaseId}/decision`), {
        method: "POST",
        headers: { ...headers, "Content-Type": "application/json" },
        body: JSON.stringify({ decision: "reject", comment: "Добавьте сроки ремонта" }),
      }),
      { params: Promise.resolve({ id: atCuratorCaseId }) },
    ),
};

/** A refusal: the exact status, a JSON body that tells a person why in Russian, nothing written. */
async function expectRefusedWithoutTrace(call: () => Promise<Response>, status: number, label: string) {
  const rowsBefore = await countRows(w);
  const filesBefore = await storedFiles(w);
  const res = await call();
  const text = await res.text();
  expect(res.status, `${label}: ${text}`).toBe(status);
  expect(res.headers.get("content-type"), label).toMatch(/^application\/json/);
  const body = JSON.parse(text) as { error?: unknown; message?: unknown };
  expect(typeof body.error, label).toBe("string");
  expect(isRussian(body.message), `${label}: ${text}`).toBe(true);
  expect(await countRows(w), label).toEqual(rowsBefore);
  expect(await storedFiles(w), label).toEqual(filesBefore);
}

/** Refusals first, so that an allowed removal does not take the file from under the refused ones. */
function cellsOf<TColumn extends string>(table: Record<string, Record<TColumn, number>>) {
  return Object.entries(table)
    .flatMap(([row, columns]) =>
      (Object.entries(columns) as [TColumn, number][]).map(([column, status]) => ({ row, column, status })),
    )
    .sort((x, y) => Number(x.status < 300) - Number(y.status < 300));
}

// ---------------------------------------------------------------------------- tests

describe("the list of route handlers", () => {
  it("lists every route.ts under app/api with exactly the methods it exports", async () => {
    const root = path.join(REPO_ROOT, "app", "api");
    const files = (await readdir(root, { recursive: true }))
      .filter((f) => path.basename(f) === "route.ts")
      .map((f) => path.posix.join("app/api", f.split(path.sep).join("/")))
      .sort();
    expect(files).toEqual(Object.keys(ROUTES).sort());
    for (const file of files) {
      // Read, not imported: the routes over next-auth load only under Next's module resolution.
      const source = await readFile(path.join(REPO_ROOT, file), "utf8");
      const exported = HTTP_METHODS.filter((m) =>
        new RegExp(
          `export\\s+(async\\s+)?function\\s+${m}\\b|export\\s+const\\s+${m}\\b|export\\s+(const\\s+)?\\{[^}]*\\b${m}\\b[^}]*\\}`,
        ).test(source),
      ).sort();
      expect(exported, file).toEqual([...(ROUTES[file]?.methods ?? [])].sort());
    }
  });

  it("has a row of the tables below for every method of every route that is not excluded", () => {
    const tested = new Set(
      [
        ...Object.keys(SESSION_TABLE),
        ...Object.keys(API_TABLE),
        ...Object.keys(KIOSK_TABLE),
        ...Object.keys(PUBLIC_TABLE),
        "POST /api/cron/tick",
      ].map((row) =>
        row
          .split(/[?\s]/, 2)
          .join(" ")
          .replace(/\{id\}/g, "[id]"),
      ),
    );
    for (const [file, entry] of Object.entries(ROUTES)) {
      if (entry.excluded) continue;
      const route = `/${path.posix.dirname(file).replace(/^app\//, "")}`;
      for (const method of entry.methods) expect(tested, `${method} ${route}`).toContain(`${method} ${route}`);
    }
  });
});

describe("session routes × every role, nobody, and another municipality", () => {
  it.each(Object.keys(SESSION_TABLE))("%s", async (row) => {
    const call = SESSION_CALLS[row];
    if (!call) throw new Error(`No call for ${row}`);
    const columns = SESSION_TABLE[row]!;
    expect(Object.keys(columns).sort()).toEqual([...ACTORS].sort());
    for (const { column: actor, status } of cellsOf({ [row]: columns })) {
      const user = sessionOf(w, actor);
      const label = `${row} as ${actor}`;
      if (status >= 400) {
        await expectRefusedWithoutTrace(() => call(user), status, label);
        continue;
      }
      const res = await call(user);
      const body =
        res.status === 204
          ? ""
          : await res
              .clone()
              .text()
              .catch(() => "");
      expect(res.status, `${label}: ${body.slice(0, 300)}`).toBe(status);
      if (row.startsWith("GET /api/wall/board")) {
        const message = (await res.json()) as TWallMessage;
        const own = actor === "otherMunicipality" ? w.b.municipalityId : w.a.municipalityId;
        expect(message.board.municipality.id, label).toBe(own);
      } else if (row.startsWith("POST /api/imports")) {
        expect(await res.json(), label).toMatchObject({ file: { name: "выгрузка.csv" } });
      } else {
        await res.body?.cancel();
      }
    }
  });
});

describe("the REST API v1 × the key presented", () => {
  it.each(Object.keys(API_TABLE))("%s", async (row) => {
    const call = API_CALLS[row]!;
    expect(Object.keys(API_TABLE[row]!).sort()).toEqual([...KEY_COLUMNS].sort());
    for (const { column, status } of cellsOf({ [row]: API_TABLE[row]! })) {
      const label = `${row} with ${column}`;
      if (status >= 400) {
        await expectRefusedWithoutTrace(() => call(keyHeader(column)), status, label);
        continue;
      }
      const res = await call(keyHeader(column));
      const text = await res.text();
      expect(res.status, `${label}: ${text.slice(0, 300)}`).toBe(status);
      // Whatever the key, nothing of another municipality comes back.
      if (column === "otherMunicipalityKey") {
        expect(text, label).not.toContain(caseId);
        expect(text, label).not.toContain(atCuratorCaseId);
      }
    }
    if (row === "POST /api/v1/publications") {
      expect(await w.t.prisma.case.count({ where: { externalId: { startsWith: "CUR-" } } })).toBe(2);
    }
  });

  it("tells a client without a usable key how to authenticate (RFC 6750)", async () => {
    const res = await listPublications(new Request(url("/api/v1/publications")));
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="otklik"');
    const revoked = await listPublications(
      new Request(url("/api/v1/publications"), { headers: keyHeader("revokedKey") }),
    );
    expect(revoked.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });
});

describe("the wall's kiosk links", () => {
  it.each(Object.keys(KIOSK_TABLE))("%s", async (row) => {
    const stream = row.includes("/stream");
    expect(Object.keys(KIOSK_TABLE[row]!).sort()).toEqual([...KIOSK_COLUMNS].sort());
    for (const { column, status } of cellsOf({ [row]: KIOSK_TABLE[row]! })) {
      const token = {
        emptyToken: "",
        wrongToken: "wall_not-a-real-token-at-all-000000000000",
        revokedToken: kiosk.revoked,
        tokenOfA: kiosk.ofA,
        tokenOfB: kiosk.ofB,
      }[column];
      const query = `?token=${encodeURIComponent(token)}`;
      const call = () =>
        stream
          ? openStream(null, query)
          : createWallBoardHandler(wallDeps(null))(new Request(url(`/api/wall/board${query}`)));
      const label = `${row} with ${column}`;
      if (status >= 400) {
        await expectRefusedWithoutTrace(call, status, label);
        continue;
      }
      const res = await call();
      expect(res.status, label).toBe(status);
      if (!stream) {
        const message = (await res.json()) as TWallMessage;
        expect(message.board.municipality.id, label).toBe(
          column === "tokenOfB" ? w.b.municipalityId : w.a.municipalityId,
        );
      }
    }
  });
});

describe("public routes", () => {
  // Neither route takes the request: no credential can change the answer, so one call each.
  it.each(Object.keys(PUBLIC_TABLE))("%s answers anyone, and tells no secret", async (row) => {
    const res = row === "GET /api/health" ? await getHealth() : getOpenApi();
    expect(res.status).toBe(PUBLIC_TABLE[row]);
    const text = await res.text();
    expect(text).not.toContain(w.keys.valid);
    expect(text).not.toMatch(/passwordHash|security-test-/);
  });
});

// Last: the allowed tick does the scheduler's work on this database.
describe("POST /api/cron/tick × the bearer secret", () => {
  it("refuses everything but the exact secret, and runs nothing when it refuses", async () => {
    const headerOf: Record<string, Record<string, string>> = {
      "no Authorization": {},
      "Bearer <wrong secret>": { Authorization: "Bearer security-test-cron-secret-9999" },
      "Basic <the secret>": { Authorization: `Basic ${CRON_SECRET}` },
      "Bearer <the secret> with trailing junk": { Authorization: `Bearer ${CRON_SECRET}x` },
      "Bearer <the secret>": { Authorization: `Bearer ${CRON_SECRET}` },
    };
    for (const [column, status] of Object.entries(CRON_TABLE).sort((x, y) => y[1] - x[1])) {
      const call = () => postTick(new Request(url("/api/cron/tick"), { method: "POST", headers: headerOf[column] }));
      const runsBefore = await w.t.prisma.schedulerRun.count();
      const res = await call();
      expect(res.status, column).toBe(status);
      expect(await w.t.prisma.schedulerRun.count(), column).toBe(runsBefore + (status === 200 ? 1 : 0));
    }
  });
});

describe("the matrix's size", () => {
  it("has the cells the report quotes", () => {
    const session = Object.values(SESSION_TABLE).reduce((n, r) => n + Object.keys(r).length, 0);
    const api = Object.values(API_TABLE).reduce((n, r) => n + Object.keys(r).length, 0);
    const kioskCells = Object.values(KIOSK_TABLE).reduce((n, r) => n + Object.keys(r).length, 0);
    const total = session + api + kioskCells + Object.keys(CRON_TABLE).length + Object.keys(PUBLIC_TABLE).length;
    expect({ session, api, kiosk: kioskCells, total }).toEqual({ session: 121, api: 32, kiosk: 10, total: 170 });
  });
});
