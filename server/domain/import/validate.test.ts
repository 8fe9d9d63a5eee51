import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IMPORT_FIELDS } from "./fields";
import type { TColumns } from "./mapping";
import { deriveImportId, validateRow, validateRows, type TImportContext, type TSheetRow } from "./validate";

const now = new Date("2026-11-28T12:00:00Z"); // 15:00 in Moscow
const ctx: TImportContext = {
  timeZone: "Europe/Moscow",
  now,
  receivedAtToleranceMs: 5 * 60_000,
  answerMinutes: 24 * 60,
  topics: [
    { id: "t-water", name: "Водоснабжение" },
    { id: "t-roads", name: "Дороги и тротуары" },
  ],
  networks: [
    { code: "VK", name: "ВКонтакте", hosts: ["vk.com"] },
    { code: "OK", name: "Одноклассники", hosts: ["ok.ru"] },
    { code: "OTHER", name: "Другое", hosts: [] },
  ],
};

const HEADERS = [
  "externalId",
  "url",
  "text",
  "receivedAt",
  "publishedAt",
  "network",
  "authorName",
  "authorUrl",
  "topic",
  "settlement",
  "address",
  "significant",
] as const;
const columns: TColumns = Object.fromEntries(HEADERS.map((h, i) => [h, i]));

const GOOD = {
  externalId: "ИНЦ-1",
  url: "https://vk.com/wall-1_2",
  text: "Нет воды третий день",
  receivedAt: "28.11.2026 14:05",
};

function sheetRow(row: number, values: Partial<Record<(typeof HEADERS)[number], string>>, links?: string[]): TSheetRow {
  return { row, cells: HEADERS.map((h) => values[h] ?? ""), ...(links ? { links } : {}) };
}

