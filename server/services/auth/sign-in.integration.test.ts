import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "../../testing/db";
import { createMunicipality, createUser, FACTORY_PASSWORD } from "../../testing/factories";
import { ACCOUNT_POLICY, ADDRESS_POLICY } from "../../domain/auth/login-throttle";
import { verifyCredentials } from "./sign-in";

let t: TTestDatabase;
let municipalityId: string;
const t0 = new Date("2026-11-27T09:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);

beforeAll(async () => {
  t = await createTestDatabase();
  municipalityId = (await createMunicipality(t.prisma)).id;
});
afterAll(async () => {
  await t.cleanup();
});

describe("sign-in", () => {
  it("accepts the username or the e-mail in any case, records the login", async () => {
    const user = await createUser(t.prisma, {
      roles: ["COORDINATOR"],
      municipalityId,
      username: "anna",
      email: "anna@example.test",
    });
    const byName = await verifyCredentials(t.prisma, {
      login: " ANNA ",
      password: FACTORY_PASSWORD,
      ip: "10.0.0.1",
      now: t0,
    });
    expect(byName).toMatchObject({ ok: true, user: { id: user.id, roles: ["COORDINATOR"], municipalityId } });
    const byMail = await verifyCredentials(t.prisma, {
      login: "Anna@Example.Test",
      password: FACTORY_PASSWORD,
      ip: "10.0.0.1",
      now: t0,
    });
    expect(byMail.ok).toBe(true);
    const row = await t.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lastLoginAt).toEqual(t0);
    expect(await t.prisma.auditLog.count({ where: { actorId: user.id, action: "auth.login" } })).toBe(2);
  });

  it("refuses a wrong password and an unknown login the same way", async () => {
    await createUser(t.prisma, { roles: ["EXECUTOR"], municipalityId, username: "boris" });
    expect(await verifyCredentials(t.prisma, { login: "boris", password: "wrong", ip: "10.0.0.2", now: t0 })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await verifyCredentials(t.prisma, { login: "nobody", password: "wrong", ip: "10.0.0.2", now: t0 })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("tells a blocked person with the right password so, and counts nothing else", async () => {
    await createUser(t.prisma, { roles: ["EXECUTOR"], municipalityId, username: "blocked", active: false });
    expect(
      await verifyCredentials(t.prisma, { login: "blocked", password: FACTORY_PASSWORD, ip: "10.0.0.3", now: t0 }),
    ).toEqual({ ok: false, reason: "inactive" });
    expect(await verifyCredentials(t.prisma, { login: "blocked", password: "wrong", ip: "10.0.0.3", now: t0 })).toEqual(
      { ok: false, reason: "invalid" },
    );
  });

  it("locks an account after five failures, even for the right password, until the lock ends", async () => {
    await createUser(t.prisma, { roles: ["MANAGER"], municipalityId, username: "vera" });
    for (let i = 0; i < ACCOUNT_POLICY.maxFailures; i++) {
      await verifyCredentials(t.prisma, {
        login: "vera",
        password: `guess-${i}`,
        ip: `10.1.0.${i}`,
        now: later(i * 1000),
      });
    }
    const locked = await verifyCredentials(t.prisma, {
      login: "vera",
      password: FACTORY_PASSWORD,
      ip: "10.1.1.1",
      now: later(10_000),
    });
    expect(locked).toMatchObject({ ok: false, reason: "throttled" });
    expect(locked.ok === false && locked.reason === "throttled" && locked.retryAfterMs).toBeGreaterThan(4 * 60_000);

    const afterLock = await verifyCredentials(t.prisma, {
      login: "vera",
      password: FACTORY_PASSWORD,
      ip: "10.1.1.1",
      now: later(ACCOUNT_POLICY.lockMs + 10_000),
    });
    expect(afterLock.ok).toBe(true);
    // A success clears the account's count.
    expect(await t.prisma.loginThrottle.findUnique({ where: { key: "account:vera" } })).toBeNull();
  });

  it("counts concurrent failures: none is lost", async () => {
    await createUser(t.prisma, { roles: ["MANAGER"], municipalityId, username: "gleb" });
    await Promise.all(
      Array.from({ length: ACCOUNT_POLICY.maxFailures }, (_, i) =>
        verifyCredentials(t.prisma, { login: "gleb", password: `guess-${i}`, ip: `10.2.0.${i}`, now: t0 }),
      ),
    );
    const row = await t.prisma.loginThrottle.findUniqueOrThrow({ where: { key: "account:gleb" } });
    expect(row.failures).toBe(ACCOUNT_POLICY.maxFailures);
    expect(row.lockedUntil).not.toBeNull();
  });

  it("locks an address that tries many accounts", async () => {
    await createUser(t.prisma, { roles: ["HEAD"], municipalityId, username: "head-x" });
    for (let i = 0; i < ADDRESS_POLICY.maxFailures; i++) {
      await verifyCredentials(t.prisma, { login: `victim-${i}`, password: "x", ip: "198.51.100.9", now: t0 });
    }
    const fromThatAddress = await verifyCredentials(t.prisma, {
      login: "head-x",
      password: FACTORY_PASSWORD,
      ip: "198.51.100.9",
      now: later(1000),
    });
    expect(fromThatAddress).toMatchObject({ ok: false, reason: "throttled" });
    const fromElsewhere = await verifyCredentials(t.prisma, {
      login: "head-x",
      password: FACTORY_PASSWORD,
      ip: "198.51.100.10",
      now: later(1000),
    });
    expect(fromElsewhere.ok).toBe(true);
  });
});
