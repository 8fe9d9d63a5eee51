import path from "node:path";
import { fileURLToPath } from "node:url";
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo";

/** Signs in as a person does: the login form. */
export async function signInWithForm(page: Page, login: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Логин или электронная почта").fill(login);
  await page.getByLabel("Пароль", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Войти" }).click();
}

/** The API shortcut for tests that are about something else than signing in. */
export async function signInWithApi(request: APIRequestContext, login: string, password = DEMO_PASSWORD) {
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, login, password, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(res.status(), `sign-in of ${login}`).toBe(302);
  expect(res.headers().location ?? "").not.toContain("error=");
}

type TRoleFixtures = { asAdmin: Page; asExecutor: Page; asCoordinator: Page };

export const test = base.extend<TRoleFixtures>({
  asAdmin: async ({ page }, use) => {
    await signInWithApi(page.request, "admin");
    await use(page);
  },
  asExecutor: async ({ page }, use) => {
    await signInWithApi(page.request, "executor");
    await use(page);
  },
  asCoordinator: async ({ page }, use) => {
    await signInWithApi(page.request, "coordinator");
    await use(page);
  },
});

export { expect };

/** Calls a tRPC mutation the way the browser's client does (superjson envelope). */
export function trpcMutation(request: APIRequestContext, path: string, input: unknown) {
  return request.post(`/api/trpc/${path}`, { data: { json: input }, headers: { "content-type": "application/json" } });
}

/** Where screenshots of the main screens are kept for people to look at (a CI artifact, not committed). */
export const SCREENSHOT_DIR = fileURLToPath(new URL("../artifacts/screenshots", import.meta.url));

/** Keeps a full-page screenshot of a screen under a stable name, e.g. "03-executor-editor". */
export async function keepScreenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
