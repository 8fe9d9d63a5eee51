import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { connectorKeyFrom, decryptToken, encryptToken, TokenDecryptError, tokenHintOf } from "./token-cipher";

const AUTH_SECRET = "token-cipher-test-auth-secret-0123456789";
const key = connectorKeyFrom({ AUTH_SECRET });
const TOKEN = "vk1.a.Xyz0123456789abcdefTOKENtail";

describe("connector token encryption", () => {
  it("stores v1:<iv>:<tag>:<ciphertext> with a fresh IV each time, and never the token itself", () => {
    const a = encryptToken(TOKEN, key, "vk:m1");
    const b = encryptToken(TOKEN, key, "vk:m1");
    expect(a).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(TOKEN);
    expect(a).not.toContain(Buffer.from(TOKEN).toString("base64"));
    expect(decryptToken(a, key, "vk:m1")).toBe(TOKEN);
    expect(decryptToken(b, key, "vk:m1")).toBe(TOKEN);
  });

  it("round-trips any token", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 40 }), (token, aad) => {
        expect(decryptToken(encryptToken(token, key, aad), key, aad)).toBe(token);
      }),
    );
  });

  it("refuses another key, another row's value and any tampering", () => {
    const stored = encryptToken(TOKEN, key, "vk:m1");
    const otherKey = connectorKeyFrom({ AUTH_SECRET: `${AUTH_SECRET}-changed` });
    expect(() => decryptToken(stored, otherKey, "vk:m1")).toThrow(TokenDecryptError);
    expect(() => decryptToken(stored, key, "vk:m2")).toThrow(TokenDecryptError);
    const [v, iv, tag, data] = stored.split(":") as [string, string, string, string];
    const flipped = Buffer.from(data, "base64");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => decryptToken([v, iv, tag, flipped.toString("base64")].join(":"), key, "vk:m1")).toThrow(
      TokenDecryptError,
    );
    expect(() => decryptToken(`v2:${iv}:${tag}:${data}`, key, "vk:m1")).toThrow(TokenDecryptError);
    expect(() => decryptToken("plain-token", key, "vk:m1")).toThrow(/Введите ключ заново/);
  });

  it("takes CONNECTOR_ENCRYPTION_KEY as hex or base64, else derives one from AUTH_SECRET", () => {
    const raw = Buffer.alloc(32, 7);
    const fromHex = connectorKeyFrom({ AUTH_SECRET, CONNECTOR_ENCRYPTION_KEY: raw.toString("hex") });
    const fromBase64 = connectorKeyFrom({ AUTH_SECRET, CONNECTOR_ENCRYPTION_KEY: raw.toString("base64") });
    expect(fromHex.equals(raw)).toBe(true);
    expect(fromBase64.equals(raw)).toBe(true);
    expect(connectorKeyFrom({ AUTH_SECRET }).equals(key)).toBe(true);
    expect(key).toHaveLength(32);
    expect(key.equals(Buffer.from(AUTH_SECRET).subarray(0, 32))).toBe(false);
    const stored = encryptToken(TOKEN, fromHex, "vk:m1");
    expect(() => decryptToken(stored, key, "vk:m1")).toThrow(TokenDecryptError);
  });

  it("shows only the last four characters", () => {
    expect(tokenHintOf(TOKEN)).toBe("tail");
  });
});
