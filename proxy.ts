import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/server/auth/auth.config";

// Only checks that a valid session token exists: each page checks roles again on the server.
const { auth } = NextAuth(authConfig);

export default auth((req) => {
  const signedIn = Boolean(req.auth?.uid);
  const onLogin = req.nextUrl.pathname === "/login";
  if (!signedIn && !onLogin) {
    const url = new URL("/login", req.nextUrl);
    if (req.nextUrl.pathname !== "/") url.searchParams.set("from", req.nextUrl.pathname + req.nextUrl.search);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
});

export const config = {
  // /api/* authorises inside each route handler (and large uploads must not pass through here).
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
