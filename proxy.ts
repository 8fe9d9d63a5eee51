import { NextResponse, type NextRequest } from "next/server";

// Auth.js names its cookie with the __Secure- prefix when served over HTTPS.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * Sends people without a session cookie to the sign-in page. It does not validate the token:
 * every page does that on the server (and checks the role), so a forged or expired cookie gets
 * no further than here. It deliberately writes no cookies: refreshing the session here raced
 * with signing out in the same request and could bring the session back.
 */
export default function proxy(req: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => req.cookies.has(name));
  // A kiosk link (/wall/k/<token>) is its own credential: the wall's TV has nobody to sign in.
  const isKioskLink = req.nextUrl.pathname.startsWith("/wall/k/");
  if (!hasSession && !isKioskLink && req.nextUrl.pathname !== "/login") {
    const url = new URL("/login", req.nextUrl);
    if (req.nextUrl.pathname !== "/") url.searchParams.set("from", req.nextUrl.pathname + req.nextUrl.search);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = {
  // /api/* authorises inside each route handler (and large uploads must not pass through here).
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
