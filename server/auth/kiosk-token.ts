import { createHash, randomBytes } from "node:crypto";

/**
 * Kiosk links open the wall screen without anyone signing in, so the token in the link is the
 * only credential: 32 random bytes, stored as SHA-256 only (a leaked database holds no usable
 * link), shown once when created.
 */
export function hashKioskToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Characters of the token kept in clear, so an administrator can tell links apart. */
export const KIOSK_TOKEN_PREFIX_LENGTH = 12;

/** "wall_" + 32 random bytes in base64url: safe in a URL path without escaping. */
export function generateKioskToken(): { token: string; prefix: string; hash: string } {
  const token = `wall_${randomBytes(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, KIOSK_TOKEN_PREFIX_LENGTH), hash: hashKioskToken(token) };
}

/**
 * Whether a string can be a kiosk token at all (URL-safe characters, sane length). Anything
 * else is refused before it costs a database lookup. The demo's configured token passes too.
 */
export function isKioskTokenShape(value: string): boolean {
  return /^[A-Za-z0-9_-]{16,200}$/.test(value);
}
