import JSZip from "jszip";
import ExcelJS from "exceljs";
import { expect, keepScreenshot, signInWithApi, test } from "./fixtures";

/**
 * The monthly analysis (п.13) on the demo's three months of history: the head opens the
 * analytics, sees the charts drawn, opens one figure's list of cases, and downloads the report
 * as DOCX and XLSX, which open as valid documents with the month's figures inside.
 */

/** "2026-03": the month an instant falls in on Moscow's calendar. */
function moscowMonth(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow", year: "numeric", month: "2-digit" })
    .format(at)
    .slice(0, 7);
}

/** The previous full month: the demo history covers it from its first day to its last. */
function previousMonth(): string {
  const [y, m] = moscowMonth(new Date()).split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 2, 15));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

test("the head sees the month's charts, drills into a figure and downloads the report", async ({ page }) => {
  test.setTimeout(120_000);
  await signInWithApi(page.request, "head");
  const month = previousMonth();

  await page.goto("/");
  await page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Аналитика" }).click();
  await expect(page).toHaveURL(/\/analytics/);
  await page.getByLabel("Месяц", { exact: true }).fill(month);
  await expect(page).toHaveURL(new RegExp(`month=${month}`));

  // Each chart is drawn as SVG with its bars or lines.
  for (const chart of ["chart-trend", "chart-departments", "chart-networks", "chart-clocks"]) {
    const svg = page.getByTestId(chart).locator("svg.recharts-surface").first();
    await expect(svg, chart).toBeVisible();
    await expect(page.getByTestId(chart).locator(".recharts-rectangle, .recharts-curve").first(), chart).toBeVisible();
  }

  // The same numbers as a table, for those who prefer numbers.
  const networks = page.getByTestId("chart-networks");
  await networks.getByRole("button", { name: "Таблица" }).click();
  await expect(networks.getByRole("table")).toContainText("ВКонтакте");

  // The month's received count, and its list of cases with as many rows.
  const received = page.getByTestId("headline-received");
  const receivedText = (await received.getByRole("link").innerText()).replace(/\s/g, "");
  const count = Number(receivedText);
  expect(count, `received in ${month}: ${receivedText}`).toBeGreaterThan(20);
  await keepScreenshot(page, "analytics");
  const docxHref = (await page.getByTestId("download-docx").getAttribute("href")) ?? "";
  const xlsxHref = (await page.getByTestId("download-xlsx").getAttribute("href")) ?? "";
  expect(docxHref).toContain(`month=${month}`);

  await received.getByRole("link").click();
  await expect(page).toHaveURL(/\/analytics\/cases\?/);
  await expect(page.getByTestId("figure-title")).toBeVisible();
  const rows = page.getByTestId("figure-case-row");
  await expect(rows.first()).toBeVisible();
  // Every row of the list is a case, and the list pages up to the figure's number.
  const more = page.getByRole("button", { name: "Показать ещё" });
  for (let shown = 50; shown < count; shown += 50) {
    await expect(rows).toHaveCount(shown);
    await more.click();
  }
  await expect(rows).toHaveCount(count);
  await expect(more).toHaveCount(0);
  await rows.first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/cases\/[a-z0-9]+$/);

  // The documents.
  const docx = await page.request.get(docxHref);
  expect(docx.status()).toBe(200);
  expect(docx.headers()["content-type"]).toBe(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  );
  expect(docx.headers()["content-disposition"]).toContain("attachment");
  const word = await JSZip.loadAsync(await docx.body());
  const documentXml = (await word.file("word/document.xml")?.async("string")) ?? "";
  expect(documentXml).toContain("Анализ работы с публикациями");
  expect(documentXml).toContain("Мясниковский район");
  expect(documentXml).toContain("Отдел жилищно-коммунального хозяйства");
  expect(Object.keys(word.files).filter((f) => /^word\/media\/.+\.png$/.test(f)).length).toBeGreaterThanOrEqual(4);

  const xlsx = await page.request.get(xlsxHref);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const book = new ExcelJS.Workbook();
  const bytes = await xlsx.body();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const names = book.worksheets.map((w) => w.name);
  expect(names).toEqual(expect.arrayContaining(["Сводка", "Отделы", "Сети", "Нарушения", "Динамика"]));
  const departments = book.getWorksheet("Отделы");
  const column = departments?.getColumn(1).values.map(String) ?? [];
  expect(column).toContain("Отдел жилищно-коммунального хозяйства");

  // A month that has not begun is refused in Russian, not drawn as zeros.
  const future = await page.request.get(`/api/reports/monthly?month=2999-01&format=xlsx`);
  expect(future.status()).toBe(400);
  expect(((await future.json()) as { message: string }).message).toMatch(/[А-Яа-я]/);
});

test("an executor has no analytics: the page and the documents are refused", async ({ asExecutor: page }) => {
  const res = await page.goto("/analytics");
  expect(res?.status()).toBe(403);
  const doc = await page.request.get(`/api/reports/monthly?month=${moscowMonth(new Date())}&format=docx`);
  expect(doc.status()).toBe(403);
});
