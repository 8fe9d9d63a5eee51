/**
 * Post links as people paste them: from the app or the browser, with or without `www.`/`m.`,
 * with share and advertising parameters. Two links to the same post must compare equal, for
 * detecting the network and for spotting a repeated publication (п.11).
 */

/** Subdomains that are the same site: the mobile and the "www" variants. */
const SAME_SITE_PREFIXES = ["www.", "m."] as const;

/** Query parameters that track the click, not name the post. */
const TRACKING_PARAMS = new Set([
  "fbclid",
  "gclid",
  "yclid",
  "ysclid",
  "_openstat",
  "igshid",
  "igsh",
  "si",
  "ref",
  "ref_src",
  "from",
  "share",
  "utm",
]);

/** Parameters that point at a comment within a post: the thread is the post itself. */
const COMMENT_PARAMS = new Set(["reply", "thread", "comment", "comment_id", "commentid"]);

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith("utm_") || TRACKING_PARAMS.has(lower);
}

/** Parses an absolute http(s) link; anything else (javascript:, mailto:, relative) is null. */
export function parseHttpUrl(value: string): URL | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.hostname === "") return null;
  return url;
}

/**
 * A host name in its comparable form: lower-case (the URL parser also turns Cyrillic into
 * punycode, so "одноклассники.рф" and its xn-- form agree), no trailing dot, no `www.`/`m.`.
 */
export function normalizeHost(host: string): string {
  let result = host.trim().toLowerCase().replace(/\.$/u, "");
  try {
    result = new URL(`http://${result}`).hostname;
  } catch {
    // Not a valid host: compare it as written.
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const prefix of SAME_SITE_PREFIXES) {
      if (result.startsWith(prefix) && result.slice(prefix.length).includes(".")) {
        result = result.slice(prefix.length);
        changed = true;
      }
    }
  }
  return result;
}

function normalizeWith(value: string, dropParam: (name: string) => boolean): string | null {
  const url = parseHttpUrl(value);
  if (url === null) return null;
  const params = [...url.searchParams.entries()]
    .filter(([name]) => !dropParam(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length === 0 ? "" : `?${new URLSearchParams(params).toString()}`;
  const path = url.pathname.replace(/\/+$/u, "");
  // The scheme is left out: http and https links to one post are the same post.
  return `${normalizeHost(url.hostname)}${path}${query}`;
}

/**
 * The link in a comparable form: host normalised, no scheme, port kept, no trailing slash,
 * tracking parameters and the fragment dropped, remaining parameters sorted. Null for a link
 * that is not http(s).
 */
export function normalizePostUrl(value: string): string | null {
  return normalizeWith(value, isTrackingParam);
}

/** The post a link belongs to: like `normalizePostUrl`, and a link to a comment names its post. */
export function findThreadKey(value: string): string | null {
  return normalizeWith(value, (name) => isTrackingParam(name) || COMMENT_PARAMS.has(name.toLowerCase()));
}
