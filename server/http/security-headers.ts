/**
 * The security headers of every response. Pages get a per-request nonce CSP from proxy.ts
 * (Next.js reads the nonce from the request's CSP header and puts it on its own scripts);
 * route handlers and static files get the fixed headers below from next.config.mjs, which
 * repeats these values because it cannot import TypeScript (next-config.test.ts keeps the two
 * equal). Pure: no Next, no Node APIs.
 */

type THeaders = Readonly<Record<string, string>>;

/** Headers every response carries: pages, route handlers, static files. */
export const COMMON_SECURITY_HEADERS: THeaders = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/**
 * JSON, CSV, DOCX and SSE from route handlers are never documents that run anything: a
 * response opened directly in a tab may not load or frame anything. X-Frame-Options says the
 * same as frame-ancestors to browsers without CSP 2.
 */
export const API_SECURITY_HEADERS: THeaders = {
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  "X-Frame-Options": "DENY",
};

/**
 * Evidence files are shown inline (photos, video, PDF). An uploaded file must never run
 * script in the portal's origin even if it slipped past the type check, so nothing but the
 * file itself may load; framing by the portal itself stays allowed for the browser's PDF viewer.
 */
export const ATTACHMENT_SECURITY_HEADERS: THeaders = {
  "Content-Security-Policy":
    "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'",
  "X-Frame-Options": "SAMEORIGIN",
};

/** Set by proxy.ts on every page beside the CSP. */
export const PAGE_FRAME_OPTIONS = "DENY";

/**
 * The policy of an HTML page. Scripts run only with this request's nonce; 'strict-dynamic'
 * lets Next's bootstrap load its own chunks. Styles allow inline because React and recharts
 * set style attributes (a nonce cannot cover attributes). Development adds 'unsafe-eval',
 * which React's dev build needs for its stack traces, and the dev server's websocket. No
 * upgrade-insecure-requests: intranet installations are often plain HTTP, where it would break
 * every asset.
 */
export function buildPageCsp(nonce: string, { development = false }: { development?: boolean } = {}): string {
  const script = ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
