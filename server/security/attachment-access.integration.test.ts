import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser, type TSessionUser } from "../auth/session-user";
import { hashPassword } from "../auth/password";
import { respondToDownload } from "../services/attachments/http";
import type { TPresentedAttachment } from "../services/attachments/present";
import { createUser } from "../testing/factories";
import { attachPhoto, createSecurityWorld, makeCase, NOW, type TSecurityWorld } from "./fixtures";

/**
 * Attachment URLs (GET /api/attachments/{id}) against everyone who may not see the case: the
 * exact refusal, whatever the variant and the conditional or range headers, and never a byte of
 * the file. server/services/attachments/attachments.integration.test.ts checks the plain
 * download per role; this adds the thumbnail, Range, If-None-Match and If-Range, people of
 * another municipality (with every role, and its curator), sessions that ended (deactivated,
 * password changed), and an executor whose department the case has left.
 */

let w: TSecurityWorld;
let caseId: string;
let file: TPresentedAttachment;
let etag: string;
let original: Buffer;
const extra: Record<string, TSessionUser | null> = {};

beforeAll(async () => {
  w = await createSecurityWorld();
  caseId = await makeCase(w, "ASSIGNED");
  file = await attachPhoto(w, caseId);
  const first = await download(w.sessions.coordinator, file.url);
  expect(first.status).toBe(200);
  etag = first.headers.get("etag") ?? "";
  original = Buffer.from(await first.arrayBuffer());

  const authAt = Math.floor(NOW.getTime() / 1000);
  const deactivated = await createUser(w.t.prisma, {
    roles: ["COORDINATOR"],
    municipalityId: w.a.municipalityId,
    departmentId: w.a.coordinatingId,
  });
  const reset = await createUser(w.t.prisma, {
    roles: ["COORDINATOR"],
    municipalityId: w.a.municipalityId,
    departmentId: w.a.coordinatingId,
  });
  // Sessions issued before: then the account is blocked, the other's password is changed.
  extra.deactivated = await loadSessionUser(w.t.prisma, { userId: deactivated.id, authAt });
  extra.passwordChanged = await loadSessionUser(w.t.prisma, { userId: reset.id, authAt });
  await w.t.prisma.user.update({ where: { id: deactivated.id }, data: { active: false } });
  await w.t.prisma.user.update({
    where: { id: reset.id },
    data: { passwordHash: await hashPassword("Novyi2026!"), passwordChangedAt: new Date(NOW.getTime() + 60_000) },
  });
});
afterAll(async () => {
  await w.cleanup();
});

function download(user: TSessionUser | null, url: string, headers: Record<string, string> = {}) {
  const parsed = new URL(url, "http://portal.test");
  const id = parsed.pathname.split("/").pop() ?? "";
  return respondToDownload(new Request(parsed, { headers }), id, { prisma: w.t.prisma, storage: w.storage, user });
}

/** The session as the app would have it on the next request: reloaded from the database. */
async function current(session: TSessionUser | null): Promise<TSessionUser | null> {
  if (!session) return null;
  return loadSessionUser(w.t.prisma, { userId: session.id, authAt: Math.floor(NOW.getTime() / 1000) });
}

/** Every way of asking for the file that a player, a cache or a gallery uses. */
const ASKS: { name: string; url: () => string; headers: () => Record<string, string> }[] = [
  { name: "the file", url: () => file.url, headers: () => ({}) },
  { name: "its thumbnail", url: () => file.thumbnailUrl!, headers: () => ({}) },
  { name: "a range", url: () => file.url, headers: () => ({ Range: "bytes=0-99" }) },
  { name: "an open range", url: () => file.url, headers: () => ({ Range: "bytes=100-" }) },
  { name: "the last bytes", url: () => file.url, headers: () => ({ Range: "bytes=-16" }) },
  { name: "a range of the thumbnail", url: () => file.thumbnailUrl!, headers: () => ({ Range: "bytes=0-9" }) },
  { name: "a range past the end", url: () => file.url, headers: () => ({ Range: "bytes=999999999-" }) },
  { name: "a revalidation with its ETag", url: () => file.url, headers: () => ({ "If-None-Match": etag }) },
  { name: "a range if unchanged", url: () => file.url, headers: () => ({ Range: "bytes=0-9", "If-Range": etag }) },
];

