import { CredentialsSignin } from "@auth/core/errors";
import Credentials from "@auth/core/providers/credentials";
import { z } from "zod";
import type { TPrismaClient } from "../db/client";
import { describeWait } from "../domain/auth/login-throttle";
import { verifyCredentials } from "../services/auth/sign-in";
import { clientAddress } from "./client-address";

/**
 * The sign-in form's provider. Apart from server/auth/index.ts so that it imports Auth.js's core
 * only (not next-auth, which needs Next's module resolution): the tests drive the real sign-in
 * flow through @auth/core with this very provider and their own database and clock.
 */

const ZCredentials = z.object({
  login: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(200),
});

/** The `code` reaches the sign-in form, which turns it into a Russian message. */
class InactiveAccount extends CredentialsSignin {
  override code = "inactive";
}
class Throttled extends CredentialsSignin {
  constructor(retryAfterMs: number) {
    super();
    this.code = `throttled:${describeWait(retryAfterMs)}`;
  }
}

export interface TCredentialsDeps {
  prisma: TPrismaClient;
  /** Take the client address from X-Forwarded-For (TRUST_PROXY). */
  trustProxy: boolean;
  now: () => Date;
}

/** Read per sign-in attempt, so that the environment is read on the first request, not at build. */
export function credentialsProvider(deps: () => TCredentialsDeps) {
  return Credentials({
    credentials: { login: { label: "Логин" }, password: { label: "Пароль", type: "password" } },
    async authorize(raw, request) {
      const parsed = ZCredentials.safeParse(raw);
      if (!parsed.success) throw new CredentialsSignin();
      const { prisma, trustProxy, now } = deps();
      const result = await verifyCredentials(prisma, {
        ...parsed.data,
        ip: clientAddress(request.headers, trustProxy),
        now: now(),
      });
      if (result.ok) return result.user;
      if (result.reason === "inactive") throw new InactiveAccount();
      if (result.reason === "throttled") throw new Throttled(result.retryAfterMs);
      throw new CredentialsSignin();
    },
  });
}
