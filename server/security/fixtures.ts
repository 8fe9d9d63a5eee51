import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import type { CaseStatus, Role } from "../db/generated/client";
import { hashApiKey } from "../auth/api-key";
import { generateSecret } from "../auth/secret-token";
import { loadSessionUser, type TSessionUser } from "../auth/session-user";
import type { TUploadLimits } from "../domain/attachments/limits";
import { createApiKey, revokeApiKey } from "../services/admin/api-keys";
import { uploadAttachment } from "../services/attachments/upload";
import { attachmentActorOf } from "../services/attachments/http";
import type { TPresentedAttachment } from "../services/attachments/present";
import { registerCase } from "../services/cases/intake";
import { LocalFileStorage } from "../storage/local";
import { createTestDatabase, type TTestDatabase } from "../testing/db";
import { createDepartment, createMunicipality, createUser } from "../testing/factories";

/**
 * The world the security tests attack: municipality A with one person per role (and a second
 * executor in another department), municipality B with a person holding every municipal role
 * and B's own curator, API keys in every state, a case of A routed to ЖКХ with a stored photo.
 * Sessions are built the way the app builds them (loadSessionUser from the database).
 */

export const NOW = new Date("2026-11-27T09:00:00Z");
const KB = 1024;
export const UPLOAD_LIMITS: TUploadLimits = { maxPhotoBytes: 2 * 1024 * KB, maxVideoBytes: 8 * 1024 * KB };

/** Who knocks: every role of A, people of B, and nobody. */
export const ACTORS = [
  "anonymous",
  "curator",
  "coordinator",
  "manager",
  "executor",
  "otherDeptExecutor",
  "deputyHead",
  "head",
  "admin",
  "otherMunicipality",
  "otherCurator",
] as const;
export type TActor = (typeof ACTORS)[number];

export interface TSecurityWorld {
  t: TTestDatabase;
  a: { municipalityId: string; coordinatingId: string; zhkhId: string; eduId: string };
  b: { municipalityId: string };
  sessions: Record<Exclude<TActor, "anonymous">, TSessionUser>;
  storage: LocalFileStorage;
  storageRoot: string;
  uploadTemp: string;
  /** API key secrets. */
  keys: { valid: string; readOnly: string; revoked: string; expired: string; otherMunicipality: string };
  cleanup: () => Promise<void>;
}

