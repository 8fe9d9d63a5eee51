import { createHash, randomBytes } from "node:crypto";

/**
 * Bearer secrets the portal issues (API keys, kiosk links): stored as SHA-256 only, so a leaked
 * database holds nothing usable; the secret itself is shown once.
 */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Characters of a secret kept in clear, so people can tell their keys and links apart. */
export const SECRET_PREFIX_LENGTH = 12;

/** `<tag>_` + 32 random bytes in base64url: safe in a header and in a URL path. */
export function generateSecret(tag: string): { secret: string; prefix: string; hash: string } {
  const secret = `${tag}_${randomBytes(32).toString("base64url")}`;
  return { secret, prefix: secret.slice(0, SECRET_PREFIX_LENGTH), hash: hashSecret(secret) };
}
