import { request as playwrightRequest } from "@playwright/test";
import { fillRoute, listApiRoutes, listPageRoutes } from "../server/testing/app-routes";
import { expect, test } from "./fixtures";

/**
 * Security headers on every page and route handler of the production build, and the nonce CSP
 * doing its job in a real browser: Next's own scripts run (the page hydrates) and nothing on any
 * page is refused by the policy.
 */

const KEY = process.env.DEMO_API_KEY ?? "otklik-demo-api-key-0000000000";
const KIOSK = process.env.DEMO_KIOSK_TOKEN ?? "otklik-demo-kiosk-token-0000000000";

async function someCaseId(baseURL: string): Promise<string> {
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${KEY}` } });
  const list = (await (await api.get("/api/v1/publications?limit=1")).json()) as { items: { id: string }[] };
  await api.dispose();
  const id = list.items[0]?.id;
  if (!id) throw new Error("the demo has no publications");
  return id;
}

function expectCommonHeaders(headers: Record<string, string>, what: string) {
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("same-origin");
}

test("every page: a nonce CSP with frame-ancestors 'none', nosniff, referrer policy; its scripts carry the nonce", async ({
  asCoordinator: page,
  baseURL,
}) => {
  const id = await someCaseId(baseURL ?? "");
  const urls = listPageRoutes().map((pattern) => fillRoute(pattern, { id, token: KIOSK }));
  expect(urls.length).toBeGreaterThan(20);
  const nonces = new Set<string>();
  for (const url of urls) {
    const res = await page.request.get(url);
    const headers = res.headers();
    expect(res.status(), url).toBeLessThan(500);
    expectCommonHeaders(headers, url);
    expect(headers["x-frame-options"], url).toBe("DENY");
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, url).toContain("frame-ancestors 'none'");
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, `${url}: nonce in the CSP`).toBeTruthy();
    nonces.add(nonce ?? "");
    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, `${url}: scripts`).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, `${url}: ${tag}`).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size, "a fresh nonce per response").toBe(urls.length);
});

test("in the browser, the policy refuses nothing the portal itself does, and the pages come alive", async ({
  asCoordinator: page,
  baseURL,
}) => {
  const id = await someCaseId(baseURL ?? "");
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(`${page.url()}: ${msg.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  for (const url of ["/", "/cases", `/cases/${id}`, "/analytics", "/wall", "/inbox"]) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
  }
  // Client-side navigation works only when Next's scripts ran under the policy.
  await page.goto("/cases");
  await page.getByRole("link", { name: "Аналитика" }).first().click();
  await expect(page).toHaveURL(/\/analytics/);
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("every route handler, even refusing an anonymous caller: nosniff, referrer policy, a CSP that loads nothing", async ({
  baseURL,
}) => {
  const anonymous = await playwrightRequest.newContext({ baseURL });
  for (const pattern of listApiRoutes()) {
    const url = fillRoute(pattern, { id: "no-such-id", trpc: "me.get", nextauth: "session" });
    const res = await anonymous.get(url, { maxRedirects: 0, timeout: 10_000 });
    const headers = res.headers();
    expectCommonHeaders(headers, url);
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, url).toContain("default-src 'none'");
    expect(csp, url).not.toContain("script-src");
  }
  await anonymous.dispose();
});
