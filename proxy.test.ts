import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { fillRoute, listPageRoutes } from "@/server/testing/app-routes";
import proxy, { config } from "./proxy";

const pages = listPageRoutes().map((pattern) => fillRoute(pattern, { id: "c1", token: "kiosk-token" }));

function nonceOf(csp: string | null): string | undefined {
  return csp?.match(/'nonce-([^']+)'/)?.[1];
}

function request(pathname: string, { signedIn }: { signedIn: boolean }) {
  const headers = new Headers(signedIn ? { cookie: "authjs.session-token=some-token" } : {});
  return new NextRequest(new URL(pathname, "http://portal.test"), { headers });
}

describe("proxy.ts on every page", () => {
  it("knows the pages (the list below is read from app/)", () => {
    expect(pages).toEqual(expect.arrayContaining(["/", "/login", "/cases/c1", "/analytics", "/wall/k/kiosk-token"]));
  });

  it("matches every page and leaves /api to the route handlers", () => {
    const matcher = new RegExp(`^${config.matcher[0]}$`);
    for (const page of pages) expect(page, page).toMatch(matcher);
    expect("/api/v1/publications").not.toMatch(matcher);
    expect("/api/cases/c1/attachments").not.toMatch(matcher);
  });

  it.each(pages)("%s gets a nonce CSP, fresh per request, that Next.js also sees on the request", (page) => {
    const first = proxy(request(page, { signedIn: true }));
    const second = proxy(request(page, { signedIn: true }));
    const csp = first.headers.get("Content-Security-Policy");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(first.headers.get("X-Frame-Options")).toBe("DENY");
    const nonce = nonceOf(csp);
    expect(nonce).toMatch(/^[A-Za-z0-9+/=]{24,}$/);
    expect(nonceOf(second.headers.get("Content-Security-Policy"))).not.toBe(nonce);
    // NextResponse.next({ request: { headers } }) hands the request headers to the renderer
    // this way; Next.js takes the nonce for its scripts from there.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  it.each(pages.filter((p) => p !== "/login" && !p.startsWith("/wall/k/")))(
    "%s without a session: redirected to sign in, still with the CSP",
    (page) => {
      const res = proxy(request(page, { signedIn: false }));
      expect(res.status).toBe(307);
      expect(new URL(res.headers.get("location") ?? "").pathname).toBe("/login");
      expect(res.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
    },
  );
});
