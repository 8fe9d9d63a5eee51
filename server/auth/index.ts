import "server-only";
import NextAuth from "next-auth";
import { db } from "../db";
import { env } from "../env";
import { authConfig } from "./auth.config";
import { credentialsProvider } from "./credentials";

// Lazy configuration: the environment is read on the first request, not when `next build`
// imports this module.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: env().AUTH_SECRET,
  providers: [credentialsProvider(() => ({ prisma: db(), trustProxy: env().TRUST_PROXY, now: () => new Date() }))],
}));
