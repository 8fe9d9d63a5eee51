import { describe, expect, it } from "vitest";
import { generateKioskToken, hashKioskToken, isKioskTokenShape, KIOSK_TOKEN_PREFIX_LENGTH } from "./kiosk-token";

describe("kiosk tokens", () => {
  it("are long, random, URL-safe and stored only as their SHA-256", () => {
    const a = generateKioskToken();
    const b = generateKioskToken();
    expect(a.token).toMatch(/^wall_[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(encodeURIComponent(a.token)).toBe(a.token);
    expect(a.prefix).toBe(a.token.slice(0, KIOSK_TOKEN_PREFIX_LENGTH));
    expect(a.hash).toBe(hashKioskToken(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).not.toContain(a.token.slice(5));
  });

  it("accept only URL-safe strings of a sane length as candidates", () => {
    expect(isKioskTokenShape(generateKioskToken().token)).toBe(true);
    expect(isKioskTokenShape("otklik-demo-kiosk-token-0000000000")).toBe(true);
    expect(isKioskTokenShape("short")).toBe(false);
    expect(isKioskTokenShape("wall_with space inside-000000")).toBe(false);
    expect(isKioskTokenShape("wall_../../etc/passwd-00000000")).toBe(false);
    expect(isKioskTokenShape(`wall_${"a".repeat(300)}`)).toBe(false);
  });
});
