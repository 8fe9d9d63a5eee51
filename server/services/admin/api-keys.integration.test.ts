import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "../../testing/db";
import { contextFor, createMunicipality, createUser } from "../../testing/factories";
import { hashApiKey } from "../../auth/api-key";
import { createCaller } from "../../api/root";
import { authenticateApiKey } from "./api-keys";

let t: TTestDatabase;
let municipalityId: string;
let admin: { id: string };
let otherAdmin: { id: string };
const now = new Date("2026-11-27T09:00:00Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

beforeAll(async () => {
  t = await createTestDatabase();
  municipalityId = (await createMunicipality(t.prisma)).id;
  const otherId = (await createMunicipality(t.prisma)).id;
  admin = await createUser(t.prisma, { roles: ["ADMIN"], municipalityId });
  otherAdmin = await createUser(t.prisma, { roles: ["ADMIN"], municipalityId: otherId });
});
afterAll(async () => {
  await t.cleanup();
});

const callerFor = async (user: { id: string }, at = now) => createCaller(await contextFor(t.prisma, user, at));

describe("API keys for the curator's system", () => {
  it("shows the secret once, stores only its hash, and authenticates with it", async () => {
    const caller = await callerFor(admin);
    const { key, secret } = await caller.admin.apiKeys.create({ name: "Система куратора", expiresOn: null });
    expect(secret).toMatch(/^otk_[A-Za-z0-9_-]{43}$/);
    expect(key.prefix).toBe(secret.slice(0, 12));

    const row = await t.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.hash).toBe(hashApiKey(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    const listed = await caller.admin.apiKeys.list();
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(JSON.stringify(listed)).not.toContain(row.hash);

    expect(await authenticateApiKey(t.prisma, secret, minutes(1))).toEqual({
      keyId: key.id,
      municipalityId,
      scopes: ["cases:read", "cases:write"],
    });
    expect((await t.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toEqual(minutes(1));
    expect(await authenticateApiKey(t.prisma, `${secret}x`, minutes(1))).toBeNull();
  });

  it("stops a revoked key at once; a key is revoked once, and only by its municipality", async () => {
    const { key, secret } = await (await callerFor(admin)).admin.apiKeys.create({ name: "Временный", expiresOn: null });
    await expect((await callerFor(otherAdmin)).admin.apiKeys.revoke({ id: key.id })).rejects.toSatisfy(
      (e: unknown) => e instanceof TRPCError && e.code === "NOT_FOUND",
    );
    expect(await authenticateApiKey(t.prisma, secret, minutes(2))).not.toBeNull();

    const revoked = await (await callerFor(admin, minutes(3))).admin.apiKeys.revoke({ id: key.id });
    expect(revoked.revokedAt).toEqual(minutes(3));
    expect(await authenticateApiKey(t.prisma, secret, minutes(4))).toBeNull();
    await expect((await callerFor(admin)).admin.apiKeys.revoke({ id: key.id })).rejects.toSatisfy(
      (e: unknown) => e instanceof TRPCError && e.code === "CONFLICT",
    );
    expect(await t.prisma.auditLog.count({ where: { entityId: key.id, action: "apiKey.revoke" } })).toBe(1);
  });

  it("expires a key after the last day it was issued for, in the municipality's zone", async () => {
    const caller = await callerFor(admin);
    const { key, secret } = await caller.admin.apiKeys.create({ name: "До конца года", expiresOn: "2026-12-31" });
    expect(key.expiresAt?.toISOString()).toBe("2026-12-31T20:59:59.000Z");
    expect(await authenticateApiKey(t.prisma, secret, new Date("2026-12-31T20:59:58Z"))).not.toBeNull();
    expect(await authenticateApiKey(t.prisma, secret, new Date("2026-12-31T21:00:00Z"))).toBeNull();
  });

  it("refuses a past or impossible expiry date and a blank name, creating nothing", async () => {
    const caller = await callerFor(admin);
    const before = await t.prisma.apiKey.count();
    for (const input of [
      { name: "Прошлое", expiresOn: "2026-11-01" },
      { name: "Нет такой даты", expiresOn: "2026-02-30" },
      { name: "  ", expiresOn: null },
    ]) {
      await expect(caller.admin.apiKeys.create(input)).rejects.toSatisfy(
        (e: unknown) => e instanceof TRPCError && e.code === "BAD_REQUEST",
      );
    }
    expect(await t.prisma.apiKey.count()).toBe(before);
  });
});
