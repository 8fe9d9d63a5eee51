import "server-only";
import ExcelJS from "exceljs";
import { fileTypeFromBuffer } from "file-type";
import iconv from "iconv-lite";
import { parse as parseCsv } from "csv-parse/sync";
import { pluralRu } from "../../domain/cases/russian-plural";
import { IMPORT_LIMITS_TEXT, IMPORT_MAX_BYTES, IMPORT_MAX_COLUMNS, IMPORT_MAX_ROWS } from "../../domain/import/limits";
import { nameColumns } from "../../domain/import/mapping";
import type { TSheetRow } from "../../domain/import/validate";
import { ImportFileError } from "./errors";
import { readZipDirectory } from "./zip-directory";

/**
 * An export of the curator's system as a header and rows of text, whatever it came as: an XLSX
 * workbook (its first sheet with data) or a CSV in UTF-8 (with or without BOM), UTF-16 (Excel's
 * "Unicode text") or Windows-1251, separated by `;`, `,` or tabs. The format is decided by the
 * content, never by the file's name. A file that cannot be read whole is refused with a Russian
 * reason and nothing of it is used.
 */

export type TImportFormat = "CSV" | "XLSX";

export interface TParsedImportFile {
  format: TImportFormat;
  /** CSV: the text encoding it was read in. */
  encoding: "UTF-8" | "UTF-16" | "Windows-1251" | null;
  /** CSV: the separator found in the header line. */
  delimiter: ";" | "," | "\t" | null;
  /** XLSX: the sheet read. */
  sheetName: string | null;
  /** Column names, unique (see nameColumns). */
  headers: string[];
  /** The non-empty rows under the header, numbered as a spreadsheet shows them. */
  rows: TSheetRow[];
}

/** Unpacked, an XLSX of 10 MB is rarely above 100 MB; far more is an archive bomb. */
const MAX_UNPACKED_BYTES = 300 * 1024 * 1024;

const corrupt = (detail: string) =>
  new ImportFileError("corrupt_file", `Файл не удалось прочитать: ${detail}. Ничего не импортировано`);

const unsupported = (what: string) =>
  new ImportFileError(
    "unsupported_media_type",
    `${what}, а не таблица. Загрузите выгрузку в формате CSV или XLSX (в Excel: «Сохранить как» → «Книга Excel» или «CSV»)`,
  );

export async function readImportFile(bytes: Buffer): Promise<TParsedImportFile> {
  if (bytes.length === 0) throw new ImportFileError("empty_file", "Файл пустой: в нём нет ни одной строки");
  if (bytes.length > IMPORT_MAX_BYTES) {
    throw new ImportFileError("payload_too_large", `Файл слишком большой: принимаются файлы ${IMPORT_LIMITS_TEXT}`);
  }
  // "PK\3\4" (or "PK\5\6", an empty archive): a ZIP, which an XLSX is.
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5)) {
    return readWorkbook(bytes);
  }
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) throw unsupported(describeBinary(detected.ext, detected.mime));
  return readCsv(bytes);
}

function describeBinary(ext: string, mime: string): string {
  if (ext === "cfb") return "Это файл старого формата Microsoft Office (.xls или .doc)";
  if (ext === "pdf") return "Это документ PDF";
  if (mime.startsWith("image/")) return "Это изображение";
  if (["gz", "rar", "7z", "bz2", "xz", "tar", "zst"].includes(ext)) return "Это архив";
  return `Это файл .${ext}`;
}

// ---------------------------------------------------------------------------- XLSX

