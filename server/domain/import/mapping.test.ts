import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IMPORT_FIELDS } from "./fields";
import { applyRememberedMapping, nameColumns, normalizeHeader, resolveMapping, suggestMapping } from "./mapping";

describe("naming the columns", () => {
  it("names empty headers by position and numbers repeated ones", () => {
    expect(nameColumns([" Текст ", "", "Текст", "текст", "Ссылка"])).toEqual([
      "Текст",
      "Столбец 2",
      "Текст (2)",
      "текст (3)",
      "Ссылка",
    ]);
  });

  it("gives every column a distinct name", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("", "Текст", "текст", "Текст (2)", "A", " A"), { maxLength: 12 }), (raw) => {
        const names = nameColumns(raw);
        expect(names).toHaveLength(raw.length);
        expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
      }),
    );
  });

  it("normalises headers for comparison", () => {
    expect(normalizeHeader("  Населённый   пункт: ")).toBe("населенный пункт");
    expect(normalizeHeader("№инцидента")).toBe("№ инцидента");
    expect(normalizeHeader("Received_At")).toBe("received at");
  });
});

describe("suggesting the mapping from the headers", () => {
  it("recognises a Russian export of the curator's system", () => {
    const mapping = suggestMapping([
      "№ п/п",
      "ID инцидента",
      "Дата поступления",
      "Ссылка",
      "Текст",
      "Автор",
      "Ссылка на автора",
      "Дата публикации",
      "Соцсеть",
      "Тема",
      "Населённый пункт",
      "Адрес",
      "Социально значимая",
    ]);
    expect(mapping).toEqual({
      externalId: "ID инцидента",
      url: "Ссылка",
      text: "Текст",
      receivedAt: "Дата поступления",
      publishedAt: "Дата публикации",
      network: "Соцсеть",
      authorName: "Автор",
      authorUrl: "Ссылка на автора",
      topic: "Тема",
      settlement: "Населённый пункт",
      address: "Адрес",
      significant: "Социально значимая",
    });
  });

  it("recognises English headers and headers with extra words", () => {
    expect(
      suggestMapping(["External ID", "URL", "Text", "Received at", "Published", "Адрес публикации (ссылка)"]),
    ).toMatchObject({
      externalId: "External ID",
      url: "URL",
      text: "Text",
      receivedAt: "Received at",
      publishedAt: "Published",
      address: null,
    });
    expect(suggestMapping(["Текст публикации полностью", "Ссылка на публикацию (URL)"])).toMatchObject({
      text: "Текст публикации полностью",
      url: "Ссылка на публикацию (URL)",
    });
  });

  it("leaves unknown columns unmapped and maps each column at most once", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 30 }), { maxLength: 20 }), (raw) => {
        const headers = nameColumns(raw);
        const mapping = suggestMapping(headers);
        const used = IMPORT_FIELDS.map((f) => mapping[f]).filter((h): h is string => Boolean(h));
        expect(new Set(used).size).toBe(used.length);
        for (const h of used) expect(headers).toContain(h);
      }),
    );
  });
});

describe("the remembered mapping", () => {
  const headers = ["Номер", "URL поста", "Сообщение", "Когда получено", "Тема"];

  it("keeps the remembered columns the file still has and guesses the rest", () => {
    const remembered = {
      externalId: "Номер",
      url: "URL поста",
      text: "Сообщение",
      receivedAt: "Когда получено",
      topic: null,
    };
    expect(applyRememberedMapping(remembered, headers)).toMatchObject({
      externalId: "Номер",
      url: "URL поста",
      text: "Сообщение",
      receivedAt: "Когда получено",
      // Remembered as "not imported": stays so even though the header would be guessed.
      topic: null,
    });
  });

  it("falls back to the guess for a column the file no longer has", () => {
    const mapping = applyRememberedMapping({ url: "Ссылка (старая)", text: "Сообщение" }, headers);
    expect(mapping).toMatchObject({ url: "URL поста", text: "Сообщение" });
  });

  it("ignores a stored value it cannot read", () => {
    expect(applyRememberedMapping(null, headers)).toBeNull();
    expect(applyRememberedMapping([1, 2], headers)).toBeNull();
    expect(applyRememberedMapping({ url: 5, unknown: "x" }, headers)).toBeNull();
  });
});

describe("checking a mapping against the file", () => {
  const headers = ["Ссылка", "Текст", "Дата поступления"];

  it("gives the columns of a complete mapping", () => {
    expect(
      resolveMapping({ url: "Ссылка", text: "Текст", receivedAt: "Дата поступления", topic: null }, headers),
    ).toEqual({
      ok: true,
      columns: { url: 0, text: 1, receivedAt: 2 },
    });
  });

  it("names the required fields without a column and columns the file lacks", () => {
    const check = resolveMapping({ url: "Ссылка", text: "", address: "Адрес" }, headers);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problems).toEqual([
      "Выберите столбец для поля «Текст публикации»",
      "Выберите столбец для поля «Дата и время поступления»",
      "Поле «Адрес»: столбца «Адрес» в файле нет",
    ]);
  });
});
