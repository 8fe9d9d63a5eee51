import { expect, keepScreenshot, test } from "./fixtures";

/**
 * Bulk import in the browser: the coordinator loads the curator's system's export (CSV in
 * Windows-1251 with «;», as such systems write it), sees each row checked, imports the valid
 * ones, and loading the same file again imports nothing twice.
 */

/** "28.11.2026 14:05" on Moscow's calendar. */
function moscowDateTime(at: Date): string {
  const parts = new Intl.DateTimeFormat("ru-RU", {
    timeZone: "Europe/Moscow",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("day")}.${get("month")}.${get("year")} ${get("hour")}:${get("minute")}`;
}

/** Windows-1251 for the Russian letters a CSV export of the curator's system uses; ASCII as is. */
function cp1251(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else if (code >= 0x410 && code <= 0x44f) bytes.push(code - 0x410 + 0xc0);
    else if (code === 0x401) bytes.push(0xa8);
    else if (code === 0x451) bytes.push(0xb8);
    else if (code === 0xab) bytes.push(0xab);
    else if (code === 0xbb) bytes.push(0xbb);
    else throw new Error(`no Windows-1251 byte for ${ch} in this test's table`);
  }
  return Buffer.from(bytes);
}

test("the coordinator imports the curator's export: valid rows once, invalid ones explained", async ({
  asCoordinator: page,
}) => {
  test.setTimeout(90_000);
  const tag = Date.now().toString(36).toUpperCase();
  const receivedAt = moscowDateTime(new Date(Date.now() - 40 * 60_000));
  const csv = [
    "ID инцидента;Ссылка;Текст;Дата поступления",
    `INC-${tag}-1;https://vk.com/wall-555_${tag}1;Во дворе дома на ул. Ленина не вывезли мусор;${receivedAt}`,
    `INC-${tag}-2;https://ok.ru/group/55/topic/${tag}2;В с. Крым разбита дорога к школе;${receivedAt}`,
    `INC-${tag}-3;;Жалоба без ссылки;${receivedAt}`,
  ].join("\r\n");
  const file = { name: `export-${tag}.csv`, mimeType: "text/csv", buffer: cp1251(csv) };

  await page.goto("/import");
  await page.getByLabel("Файл выгрузки (CSV или XLSX)").setInputFiles(file);
  const totals = page.getByRole("list", { name: "Итоги проверки" });
  await expect(totals).toContainText("Всего: 3");
  await expect(totals).toContainText("Будут импортированы: 2");
  await expect(totals).toContainText("С ошибками: 1");
  await expect(page.getByText(/нет ссылки на публикацию/i).first()).toBeVisible();
  await keepScreenshot(page, "import-preview");

  await page.getByRole("button", { name: "Импортировать 2 публикации" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Импортировано: 2" })).toContainText("Пропущено: 1");

  // The cases are there, found by their text.
  await page.goto("/cases?status=all");
  await page.getByLabel("Поиск по тексту, автору, номеру").fill("не вывезли мусор");
  await expect(page.getByTestId("case-row").filter({ hasText: "ул. Ленина не вывезли мусор" })).toHaveCount(1);

  // The same file again: nothing new.
  await page.goto("/import");
  await page.getByLabel("Файл выгрузки (CSV или XLSX)").setInputFiles(file);
  await expect(totals).toContainText("Будут импортированы: 0");
  await expect(totals).toContainText("Уже в системе: 2");
  await expect(page.getByText("В файле нет новых публикаций для импорта.")).toBeVisible();
});
