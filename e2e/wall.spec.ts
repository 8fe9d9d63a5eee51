import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { expect, keepScreenshot, signInWithApi, test, trpcMutation } from "./fixtures";

/**
 * The wall screen on the office TV: a kiosk link made by the administrator opens it without
 * signing in, a case moved elsewhere moves on it within 5 s, and a revoked link stops working.
 */

const KEY = process.env.DEMO_API_KEY ?? "otklik-demo-api-key-0000000000";
const UNROUTED = "Не распределено";
const ZHKH = "Отдел жилищно-коммунального хозяйства";
/** The demo's departments that answer publications (the coordinating one routes them). */
const DEMO_DEPARTMENTS = [
  ZHKH,
  "Отдел образования",
  "Отдел архитектуры и градостроительства",
  "Управление социальной защиты населения",
  "Отдел транспорта и дорожного хозяйства",
  "Отдел сельского хозяйства",
  "Отдел культуры, спорта и молодёжной политики",
  "Сектор информационных технологий",
];
const LIVE_MS = 5_000;

async function signedIn(baseURL: string | undefined, login: string): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL });
  await signInWithApi(ctx, login);
  return ctx;
}

test("a kiosk link shows the live wall at 1920×1080 and is refused once revoked", async ({
  asAdmin: admin,
  browser,
  baseURL,
}) => {
  await admin.goto("/admin/kiosk");
  await admin.getByRole("button", { name: "Создать ссылку" }).click();
  await expect(admin.getByText("Название: не короче 3 символов")).toBeVisible();
  await admin.getByLabel("Где стоит экран").fill("Телевизор в орготделе (e2e)");
  await admin.getByRole("button", { name: "Создать ссылку" }).click();
  const link = ((await admin.getByTestId("new-kiosk-link").textContent()) ?? "").trim();
  expect(link).toMatch(/\/wall\/k\/wall_[A-Za-z0-9_-]{43}$/);
  const token = link.split("/wall/k/")[1] ?? "";

  // The TV: a browser nobody signed in on.
  const tv = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const api = await playwrightRequest.newContext({ baseURL });
  const coordinator = await signedIn(baseURL, "coordinator");
  const executor = await signedIn(baseURL, "executor");
  try {
    const wall = await tv.newPage();
    const opened = await wall.goto(link);
    expect(opened?.status()).toBe(200);
    await expect(wall.getByTestId("wall-connection")).toHaveAttribute("data-state", "online");
    const tile = (department: string) => wall.locator(`[data-testid="wall-tile"][data-department="${department}"]`);
    // Earlier specs' unrouted cases may fill several tiles ("1/3"): the first is on screen.
    await expect(tile(UNROUTED).first()).toBeVisible();
    for (const department of DEMO_DEPARTMENTS) await expect(tile(department).first()).toBeAttached();
    await expect(tile("Отдел по организационным вопросам и делопроизводству")).toHaveCount(0);

    // The curator's system sends a publication: it appears among the unrouted ones.
    const created = await api.post("/api/v1/publications", {
      headers: { Authorization: `Bearer ${KEY}` },
      data: {
        externalId: `E2E-WALL-${Date.now().toString(36)}`,
        network: "VK",
        url: `https://vk.com/wall-123_${Math.floor(Math.random() * 1e9)}`,
        text: "На улице Ленина в хуторе Ленинаван не горят фонари уже неделю",
      },
    });
    expect(created.status()).toBe(201);
    const { id, number } = (await created.json()) as { id: string; number: number };
    const onWall = `[data-testid="wall-case"][data-number="${number}"]`;
    // Attached rather than visible: earlier tests' cases may put it on a later page of the wall.
    await expect(tile(UNROUTED).locator(onWall)).toBeAttached({ timeout: LIVE_MS });
    await expect(tile(UNROUTED).locator(onWall)).toContainText("ВКонтакте");
    await expect(tile(UNROUTED).locator(onWall)).toHaveAttribute("data-state", "ON_TIME");

    // The coordinator routes it to ЖКХ in another context: it moves on the wall within 5 s.
    const me = (await (await executor.get("/api/trpc/me.get")).json()) as {
      result: { data: { json: { department: { id: string } } } };
    };
    const routed = await trpcMutation(coordinator, "cases.transition", {
      caseId: id,
      event: "route",
      input: { departmentId: me.result.data.json.department.id },
    });
    expect(routed.status(), await routed.text()).toBe(200);
    await expect(tile(ZHKH).locator(onWall)).toBeAttached({ timeout: LIVE_MS });
    await expect(tile(UNROUTED).locator(onWall)).toHaveCount(0);
    await expect(wall.getByTestId("wall-connection")).toHaveAttribute("data-state", "online");
    await keepScreenshot(wall, "wall-1920x1080");

    // Revoked: the open screen is disconnected, and the link no longer opens anything.
    await admin
      .getByTestId("kiosk-row")
      .filter({ hasText: "Телевизор в орготделе (e2e)" })
      .getByRole("button", { name: /Отозвать/ })
      .click();
    await expect(admin.getByText("Ссылка «Телевизор в орготделе (e2e)» отозвана")).toBeVisible();
    await expect(wall.getByRole("heading", { name: "Ссылка недействительна" })).toBeVisible({ timeout: LIVE_MS });

    const again = await wall.goto(link);
    expect(again?.status()).toBe(403);
    await expect(wall.getByRole("heading", { name: "Ссылка недействительна" })).toBeVisible();
    const stream = await api.get(`/api/wall/stream?token=${token}`);
    expect(stream.status()).toBe(403);
    expect(((await stream.json()) as { error: string }).error).toBe("invalid_link");
  } finally {
    await tv.close();
    await api.dispose();
    await coordinator.dispose();
    await executor.dispose();
  }
});

test("a signed-in coordinator opens the wall; an executor is not shown it", async ({
  asCoordinator: page,
  browser,
}) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Табло" }).click();
  await expect(page).toHaveURL(/\/wall$/);
  await expect(page.locator(`[data-testid="wall-tile"][data-department="${UNROUTED}"]`).first()).toBeVisible();
  await expect(page.getByTestId("wall-connection")).toHaveAttribute("data-state", "online");

  const other = await browser.newContext();
  try {
    const executorPage = await other.newPage();
    await signInWithApi(executorPage.request, "executor");
    await executorPage.goto("/");
    await expect(executorPage.getByRole("link", { name: "Табло" })).toHaveCount(0);
    expect((await executorPage.goto("/wall"))?.status()).toBe(403);
    expect((await executorPage.request.get("/api/wall/board")).status()).toBe(403);
  } finally {
    await other.close();
  }
});
