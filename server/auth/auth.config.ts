import type { NextAuthConfig } from "next-auth";

/**
 * The part of the Auth.js configuration that needs no database: the session strategy and the
 * callbacks that copy the user into the token and the session.
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