describe("validating a row", () => {
  it("turns a good row into a record, times in the municipality's zone", () => {
    const check = validateRow(
      sheetRow(2, {
        ...GOOD,
        publishedAt: "28.11.2026",
        network: "вконтакте",
        authorName: " Иван Петров ",
        authorUrl: "https://vk.com/id1",
        topic: "водоснабжение",
        settlement: "с. Чалтырь",
        address: "ул. Ленина, 1",
        significant: "да",
      }),
      columns,
      ctx,
    );
    expect(check).toEqual({
      row: 2,
      status: "valid",
      warnings: [],
      record: {
        externalId: "ИНЦ-1",
        derivedId: false,
        url: "https://vk.com/wall-1_2",
        text: "Нет воды третий день",
        network: "VK",
        receivedAt: new Date("2026-11-28T11:05:00Z"),
        publishedAt: new Date("2026-11-27T21:00:00Z"),
        authorName: "Иван Петров",
        authorUrl: "https://vk.com/id1",
        topicId: "t-water",
        settlement: "с. Чалтырь",
        address: "ул. Ленина, 1",
        significant: true,
      },
    });
  });

  it("says in Russian what is missing, row by row", () => {
    const check = validateRow(sheetRow(7, { text: "", receivedAt: "" }), columns, ctx);
    expect(check.status).toBe("invalid");
    expect(check.status === "invalid" && check.errors).toEqual([
      "Строка 7: нет ссылки на публикацию",
      "Строка 7: нет текста публикации",
      "Строка 7: нет даты и времени поступления",
    ]);
  });

  it("names a date it cannot read", () => {
    const check = validateRow(sheetRow(9, { ...GOOD, receivedAt: "32.13.2026" }), columns, ctx);
    expect(check.status === "invalid" && check.errors).toEqual([
      "Строка 9: дата «32.13.2026» не распознана (дата поступления; пример: 28.11.2026 14:05)",
    ]);
    const dateOnly = validateRow(sheetRow(10, { ...GOOD, receivedAt: "28.11.2026" }), columns, ctx);
    expect(dateOnly.status === "invalid" && dateOnly.errors[0]).toContain("нет времени");
  });

  it("refuses a receipt in the future beyond the tolerance, accepts one within it", () => {
    const late = validateRow(sheetRow(3, { ...GOOD, receivedAt: "28.11.2026 15:06" }), columns, ctx);
    expect(late.status === "invalid" && late.errors).toEqual([
      "Строка 3: дата поступления «28.11.2026 15:06» ещё не наступила",
    ]);
    expect(validateRow(sheetRow(3, { ...GOOD, receivedAt: "28.11.2026 15:05" }), columns, ctx).status).toBe("valid");
  });

  it("warns about a publication whose 24 hours have already run out", () => {
    const old = validateRow(sheetRow(4, { ...GOOD, receivedAt: "27.11.2026 14:59" }), columns, ctx);
    expect(old.status).toBe("valid");
    expect(old.warnings).toEqual([
      "Строка 4: публикация поступила более 24 ч назад: срок ответа уже истёк, нарушение будет зафиксировано",
    ]);
  });

  it("refuses a publication published after it was received", () => {
    const check = validateRow(sheetRow(5, { ...GOOD, publishedAt: "28.11.2026 14:30" }), columns, ctx);
    expect(check.status === "invalid" && check.errors[0]).toBe(
      "Строка 5: дата публикации «28.11.2026 14:30» позже даты поступления «28.11.2026 14:05»",
    );
  });

  it("refuses links that are not web addresses and a network the link contradicts", () => {
    const bad = validateRow(sheetRow(6, { ...GOOD, url: "javascript:alert(1)" }), columns, ctx);
    expect(bad.status === "invalid" && bad.errors[0]).toContain("не похожа на адрес публикации");
    const other = validateRow(sheetRow(6, { ...GOOD, network: "OK" }), columns, ctx);
    expect(other.status === "invalid" && other.errors).toEqual([
      "Строка 6: ссылка ведёт в сеть «ВКонтакте», а указана «Одноклассники»",
    ]);
  });

  it("takes an unknown site as «other» when that network exists, refuses it otherwise", () => {
    const row = sheetRow(8, { ...GOOD, url: "https://forum.example.ru/t/1" });
    const check = validateRow(row, columns, ctx);
    expect(check.status === "valid" && check.record.network).toBeNull();
    const strict = validateRow(row, columns, { ...ctx, networks: ctx.networks.filter((n) => n.code !== "OTHER") });
    expect(strict.status === "invalid" && strict.errors[0]).toContain("не удалось определить социальную сеть");
  });

  it("imports with a warning what only helps routing: unknown topic, unknown network name, bad author link", () => {
    const check = validateRow(
      sheetRow(11, { ...GOOD, topic: "Космос", network: "Фейсбук", authorUrl: "профиль" }),
      columns,
      ctx,
    );
    expect(check.status).toBe("valid");
    expect(check.status === "valid" && check.record).toMatchObject({ topicId: null, network: null, authorUrl: null });
    expect(check.warnings).toEqual([
      "Строка 11: социальная сеть «Фейсбук» не известна — сеть будет определена по ссылке",
      "Строка 11: ссылка на автора «профиль» не распознана и не будет сохранена",
      "Строка 11: тема «Космос» не найдена среди тем муниципального образования — публикация будет без темы",
    ]);
  });

  it("reads yes/no and refuses anything else for significance", () => {
    const no = validateRow(sheetRow(2, { ...GOOD, significant: "0" }), columns, ctx);
    expect(no.status === "valid" && no.record.significant).toBe(false);
    const maybe = validateRow(sheetRow(2, { ...GOOD, significant: "может быть" }), columns, ctx);
    expect(maybe.status === "invalid" && maybe.errors).toEqual([
      "Строка 2: значение «может быть» в поле «Социально значимая» не распознано: укажите «да» или «нет»",
    ]);
  });

  it("uses the hyperlink of a cell whose text is not the address", () => {
    const cells = HEADERS.map(() => "");
    const links = [...cells];
    links[1] = "https://vk.com/wall-1_2";
    const check = validateRow(sheetRow(2, { ...GOOD, url: "Открыть пост" }, links), columns, ctx);
    expect(check.status === "valid" && check.record.url).toBe("https://vk.com/wall-1_2");
  });

  it("refuses values longer than the case keeps", () => {
    const check = validateRow(
      sheetRow(2, { ...GOOD, externalId: "x".repeat(101), address: "a".repeat(301) }),
      columns,
      ctx,
    );
    expect(check.status === "invalid" && check.errors).toEqual([
      "Строка 2: поле «Идентификатор в системе куратора» длиннее 100 символов",
      "Строка 2: поле «Адрес» длиннее 300 символов",
    ]);
  });
});

