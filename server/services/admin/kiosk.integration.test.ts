import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "../../testing/db";
import { contextFor, createMunicipality, createUser } from "../../testing/factories";
import { hashKioskToken } from "../../auth/kiosk-token";
import { createCaller } from "../../api/root";
import { authenticateKioskToken, isKioskTokenLive } from "./kiosk";

let t: TTestDatabase;
let municipalityId: string;
let admin: { id: string };
let otherAdmin: { id: string };
let coordinator: { id: string };
const now = new Date("2026-11-27T09:00:00Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

beforeAll(async () => {
  t = await createTestDatabase();
  municipalityId = (await createMunicipality(t.prisma)).id;
  const otherId = (await createMunicipality(t.prisma)).id;
  admin = await createUser(t.prisma, { roles: ["ADMIN"], municipalityId });
  otherAdmin = await createUser(t.prisma, { roles: ["ADMIN"], municipalityId: otherId });
  coordinator = await createUser(t.prisma, { roles: ["COORDINATOR"], municipalityId });
});
afterAll(async () => {
  await t.cleanup();
});

const callerFor = async (user: { id: string }, at = now) => createCaller(await contextFor(t.prisma, user, at));
const code = (expected: string) => (e: unknown) => e instanceof TRPCError && e.code === expected;

describe("kiosk links for the wall screen", () => {
  it("shows the link once, stores only the token's hash, and lets the token in", async () => {
    const caller = await callerFor(admin);
    const { kiosk, token, path } = await caller.admin.kiosk.create({ name: "  Телевизор в орготделе " });
    expect(token).toMatch(/^wall_[A-Za-z0-9_-]{43}$/);
    expect(path).toBe(`/wall/k/${token}`);
    expect(kiosk).toMatchObject({
      name: "Телевизор в орготделе",
      prefix: token.slice(0, 12),
      lastUsedAt: null,
      revokedAt: null,
    });

    const row = await t.prisma.kioskToken.findUniqueOrThrow({ where: { id: kiosk.id } });
    expect(row).toMatchObject({ municipalityId, hash: hashKioskToken(token), createdById: admin.id });
    expect(JSON.stringify(row)).not.toContain(token);
    const listed = await caller.admin.kiosk.list();
    expect(listed.map((k) => k.id)).toContain(kiosk.id);
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(JSON.stringify(listed)).not.toContain(row.hash);
    expect(await t.prisma.auditLog.count({ where: { entityId: kiosk.id, action: "kioskToken.create" } })).toBe(1);

    expect(await authenticateKioskToken(t.prisma, token, minutes(1))).toEqual({
      kioskTokenId: kiosk.id,
      municipalityId,
    });
    expect(await authenticateKioskToken(t.prisma, `${token}x`, minutes(1))).toBeNull();
    expect(await authenticateKioskToken(t.prisma, "../../etc/passwd", minutes(1))).toBeNull();
  });

  it("records when a link was last used, at most once a minute", async () => {
    const { kiosk, token } = await (await callerFor(admin)).admin.kiosk.create({ name: "Зал заседаний" });
    const lastUsed = async () => (await t.prisma.kioskToken.findUniqueOrThrow({ where: { id: kiosk.id } })).lastUsedAt;
    await authenticateKioskToken(t.prisma, token, minutes(1));
    expect(await lastUsed()).toEqual(minutes(1));
    await authenticateKioskToken(t.prisma, token, new Date(minutes(1).getTime() + 59_000));
    expect(await lastUsed()).toEqual(minutes(1));
    await authenticateKioskToken(t.prisma, token, minutes(3));
    expect(await lastUsed()).toEqual(minutes(3));
  });

  it("refuses a revoked link at once; a link is revoked once, and only by its municipality", async () => {
    const { kiosk, token } = await (await callerFor(admin)).admin.kiosk.create({ name: "Временный экран" });
    await expect((await callerFor(otherAdmin)).admin.kiosk.revoke({ id: kiosk.id })).rejects.toSatisfy(
      code("NOT_FOUND"),
    );
    expect(JSON.stringify(await (await callerFor(otherAdmin)).admin.kiosk.list())).not.toContain(kiosk.id);
    expect(await isKioskTokenLive(t.prisma, kiosk.id)).toBe(true);

    const revoked = await (await callerFor(admin, minutes(5))).admin.kiosk.revoke({ id: kiosk.id });
    expect(revoked.revokedAt).toEqual(minutes(5));
    expect(await authenticateKioskToken(t.prisma, token, minutes(6))).toBeNull();
    expect(await isKioskTokenLive(t.prisma, kiosk.id)).toBe(false);
    await expect((await callerFor(admin)).admin.kiosk.revoke({ id: kiosk.id })).rejects.toSatisfy(code("CONFLICT"));
    expect(await t.prisma.auditLog.count({ where: { entityId: kiosk.id, action: "kioskToken.revoke" } })).toBe(1);
  });

  it("is for administrators only, and a name is required", async () => {
    const before = await t.prisma.kioskToken.count();
    await expect((await callerFor(coordinator)).admin.kiosk.create({ name: "Мой экран" })).rejects.toSatisfy(
      code("FORBIDDEN"),
    );
    await expect((await callerFor(coordinator)).admin.kiosk.list()).rejects.toSatisfy(code("FORBIDDEN"));
    await expect((await callerFor(admin)).admin.kiosk.create({ name: "  " })).rejects.toSatisfy(code("BAD_REQUEST"));
    expect(await t.prisma.kioskToken.count()).toBe(before);
  });
});
