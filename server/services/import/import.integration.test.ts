import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TSessionUser } from "../../auth/session-user";
import { createCaller } from "../../api/root";
import { IMPORT_MAX_BYTES } from "../../domain/import/limits";
import { deriveImportId } from "../../domain/import/validate";
import { createTestDatabase, type TTestDatabase } from "../../testing/db";
import { contextFor, createDepartment, createMunicipality, createUser } from "../../testing/factories";
import { registerCase } from "../cases/intake";
import { respondToImport } from "./http";
import type { TImportPreview, TImportResult } from "./types";

// The bulk import through the same Request → Response function the route handler calls (only
// the session lookup is left out), against a real PostgreSQL: files as the curator's system
// exports them (Windows-1251 CSV with ";", XLSX with date cells), made here in the test.

let t: TTestDatabase;
/** The district importing CSV files. */
let districtId: string;
/** Another district: XLSX files, its own remembered mapping. */
let otherId: string;
let waterTopicId: string;
const users = {} as Record<"coordinator" | "manager" | "executor" | "otherCoordinator", TSessionUser>;
const userIds = {} as Record<keyof typeof users, string>;
/** 28 November 2026, 15:00 in Moscow. */
const now = new Date("2026-11-28T12:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  await t.prisma.socialNetwork.createMany({
    data: [
      { code: "VK", name: "ВКонтакте", hosts: ["vk.com"] },
      { code: "OK", name: "Одноклассники", hosts: ["ok.ru"] },
      { code: "OTHER", name: "Другое", hosts: [] },
    ],
  });
  districtId = (await createMunicipality(t.prisma)).id;
  otherId = (await createMunicipality(t.prisma)).id;
  waterTopicId = (await t.prisma.topic.create({ data: { municipalityId: districtId, name: "Водоснабжение" } })).id;
  const org = await createDepartment(t.prisma, districtId, { isCoordinating: true });
  const made = {
    coordinator: await createUser(t.prisma, {
      roles: ["COORDINATOR"],
      municipalityId: districtId,
      departmentId: org.id,
    }),
    manager: await createUser(t.prisma, { roles: ["MANAGER"], municipalityId: districtId }),
    executor: await createUser(t.prisma, { roles: ["EXECUTOR"], municipalityId: districtId }),
    otherCoordinator: await createUser(t.prisma, { roles: ["COORDINATOR"], municipalityId: otherId }),
  };
  for (const [name, user] of Object.entries(made)) {
    const session = (await contextFor(t.prisma, user, now)).user;
    if (!session) throw new Error(`no session for ${name}`);
    users[name as keyof typeof users] = session;
    userIds[name as keyof typeof users] = user.id;
  }
});
afterAll(async () => {
  await t.cleanup();
});

// ---------------------------------------------------------------------------- helpers

const CSV_LINES = [
  "ID инцидента;Дата поступления;Ссылка;Текст;Автор;Тема;Социально значимая",
  "ИНЦ-1;28.11.2026 14:05;https://vk.com/wall-1_1;Нет воды третий день;Иван Петров;водоснабжение;нет",
  "ИНЦ-2;28.11.2026 14:10;;Текст без ссылки;;;",
  "ИНЦ-3;32.13.2026;https://vk.com/wall-1_3;Ямы на дороге;;;",
  'ИНЦ-4;28.11.2026 13:00;https://ok.ru/group/1/topic/2;"Нет света; сидим в темноте,\nдети мёрзнут";Пётр;Космос;да',
  "ИНЦ-1;28.11.2026 14:05;https://vk.com/wall-1_1;Повтор первой строки;;;",
  ";28.11.2026 12:00:30;https://vk.com/wall-1_6;Публикация без идентификатора;;;",
  "ИНЦ-7;28.11.2026 15:30;https://vk.com/wall-1_7;Из будущего;;;",
];