async function readWorkbook(bytes: Buffer): Promise<TParsedImportFile> {
  const entries = readZipDirectory(bytes);
  if (!entries) throw corrupt("архив XLSX повреждён или загружен не полностью");
  const names = new Set(entries.map((e) => e.name));
  if (!names.has("xl/workbook.xml")) {
    if (names.has("word/document.xml")) throw unsupported("Это документ Word");
    if (names.has("content.xml")) throw unsupported("Это документ OpenDocument (.ods/.odt)");
    throw unsupported("Это архив ZIP");
  }
  const unpacked = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (unpacked > MAX_UNPACKED_BYTES) {
    throw new ImportFileError(
      "payload_too_large",
      `Книга Excel слишком велика: принимаются файлы ${IMPORT_LIMITS_TEXT}`,
    );
  }

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw corrupt("книга Excel повреждена");
  }
  const sheet =
    workbook.worksheets.find((s) => s.state !== "hidden" && s.state !== "veryHidden" && s.actualRowCount > 0) ??
    workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) throw emptyFile();
  // Cheap early refusal of a sheet far too long; the exact count follows.
  if (sheet.actualRowCount > IMPORT_MAX_ROWS + 1) throw tooManyRows(sheet.actualRowCount - 1);

  const records: { row: number; cells: string[]; links: (string | null)[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const width = Math.min(row.cellCount, IMPORT_MAX_COLUMNS + 1);
    const cells: string[] = [];
    const links: (string | null)[] = [];
    for (let column = 1; column <= width; column += 1) {
      const cell = row.getCell(column);
      const { text, link } = cellValue(cell.value, cell.numFmt);
      cells.push(text);
      links.push(link);
    }
    records.push({ row: row.number, cells, links });
  });
  return {
    ...toSheet(records),
    format: "XLSX",
    encoding: null,
    delimiter: null,
    sheetName: sheet.name,
  };
}

/**
 * A cell as text. Date cells carry the wall-clock time shown in Excel (Excel has no zones) as
 * if it were UTC: it becomes "28.11.2026 14:05" as a person would type it, read later in the
 * municipality's zone; a date without a time becomes "28.11.2026". Excel's
 * floating-point times are rounded to the second (14:05 is stored as 14:04:59.9999…).
 */
function cellValue(value: ExcelJS.CellValue, numFmt?: string): { text: string; link: string | null } {
  if (value === null || value === undefined) return { text: "", link: null };
  if (typeof value === "string") return { text: value, link: null };
  if (typeof value === "number") return { text: Number.isFinite(value) ? String(value) : "", link: null };
  if (typeof value === "boolean") return { text: value ? "да" : "нет", link: null };
  if (value instanceof Date) return { text: wallClockText(value, numFmt), link: null };
  if ("richText" in value) return { text: value.richText.map((r) => r.text).join(""), link: null };
  if ("hyperlink" in value) {
    const inner = value.text as unknown;
    const text = cellValue((inner ?? "") as ExcelJS.CellValue).text;
    return { text, link: typeof value.hyperlink === "string" ? value.hyperlink : null };
  }
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (result !== null && typeof result === "object" && "error" in result) return { text: "", link: null };
    return cellValue((result ?? null) as ExcelJS.CellValue, numFmt);
  }
  return { text: "", link: null };
}

