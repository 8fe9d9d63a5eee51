import { type Browser, type Locator, type Page } from "@playwright/test";
import sharp from "sharp";
import { expect, keepScreenshot, signInWithApi, test } from "./fixtures";

/**
 * The whole way of one publication through the portal, in the browser, as five people: the
 * curator sends it and decides twice, the coordinator routes, forwards and posts, the executor
 * drafts with a photo and reworks, the manager forwards the rework, the head reads the result.
 * At each step the person sees only the actions they may take. Screenshots of the main screens
 * are kept in artifacts/screenshots.
 */

async function pageAs(browser: Browser, login: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await signInWithApi(page.request, login);
  return page;
}

const actions = (page: Page) => page.getByRole("region", { name: "Действия" });

/** The actions panel offers exactly these buttons among the workflow's actions. */
async function expectOffered(page: Page, offered: string[]) {
  const all = [
    "Направить в отдел",
    "Отправить проект на проверку",
    "Передать куратору",
    "Вернуть на доработку",
    "Согласовать",
    "Не согласовать",
    "Отметить размещение ответа",
    "Не в компетенции отдела",
  ];
  for (const name of all) {
    const button = page.getByRole("button", { name, exact: true });
    if (offered.includes(name)) await expect(button.first(), `${name} offered`).toBeVisible();
    else await expect(button, `${name} not offered`).toHaveCount(0);
  }
}

const saved = (page: Page) =>
  actions(page)
    .getByRole("status")
    .filter({ hasText: /^Сохранено$/ });

async function act(page: Page, action: string, fill?: () => Promise<void>) {
  await actions(page).getByRole("button", { name: action, exact: true }).click();
  if (fill) await fill();
  await actions(page).locator("form").getByRole("button", { name: action, exact: true }).click();
  await expect(saved(page)).toBeVisible();
}

const rowOf = (page: Page, testId: string, number: string): Locator =>
  page.getByTestId(testId).filter({ hasText: `№ ${number}` });