/** The curator's export as Excel on Windows saves it: Windows-1251, ";" and CRLF. */
const csvCp1251 = () => iconv.encode(CSV_LINES.join("\r\n") + "\r\n", "win1251");

function importRequest(
  file: { bytes: Buffer | Uint8Array; name: string } | null,
  fields: { mode?: string; mapping?: unknown } = {},
) {
  const form = new FormData();
  if (file) form.append("file", new Blob([new Uint8Array(file.bytes)]), file.name);
  if (fields.mode) form.append("mode", fields.mode);
  if (fields.mapping !== undefined) form.append("mapping", JSON.stringify(fields.mapping));
  return new Request("http://portal.test/api/imports", { method: "POST", body: form });
}

function send(user: TSessionUser | null, request: Request) {
  return respondToImport(request, { prisma: t.prisma, user, now });
}

async function preview(user: TSessionUser, file: { bytes: Buffer | Uint8Array; name: string }, mapping?: unknown) {
  const res = await send(user, importRequest(file, { mode: "preview", mapping }));
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
  return (await res.json()) as TImportPreview;
}

async function commit(user: TSessionUser, file: { bytes: Buffer | Uint8Array; name: string }, mapping?: unknown) {
  const res = await send(user, importRequest(file, { mode: "commit", mapping }));
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  return (await res.json()) as TImportResult;
}

async function expectRefusal(res: Response, status: number, error: string, message?: string | RegExp) {
  expect(res.status).toBe(status);
  expect(res.headers.get("cache-control")).toBe("no-store");
  const body = (await res.json()) as { error: string; message: string };
  expect(body.error).toBe(error);
  if (typeof message === "string") expect(body.message).toBe(message);
  else if (message) expect(body.message).toMatch(message);
  return body;
}

/** Whatever happens inside, no case, batch or audit row appears anywhere. */
async function expectNothingWritten(run: () => Promise<void>) {
  const count = () => Promise.all([t.prisma.case.count(), t.prisma.importBatch.count(), t.prisma.auditLog.count()]);
  const before = await count();
  await run();
  expect(await count()).toEqual(before);
}

const casesOf = (municipalityId: string) =>
  t.prisma.case.findMany({
    where: { municipalityId },
    orderBy: { number: "asc" },
    include: { network: { select: { code: true } }, events: true },
  });

