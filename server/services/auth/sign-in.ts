import type { TPrismaClient } from "../../db/client";
import type { Role } from "../../db/generated/client";
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  lockedFor,
  registerFailure,
  type TThrottlePolicy,
} from "../../domain/auth/login-throttle";
import { normalizeLogin } from "../../domain/auth/credentials";
import { verifyPassword } from "../../auth/password";

export type TSignInResult =
  | { ok: true; user: { id: string; username: string; fullName: string; roles: Role[]; municipalityId: string | null } }
  | { ok: false; reason: "invalid" | "inactive" }
  | { ok: false; reason: "throttled"; retryAfterMs: number };

const accountKey = (login: string) => `account:${login}`;
const addressKey = (ip: string) => `address:${ip}`;

/**
 * Checks a login (username or e-mail) and password. Failures count against both the account
 * and the client address; while either is locked, even the right password is refused, so a
 * guesser learns nothing.
 */
export async function verifyCredentials(
  prisma: TPrismaClient,
  input: { login: string; password: string; ip: string; now: Date },
): Promise<TSignInResult> {
  const login = normalizeLogin(input.login);
  const keys = [accountKey(login), addressKey(input.ip)];

  const states = await prisma.loginThrottle.findMany({ where: { key: { in: keys } } });
  const waitMs = Math.max(0, ...states.map((s) => lockedFor(s, input.now)));
  if (waitMs > 0) return { ok: false, reason: "throttled", retryAfterMs: waitMs };

  const user = await prisma.user.findFirst({
    where: login.includes("@") ? { email: login } : { username: login },
  });
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);

  if (!user || !passwordOk) {
    await recordFailure(prisma, accountKey(login), input.now, ACCOUNT_POLICY);
    await recordFailure(prisma, addressKey(input.ip), input.now, ADDRESS_POLICY);
    return { ok: false, reason: "invalid" };
  }
  // The password was right: an inactive account is told so, since a person needs to know.
  if (!user.active) return { ok: false, reason: "inactive" };

  await prisma.$transaction([
    prisma.loginThrottle.deleteMany({ where: { key: accountKey(login) } }),
    prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: input.now } }),
    prisma.auditLog.create({
      data: {
        actorId: user.id,
        municipalityId: user.municipalityId,
        action: "auth.login",
        entity: "User",
        entityId: user.id,
        ip: input.ip,
        at: input.now,
      },
    }),
  ]);
  return {
    ok: true,
    user: {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      roles: user.roles,
      municipalityId: user.municipalityId,
    },
  };
}

async function recordFailure(prisma: TPrismaClient, key: string, now: Date, policy: TThrottlePolicy) {
  // Row-locked read-modify-write, so concurrent failures are all counted.
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO "LoginThrottle" ("key", "failures", "windowStart", "updatedAt")
      VALUES (${key}, 0, ${now}, ${now}) ON CONFLICT ("key") DO NOTHING`;
    const rows = await tx.$queryRaw<{ failures: number; windowStart: Date; lockedUntil: Date | null }[]>`
      SELECT "failures", "windowStart", "lockedUntil" FROM "LoginThrottle" WHERE "key" = ${key} FOR UPDATE`;
    const current = rows[0];
    const next = registerFailure(current && current.failures > 0 ? current : null, now, policy);
    await tx.loginThrottle.update({
      where: { key },
      data: { failures: next.failures, windowStart: next.windowStart, lockedUntil: next.lockedUntil },
    });
  });
}