function wallClockText(date: Date, numFmt: string | undefined): string {
  if (Number.isNaN(date.getTime())) return "";
  const at = new Date(Math.round(date.getTime() / 1000) * 1000);
  const p = (n: number) => String(n).padStart(2, "0");
  const day = `${p(at.getUTCDate())}.${p(at.getUTCMonth() + 1)}.${at.getUTCFullYear()}`;
  // A date typed without a time: formatted without hours and at midnight. (A time hidden by
  // the format is still the time the curator's system recorded, and is kept.)
  const midnight = at.getUTCHours() === 0 && at.getUTCMinutes() === 0 && at.getUTCSeconds() === 0;
  const formatHasTime = numFmt === undefined || numFmt === "" || /h/i.test(numFmt.replace(/"[^"]*"/g, ""));
  if (midnight && !formatHasTime) return day;
  const seconds = at.getUTCSeconds() === 0 ? "" : `:${p(at.getUTCSeconds())}`;
  return `${day} ${p(at.getUTCHours())}:${p(at.getUTCMinutes())}${seconds}`;
}

// ---------------------------------------------------------------------------- CSV

function readCsv(bytes: Buffer): TParsedImportFile {
  const { text, encoding } = decodeText(bytes);
  if (looksBinary(text)) throw corrupt("это не текстовая таблица (CSV) и не книга Excel — файл повреждён");

  let body = text;
  let delimiter: ";" | "," | "\t" | null = null;
  // Excel's hint line: "sep=;".
  const hint = /^sep=([;,\t])\r?\n/i.exec(body);
  if (hint) {
    delimiter = hint[1] as ";" | "," | "\t";
    body = body.slice(hint[0].length);
  }
  delimiter ??= detectDelimiter(body);

  let records: string[][];
  try {
    records = parseCsv(body, {
      delimiter,
      relax_column_count: true,
      // Russian texts quote names inside unquoted fields: ООО "Ромашка".
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: 1024 * 1024,
    });
  } catch (error) {
    const lines = (error as { lines?: unknown }).lines;
    const where = typeof lines === "number" ? ` (около строки ${lines})` : "";
    throw corrupt(`в CSV нарушена структура${where} — например, не закрыта кавычка`);
  }
  return {
    ...toSheet(records.map((cells, index) => ({ row: index + 1, cells, links: [] }))),
    format: "CSV",
    encoding,
    delimiter,
    sheetName: null,
  };
}

/** Strict UTF-8 first: Windows-1251 text is almost never valid UTF-8, the reverse always is. */
function decodeText(bytes: Buffer): { text: string; encoding: "UTF-8" | "UTF-16" | "Windows-1251" } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: iconv.decode(bytes.subarray(3), "utf8"), encoding: "UTF-8" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: iconv.decode(bytes.subarray(2), "utf16le"), encoding: "UTF-16" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: iconv.decode(bytes.subarray(2), "utf16be"), encoding: "UTF-16" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    return { text: iconv.decode(bytes, "win1251"), encoding: "Windows-1251" };
  }
}

/** Control characters other than tab and line breaks do not occur in a table's text. */
function looksBinary(text: string): boolean {
  if (text.includes("\u0000")) return true;
  const controls = text.match(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g)?.length ?? 0;
  return controls > Math.max(2, text.length / 100);
}

/** The separator used most in the header line, outside quotes. */
function detectDelimiter(text: string): ";" | "," | "\t" {
  const line = text.split(/\r?\n/).find((l) => l.trim() !== "") ?? "";
  const counts = { ";": 0, "\t": 0, ",": 0 };
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === ";" || char === "\t" || char === ",")) counts[char] += 1;
  }
  // On a tie the Russian default (";") wins, then tab, then comma.
  const order = [";", "\t", ","] as const;
  return order.reduce((best, d) => (counts[d] > counts[best] ? d : best), order[0]);
}

// ---------------------------------------------------------------------------- both

function toSheet(records: { row: number; cells: string[]; links: (string | null)[] }[]) {
  const nonEmpty = records.filter((r) => r.cells.some((c) => c.trim() !== ""));
  const [header, ...data] = nonEmpty;
  if (!header || data.length === 0) throw emptyFile();
  if (data.length > IMPORT_MAX_ROWS) throw tooManyRows(data.length);
  const width = Math.max(...nonEmpty.map((r) => r.cells.length));
  if (width > IMPORT_MAX_COLUMNS) {
    throw corrupt(`в таблице больше ${IMPORT_MAX_COLUMNS} столбцов — это не выгрузка публикаций`);
  }
  const headers = nameColumns(Array.from({ length: width }, (_, i) => header.cells[i] ?? ""));
  const rows: TSheetRow[] = data.map((r) => ({
    row: r.row,
    cells: r.cells,
    ...(r.links.some((l) => l) ? { links: r.links } : {}),
  }));
  return { headers, rows };
}

function emptyFile(): ImportFileError {
  return new ImportFileError(
    "empty_file",
    "В файле нет публикаций: нужна строка заголовков и под ней хотя бы одна строка с данными",
  );
}

function tooManyRows(count: number): ImportFileError {
  return new ImportFileError(
    "payload_too_large",
    `В файле ${count.toLocaleString("ru-RU")} ${pluralRu(count, "строка", "строки", "строк")} с данными — больше ${IMPORT_MAX_ROWS.toLocaleString("ru-RU")}. Разделите выгрузку на части`,
  );
}