/** A workbook as the curator's system exports it, with real Excel date cells and a hyperlink. */
async function workbook(rows: unknown[][], options: { hiddenFirstSheet?: boolean } = {}) {
  const wb = new ExcelJS.Workbook();
  if (options.hiddenFirstSheet) {
    const hidden = wb.addWorksheet("Служебный", { state: "hidden" });
    hidden.addRow(["не то"]);
  }
  const sheet = wb.addWorksheet("Инциденты");
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn(3).numFmt = "dd.mm.yyyy hh:mm";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Excel's date cell for a wall-clock time (Excel keeps no zone: ExcelJS writes the UTC fields). */
const excelTime = (y: number, m: number, d: number, hh: number, mm: number) => new Date(Date.UTC(y, m - 1, d, hh, mm));

// ---------------------------------------------------------------------------- CSV

describe("importing the curator's CSV export", () => {
  it("previews every row with its fate and the reasons, guessing the columns from the headers", async () => {
    const p = await preview(users.coordinator, { bytes: csvCp1251(), name: "инциденты.csv" });
    expect(p.file).toMatchObject({ name: "инциденты.csv", format: "CSV", encoding: "Windows-1251", delimiter: ";" });
    expect(p.mappingSource).toBe("suggested");
    expect(p.mappingProblems).toEqual([]);
    expect(p.mapping).toMatchObject({
      externalId: "ID инцидента",
      receivedAt: "Дата поступления",
      url: "Ссылка",
      text: "Текст",
      authorName: "Автор",
      topic: "Тема",
      significant: "Социально значимая",
      address: null,
    });
    expect(p.counts).toEqual({ total: 7, new: 3, existing: 0, invalid: 3, repeat: 1, withWarnings: 1 });
    expect(p.rows.map((r) => [r.row, r.status])).toEqual([
      [2, "new"],
      [3, "invalid"],
      [4, "invalid"],
      [5, "new"],
      [6, "repeat"],
      [7, "new"],
      [8, "invalid"],
    ]);
    const byRow = new Map(p.rows.map((r) => [r.row, r]));
    expect(byRow.get(3)?.reasons).toEqual(["Строка 3: нет ссылки на публикацию"]);
    expect(byRow.get(3)?.externalId).toBe("ИНЦ-2");
    expect(byRow.get(4)?.reasons).toEqual([
      "Строка 4: дата «32.13.2026» не распознана (дата поступления; пример: 28.11.2026 14:05)",
    ]);
    expect(byRow.get(4)?.receivedAtText).toBe("32.13.2026");
    expect(byRow.get(5)?.text).toBe("Нет света; сидим в темноте,\nдети мёрзнут");
    expect(byRow.get(5)?.warnings).toEqual([
      "Строка 5: тема «Космос» не найдена среди тем муниципального образования — публикация будет без темы",
    ]);
    expect(byRow.get(6)?.reasons[0]).toContain("повторяет строку 2");
    expect(byRow.get(7)).toMatchObject({ externalId: null, receivedAt: "2026-11-28T09:00:30.000Z" });
    expect(byRow.get(8)?.reasons).toEqual(["Строка 8: дата поступления «28.11.2026 15:30» ещё не наступила"]);
    expect(p.issues.map((r) => r.row)).toEqual([3, 4, 5, 6, 8]);
    expect(p.earlierImports).toEqual([]);
    // A preview writes nothing.
    expect(await t.prisma.case.count({ where: { municipalityId: districtId } })).toBe(0);
  });

  it("imports the valid rows, reports the others with reasons and remembers the mapping", async () => {
    const result = await commit(users.coordinator, { bytes: csvCp1251(), name: "инциденты.csv" });
    expect(result).toMatchObject({ fileName: "инциденты.csv", totalRows: 7, imported: 3, duplicates: 0, skipped: 4 });
    expect(result.report.skipped).toEqual([
      { row: 3, messages: ["Строка 3: нет ссылки на публикацию"] },
      {
        row: 4,
        messages: ["Строка 4: дата «32.13.2026» не распознана (дата поступления; пример: 28.11.2026 14:05)"],
      },
      {
        row: 6,
        messages: ["Строка 6: повторяет строку 2 (тот же идентификатор «ИНЦ-1») — импортируется только первая"],
      },
      { row: 8, messages: ["Строка 8: дата поступления «28.11.2026 15:30» ещё не наступила"] },
    ]);

    const cases = await casesOf(districtId);
    expect(result.report.imported.map((c) => [c.row, c.number])).toEqual(cases.map((c, i) => [[2, 5, 7][i], c.number]));
    expect(
      cases.map((c) => ({
        externalId: c.externalId,
        network: c.network.code,
        source: c.source,
        status: c.status,
        receivedAt: c.receivedAt.toISOString(),
        topicId: c.topicId,
        significant: c.significant,
        authorName: c.authorName,
        createdById: c.createdById,
      })),
    ).toEqual([
      {
        externalId: "ИНЦ-1",
        network: "VK",
        source: "CURATOR",
        status: "NEW",
        receivedAt: "2026-11-28T11:05:00.000Z",
        topicId: waterTopicId,
        significant: false,
        authorName: "Иван Петров",
        createdById: userIds.coordinator,
      },
      {
        externalId: "ИНЦ-4",
        network: "OK",
        source: "CURATOR",
        status: "NEW",
        receivedAt: "2026-11-28T10:00:00.000Z",
        topicId: null,
        significant: true,
        authorName: "Пётр",
        createdById: userIds.coordinator,
      },
      {
        externalId: deriveImportId("https://vk.com/wall-1_6"),
        network: "VK",
        source: "CURATOR",
        status: "NEW",
        receivedAt: "2026-11-28T09:00:30.000Z",
        topicId: null,
        significant: false,
        authorName: null,
        createdById: userIds.coordinator,
      },
    ]);
    // The clocks start at T0 from the file, not at the moment of import.
    expect(cases[0]?.answerDueAt.toISOString()).toBe("2026-11-29T11:05:00.000Z");
    expect(cases[0]?.events.map((e) => [e.type, (e.data as { via?: string }).via])).toEqual([["CREATED", "UI"]]);
    // The significant one told the head and the deputy head (п.13).
    expect(cases[1]?.events.map((e) => e.type).sort()).toEqual(["CREATED", "MARKED_SIGNIFICANT"]);

    const batch = await t.prisma.importBatch.findUniqueOrThrow({ where: { id: result.batchId } });
    expect(batch).toMatchObject({
      municipalityId: districtId,
      fileName: "инциденты.csv",
      format: "CSV",
      createdById: userIds.coordinator,
      totalRows: 7,
      imported: 3,
      duplicates: 0,
      skipped: 4,
    });
    expect(batch.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(batch.report).toMatchObject({ skipped: result.report.skipped, file: { encoding: "Windows-1251" } });
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "case.import", entityId: batch.id } });
    expect(audit).toMatchObject({ actorId: userIds.coordinator, municipalityId: districtId, entity: "ImportBatch" });
    const municipality = await t.prisma.municipality.findUniqueOrThrow({ where: { id: districtId } });
    expect(municipality.importMapping).toMatchObject({ externalId: "ID инцидента", url: "Ссылка", address: null });
  });

  it("imports nothing twice: the same file again counts every valid row as already in the portal", async () => {
    const before = await casesOf(districtId);
    const result = await commit(users.manager, { bytes: csvCp1251(), name: "инциденты (копия).csv" });
    expect(result).toMatchObject({ totalRows: 7, imported: 0, duplicates: 3, skipped: 4 });
    expect(result.report.duplicates.map((d) => [d.row, d.number, d.externalId])).toEqual([
      [2, before[0]?.number, "ИНЦ-1"],
      [5, before[1]?.number, "ИНЦ-4"],
      [7, before[2]?.number, null],
    ]);
    const after = await casesOf(districtId);
    expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id));

    // The preview says so beforehand, with the earlier imports of the very same file.
    const p = await preview(users.coordinator, { bytes: csvCp1251(), name: "инциденты.csv" });
    expect(p.mappingSource).toBe("remembered");
    expect(p.counts).toMatchObject({ new: 0, existing: 3, invalid: 3, repeat: 1 });
    expect(p.rows.find((r) => r.row === 2)).toMatchObject({
      status: "existing",
      case: { id: before[0]?.id, number: before[0]?.number },
      reasons: [`Строка 2: уже импортирована — публикация № ${before[0]?.number}`],
    });
    expect(p.earlierImports).toHaveLength(2);
    expect(p.earlierImports[1]).toMatchObject({ imported: 3, createdBy: users.coordinator.fullName });
  });

  it("takes a post registered by hand as already in the portal, whatever its identifier", async () => {
    const handMade = await registerCase(
      t.prisma,
      { userId: userIds.coordinator, municipalityId: districtId, via: "UI" },
      { source: "CURATOR", url: "https://vk.com/wall-1_100", text: "Зарегистрирована вручную" },
      now,
    );
    const number = (await t.prisma.case.findUniqueOrThrow({ where: { id: handMade.caseId } })).number;
    const file = Buffer.from(
      "Ссылка,Текст,Дата поступления,ID инцидента\nhttps://vk.com/wall-1_100,То же самое,28.11.2026 10:00,ИНЦ-100\n",
    );
    const p = await preview(users.coordinator, { bytes: file, name: "one.csv" });
    expect(p.file).toMatchObject({ encoding: "UTF-8", delimiter: "," });
    expect(p.rows[0]).toMatchObject({
      status: "existing",
      reasons: [`Строка 2: публикация с этой ссылкой уже есть — № ${number}`],
    });
    const result = await commit(users.coordinator, { bytes: file, name: "one.csv" });
    expect(result).toMatchObject({ imported: 0, duplicates: 1, skipped: 0 });
  });

  it("reads UTF-8 with a BOM and tab separators, and refuses a commit whose mapping lacks a required column", async () => {
    const text = "\ufeffURL\tText\tReceived at\nhttps://vk.com/wall-2_1\tНет воды\t2026-11-28T10:00:00+03:00\n";
    const p = await preview(users.coordinator, { bytes: Buffer.from(text), name: "tabs.txt" });
    expect(p.file).toMatchObject({ encoding: "UTF-8", delimiter: "\t" });
    expect(p.rows[0]).toMatchObject({ status: "new", receivedAt: "2026-11-28T07:00:00.000Z" });

    await expectNothingWritten(async () => {
      await expectRefusal(
        await send(
          users.coordinator,
          importRequest({ bytes: Buffer.from(text), name: "tabs.txt" }, { mode: "commit", mapping: { url: "URL" } }),
        ),
        400,
        "bad_request",
        "Выберите столбец для поля «Текст публикации». Выберите столбец для поля «Дата и время поступления»",
      );
    });
  });
});

