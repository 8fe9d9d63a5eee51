import { Auth, type AuthConfig } from "@auth/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authConfig } from "../auth/auth.config";
import { credentialsProvider } from "../auth/credentials";
import { ACCOUNT_POLICY, ADDRESS_POLICY } from "../domain/auth/login-throttle";
import { createTestDatabase, type TTestDatabase } from "../testing/db";
import { createMunicipality, createUser, FACTORY_PASSWORD } from "../testing/factories";

/**
 * Sign-in throttling through the real sign-in flow: Auth.js's CSRF check, the credentials
 * callback and the provider server/auth/index.ts wires in, with a real database and an injected
 * clock. server/services/auth/sign-in.integration.test.ts covers the counting itself (account
 * lock, concurrency, many accounts from one address); this adds what only the HTTP path shows:
 * the client address taken from X-Forwarded-For, what the form gets back while locked (no
 * session, the wait in Russian), the end of an address lock, and that a request failing Auth.js's
 * own checks reaches no password check at all.
 */

let t: TTestDatabase;
let municipalityId: string;
let clock = new Date("2026-11-27T09:00:00Z");
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

let config: AuthConfig;

beforeAll(async () => {
  t = await createTestDatabase();
  municipalityId = (await createMunicipality(t.prisma)).id;
  config = {
    ...authConfig,
    secret: "login-throttling-test-secret-0123456789abcdef",
    basePath: "/api/auth",
    providers: [credentialsProvider(() => ({ prisma: t.prisma, trustProxy: true, now: () => clock }))],
    // The refusals are the point here; anything else is still logged.
    logger: {
      error(error: Error) {
        if (!["CredentialsSignin", "MissingCSRF"].includes(error.name) && !error.name.startsWith("Throttled")) {
          console.error(error);
        }
      },
    },
  };
});
afterAll(async () => {
  await t.cleanup();
});

const ORIGIN = "http://portal.test";

interface TAttempt {
  /** Signed in: Auth.js set a session cookie. */
  signedIn: boolean;
  /** The `code` the sign-in form turns into a message (credentials, inactive, throttled:…). */
  code: string | null;
  error: string | null;
}

/** One submission of the sign-in form, as the browser sends it: CSRF token and cookie first. */
async function submit(login: string, password: string, address: string, options: { csrf?: boolean } = {}) {
  const csrfResponse = await Auth(new Request(`${ORIGIN}/api/auth/csrf`), config);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const cookie = csrfResponse.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const form = new URLSearchParams({ login, password, callbackUrl: `${ORIGIN}/` });
  if (options.csrf !== false) form.set("csrfToken", csrfToken);
  const response = await Auth(
    new Request(`${ORIGIN}/api/auth/callback/credentials`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Cookie: cookie,
        "X-Forwarded-For": `${address}, 10.0.0.1`,
      },
      body: form,
    }),
    config,
  );
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get("location") ?? "", ORIGIN);
  const sessionCookie = response.headers.getSetCookie().find((c) => /session-token=[^;]+/.test(c));
  return {
    signedIn: sessionCookie !== undefined,
    code: location.searchParams.get("code"),
    error: location.searchParams.get("error"),
  } satisfies TAttempt;
}

const throttled = (attempt: TAttempt) => attempt.code?.startsWith("throttled:") ?? false;

describe("signing in through the form, with throttling", () => {
  it("signs in with the right password and refuses a wrong one without saying which part was wrong", async () => {
    await createUser(t.prisma, { roles: ["COORDINATOR"], municipalityId, username: "alla" });
    expect(await submit("alla", FACTORY_PASSWORD, "203.0.113.1")).toEqual({ signedIn: true, code: null, error: null });
    const wrong = await submit("alla", "not-the-password", "203.0.113.1");
    const unknown = await submit("no-such-person", "not-the-password", "203.0.113.1");
    expect(wrong).toEqual({ signedIn: false, code: "credentials", error: "CredentialsSignin" });
    expect(unknown).toEqual(wrong);
  });

  it("locks an account after five wrong passwords, even for the right one and from anywhere, until the lock ends", async () => {
    await createUser(t.prisma, { roles: ["EXECUTOR"], municipalityId, username: "boris" });
    await createUser(t.prisma, { roles: ["EXECUTOR"], municipalityId, username: "vlad" });
    for (let i = 0; i < ACCOUNT_POLICY.maxFailures; i++) {
      expect((await submit("boris", `guess-${i}`, "203.0.113.2")).code).toBe("credentials");
    }
    const locked = await submit("boris", FACTORY_PASSWORD, "203.0.113.2");
    expect(locked.signedIn).toBe(false);
    expect(locked.code).toBe("throttled:5 минут");
    // The lock is the account's: another address does not get round it (distributed guessing).
    expect(throttled(await submit("boris", FACTORY_PASSWORD, "192.0.2.200"))).toBe(true);
    // Other people at the same address are not affected.
    expect((await submit("vlad", FACTORY_PASSWORD, "203.0.113.2")).signedIn).toBe(true);

    advance(ACCOUNT_POLICY.lockMs - 60_000);
    expect((await submit("boris", FACTORY_PASSWORD, "203.0.113.2")).code).toBe("throttled:1 минуту");
    advance(60_000);
    expect((await submit("boris", FACTORY_PASSWORD, "203.0.113.2")).signedIn).toBe(true);
  });

  it("locks an address after many wrong passwords, for everyone there, and only there, until the lock ends", async () => {
    await createUser(t.prisma, { roles: ["HEAD"], municipalityId, username: "galina" });
    const address = "198.51.100.7";
    // Spread over accounts, so that no account lock is reached: only the address's count.
    for (let i = 0; i < ADDRESS_POLICY.maxFailures; i++) {
      expect((await submit(`guess-${i % 10}`, `password-${i}`, address)).code).toBe("credentials");
    }
    const fromThere = await submit("galina", FACTORY_PASSWORD, address);
    expect(fromThere).toMatchObject({ signedIn: false, code: "throttled:5 минут" });
    expect(await t.prisma.user.findFirstOrThrow({ where: { username: "galina" } })).toMatchObject({
      lastLoginAt: null,
    });

    expect((await submit("galina", FACTORY_PASSWORD, "198.51.100.8")).signedIn).toBe(true);

    advance(ADDRESS_POLICY.lockMs);
    expect((await submit("galina", FACTORY_PASSWORD, address)).signedIn).toBe(true);
  });

  it("checks no password for a form without its CSRF token, and counts nothing", async () => {
    await createUser(t.prisma, { roles: ["MANAGER"], municipalityId, username: "dina" });
    const before = await t.prisma.loginThrottle.count();
    for (const password of [FACTORY_PASSWORD, "wrong"]) {
      const attempt = await submit("dina", password, "203.0.113.9", { csrf: false });
      expect(attempt.signedIn).toBe(false);
      expect(attempt.error).toBe("MissingCSRF");
    }
    expect(await t.prisma.loginThrottle.count()).toBe(before);
    expect(await t.prisma.auditLog.count({ where: { action: "auth.login", ip: "203.0.113.9" } })).toBe(0);
  });
});
