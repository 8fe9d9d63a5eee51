import { expect, signInWithForm, test } from "./fixtures";

const ROLES = [
  { login: "admin", name: "Ковалёв Андрей Петрович", role: "Администратор (сектор ИТ)", section: "Пользователи" },
  {
    login: "coordinator",
    name: "Саркисян Анна Грантовна",
    role: "Координатор (отдел по организационным вопросам)",
    section: null,
  },
  { login: "manager", name: "Мирошниченко Ольга Викторовна", role: "Управляющий делами", section: null },
  { login: "executor", name: "Хачатурян Армен Ервандович", role: "Исполнитель", section: null },
  { login: "curator", name: "Воронцова Светлана Игоревна", role: "Куратор", section: null },
  { login: "deputy", name: "Кузнецов Виктор Николаевич", role: "Заместитель главы", section: null },
  { login: "head", name: "Мелконян Сергей Ашотович", role: "Глава Администрации", section: null },
] as const;

for (const r of ROLES) {
  test(`${r.login} signs in with the form and lands on the home page`, async ({ page }) => {
    await signInWithForm(page, r.login);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { name: `Здравствуйте, ${r.name}` })).toBeVisible();
    await expect(page.getByTestId("home-roles")).toHaveText(r.role);
    await expect(page.getByRole("heading", { name: "Сроки регламента — Мясниковский район" })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Разделы" });
    if (r.section) await expect(nav.getByRole("link", { name: r.section })).toBeVisible();
    else await expect(nav.getByRole("link", { name: "Пользователи" })).toHaveCount(0);
  });
}

test("a wrong password is refused in Russian and nobody is signed in", async ({ page }) => {
  await signInWithForm(page, "coordinator", "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Неверный логин или пароль.");
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("signing in by e-mail, case-insensitively, works too", async ({ page }) => {
  await signInWithForm(page, "  Deputy@Myasnikovsky.example ");
  await expect(page.getByRole("heading", { name: "Здравствуйте, Кузнецов Виктор Николаевич" })).toBeVisible();
});

test("a page opened without a session leads to the login and back after it", async ({ page }) => {
  await page.goto("/admin/departments");
  await expect(page).toHaveURL(/\/login\?from=%2Fadmin%2Fdepartments/);
  await page.getByLabel("Логин или электронная почта").fill("admin");
  await page.getByLabel("Пароль", { exact: true }).fill("demo");
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page).toHaveURL(/\/admin\/departments$/);
  await expect(page.getByRole("heading", { name: "Отделы" })).toBeVisible();
});

test("signing out ends the session", async ({ page }) => {
  await signInWithForm(page, "head");
  await expect(page.getByTestId("current-user")).toHaveText("Мелконян Сергей Ашотович");
  await page.getByRole("button", { name: "Выйти" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("repeated wrong passwords lock the account with a Russian message, even for the right one", async ({ page }) => {
  for (let i = 0; i < 5; i++) {
    await signInWithForm(page, "executor-it", `wrong-${i}`);
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toBeVisible();
  }
  await signInWithForm(page, "executor-it", "demo");
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(
    "Слишком много неудачных попыток входа. Повторите через 5 минут.",
  );
  await expect(page).toHaveURL(/\/login/);
});
