import { type Browser, type Page } from "@playwright/test";
import { expect, signInWithApi, test } from "./fixtures";

async function pageAs(browser: Browser, login: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithApi(page.request, login);
  return page;
}

/** The panel's confirmation; uploaders in the panel may have status lines of their own. */
const saved = (page: Page) =>
  page
    .getByRole("region", { name: "Действия" })
    .getByRole("status")
    .filter({ hasText: /^Сохранено$/ });

async function act(page: Page, action: string, fill?: (page: Page) => Promise<void>) {
  const panel = page.getByRole("region", { name: "Действия" });
  await panel.getByRole("button", { name: action, exact: true }).click();
  if (fill) await fill(page);
  await panel.locator("form").getByRole("button", { name: action, exact: true }).click();
  await expect(saved(page)).toBeVisible();
}

/** The executor's editor is open at once: fill it, then submit. */
async function submitDraft(page: Page, fill: (page: Page) => Promise<void>) {
  const panel = page.getByRole("region", { name: "Действия" });
  await fill(page);
  await panel.getByRole("button", { name: "Отправить проект на проверку", exact: true }).click();
  await expect(saved(page)).toBeVisible();
}

test("a publication goes from registration to the posted answer, each role doing its part in the browser", async ({
  browser,
}) => {
  // Four people, a dozen page loads: more than the default 30 s on a busy 2-core machine.
  test.setTimeout(90_000);
  const coordinator = await pageAs(browser, "coordinator");
  await coordinator.goto("/cases/new");
  await coordinator.getByLabel("Ссылка на публикацию").fill("https://vk.com/wall-123_4567");
  await coordinator.getByLabel("Автор").fill("Арутюнян Карине");
  await coordinator.getByLabel("Населённый пункт").fill("с. Чалтырь");
  await coordinator
    .getByLabel("Текст публикации")
    .fill("На улице Мясникяна третий день нет воды, детям нечем умыться!");
  await coordinator.getByRole("button", { name: "Зарегистрировать" }).click();
  await expect(coordinator.getByTestId("case-status")).toHaveText("Новая");
  await expect(coordinator.getByTestId("clock-ROUTE")).toHaveAttribute("data-state", "ON_TIME");
  const caseUrl = coordinator.url();

  await act(coordinator, "Направить в отдел", (p) =>
    p
      .getByLabel("Отдел", { exact: true })
      .selectOption({ label: "Отдел жилищно-коммунального хозяйства" })
      .then(() => undefined),
  );
  await expect(coordinator.getByTestId("case-status")).toHaveText("Направлена исполнителю");

  // The list finds it by department, network and text.
  await coordinator.goto("/cases");
  await coordinator.getByLabel("Отдел").selectOption({ label: "Отдел жилищно-коммунального хозяйства" });
  await coordinator.getByLabel("Социальная сеть").selectOption({ label: "ВКонтакте" });
  await coordinator.getByLabel("Поиск по тексту, автору, номеру").fill("улице Мясникяна");
  await expect(coordinator.getByTestId("case-row")).toHaveCount(1);
  await coordinator.getByLabel("Социальная сеть").selectOption({ label: "Одноклассники" });
  await expect(coordinator.getByText("Публикаций нет")).toBeVisible();
  await coordinator.goto(caseUrl);

  // Another department's executor does not even see it.
  const stranger = await pageAs(browser, "executor-edu");
  const hidden = await stranger.goto(caseUrl);
  expect(hidden?.status()).toBe(404);

  const executor = await pageAs(browser, "executor");
  await executor.goto(caseUrl);
  // The working draft survives a reload (the executor has 20 hours, п.10).
  const measures = "Бригада МУП «Водоканал» устранила порыв на водоводе по ул. Мясникяна.";
  await executor.getByLabel("Принятые меры", { exact: true }).fill(measures);
  await executor.getByRole("button", { name: "Сохранить черновик" }).click();
  await expect(executor.getByText(/^Черновик сохранён в \d\d:\d\d$/)).toBeVisible();
  await executor.reload();
  await expect(executor.getByLabel("Принятые меры", { exact: true })).toHaveValue(measures);
  await submitDraft(executor, async (p) => {
    await p
      .getByLabel("Этапы и сроки решения")
      .fill("Подача воды восстановлена 28.11.2026 к 10:00; благоустройство места работ — до 05.12.2026.");
    await expect(p.getByTestId("answer-length")).toContainText("из 4096");
  });
  await expect(executor.getByTestId("case-status")).toHaveText("На проверке в отделе");

  await coordinator.reload();
  await act(coordinator, "Передать куратору");
  await expect(coordinator.getByTestId("case-status")).toHaveText("На согласовании у куратора");

  const curator = await pageAs(browser, "curator");
  await curator.goto(caseUrl);
  await act(curator, "Согласовать");
  await expect(curator.getByTestId("case-status")).toHaveText("Согласована");

  await coordinator.reload();
  await act(coordinator, "Отметить размещение ответа", (p) =>
    p.getByLabel("Ссылка на размещённый ответ").fill("https://vk.com/wall-123_4567?reply=99"),
  );
  await expect(coordinator.getByTestId("case-status")).toHaveText("Ответ размещён");
  const timeline = coordinator.getByTestId("timeline");
  for (const step of [
    "Поступила",
    "Направлена в отдел",
    "Проект ответа отправлен на проверку",
    "Передана куратору",
    "Согласована",
    "Ответ размещён",
  ]) {
    await expect(timeline).toContainText(step);
  }
  await expect(coordinator.getByTestId("violations")).toHaveCount(0);
});

