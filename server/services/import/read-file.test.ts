import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { ImportFileError } from "./errors";
import { readImportFile } from "./read-file";
import { readZipDirectory } from "./zip-directory";

const HEADER = ["Ссылка", "Текст", "Дата поступления"];
const ROW = ["https://vk.com/wall-1_1", "Нет воды", "28.11.2026 14:05"];

async function refusal(bytes: Buffer) {
  try {
    await readImportFile(bytes);
  } catch (error) {
    if (error instanceof ImportFileError) return { reason: error.reason, status: error.status, message: error.message };
    throw error;
  }
  throw new Error("the file was read");
}

describe("reading a CSV export", () => {
  it.each([
    ["UTF-8", Buffer.from(`${HEADER.join(";")}\n${ROW.join(";")}\n`), "UTF-8", ";"],
    ["UTF-8 with BOM", Buffer.from(`\ufeff${HEADER.join(",")}\r\n${ROW.join(",")}\r\n`), "UTF-8", ","],
    ["Windows-1251", iconv.encode(`${HEADER.join(";")}\r\n${ROW.join(";")}\r\n`, "win1251"), "Windows-1251", ";"],
    [
      "UTF-16 (Excel's «Unicode text»)",
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        iconv.encode(`${HEADER.join("\t")}\r\n${ROW.join("\t")}\r\n`, "utf16le"),
      ]),
      "UTF-16",
      "\t",
    ],
  ])("%s", async (_name, bytes, encoding, delimiter) => {
    const file = await readImportFile(bytes);
    expect(file).toMatchObject({ format: "CSV", encoding, delimiter, headers: HEADER });
    expect(file.rows).toEqual([{ row: 2, cells: ROW }]);
  });

  it("follows Excel's «sep=» line, keeps quoted separators and line breaks, skips empty lines", async () => {
    const text = `sep=,\nСсылка,Текст,Дата поступления\n\n"https://vk.com/wall-1_1","Нет воды; света\nи газа",28.11.2026 14:05\n,,\n`;
    const file = await readImportFile(Buffer.from(text));
    expect(file.delimiter).toBe(",");
    expect(file.rows).toEqual([
      { row: 3, cells: ["https://vk.com/wall-1_1", "Нет воды; света\nи газа", "28.11.2026 14:05"] },
    ]);
  });

  it("takes the separator used most in the header line, ignoring quoted ones", async () => {
    const file = await readImportFile(Buffer.from(`"Ссылка; URL",Текст,Дата\nx,y,z\n`));
    expect(file.delimiter).toBe(",");
    expect(file.headers).toEqual(["Ссылка; URL", "Текст", "Дата"]);
  });

  it("names empty and repeated headers", async () => {
    const file = await readImportFile(Buffer.from("Текст;;Текст\na;b;c\n"));
    expect(file.headers).toEqual(["Текст", "Столбец 2", "Текст (2)"]);
  });

  it("refuses binary data, old Excel files and files over the limits", async () => {
    expect(await refusal(Buffer.from([0x00, 0x01, 0x02, 0x03, 0x41, 0x00, 0x42]))).toMatchObject({
      reason: "corrupt_file",
      status: 400,
    });
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
    expect(await refusal(ole)).toMatchObject({
      reason: "unsupported_media_type",
      status: 415,
      message: expect.stringMatching(/^Это файл старого формата Microsoft Office \(\.xls или \.doc\)/) as unknown,
    });
    expect(await refusal(Buffer.alloc(10 * 1024 * 1024 + 1, 0x41))).toMatchObject({ status: 413 });
  });
});

describe("reading an XLSX export", () => {
  async function book(fill: (sheet: ExcelJS.Worksheet) => void) {
    const wb = new ExcelJS.Workbook();
    fill(wb.addWorksheet("Лист1"));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it("reads dates as the wall clock Excel shows, links, rich text and formula results", async () => {
    const bytes = await book((sheet) => {
      sheet.addRow(["Дата поступления", "Дата публикации", "Ссылка", "Текст", "Номер"]);
      sheet.addRow([
        // 14:05 as Excel stores it: a hair before the minute.
        new Date(Date.UTC(2026, 10, 28, 14, 4, 59, 999)),
        new Date(Date.UTC(2026, 10, 27)),
        { text: "пост", hyperlink: "https://vk.com/wall-1_1" },
        { richText: [{ text: "Нет " }, { text: "воды" }] },
        { formula: "1000+1", result: 1001 },
      ]);
      sheet.getColumn(1).numFmt = "dd.mm.yyyy hh:mm";
      sheet.getColumn(2).numFmt = "dd.mm.yyyy";
    });
    const file = await readImportFile(bytes);
    expect(file).toMatchObject({ format: "XLSX", sheetName: "Лист1", encoding: null, delimiter: null });
    expect(file.rows).toEqual([
      {
        row: 2,
        cells: ["28.11.2026 14:05", "27.11.2026", "пост", "Нет воды", "1001"],
        links: [null, null, "https://vk.com/wall-1_1", null, null],
      },
    ]);
  });

  it("finds the archive's directory, and none in a cut-off file", async () => {
    const bytes = await book((sheet) => sheet.addRow(["a"]));
    expect(readZipDirectory(bytes)?.map((e) => e.name)).toContain("xl/workbook.xml");
    expect(readZipDirectory(bytes.subarray(0, bytes.length - 10))).toBeNull();
    expect(await refusal(bytes.subarray(0, 100))).toMatchObject({ reason: "corrupt_file", status: 400 });
  });

  it("refuses a workbook without rows under the header", async () => {
    const bytes = await book((sheet) => sheet.addRow(HEADER));
    expect(await refusal(bytes)).toMatchObject({ reason: "empty_file", status: 400 });
  });
});