export async function createSecurityWorld(): Promise<TSecurityWorld> {
  const t = await createTestDatabase();
  const base = await mkdtemp(path.join(os.tmpdir(), "otklik-security-"));
  const storageRoot = path.join(base, "uploads");
  const uploadTemp = path.join(base, "incoming");
  await mkdir(uploadTemp);
  const storage = new LocalFileStorage(storageRoot);

  await t.prisma.socialNetwork.create({ data: { code: "VK", name: "ВКонтакте", hosts: ["vk.com"] } });
  const aId = (await createMunicipality(t.prisma, { name: "Район А" })).id;
  const bId = (await createMunicipality(t.prisma, { name: "Район Б" })).id;
  const coordinating = await createDepartment(t.prisma, aId, { isCoordinating: true, name: "Орготдел" });
  const zhkh = await createDepartment(t.prisma, aId, { name: "ЖКХ" });
  const edu = await createDepartment(t.prisma, aId, { name: "Образование" });
  const bDept = await createDepartment(t.prisma, bId, { isCoordinating: true, name: "Орготдел Б" });
  await t.prisma.topic.create({ data: { municipalityId: aId, name: "Дороги" } });

  const a = (roles: Role[], departmentId: string | null = null) =>
    createUser(t.prisma, { roles, municipalityId: aId, departmentId });
  const made = {
    curator: await createUser(t.prisma, { roles: ["CURATOR"], municipalityId: null, curates: [aId] }),
    coordinator: await a(["COORDINATOR"], coordinating.id),
    manager: await a(["MANAGER"], coordinating.id),
    executor: await a(["EXECUTOR"], zhkh.id),
    otherDeptExecutor: await a(["EXECUTOR"], edu.id),
    deputyHead: await a(["DEPUTY_HEAD"]),
    head: await a(["HEAD"]),
    admin: await a(["ADMIN"]),
    otherMunicipality: await createUser(t.prisma, {
      roles: ["COORDINATOR", "MANAGER", "EXECUTOR", "DEPUTY_HEAD", "HEAD", "ADMIN"],
      municipalityId: bId,
      departmentId: bDept.id,
    }),
    otherCurator: await createUser(t.prisma, { roles: ["CURATOR"], municipalityId: null, curates: [bId] }),
  };
  const sessions = {} as TSecurityWorld["sessions"];
  for (const [name, user] of Object.entries(made) as [keyof typeof made, { id: string }][]) {
    const session = await loadSessionUser(t.prisma, { userId: user.id, authAt: Math.floor(NOW.getTime() / 1000) });
    if (!session) throw new Error(`No session for ${name}`);
    sessions[name] = session;
  }

  const adminA = { userId: made.admin.id, municipalityId: aId, now: NOW };
  const valid = (await createApiKey(t.prisma, adminA, { name: "Куратор", expiresOn: null })).secret;
  const revokedKey = await createApiKey(t.prisma, adminA, { name: "Отозванный", expiresOn: null });
  await revokeApiKey(t.prisma, adminA, { id: revokedKey.key.id });
  const expired = await insertKey(
    t,
    aId,
    made.admin.id,
    ["cases:read", "cases:write"],
    new Date("2026-01-01T00:00:00Z"),
  );
  const readOnly = await insertKey(t, aId, made.admin.id, ["cases:read"], null);
  const otherMunicipality = (
    await createApiKey(
      t.prisma,
      { userId: made.otherMunicipality.id, municipalityId: bId, now: NOW },
      { name: "Б", expiresOn: null },
    )
  ).secret;

  return {
    t,
    a: { municipalityId: aId, coordinatingId: coordinating.id, zhkhId: zhkh.id, eduId: edu.id },
    b: { municipalityId: bId },
    sessions,
    storage,
    storageRoot,
    uploadTemp,
    keys: { valid, readOnly, revoked: revokedKey.secret, expired, otherMunicipality },
    async cleanup() {
      await t.cleanup();
      await rm(base, { recursive: true, force: true });
    },
  };
}

/** A key as an older portal version or a direct insert would leave it: expired, or read-only. */
async function insertKey(
  t: TTestDatabase,
  municipalityId: string,
  createdById: string,
  scopes: string[],
  expiresAt: Date | null,
) {
  const { secret, prefix, hash } = generateSecret("otk");
  await t.prisma.apiKey.create({
    data: { municipalityId, name: `Ключ ${prefix}`, prefix, hash, scopes, createdById, createdAt: NOW, expiresAt },
  });
  if (hashApiKey(secret) !== hash) throw new Error("API key hashing changed: the fixture no longer matches");
  return secret;
}

export function sessionOf(w: TSecurityWorld, actor: TActor): TSessionUser | null {
  return actor === "anonymous" ? null : w.sessions[actor];
}

let caseCounter = 0;
/** A case of A (registered as the coordinator does) in `status`, routed to `departmentId`. */
export async function makeCase(
  w: TSecurityWorld,
  status: CaseStatus = "ASSIGNED",
  departmentId: string | null = w.a.zhkhId,
  externalId?: string,
): Promise<string> {
  caseCounter += 1;
  const { caseId } = await registerCase(
    w.t.prisma,
    { userId: w.sessions.coordinator.id, municipalityId: w.a.municipalityId, via: "UI" },
    {
      source: "CURATOR",
      url: `https://vk.com/wall-1_${caseCounter}`,
      text: "Во дворе дома 5 по ул. Ленина яма",
      ...(externalId ? { externalId } : {}),
    },
    NOW,
  );
  // How a case gets to a status is the workflow's tests' business; here only the status matters.
  if (status !== "NEW") {
    await w.t.prisma.case.update({ where: { id: caseId }, data: { status, departmentId } });
  }
  if (status === "AT_CURATOR") {
    // The curator decides on a submitted draft.
    await w.t.prisma.answerDraft.create({
      data: {
        caseId,
        version: 1,
        kind: "MEASURES",
        measures: "Яму засыпали",
        text: "Яму засыпали 27 ноября",
        authorId: w.sessions.executor.id,
        submittedAt: NOW,
      },
    });
  }
  return caseId;
}

