import { NextResponse, type NextRequest } from "next/server";
import { buildPageCsp, PAGE_FRAME_OPTIONS } from "@/server/http/security-headers";

// Auth.js names its cookie with the __Secure- prefix when served over HTTPS.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * Every page request passes here:
 * - It gets a fresh CSP nonce. Next.js reads it from the request's CSP header and puts it on
 *   its scripts, so every page must be rendered per request (the root layout makes sure).
 * - People without a session cookie are sent to the sign-in page. The token is not validated
 *   here: every page does that on the server (and checks the role), so a forged or expired
 *   cookie gets no further than here. No cookies are written: refreshing the session here raced
 *   with signing out in the same request and could bring the session back.
 */
export default function proxy(req: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = buildPageCsp(nonce, { development: process.env.NODE_ENV === "development" });

  const hasSession = SESSION_COOKIES.some((name) => req.cookies.has(name));
  // A kiosk link (/wall/k/<token>) is its own credential: the wall's TV has nobody to sign in.
  const isKioskLink = req.nextUrl.pathname.startsWith("/wall/k/");
  let res: NextResponse;
  if (!hasSession && !isKioskLink && req.nextUrl.pathname !== "/login") {
    const url = new URL("/login", req.nextUrl);
    if (req.nextUrl.pathname !== "/") url.searchParams.set("from", req.nextUrl.pathname + req.nextUrl.search);
    res = NextResponse.redirect(url);
  } else {
    const requestHeaders = new Headers(req.headers);
    requestHeaders.set("Content-Security-Policy", csp);
    res = NextResponse.next({ request: { headers: requestHeaders } });
  }
  // The other security headers come from next.config.mjs, for pages and route handlers alike.
  res.headers.set("Content-Security-Policy", csp);
  res.headers.set("X-Frame-Options", PAGE_FRAME_OPTIONS);
  return res;
}

export const config = {
  // /api/* authorises inside each route handler (and large uploads must not pass through here);
  // its CSP comes from next.config.mjs.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
