import { generateSecret, hashSecret, SECRET_PREFIX_LENGTH } from "./secret-token";

/** API keys are stored as SHA-256 only: a leaked database does not leak usable keys. */
export const hashApiKey = hashSecret;

/** Characters of the key kept in clear, so people can tell their keys apart. */
export const API_KEY_PREFIX_LENGTH = SECRET_PREFIX_LENGTH;

/** A new key: "otk_" + 32 random bytes (base64url). Only the hash and the prefix are stored. */
export function generateApiKey() {
  return generateSecret("otk");
}

/** The key from an `Authorization: Bearer …` header, or null. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer\s+(\S{16,200})\s*$/i.exec(header ?? "");
  return match?.[1] ?? null;
}