describe("identifiers", () => {
  it("derives a stable identifier from the link of a row without one", () => {
    const a = validateRow(sheetRow(2, { ...GOOD, externalId: "" }), columns, ctx);
    expect(a.status === "valid" && a.record).toMatchObject({ derivedId: true, externalId: deriveImportId(GOOD.url) });
    // The same post under another form of its link.
    expect(deriveImportId("https://m.vk.com/wall-1_2/?utm_source=x")).toBe(deriveImportId(GOOD.url));
    expect(deriveImportId("https://vk.com/wall-1_3")).not.toBe(deriveImportId(GOOD.url));
    expect(deriveImportId(GOOD.url).length).toBeLessThanOrEqual(100);
  });

  it("imports only the first of the rows with one identifier in the file", () => {
    const checks = validateRows(
      [
        sheetRow(2, GOOD),
        sheetRow(3, { ...GOOD, url: "" }),
        sheetRow(4, { ...GOOD, text: "Другой текст" }),
        sheetRow(5, { ...GOOD, externalId: "", url: "https://vk.com/wall-1_9" }),
        sheetRow(6, { ...GOOD, externalId: "", url: "https://www.vk.com/wall-1_9?utm_medium=x" }),
      ],
      columns,
      ctx,
    );
    expect(checks.map((c) => c.status)).toEqual(["valid", "invalid", "repeat", "valid", "repeat"]);
    expect(checks[2]?.status === "repeat" && checks[2].errors).toEqual([
      "Строка 4: повторяет строку 2 (тот же идентификатор «ИНЦ-1») — импортируется только первая",
    ]);
    expect(checks[4]?.status === "repeat" && checks[4].errors[0]).toContain("повторяет строку 5 (та же ссылка");
  });

  it("lets the valid row claim an identifier an earlier invalid row had", () => {
    const checks = validateRows([sheetRow(2, { ...GOOD, text: "" }), sheetRow(3, GOOD)], columns, ctx);
    expect(checks.map((c) => c.status)).toEqual(["invalid", "valid"]);
  });
});

describe("the validator on arbitrary input", () => {
  const anyCell = fc.oneof(
    fc.string(),
    fc.constantFrom(
      "",
      " ",
      "28.11.2026 14:05",
      "32.13.2026",
      "https://vk.com/wall-1_2",
      "да",
      "javascript:x",
      "\u0000",
    ),
  );

  it("never throws, and every row ends valid with a full record or with reasons naming its row", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(anyCell, { minLength: 0, maxLength: 14 }), { maxLength: 8 }),
        fc.array(fc.option(fc.string(), { nil: undefined }), { maxLength: 14 }),
        (cellRows, links) => {
          const rows = cellRows.map((cells, i) => ({ row: i + 2, cells, links }));
          const checks = validateRows(rows, columns, ctx);
          expect(checks).toHaveLength(rows.length);
          for (const check of checks) {
            if (check.status === "valid") {
              expect(check.record.url).not.toBe("");
              expect(check.record.text).not.toBe("");
              expect(check.record.receivedAt.getTime()).toBeLessThanOrEqual(now.getTime() + ctx.receivedAtToleranceMs);
              expect(check.record.externalId.length).toBeGreaterThan(0);
              expect(check.record.externalId.length).toBeLessThanOrEqual(100);
            } else {
              expect(check.errors.length).toBeGreaterThan(0);
              for (const e of check.errors) expect(e.startsWith(`Строка ${check.row}: `)).toBe(true);
            }
          }
        },
      ),
    );
  });

  it("treats every field the same whatever column it sits in", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...IMPORT_FIELDS], { minLength: IMPORT_FIELDS.length }), (order) => {
        const shuffled: TColumns = Object.fromEntries(order.map((f, i) => [f, i]));
        const values: Record<string, string> = { ...GOOD, topic: "Дороги и тротуары" };
        const check = validateRow({ row: 2, cells: order.map((f) => values[f] ?? "") }, shuffled, ctx);
        expect(check.status === "valid" && check.record).toMatchObject({ externalId: "ИНЦ-1", topicId: "t-roads" });
      }),
    );
  });
});
