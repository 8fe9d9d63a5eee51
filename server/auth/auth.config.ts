import type { NextAuthConfig } from "next-auth";

/**
 * The part of the Auth.js configuration that needs no database: shared by the proxy (which
 * only checks that a session token exists and is valid) and the full configuration.
 */
export const authConfig = {
  trustHost: true,
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      // `user` is present only right after authorize(): copy what the session needs.
      if (user) {
        const u = user as { id: string; roles: never; municipalityId: string | null };
        token.uid = u.id;
        token.roles = u.roles;
        token.municipalityId = u.municipalityId;
        token.authAt = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    session({ session, token }) {
      session.uid = token.uid;
      session.roles = token.roles;
      session.municipalityId = token.municipalityId;
      session.authAt = token.authAt;
      return session;
    },
  },
} satisfies NextAuthConfig;
