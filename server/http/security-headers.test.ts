import { describe, expect, it } from "vitest";
import { API_SECURITY_HEADERS, ATTACHMENT_SECURITY_HEADERS, buildPageCsp } from "./security-headers";

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe("the page CSP", () => {
  it("runs only scripts carrying this request's nonce, never inline or eval in production", () => {
    const csp = directives(buildPageCsp("bm9uY2U="));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
    expect(csp.get("object-src")).toEqual(["'none'"]);
  });

  it("forbids framing the portal by any site (clickjacking)", () => {
    expect(directives(buildPageCsp("n")).get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("lets the development server evaluate code and open its websocket, and only it", () => {
    const dev = directives(buildPageCsp("n", { development: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("connect-src")).toEqual(["'self'", "ws:", "wss:"]);
    expect(directives(buildPageCsp("n")).get("connect-src")).toEqual(["'self'"]);
  });

  it("does not force HTTPS on subresources (intranet installations run plain HTTP)", () => {
    expect(directives(buildPageCsp("n")).has("upgrade-insecure-requests")).toBe(false);
  });
});

describe("route handler and evidence file policies", () => {
  it("API responses may not load or frame anything", () => {
    const csp = directives(API_SECURITY_HEADERS["Content-Security-Policy"] ?? "");
    expect(csp.get("default-src")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("an evidence file opened in a tab can show itself but run no script", () => {
    const csp = directives(ATTACHMENT_SECURITY_HEADERS["Content-Security-Policy"] ?? "");
    expect(csp.get("default-src")).toEqual(["'none'"]);
    expect(csp.has("script-src")).toBe(false);
    expect(csp.get("img-src")).toEqual(["'self'"]);
    expect(csp.get("media-src")).toEqual(["'self'"]);
  });
});
