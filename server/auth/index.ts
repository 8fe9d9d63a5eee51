import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "../db";
import { env } from "../env";
import { verifyCredentials } from "../services/auth/sign-in";
import { describeWait } from "../domain/auth/login-throttle";
import { authConfig } from "./auth.config";
import { clientAddress } from "./client-address";

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

// Lazy configuration: the environment is read on the first request, not when `next build`
// imports this module.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: env().AUTH_SECRET,
  providers: [
    Credentials({
      credentials: { login: { label: "Логин" }, password: { label: "Пароль", type: "password" } },
      async authorize(raw, request) {
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const result = await verifyCredentials(db(), {
          ...parsed.data,
          ip: clientAddress(request.headers, env().TRUST_PROXY),
          now: new Date(),
        });
        if (result.ok) return result.user;
        if (result.reason === "inactive") throw new InactiveAccount();
        if (result.reason === "throttled") throw new Throttled(result.retryAfterMs);
        throw new CredentialsSignin();
      },
    }),
  ],
}));