test("a publication goes the whole way, each of five people doing only their part", async ({ browser }) => {
  test.setTimeout(180_000);
  const text = `В хуторе Ленинаван на ул. Садовой третью неделю не горят фонари, дети идут в школу в темноте (${Date.now()})`;

  // 1. The curator sends the publication.
  const curator = await pageAs(browser, "curator");
  await curator.goto("/cases/new");
  await curator.getByLabel("Ссылка на публикацию").fill(`https://vk.com/wall-51234_${Date.now() % 100000}`);
  await expect(curator.getByText("Определена сеть: ВКонтакте")).toBeVisible();
  await curator.getByLabel("Текст публикации").fill(text);
  await curator.getByLabel("Автор").fill("Оганесян Лусине");
  await curator.getByLabel("Населённый пункт").fill("х. Ленинаван");
  await keepScreenshot(curator, "01-curator-intake");
  await curator.getByRole("button", { name: "Зарегистрировать" }).click();
  await expect(curator.getByTestId("case-status")).toHaveText("Новая");
  const caseUrl = curator.url();
  const number = ((await curator.getByRole("heading", { level: 1 }).textContent()) ?? "").match(/№\s*(\d+)/)?.[1];
  expect(number, "the case number in the heading").toBeTruthy();
  const caseNumber = number!;
  await expectOffered(curator, []);

  // 2. The coordinator routes it from the inbox, in one step, to the department and executor.
  const coordinator = await pageAs(browser, "coordinator");
  await coordinator.goto("/inbox");
  const inboxRow = rowOf(coordinator, "inbox-row", caseNumber);
  await expect(inboxRow).toBeVisible();
  await expect(inboxRow.getByTestId("clock-ROUTE")).toBeVisible();
  await keepScreenshot(coordinator, "02-coordinator-inbox");
  await coordinator
    .getByLabel(`Отдел для публикации № ${caseNumber}`)
    .selectOption({ label: "Отдел жилищно-коммунального хозяйства" });
  await coordinator
    .getByLabel(`Исполнитель для публикации № ${caseNumber}`)
    .selectOption({ label: "Хачатурян Армен Ервандович, Ведущий специалист отдела ЖКХ" });
  await inboxRow.getByRole("button", { name: "Направить" }).click();
  await expect(inboxRow).toHaveCount(0);
  await coordinator.goto(caseUrl);
  await expect(coordinator.getByTestId("case-status")).toHaveText("Направлена исполнителю");
  await expectOffered(coordinator, []);

  // 3. The executor finds it in the workspace and drafts the answer with a photo.
  const executor = await pageAs(browser, "executor");
  await executor.goto("/work");
  await executor
    .getByRole("link", { name: new RegExp(`№ ${caseNumber}\\b`) })
    .first()
    .click();
  await expect(executor).toHaveURL(caseUrl);
  await expectOffered(executor, ["Отправить проект на проверку", "Не в компетенции отдела"]);
  await executor
    .getByLabel("Принятые меры", { exact: true })
    .fill("Бригада МУП «Благоустройство» заменила 6 светильников на ул. Садовой.");
  await executor.getByLabel("Этапы и сроки решения").fill("Освещение восстановлено 27.11.2026.");
  const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#2a4d69" } })
    .jpeg()
    .toBuffer();
  await executor
    .getByLabel("Добавить фото или видео")
    .setInputFiles({ name: "фонари-садовая.jpg", mimeType: "image/jpeg", buffer: photo });
  await expect(executor.getByTestId("attachment").filter({ hasText: "фонари-садовая.jpg" }).first()).toBeVisible();
  await keepScreenshot(executor, "03-executor-editor");
  await actions(executor).getByRole("button", { name: "Отправить проект на проверку", exact: true }).click();
  await expect(saved(executor)).toBeVisible();
  await expect(executor.getByTestId("case-status")).toHaveText("На проверке в отделе");
  await expectOffered(executor, []);

  // 4. The coordinator reviews it and forwards it to the curator.
  await coordinator.goto("/inbox");
  await rowOf(coordinator, "review-row", caseNumber).getByRole("link", { name: "Проверить проект" }).click();
  await expect(coordinator.getByTestId("case-status")).toHaveText("На проверке в отделе");
  await expectOffered(coordinator, ["Передать куратору", "Вернуть на доработку"]);
  await expect(coordinator.getByTestId("attachment").filter({ hasText: "фонари-садовая.jpg" }).first()).toBeVisible();
  await keepScreenshot(coordinator, "04-internal-review");
  await act(coordinator, "Передать куратору");
  await expect(coordinator.getByTestId("case-status")).toHaveText("На согласовании у куратора");

  // 5. The curator returns it from the queue with a comment.
  await curator.goto("/queue");
  const queueRow = rowOf(curator, "curator-row", caseNumber);
  await expect(queueRow.getByTestId("draft-text")).toContainText("заменила 6 светильников");
  await keepScreenshot(curator, "05-curator-queue");
  await curator
    .getByLabel(`Комментарий куратора к публикации № ${caseNumber}`)
    .fill("Укажите, когда проверят остальные улицы хутора.");
  await queueRow.getByRole("button", { name: "Вернуть на доработку" }).click();
  await expect(queueRow).toHaveCount(0);

  // 6. The executor reworks it: the curator's comment is beside the editor.
  await executor.goto(caseUrl);
  await expect(executor.getByTestId("case-status")).toHaveText("На доработке");
  await expect(executor.getByText("Укажите, когда проверят остальные улицы хутора.").first()).toBeVisible();
  await expect(executor.getByLabel("Принятые меры", { exact: true })).toHaveValue(/заменила 6 светильников/);
  await executor
    .getByLabel("Этапы и сроки решения")
    .fill("Освещение восстановлено 27.11.2026; остальные улицы хутора проверят до 04.12.2026.");
  await actions(executor).getByRole("button", { name: "Отправить проект на проверку", exact: true }).click();
  await expect(saved(executor)).toBeVisible();
  await expect(executor.getByTestId("case-status")).toHaveText("На проверке в отделе");

  // 7. The manager sees what changed since the first version and forwards it.
  const manager = await pageAs(browser, "manager");
  await manager.goto(caseUrl);
  await expectOffered(manager, ["Передать куратору", "Вернуть на доработку"]);
  await expect(manager.locator("ins").filter({ hasText: "остальные улицы хутора проверят" }).first()).toBeVisible();
  await keepScreenshot(manager, "06-review-diff");
  await act(manager, "Передать куратору");

  // 8. The curator approves it.
  await curator.goto("/queue");
  await expect(rowOf(curator, "curator-row", caseNumber).getByTestId("draft-text")).toContainText("04.12.2026");
  await rowOf(curator, "curator-row", caseNumber).getByRole("button", { name: "Согласовать" }).click();
  await expect(rowOf(curator, "curator-row", caseNumber)).toHaveCount(0);

  // 9. The coordinator posts the approved text and records the link.
  await coordinator.goto("/inbox");
  await rowOf(coordinator, "approved-row", caseNumber).getByRole("link", { name: "Разместить ответ" }).click();
  await expect(coordinator.getByTestId("case-status")).toHaveText("Согласована");
  await expectOffered(coordinator, ["Отметить размещение ответа"]);
  await expect(coordinator.getByRole("button", { name: "Скопировать текст" })).toBeVisible();
  await keepScreenshot(coordinator, "07-posting");
  await act(coordinator, "Отметить размещение ответа", () =>
    coordinator.getByLabel("Ссылка на размещённый ответ").fill("https://vk.com/wall-51234_1?reply=7"),
  );
  await expect(coordinator.getByTestId("case-status")).toHaveText("Ответ размещён");

  // 10. The head reads the case: the whole timeline, and nothing to do.
  const head = await pageAs(browser, "head");
  await head.goto(caseUrl);
  await expect(head.getByTestId("case-status")).toHaveText("Ответ размещён");
  await expectOffered(head, []);
  const timeline = head.getByTestId("timeline");
  for (const step of [
    "Поступила",
    "Направлена в отдел",
    "Проект ответа отправлен на проверку",
    "Передана куратору",
    "Куратор вернул на доработку",
    "Согласована",
    "Ответ размещён",
  ]) {
    await expect(timeline).toContainText(step);
  }
  await expect(timeline).toContainText("Укажите, когда проверят остальные улицы хутора.");
  await expect(head.getByTestId("attachment").filter({ hasText: "фонари-садовая.jpg" }).first()).toBeVisible();
  await keepScreenshot(head, "08-case-page");
});
