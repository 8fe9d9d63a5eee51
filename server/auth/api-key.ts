import { createHash, randomBytes } from "node:crypto";

/** API keys are stored as SHA-256 only: a leaked database does not leak usable keys. */
export function hashApiKey(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Characters of the key kept in clear, so people can tell their keys apart. */
export const API_KEY_PREFIX_LENGTH = 12;

/**
 * A new key: "otk_" + 32 random bytes (base64url). Only the hash and the prefix are stored;
 * the secret is shown once.
 */
export function generateApiKey(): { secret: string; prefix: string; hash: string } {
  const secret = `otk_${randomBytes(32).toString("base64url")}`;
  return { secret, prefix: secret.slice(0, API_KEY_PREFIX_LENGTH), hash: hashApiKey(secret) };
}

/** The key from an `Authorization: Bearer …` header, or null. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer\s+(\S{16,200})\s*$/i.exec(header ?? "");
  return match?.[1] ?? null;
}
