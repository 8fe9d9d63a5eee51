import { expect, signInWithForm, test } from "./fixtures";

test("the administrator creates an executor who can then sign in, and blocks them", async ({
  asAdmin: page,
  browser,
}) => {
  await page.goto("/admin/users");
  await page.getByRole("button", { name: "Добавить пользователя" }).click();

  // Bad input first: every problem is named in Russian and nothing is saved.
  await page.getByLabel("ФИО", { exact: true }).fill("Ив");
  await page.getByLabel("Логин", { exact: true }).fill("Петров Иван");
  await page.getByLabel("Пароль", { exact: true }).fill("123");
  await page.getByRole("button", { name: "Создать" }).click();
  await expect(page.getByText("Укажите фамилию, имя и отчество")).toBeVisible();
  await expect(page.getByText(/Логин: 2–40 латинских букв/)).toBeVisible();
  await expect(page.getByText("Назначьте хотя бы одну роль")).toBeVisible();

  await page.getByLabel("ФИО", { exact: true }).fill("Петров Иван Сергеевич");
  await page.getByLabel("Логин", { exact: true }).fill("petrov");
  await page.getByLabel("Электронная почта").fill("petrov@myasnikovsky.example");
  await page.getByLabel("Исполнитель", { exact: true }).check();
  await page.getByRole("button", { name: "Создать" }).click();
  await expect(page.getByText("Пароль должен быть не короче 8 символов")).toBeVisible();

  await page.getByLabel("Пароль", { exact: true }).fill("Shkola2026");
  await page.getByRole("button", { name: "Создать" }).click();
  await expect(page.getByText("Исполнитель должен быть закреплён за отделом (п.5)")).toBeVisible();

  await page.getByLabel("Отдел", { exact: true }).selectOption({ label: "Отдел образования" });
  await page.getByRole("button", { name: "Создать" }).click();
  await expect(page.getByRole("status")).toHaveText("Пользователь создан");
  const row = page.getByTestId("user-row-petrov");
  await expect(row).toContainText("Отдел образования");
  await expect(row).toContainText("Исполнитель");

  // The new person signs in.
  const person = await browser.newContext();
  const personPage = await person.newPage();
  await signInWithForm(personPage, "petrov", "Shkola2026");
  await expect(personPage.getByRole("heading", { name: "Здравствуйте, Петров Иван Сергеевич" })).toBeVisible();

  // Blocked: the open session stops working and a new sign-in is refused.
  await row.getByRole("button", { name: "Заблокировать" }).click();
  await expect(row).toContainText("заблокирован");
  await personPage.reload();
  await expect(personPage).toHaveURL(/\/login/);
  await signInWithForm(personPage, "petrov", "Shkola2026");
  await expect(personPage.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(
    "Учётная запись заблокирована. Обратитесь в сектор информационных технологий.",
  );
  await person.close();
});

test("a taken login is refused with a clear message", async ({ asAdmin: page }) => {
  await page.goto("/admin/users");
  await page.getByRole("button", { name: "Добавить пользователя" }).click();
  await page.getByLabel("ФИО", { exact: true }).fill("Другой Координатор Иванович");
  await page.getByLabel("Логин", { exact: true }).fill("coordinator");
  await page.getByLabel("Пароль", { exact: true }).fill("Drugoy2026");
  await page.getByLabel("Координатор (отдел по организационным вопросам)").check();
  await page.getByRole("button", { name: "Создать" }).click();
  await expect(page.getByText("Этот логин уже занят")).toBeVisible();
});

test("the administrator adds and renames a department", async ({ asAdmin: page }) => {
  await page.goto("/admin/departments");
  await page.getByRole("button", { name: "Добавить отдел" }).click();
  await page.getByLabel("Название", { exact: true }).fill("Отдел образования");
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page.getByText("Отдел с таким названием уже есть")).toBeVisible();

  await page.getByLabel("Название", { exact: true }).fill("Отдел по делам ГО и ЧС");
  await page.getByLabel("Краткое название").fill("ГОЧС");
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page.getByRole("status")).toHaveText("Отдел создан");
  const row = page.getByTestId("department-row").filter({ hasText: "Отдел по делам ГО и ЧС" });
  await expect(row).toContainText("(ГОЧС)");

  await row.getByRole("button", { name: "Изменить" }).click();
  await page
    .getByLabel("Название", { exact: true })
    .fill("Отдел по делам гражданской обороны и чрезвычайным ситуациям");
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page.getByTestId("department-row").filter({ hasText: "гражданской обороны" })).toBeVisible();
});

test("a department with people cannot be abolished", async ({ asAdmin: page }) => {
  await page.goto("/admin/departments");
  const row = page.getByTestId("department-row").filter({ hasText: "Отдел жилищно-коммунального хозяйства" });
  await row.getByRole("button", { name: "Упразднить" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText(
    "В отделе есть действующие сотрудники (1)",
  );
  await expect(row).not.toContainText("упразднён");
});

test("SLA settings refuse an impossible deadline and save a valid one", async ({ asAdmin: page }) => {
  await page.goto("/admin/settings");
  await expect(page.getByLabel("Размещение ответа от поступления (п.8)")).toHaveValue("1440");
  await page.getByLabel("Проект ответа от поступления (п.10)").fill("1500");
  await page.getByRole("button", { name: "Сохранить", exact: true }).click();
  await expect(page.getByText("Проект ответа должен быть готов раньше срока размещения ответа")).toBeVisible();

  await page.getByLabel("Направление в отдел (п.7)").fill("abc");
  await page.getByRole("button", { name: "Сохранить", exact: true }).click();
  await expect(page.getByText("Укажите число минут")).toBeVisible();

  await page.getByRole("button", { name: "Сроки по регламенту" }).click();
  await page.getByLabel("Направление в отдел (п.7)").fill("20");
  await page.getByRole("button", { name: "Сохранить", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Настройки сохранены" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Направление в отдел (п.7)")).toHaveValue("20");
  await expect(page.getByLabel("Проект ответа от поступления (п.10)")).toHaveValue("1200");

  // Back to the regulation's lengths: the other suites register cases with them.
  await page.getByRole("button", { name: "Сроки по регламенту" }).click();
  await page.getByRole("button", { name: "Сохранить", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Настройки сохранены" })).toBeVisible();
});

test("the administrator issues an API key, sees it once, and revokes it", async ({ asAdmin: page }) => {
  await page.goto("/admin/api-keys");
  await page.getByLabel("Название").fill("Система куратора (тест)");
  await page.getByRole("button", { name: "Создать ключ" }).click();
  const secret = (await page.getByTestId("new-api-key").textContent()) ?? "";
  expect(secret).toMatch(/^otk_/);
  const row = page.getByTestId("api-key-row").filter({ hasText: "Система куратора (тест)" });
  await expect(row).toContainText(`${secret.slice(0, 12)}…`);

  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText(secret);

  await row.getByRole("button", { name: "Отозвать" }).click();
  await expect(row).toContainText("отозван");
  await expect(row.getByRole("button", { name: "Отозвать" })).toHaveCount(0);
});
