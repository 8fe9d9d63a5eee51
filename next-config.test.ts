import { describe, expect, it } from "vitest";
import nextConfig from "./next.config.mjs";
import {
  API_SECURITY_HEADERS,
  ATTACHMENT_SECURITY_HEADERS,
  COMMON_SECURITY_HEADERS,
} from "./server/http/security-headers";

async function headersOf(source: string): Promise<Record<string, string>> {
  const rules = await nextConfig.headers?.();
  const rule = rules?.find((r) => r.source === source);
  if (!rule) throw new Error(`next.config.mjs has no headers rule for ${source}`);
  return Object.fromEntries(rule.headers.map((h) => [h.key, h.value]));
}

describe("next.config.mjs security headers (a copy of server/http/security-headers.ts)", () => {
  it("every response: nosniff, referrer policy and the rest", async () => {
    expect(await headersOf("/:path*")).toEqual(COMMON_SECURITY_HEADERS);
  });

  it("route handlers other than evidence files", async () => {
    expect(await headersOf("/api/:path((?!attachments/).*)")).toEqual(API_SECURITY_HEADERS);
  });

  it("evidence files", async () => {
    expect(await headersOf("/api/attachments/:path*")).toEqual(ATTACHMENT_SECURITY_HEADERS);
  });
});
