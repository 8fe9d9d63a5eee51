import { expect, signInWithApi, test, trpcMutation } from "./fixtures";

test("an executor is refused the administration pages with 403", async ({ asExecutor: page }) => {
  for (const path of ["/admin/users", "/admin/departments", "/admin/settings", "/admin/api-keys"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "Доступ запрещён" })).toBeVisible();
  }
  await expect(
    page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Пользователи" }),
  ).toHaveCount(0);
});

test("an executor's direct API call to create a user is FORBIDDEN and creates nothing", async ({
  asExecutor: page,
  browser,
}) => {
  const res = await trpcMutation(page.request, "admin.users.create", {
    username: "intruder",
    fullName: "Проникший Пользователь",
    email: "",
    position: "",
    roles: ["ADMIN"],
    departmentId: null,
    password: "Parol12345",
  });
  expect(res.status()).toBe(403);
  const body = (await res.json()) as { error: { json: { message: string; data: { code: string } } } };
  expect(body.error.json.data.code).toBe("FORBIDDEN");
  expect(body.error.json.message).toBe("Недостаточно прав для этого действия");

  // The administrator sees no such user.
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signInWithApi(adminPage.request, "admin");
  await adminPage.goto("/admin/users");
  await expect(adminPage.getByTestId("user-row-coordinator")).toBeVisible();
  await expect(adminPage.getByTestId("user-row-intruder")).toHaveCount(0);
  await admin.close();
});

test("the API refuses calls without a session with 401", async ({ request }) => {
  const res = await request.get("/api/trpc/me.get");
  expect(res.status()).toBe(401);
  const create = await trpcMutation(request, "admin.departments.create", {
    name: "Отдел-призрак",
    shortName: "",
    isCoordinating: false,
  });
  expect(create.status()).toBe(401);
});

test("the health check reports the database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", db: "ok" });
});

test("every portal page sends a visitor without a session to the login page", async ({ page }) => {
  for (const path of ["/", "/admin/users", "/admin/departments", "/admin/settings", "/admin/api-keys"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/login/);
    await expect(page.getByRole("button", { name: "Войти" })).toBeVisible();
  }
});
