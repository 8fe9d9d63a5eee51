import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Connector access tokens at rest: AES-256-GCM with a fresh random 96-bit IV per encryption,
 * stored as `v1:<iv>:<tag>:<ciphertext>` (base64 parts). The version names the scheme, so a later
 * one can be introduced while old rows still decrypt. The associated data binds a ciphertext to
 * its row (e.g. `vk:<municipalityId>`): a value copied into another municipality's row does not
 * decrypt there. A leaked database without the key holds nothing usable.
 */

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
/** HKDF's `info`: the purpose the derived key is for. */
const HKDF_INFO = "otklik-connector-token";

export class TokenDecryptError extends Error {
  constructor() {
    super(
      "Не удалось расшифровать сохранённый ключ доступа: вероятно, изменился AUTH_SECRET или CONNECTOR_ENCRYPTION_KEY. Введите ключ заново.",
    );
    this.name = "TokenDecryptError";
  }
}

/**
 * The encryption key: CONNECTOR_ENCRYPTION_KEY (32 bytes as 64 hex digits or base64) when set,
 * else HKDF-SHA256 of AUTH_SECRET (empty salt, info "otklik-connector-token"), so an installation
 * without the extra variable still encrypts, with a key no other part of the portal uses.
 */
export function connectorKeyFrom(source: { CONNECTOR_ENCRYPTION_KEY?: string; AUTH_SECRET: string }): Buffer {
  const explicit = source.CONNECTOR_ENCRYPTION_KEY?.trim();
  if (explicit) {
    const key = /^[0-9a-fA-F]{64}$/u.test(explicit) ? Buffer.from(explicit, "hex") : Buffer.from(explicit, "base64");
    if (key.length !== KEY_BYTES) throw new Error("CONNECTOR_ENCRYPTION_KEY must be 32 bytes");
    return key;
  }
  if (source.AUTH_SECRET.length < 32) throw new Error("AUTH_SECRET must be at least 32 characters");
  return Buffer.from(hkdfSync("sha256", source.AUTH_SECRET, Buffer.alloc(0), HKDF_INFO, KEY_BYTES));
}

export function encryptToken(plain: string, key: Buffer, associatedData: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString("base64"), tag.toString("base64"), ciphertext.toString("base64")].join(":");
}

/** The token back; TokenDecryptError for a wrong key, a tampered value or another row's value. */
export function decryptToken(stored: string, key: Buffer, associatedData: string): string {
  const parts = stored.split(":");
  if (parts.length !== 4 || parts[0] !== VERSION) throw new TokenDecryptError();
  const [, ivText, tagText, dataText] = parts as [string, string, string, string];
  const iv = Buffer.from(ivText, "base64");
  const tag = Buffer.from(tagText, "base64");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new TokenDecryptError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(associatedData, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(dataText, "base64")), decipher.final()]).toString("utf8");
  } catch {
    throw new TokenDecryptError();
  }
}

/** What the portal shows of a token: its last four characters. */
export function tokenHintOf(token: string): string {
  return token.slice(-4);
}