test("an executor is refused a draft that says nothing, in Russian", async ({ browser }) => {
  const coordinator = await pageAs(browser, "coordinator");
  await coordinator.goto("/cases/new");
  await coordinator.getByLabel("Ссылка на публикацию").fill("https://ok.ru/group/55/topic/77");
  await coordinator.getByLabel("Текст публикации").fill("Во дворе школы № 2 не убирают листья");
  await coordinator.getByRole("button", { name: "Зарегистрировать" }).click();
  await act(coordinator, "Направить в отдел", (p) =>
    p
      .getByLabel("Отдел", { exact: true })
      .selectOption({ label: "Отдел образования" })
      .then(() => undefined),
  );
  const executor = await pageAs(browser, "executor-edu");
  await executor.goto(coordinator.url());
  const panel = executor.getByRole("region", { name: "Действия" });
  await panel.getByRole("button", { name: "Отправить проект на проверку", exact: true }).click();
  const problems = panel.getByRole("alert").filter({ hasText: "Проект не готов к отправке" });
  await expect(problems).toContainText("Опишите меры, принятые для решения вопроса (п.9)");
  await expect(problems).toContainText("Укажите этапы и сроки решения вопроса (п.9)");
  await expect(executor.getByLabel("Принятые меры", { exact: true })).toBeFocused();
  await expect(executor.getByTestId("case-status")).toHaveText("Направлена исполнителю");
});

test("an executor refuses with a justification, citing an act from the municipality's list", async ({ browser }) => {
  const coordinator = await pageAs(browser, "coordinator");
  await coordinator.goto("/cases/new");
  await coordinator.getByLabel("Ссылка на публикацию").fill("https://t.me/myasnikovsky_chat/812");
  await coordinator.getByLabel("Текст публикации").fill("Почему администрация не чинит трассу М-4 у Чалтыря?");
  await coordinator.getByRole("button", { name: "Зарегистрировать" }).click();
  await act(coordinator, "Направить в отдел", (p) =>
    p
      .getByLabel("Отдел", { exact: true })
      .selectOption({ label: "Отдел транспорта и дорожного хозяйства" })
      .then(() => undefined),
  );
  const executor = await pageAs(browser, "executor-roads");
  await executor.goto(coordinator.url());
  await submitDraft(executor, async (p) => {
    await p.getByLabel("Обоснованный отказ").check();
    await p
      .getByLabel("Почему вопрос не может быть решён")
      .fill("Трасса М-4 «Дон» — федеральная дорога, её содержит ГК «Автодор»; обращение перенаправлено им.");
    await p.getByLabel(/Федеральный закон от 08\.11\.2007 № 257-ФЗ/).check();
  });
  await expect(executor.getByTestId("case-status")).toHaveText("На проверке в отделе");
  await expect(executor.getByText(/Основание.*257-ФЗ/)).toBeVisible();
});