// ---------------------------------------------------------------------------- XLSX

describe("importing an XLSX export", () => {
  const header = ["Номер", "Пост", "Когда получено", "Сообщение", "Опубликовано"];
  const mapping = {
    externalId: "Номер",
    url: "Пост",
    receivedAt: "Когда получено",
    text: "Сообщение",
    publishedAt: "Опубликовано",
  };
  const rows = () => [
    header,
    [
      "X-1",
      "https://vk.com/wall-5_1",
      excelTime(2026, 11, 28, 14, 5),
      "Мусор не вывозят",
      excelTime(2026, 11, 28, 9, 0),
    ],
    [
      1002,
      { text: "Открыть пост", hyperlink: "https://ok.ru/group/5/topic/2" },
      excelTime(2026, 11, 28, 13, 30),
      { richText: [{ text: "Сломана " }, { font: { bold: true }, text: "горка" }] },
      null,
    ],
    ["X-3", "https://vk.com/wall-5_3", "вчера вечером", "Дата текстом", null],
    [],
    ["X-5", "https://vk.com/wall-5_5", excelTime(2026, 11, 28, 16, 0), "Позже текущего", null],
  ];

  it("asks for the columns it cannot guess, then imports with Excel dates read as Moscow time", async () => {
    const bytes = await workbook(rows(), { hiddenFirstSheet: true });
    const file = { bytes, name: "выгрузка.xlsx" };
    const first = await preview(users.otherCoordinator, file);
    expect(first.file).toMatchObject({ format: "XLSX", sheetName: "Инциденты", encoding: null });
    expect(first.headers).toEqual(header);
    expect(first.mappingSource).toBe("suggested");
    expect(first.mapping).toMatchObject({ text: "Сообщение", publishedAt: "Опубликовано", url: null });
    expect(first.mappingProblems).toEqual([
      "Выберите столбец для поля «Ссылка на публикацию»",
      "Выберите столбец для поля «Дата и время поступления»",
    ]);
    expect(first.rows).toEqual([]);
    expect(first.sample[0]).toEqual([
      "X-1",
      "https://vk.com/wall-5_1",
      "28.11.2026 14:05",
      "Мусор не вывозят",
      "28.11.2026 09:00",
    ]);

    const checked = await preview(users.otherCoordinator, file, mapping);
    expect(checked.mappingSource).toBe("provided");
    expect(checked.counts).toEqual({ total: 4, new: 2, existing: 0, invalid: 2, repeat: 0, withWarnings: 0 });
    // Row 5 is empty and skipped; rows keep the numbers Excel shows.
    expect(checked.rows.map((r) => [r.row, r.status])).toEqual([
      [2, "new"],
      [3, "new"],
      [4, "invalid"],
      [6, "invalid"],
    ]);
    expect(checked.rows[3]?.reasons).toEqual(["Строка 6: дата поступления «28.11.2026 16:00» ещё не наступила"]);

    const result = await commit(users.otherCoordinator, file, mapping);
    expect(result).toMatchObject({ totalRows: 4, imported: 2, duplicates: 0, skipped: 2 });
    const cases = await casesOf(otherId);
    expect(
      cases.map((c) => [
        c.externalId,
        c.postUrl,
        c.network.code,
        c.text,
        c.receivedAt.toISOString(),
        c.publishedAt?.toISOString() ?? null,
      ]),
    ).toEqual([
      [
        "X-1",
        "https://vk.com/wall-5_1",
        "VK",
        "Мусор не вывозят",
        "2026-11-28T11:05:00.000Z",
        "2026-11-28T06:00:00.000Z",
      ],
      ["1002", "https://ok.ru/group/5/topic/2", "OK", "Сломана горка", "2026-11-28T10:30:00.000Z", null],
    ]);

    // Again: nothing doubled.
    expect(await commit(users.otherCoordinator, file, mapping)).toMatchObject({
      imported: 0,
      duplicates: 2,
      skipped: 2,
    });
    expect(await t.prisma.case.count({ where: { municipalityId: otherId } })).toBe(2);
  });

  it("remembers the mapping per municipality", async () => {
    const bytes = await workbook(rows());
    const again = await preview(users.otherCoordinator, { bytes, name: "next-month.xlsx" });
    expect(again.mappingSource).toBe("remembered");
    expect(again.mapping).toMatchObject({ ...mapping, network: null, topic: null });
    expect(again.mappingProblems).toEqual([]);
    // The district keeps its own (from its CSV), which this workbook's headers do not match.
    const district = await preview(users.coordinator, { bytes, name: "next-month.xlsx" });
    expect(district.mappingSource).toBe("suggested");
    expect(district.mappingProblems.length).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------- refusals

describe("files that cannot be imported change nothing", () => {
  const garbage = () => {
    // Deterministic noise with NUL bytes, as a broken download looks.
    const bytes = Buffer.alloc(4096);
    let x = 12345;
    for (let i = 0; i < bytes.length; i += 1) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      bytes[i] = x >> 16;
    }
    return bytes;
  };

  it("refuses a truncated or damaged XLSX with 400, in preview and commit alike", async () => {
    const whole = await workbook([
      ["ID инцидента", "Ссылка", "Текст", "Дата поступления"],
      ["T-1", "https://vk.com/wall-9_1", "Текст", "28.11.2026 10:00"],
    ]);
    const cut = whole.subarray(0, Math.floor(whole.length / 2));
    // Complete, but the compressed sheet inside is damaged.
    const damaged = Buffer.from(whole);
    const sheetAt = damaged.indexOf("xl/worksheets/sheet1.xml");
    damaged.fill(0xa5, sheetAt + 60, sheetAt + 160);
    await expectNothingWritten(async () => {
      for (const mode of ["preview", "commit"]) {
        await expectRefusal(
          await send(users.coordinator, importRequest({ bytes: cut, name: "инциденты.xlsx" }, { mode })),
          400,
          "corrupt_file",
          "Файл не удалось прочитать: архив XLSX повреждён или загружен не полностью. Ничего не импортировано",
        );
        await expectRefusal(
          await send(users.coordinator, importRequest({ bytes: damaged, name: "инциденты.xlsx" }, { mode })),
          400,
          "corrupt_file",
          "Файл не удалось прочитать: книга Excel повреждена. Ничего не импортировано",
        );
      }
    });
  });

  it("refuses binary garbage, an empty file and a header without rows with 400", async () => {
    await expectNothingWritten(async () => {
      await expectRefusal(
        await send(users.coordinator, importRequest({ bytes: garbage(), name: "export.csv" }, { mode: "commit" })),
        400,
        "corrupt_file",
        /не текстовая таблица/,
      );
      await expectRefusal(
        await send(users.coordinator, importRequest({ bytes: Buffer.alloc(0), name: "empty.csv" }, { mode: "commit" })),
        400,
        "empty_file",
        "Файл пустой: в нём нет ни одной строки",
      );
      await expectRefusal(
        await send(
          users.coordinator,
          importRequest(
            { bytes: Buffer.from("Ссылка;Текст;Дата поступления\r\n;;\r\n"), name: "h.csv" },
            { mode: "commit" },
          ),
        ),
        400,
        "empty_file",
        /нет публикаций/,
      );
      await expectRefusal(
        await send(
          users.coordinator,
          importRequest(
            { bytes: Buffer.from('Ссылка;Текст\n"https://vk.com/wall-1_1;не закрыта'), name: "q.csv" },
            {
              mode: "commit",
            },
          ),
        ),
        400,
        "corrupt_file",
        /не закрыта кавычка/,
      );
    });
  });

  it("refuses with 415 what is neither CSV nor XLSX, whatever its name", async () => {
    await expectNothingWritten(async () => {
      await expectRefusal(
        await send(
          users.coordinator,
          importRequest({ bytes: Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"), name: "инциденты.csv" }),
        ),
        415,
        "unsupported_media_type",
        /^Это документ PDF, а не таблица/,
      );
      const docx = new ExcelJS.Workbook();
      docx.addWorksheet("x");
      // A ZIP that is not a workbook: an XLSX with its workbook part renamed is the simplest to make.
      const zip = Buffer.from(await docx.xlsx.writeBuffer());
      const renamed = Buffer.from(zip.toString("latin1").replaceAll("xl/workbook.xml", "xl/workbook.xmk"), "latin1");
      await expectRefusal(
        await send(users.coordinator, importRequest({ bytes: renamed, name: "инциденты.xlsx" })),
        415,
        "unsupported_media_type",
        /^Это архив ZIP, а не таблица/,
      );
    });
  });

  it("refuses more than 10 000 rows with 413", async () => {
    const lines = ["Ссылка;Текст;Дата поступления"];
    for (let i = 0; i < 10_001; i += 1) lines.push(`https://vk.com/wall-3_${i};Текст;28.11.2026 10:00`);
    await expectNothingWritten(async () => {
      await expectRefusal(
        await send(
          users.coordinator,
          importRequest({ bytes: Buffer.from(lines.join("\n")), name: "big.csv" }, { mode: "commit" }),
        ),
        413,
        "payload_too_large",
        /^В файле 10\s001 строка с данными — больше 10\s000\. Разделите выгрузку на части$/,
      );
    });
  });
});

// ---------------------------------------------------------------------------- the handler

describe("POST /api/imports", () => {
  const small = () => ({
    bytes: Buffer.from("Ссылка;Текст;Дата поступления\nhttps://vk.com/wall-7_1;Т;28.11.2026 10:00\n"),
    name: "a.csv",
  });

  it("wants a session (401) and the right to import (403)", async () => {
    await expectRefusal(await send(null, importRequest(small())), 401, "unauthorized", "Войдите в систему");
    await expectRefusal(
      await send(users.executor, importRequest(small())),
      403,
      "forbidden",
      "Недостаточно прав для импорта публикаций",
    );
  });

  it("refuses a file over 10 MB with 413: on the declared length before reading, and while reading", async () => {
    const boundary = "----otklik-import-test";
    let pulled = 0;
    const declared = new Request("http://portal.test/api/imports", {
      method: "POST",
      body: new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += 1;
          controller.enqueue(new Uint8Array(64 * 1024));
        },
      }),
      headers: {
        "Content-Type": `multipart/form-data; boundary=${boundary}`,
        "Content-Length": String(IMPORT_MAX_BYTES + 1024 * 1024),
      },
      duplex: "half",
    } as RequestInit);
    await expectRefusal(await send(users.coordinator, declared), 413, "payload_too_large", /не больше 10 МБ/);
    expect(pulled).toBeLessThanOrEqual(1);

    let sent = 0;
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`;
    const streamed = new Request("http://portal.test/api/imports", {
      method: "POST",
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(head));
        },
        pull(controller) {
          if (sent >= 50 * 1024 * 1024) {
            controller.enqueue(new TextEncoder().encode(`\r\n--${boundary}--\r\n`));
            controller.close();
            return;
          }
          controller.enqueue(new Uint8Array(256 * 1024).fill(0x41));
          sent += 256 * 1024;
        },
      }),
      headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
      duplex: "half",
    } as RequestInit);
    await expectNothingWritten(async () => {
      await expectRefusal(await send(users.coordinator, streamed), 413, "payload_too_large", /не больше 10 МБ/);
    });
    // 50 MB offered; reading stopped soon after the 10 MB limit.
    expect(sent).toBeLessThan(IMPORT_MAX_BYTES + 2 * 1024 * 1024);
  });

  it("refuses a request that is not the import form, or carries a bad mode or mapping, with 400", async () => {
    await expectRefusal(
      await send(
        users.coordinator,
        new Request("http://portal.test/api/imports", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: "{}",
        }),
      ),
      400,
      "bad_request",
    );
    await expectRefusal(
      await send(users.coordinator, importRequest(null, { mode: "preview" })),
      400,
      "bad_request",
      "Выберите файл выгрузки (CSV или XLSX)",
    );
    await expectRefusal(await send(users.coordinator, importRequest(small(), { mode: "delete" })), 400, "validation");
    await expectRefusal(
      await send(users.coordinator, importRequest(small(), { mode: "preview", mapping: { price: "Ссылка" } })),
      400,
      "validation",
    );
    const broken = importRequest(small(), { mode: "preview" });
    const form = await broken.formData();
    form.set("mapping", "{not json");
    await expectRefusal(
      await send(users.coordinator, new Request("http://portal.test/api/imports", { method: "POST", body: form })),
      400,
      "validation",
      "Сопоставление столбцов (mapping) — не JSON",
    );
  });
});

// ---------------------------------------------------------------------------- history

describe("the history of imports", () => {
  it("lists the municipality's imports, newest first, and shows one's report", async () => {
    const coordinator = createCaller(await contextFor(t.prisma, { id: userIds.coordinator }, now));
    const history = await coordinator.imports.history({ limit: 20 });
    expect(history.length).toBeGreaterThanOrEqual(3);
    expect(history.every((b) => b.fileName !== "выгрузка.xlsx")).toBe(true);
    const first = history.find((b) => b.fileName === "инциденты.csv" && b.imported === 3);
    expect(first).toMatchObject({ format: "CSV", totalRows: 7, duplicates: 0, skipped: 4 });
    const batch = await coordinator.imports.batch({ id: first!.id });
    expect(batch.report.skipped.map((s) => s.row)).toEqual([3, 4, 6, 8]);
    expect(batch.report.imported.map((c) => c.row)).toEqual([2, 5, 7]);
    expect(batch.report.mapping.url).toBe("Ссылка");

    const stranger = createCaller(await contextFor(t.prisma, { id: userIds.otherCoordinator }, now));
    await expect(stranger.imports.batch({ id: first!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const executor = createCaller(await contextFor(t.prisma, { id: userIds.executor }, now));
    await expect(executor.imports.history({ limit: 20 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
