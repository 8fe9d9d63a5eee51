import { type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { expect, keepScreenshot, signInWithApi, test, trpcMutation } from "./fixtures";

/**
 * The violations register (п.12) over the real product: a publication the curator's system
 * delivers two hours after its receipt is routed by the coordinator, 1 h 30 min after the
 * 30-minute routing deadline; the transition records ROUTE_LATE at once. The deputy head finds it
 * in the register, filters it and records a decision; the coordinating department explains it.
 */

const KEY = process.env.DEMO_API_KEY ?? "otklik-demo-api-key-0000000000";
const ORG = "Отдел по организационным вопросам и делопроизводству";
const ZHKH = "Отдел жилищно-коммунального хозяйства";
const ROUTE_LATE = "Публикация не направлена в отдел в срок (п.7)";

async function pageAs(browser: Browser, login: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithApi(page.request, login);
  return page;
}

/** "2026-03": the month an instant falls in on Moscow's calendar, as the month input takes it. */
function moscowMonth(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow", year: "numeric", month: "2-digit" })
    .format(at)
    .slice(0, 7);
}

async function routeLate(request: APIRequestContext, coordinator: APIRequestContext) {
  const receivedAt = new Date(Date.now() - 2 * 60 * 60_000);
  const created = await request.post("/api/v1/publications", {
    headers: { Authorization: `Bearer ${KEY}` },
    data: {
      externalId: `E2E-VIOL-${Date.now().toString(36)}`,
      network: "VK",
      url: `https://vk.com/wall-321_${Math.floor(Math.random() * 1e9)}`,
      text: "На улице Ленина в с. Чалтырь вторую неделю не горят фонари",
      receivedAt: receivedAt.toISOString(),
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id, number } = (await created.json()) as { id: string; number: number };

  const departments = await coordinator.get("/api/trpc/cases.departments");
  expect(departments.status()).toBe(200);
  const list = ((await departments.json()) as { result: { data: { json: { id: string; name: string }[] } } }).result
    .data.json;
  const zhkh = list.find((d) => d.name === ZHKH);
  expect(zhkh, "the demo's housing department").toBeDefined();

  const routed = await trpcMutation(coordinator, "cases.transition", {
    caseId: id,
    event: "route",
    input: { departmentId: zhkh?.id },
  });
  expect(routed.status(), await routed.text()).toBe(200);
  const result = (await routed.json()) as { result: { data: { json: { violations: string[] } } } };
  expect(result.result.data.json.violations).toEqual(["ROUTE_LATE"]);
  // The routing deadline is T0 + 30 min: the register files the violation under that month.
  return { id, number, month: moscowMonth(new Date(receivedAt.getTime() + 30 * 60_000)) };
}

test("the deputy head finds a late routing in the register, records a decision, and the coordinator explains it", async ({
  browser,
  request,
}) => {
  // Two people and a dozen page loads: more than the default 30 s on a busy 2-core machine.
  test.setTimeout(90_000);
  const coordinator = await pageAs(browser, "coordinator");
  const { number, month } = await routeLate(request, coordinator.request);
  // "№ 12" must not match "№ 123".
  const ownRow = new RegExp(`Публикация № ${number}(?!\\d)`);

  const deputy = await pageAs(browser, "deputy");
  await deputy.goto("/");
  await deputy.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Нарушения" }).click();
  await expect(deputy.getByRole("heading", { name: "Журнал нарушений" })).toBeVisible();

  await deputy.getByLabel("Месяц", { exact: true }).fill(month);
  await deputy.getByLabel("Отдел", { exact: true }).selectOption({ label: ORG });
  await deputy.getByLabel("Вид нарушения", { exact: true }).selectOption({ label: ROUTE_LATE });
  await expect(deputy).toHaveURL(/[?&]type=ROUTE_LATE/);
  await expect(deputy).toHaveURL(/[?&]department=/);

  const row = deputy.getByTestId("violation-row").filter({ hasText: ownRow });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(ROUTE_LATE);
  await expect(row).toContainText("Направление в отдел");
  await expect(row).toContainText(ORG);
  // Routed about 2 h after receipt: 1 h 30 min (and the seconds the test took) past the deadline.
  await expect(row).toContainText(/на 1 ч 3\d мин/);
  await expect(row).toContainText("Не дано");
  await expect(row).toContainText("Решение не принято");

  // The same view downloads as XLSX.
  const download = deputy.getByRole("link", { name: "Скачать XLSX" });
  await expect(download).toHaveAttribute("href", new RegExp(`month=${month}.*type=ROUTE_LATE`));
  const xlsx = await deputy.request.get((await download.getAttribute("href")) ?? "");
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  expect(xlsx.headers()["content-disposition"]).toContain("filename*=UTF-8''");

  await row.getByRole("button", { name: /^Принять решение/ }).click();
  const form = deputy.getByRole("form", { name: `Решение по нарушению, публикация № ${number}` });
  // "Иное" says nothing without a text: refused before anything is sent.
  await form.getByLabel("Решение", { exact: true }).selectOption({ label: "Иное" });
  await form.getByRole("button", { name: "Записать решение" }).click();
  await expect(form.getByText("Для решения «Иное» опишите принятую меру")).toBeVisible();

  await form.getByLabel("Решение", { exact: true }).selectOption({ label: "Замечание" });
  await form.getByLabel("Текст решения").fill("Направлять публикации в отдел в течение 30 минут");
  await form.getByRole("button", { name: "Записать решение" }).click();
  await expect(deputy.getByText(`Решение по публикации № ${number} записано: Замечание.`)).toBeVisible();
  const decision = row.getByTestId("current-decision");
  await expect(decision).toContainText("Замечание");
  await expect(decision).toContainText("Направлять публикации в отдел в течение 30 минут");
  await expect(decision).toContainText("Кузнецов Виктор Николаевич");
  await keepScreenshot(deputy, "violations-register");

  // The filters live in the address: a reload shows the same view, the decision stored.
  await deputy.reload();
  await expect(deputy.getByLabel("Вид нарушения", { exact: true })).toHaveValue("ROUTE_LATE");
  await expect(
    deputy.getByTestId("violation-row").filter({ hasText: ownRow }).getByTestId("current-decision"),
  ).toContainText("Замечание");

  // The routing clock is the coordinating department's: its coordinator explains it.
  await coordinator.goto("/violations/mine");
  const mine = coordinator.getByTestId("my-violation").filter({ hasText: ownRow });
  await expect(mine).toContainText(ROUTE_LATE);
  await expect(mine.getByTestId("current-decision")).toContainText("Замечание");
  await mine.getByLabel("Объяснение", { exact: true }).fill("Публикация поступила от куратора с опозданием на 2 часа");
  await mine.getByRole("button", { name: "Отправить объяснение" }).click();
  await expect(coordinator.getByText(`Объяснение по публикации № ${number} отправлено.`)).toBeVisible();
  await expect(mine).toContainText("Публикация поступила от куратора с опозданием на 2 часа");
  // Given once: no form to rewrite it.
  await expect(mine.getByRole("button", { name: "Отправить объяснение" })).toHaveCount(0);

  await deputy.reload();
  await expect(deputy.getByTestId("violation-row").filter({ hasText: ownRow })).toContainText(
    "Публикация поступила от куратора с опозданием на 2 часа",
  );

  await coordinator.context().close();
  await deputy.context().close();
});

test("the register and its export are the deputy head's and the head's only", async ({ browser }) => {
  const executor = await pageAs(browser, "executor");
  expect((await executor.goto("/violations"))?.status()).toBe(403);
  expect((await executor.request.get("/api/violations/export")).status()).toBe(403);
  expect((await executor.goto("/violations/mine"))?.status()).toBe(200);
  await executor.context().close();

  const head = await pageAs(browser, "head");
  expect((await head.goto("/violations?month=all"))?.status()).toBe(200);
  // The head reads the register (once it has loaded); decisions are the deputy head's (п.12).
  await expect(head.getByText(/^За всё время: нарушений — \d+$/)).toBeVisible();
  await expect(head.getByRole("button", { name: /решение/i })).toHaveCount(0);
  expect((await head.goto("/violations/mine"))?.status()).toBe(403);
  const bad = await head.request.get("/api/violations/export?month=2026-13");
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({
    error: "validation",
    message: "Месяц указывается в виде ГГГГ-ММ, например 2026-03",
  });
  await head.context().close();
});
