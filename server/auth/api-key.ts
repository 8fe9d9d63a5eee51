import { createHash } from "node:crypto";

/** API keys are stored as SHA-256 only: a leaked database does not leak usable keys. */
export function hashApiKey(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}