export const photo = (width = 320, height = 240) =>
  sharp({ create: { width, height, channels: 3, background: "#c00" } })
    .jpeg()
    .toBuffer();

/** A photo stored on an ASSIGNED case of A by its executor, as the upload route stores it. */
export async function attachPhoto(w: TSecurityWorld, caseId: string): Promise<TPresentedAttachment> {
  const bytes = await photo();
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)], { type: "image/jpeg" }), "яма.jpg");
  const req = new Request("http://portal.test/upload", { method: "POST", body: form });
  return uploadAttachment(
    { prisma: w.t.prisma, storage: w.storage, limits: UPLOAD_LIMITS, tempDir: w.uploadTemp },
    attachmentActorOf(w.sessions.executor),
    {
      caseId,
      purpose: "evidence",
      contentType: req.headers.get("content-type"),
      contentLength: null,
      body: req.body,
    },
  );
}

/** Every file in the storage and the upload spool, relative paths, sorted. */
export async function storedFiles(w: TSecurityWorld): Promise<string[]> {
  const list = async (root: string) => {
    const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isFile()).map((e) => path.relative(w.storageRoot, path.join(e.parentPath, e.name)));
  };
  return [...(await list(w.storageRoot)), ...(await list(w.uploadTemp))].sort();
}

/** Rows of every table a request from outside could write to, in one round trip. */
export async function countRows(w: TSecurityWorld): Promise<Record<string, number>> {
  const rows = await w.t.prisma.$queryRaw<Record<string, bigint>[]>`SELECT
    (SELECT count(*) FROM "Case") AS "case",
    (SELECT count(*) FROM "CaseEvent") AS "caseEvent",
    (SELECT count(*) FROM "AnswerDraft") AS "answerDraft",
    (SELECT count(*) FROM "ReviewDecision") AS "reviewDecision",
    (SELECT count(*) FROM "Attachment") AS "attachment",
    (SELECT count(*) FROM "ImportBatch") AS "importBatch",
    (SELECT count(*) FROM "Notification") AS "notification",
    (SELECT count(*) FROM "Violation") AS "violation",
    (SELECT count(*) FROM "AuditLog") AS "auditLog",
    (SELECT count(*) FROM "Surge") AS "surge",
    (SELECT count(*) FROM "Topic") AS "topic",
    (SELECT count(*) FROM "SocialNetwork") AS "socialNetwork"`;
  return Object.fromEntries(Object.entries(rows[0] ?? {}).map(([table, n]) => [table, Number(n)]));
}

/** The route handlers read the server's configuration (db(), env()): point it at this test database. */
export function configureServerEnv(w: TSecurityWorld, extra: Record<string, string> = {}) {
  Object.assign(process.env, {
    DATABASE_URL: w.t.url,
    DATABASE_POOL_MAX: w.t.embedded ? "1" : "3",
    AUTH_SECRET: "security-test-auth-secret-0123456789abcdef",
    STORAGE_DIR: w.storageRoot,
    ...extra,
  });
  delete process.env.SMTP_URL;
}

/** True when a text is written for people in Russian. */
export const isRussian = (text: unknown) => typeof text === "string" && /[А-Яа-яЁё]/.test(text);

/** A JSON error body's human-readable messages: `message`, or each validation issue's. */
export function messagesOf(body: unknown): string[] {
  if (typeof body !== "object" || body === null) return [];
  const b = body as { message?: unknown; issues?: { message?: unknown }[] };
  const out: string[] = [];
  if (typeof b.message === "string") out.push(b.message);
  for (const issue of Array.isArray(b.issues) ? b.issues : []) {
    if (typeof issue.message === "string") out.push(issue.message);
  }
  return out;
}
