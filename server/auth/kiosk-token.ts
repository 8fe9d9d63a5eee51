import { generateSecret, hashSecret, SECRET_PREFIX_LENGTH } from "./secret-token";

/**
 * Kiosk links open the wall screen without anyone signing in, so the token in the link is the
 * only credential: stored as SHA-256 only, shown once when created.
 */
export const hashKioskToken = hashSecret;

/** Characters of the token kept in clear, so an administrator can tell links apart. */
export const KIOSK_TOKEN_PREFIX_LENGTH = SECRET_PREFIX_LENGTH;

/** "wall_" + 32 random bytes in base64url: safe in a URL path without escaping. */
export function generateKioskToken(): { token: string; prefix: string; hash: string } {
  const { secret, prefix, hash } = generateSecret("wall");
  return { token: secret, prefix, hash };
}

/**
 * Whether a string can be a kiosk token at all (URL-safe characters, sane length). Anything
 * else is refused before it costs a database lookup. The demo's configured token passes too.
 */
export function isKioskTokenShape(value: string): boolean {
  return /^[A-Za-z0-9_-]{16,200}$/.test(value);
}
