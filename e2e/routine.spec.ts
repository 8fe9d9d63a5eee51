import { type Browser, type Page } from "@playwright/test";
import { expect, keepScreenshot, signInWithApi, test } from "./fixtures";

/**
 * п.6 in the browser: the IT sector registers an official account (a link of another network
 * and an address already registered are refused in Russian), then the press office records a
 * routine post on it and the week's cell counts it against the minimum of two.
 */

async function pageAs(browser: Browser, login: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithApi(page.request, login);
  return page;
}

test("the administrator registers an official account and the press office records a routine post on it", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const slug = `e2e_${Date.now().toString(36)}`;
  const name = `Сельское поселение ${slug}`;
  const url = `https://vk.com/${slug}`;

  const admin = await pageAs(browser, "admin");
  await admin.goto("/admin/accounts");
  await admin.getByRole("button", { name: "Добавить аккаунт" }).click();
  await admin.getByLabel("Социальная сеть").selectOption({ label: "ВКонтакте" });
  // A link into another network is refused by name.
  await admin.getByLabel("Адрес страницы").fill(`https://ok.ru/${slug}`);
  await admin.getByLabel("Название").fill(name);
  const responsible = admin.getByLabel("Ответственный за плановые публикации");
  const coordinatorOption = responsible.locator("option", { hasText: "Саркисян Анна Грантовна" });
  await responsible.selectOption((await coordinatorOption.getAttribute("value")) ?? "");
  await admin.getByRole("button", { name: "Добавить", exact: true }).click();
  await expect(admin.getByText(/Ссылка ведёт в сеть «Одноклассники»/)).toBeVisible();

  await admin.getByLabel("Адрес страницы").fill(url);
  await admin.getByRole("button", { name: "Добавить", exact: true }).click();
  await expect(admin.getByText("Аккаунт добавлен")).toBeVisible();
  await expect(admin.getByTestId("account-row").filter({ hasText: name })).toHaveCount(1);

  // The same page again, spelt differently, is refused.
  await admin.getByRole("button", { name: "Добавить аккаунт" }).click();
  await admin.getByLabel("Социальная сеть").selectOption({ label: "ВКонтакте" });
  await admin.getByLabel("Адрес страницы").fill(`https://m.vk.com/${slug}/`);
  await admin.getByLabel("Название").fill(`${name} (копия)`);
  await admin.getByRole("button", { name: "Добавить", exact: true }).click();
  await expect(admin.getByText(/Эта страница уже зарегистрирована/)).toBeVisible();
  await expect(admin.getByTestId("account-row").filter({ hasText: slug })).toHaveCount(1);

  const coordinator = await pageAs(browser, "coordinator");
  await coordinator.goto("/routine");
  const row = coordinator.getByTestId("routine-row").filter({ hasText: name });
  await expect(row).toHaveCount(1);
  const currentWeek = row.locator("td.ring-2");
  await expect(currentWeek).toContainText("0/2");

  await coordinator.getByLabel("Аккаунт").selectOption({ label: `${name} (ВКонтакте)` });
  await coordinator.getByRole("button", { name: "Сейчас" }).click();
  await coordinator.getByLabel("Ссылка на публикацию").fill(`${url}?w=wall-1_101`);
  await coordinator.getByLabel("Заголовок").fill("График приёма граждан на декабрь");
  await coordinator.getByRole("button", { name: "Отметить", exact: true }).click();
  await expect(coordinator.getByText("Публикация отмечена")).toBeVisible();
  await expect(currentWeek).toContainText("1/2");
  await keepScreenshot(coordinator, "routine-posts");

  // The same link twice is not counted twice.
  await coordinator.getByLabel("Аккаунт").selectOption({ label: `${name} (ВКонтакте)` });
  await coordinator.getByRole("button", { name: "Сейчас" }).click();
  await coordinator.getByLabel("Ссылка на публикацию").fill(`${url}?w=wall-1_101`);
  await coordinator.getByLabel("Заголовок").fill("График приёма граждан на декабрь");
  await coordinator.getByRole("button", { name: "Отметить", exact: true }).click();
  await expect(coordinator.getByText(/Эта публикация уже отмечена/)).toBeVisible();
  await expect(currentWeek).toContainText("1/2");
});