const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);

async function expectRefusedWithoutBytes(res: Response, status: number, label: string) {
  expect(res.status, label).toBe(status);
  expect(res.headers.get("content-type"), label).toMatch(/^application\/json/);
  // Nothing that tells the file apart: no validator, no size, no range.
  expect(res.headers.get("etag"), label).toBeNull();
  expect(res.headers.get("content-range"), label).toBeNull();
  expect(res.headers.get("content-disposition"), label).toBeNull();
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(bytes.includes(JPEG_MAGIC), label).toBe(false);
  expect(bytes.includes(Buffer.from("RIFF")), label).toBe(false);
  expect(bytes.length, label).toBeLessThan(300);
  const body = JSON.parse(bytes.toString("utf8")) as { error: string; message: string };
  expect(body.error, label).toBe(status === 401 ? "unauthorized" : "not_found");
  expect(body.message, label).toMatch(status === 401 ? /Войдите/ : /Файл не найден/);
}

describe("attachment URLs for those who may not see the case", () => {
  const refused: { who: string; status: number; session: () => Promise<TSessionUser | null> }[] = [
    { who: "nobody", status: 401, session: () => Promise.resolve(null) },
    { who: "a deactivated person's old session", status: 401, session: () => current(extra.deactivated ?? null) },
    {
      who: "a session from before a password change",
      status: 401,
      session: () => current(extra.passwordChanged ?? null),
    },
    { who: "the executor of another department", status: 404, session: () => current(w.sessions.otherDeptExecutor) },
    { who: "the administrator (no case.view)", status: 404, session: () => current(w.sessions.admin) },
    {
      who: "a person of another municipality with every role",
      status: 404,
      session: () => current(w.sessions.otherMunicipality),
    },
    { who: "another municipality's curator", status: 404, session: () => current(w.sessions.otherCurator) },
  ];

  it.each(refused)(
    "refuses $who ($status) every way of asking, without a byte of the file",
    async ({ who, status, session }) => {
      const user = await session();
      for (const ask of ASKS) {
        await expectRefusedWithoutBytes(await download(user, ask.url(), ask.headers()), status, `${who}: ${ask.name}`);
      }
    },
  );

  it("answers a file that does not exist exactly as one the person may not see", async () => {
    const stranger = w.sessions.otherMunicipality;
    const missing = await download(stranger, "/api/attachments/cnotanattachment0000000000");
    const hidden = await download(stranger, file.url);
    expect([missing.status, await missing.json()]).toEqual([hidden.status, await hidden.json()]);
  });

  it("stops serving the executor whose department the case has left, and serves the new one", async () => {
    const moved = await makeCase(w, "ASSIGNED");
    const photo = await attachPhoto(w, moved);
    expect((await download(w.sessions.executor, photo.url)).status).toBe(200);
    await w.t.prisma.case.update({ where: { id: moved }, data: { departmentId: w.a.eduId } });
    for (const ask of ASKS) {
      const url = ask.url().replace(file.id, photo.id);
      await expectRefusedWithoutBytes(await download(w.sessions.executor, url, ask.headers()), 404, ask.name);
    }
    const res = await download(w.sessions.otherDeptExecutor, photo.url);
    expect(res.status).toBe(200);
    await res.body?.cancel();
  });
});

describe("attachment URLs for those who may", () => {
  const allowed = ["executor", "coordinator", "manager", "curator", "deputyHead", "head"] as const;

  it.each(allowed)("serves %s the file, its ranges, its thumbnail and a 304", async (who) => {
    const user = w.sessions[who];
    const whole = await download(user, file.url);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(original);

    const range = await download(user, file.url, { Range: "bytes=0-99" });
    expect(range.status).toBe(206);
    expect(range.headers.get("content-range")).toBe(`bytes 0-99/${original.length}`);
    expect(Buffer.from(await range.arrayBuffer())).toEqual(original.subarray(0, 100));

    const thumb = await download(user, file.thumbnailUrl!);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    await thumb.body?.cancel();

    const unsatisfiable = await download(user, file.url, { Range: "bytes=999999999-" });
    expect(unsatisfiable.status).toBe(416);
    await unsatisfiable.body?.cancel();

    expect((await download(user, file.url, { "If-None-Match": etag })).status).toBe(304);
  });
});
