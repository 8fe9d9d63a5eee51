import { createHash } from "node:crypto";
import { detectNetwork } from "../cases/network-detect";
import { normalizePostUrl, parseHttpUrl } from "../cases/post-url";
import { IMPORT_FIELD_INFO, type TImportField } from "./fields";
import type { TColumns } from "./mapping";
import { parseImportBoolean, parseImportDateTime } from "./values";

/**
 * Checks the rows of an export before anything is written, and says what is wrong with each in
 * words a coordinator can act on ("Строка 7: нет ссылки на публикацию"). Row numbers are the
 * ones a spreadsheet shows (the header is row 1). The rules are those of registering a
 * publication by hand; what intake would refuse is refused here, row by row, so that a commit
 * only writes rows that will go through.
 *
 * Decisions:
 * - An unknown topic is a warning, not an error: the topic is a routing aid the coordinator can
 *   set later, while refusing the publication would delay the 30-minute routing clock (п.7).
 *   Likewise an unknown network name (the network is then detected from the link) and an
 *   unreadable author link (dropped).
 * - A row without an identifier of the curator's system gets one derived from its link
 *   (`url:` + a hash of the normalised link), so importing the same file again finds it and
 *   nothing is doubled; the same post under another form of its link (tracking parameters,
 *   `m.`/`www.`) is the same key.
 * - The second and later rows with the same identifier in one file are not imported
 *   ("повторяет строку N"): only the first one is.
 */

export interface TImportNetwork {
  code: string;
  name: string;
  hosts: readonly string[];
}

export interface TImportTopic {
  id: string;
  name: string;
}

export interface TImportContext {
  /** The municipality's zone: times without an offset are its wall clock. */
  timeZone: string;
  now: Date;
  /** How far in the future a receipt time may be (intake's RECEIVED_AT_TOLERANCE_MS). */
  receivedAtToleranceMs: number;
  /** The municipality's 24-hour answer clock, for warning about publications already overdue. */
  answerMinutes: number;
  topics: readonly TImportTopic[];
  /** The active networks; the code `OTHER`, when present, takes links of unknown sites. */
  networks: readonly TImportNetwork[];
}

/** One row of the sheet: its number as the spreadsheet shows it, its cells as text. */
export interface TSheetRow {
  row: number;
  cells: readonly string[];
  /** Hyperlinks of XLSX cells, by column, for a link cell whose text is not the address. */
  links?: readonly (string | null | undefined)[];
}

export interface TImportRecord {
  /** The identifier the case is registered with: the file's, or one derived from the link. */
  externalId: string;
  /** True when the file had no identifier and it was derived from the link. */
  derivedId: boolean;
  url: string;
  text: string;
  /** A network code, or null to detect it from the link. */
  network: string | null;
  receivedAt: Date;
  publishedAt: Date | null;
  authorName: string | null;
  authorUrl: string | null;
  topicId: string | null;
  settlement: string | null;
  address: string | null;
  significant: boolean;
}

export type TRowCheck =
  | { row: number; status: "valid"; record: TImportRecord; warnings: string[] }
  | { row: number; status: "invalid"; errors: string[]; warnings: string[] }
  /** A later row with an identifier an earlier valid row of the file already has. */
  | { row: number; status: "repeat"; firstRow: number; record: TImportRecord; errors: string[]; warnings: string[] };

const DERIVED_PREFIX = "url:";

/** The identifier of a row without one: stable for every form of the same post's link. */
export function deriveImportId(url: string): string {
  const normalized = normalizePostUrl(url) ?? url.trim();
  return `${DERIVED_PREFIX}${createHash("sha256").update(normalized).digest("hex").slice(0, 40)}`;
}

export function isDerivedImportId(externalId: string): boolean {
  return externalId.startsWith(DERIVED_PREFIX);
}

/** A value quoted in a message, cut so that a wrong 20 000-character cell does not flood the report. */
export function quoteValue(value: string): string {
  const flat = value.replace(/\s+/g, " ").trim();
  return `«${flat.length > 60 ? `${flat.slice(0, 59)}…` : flat}»`;
}

const label = (field: TImportField) => IMPORT_FIELD_INFO[field].label;

const normalizeName = (name: string) => name.toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim();

function formatHours(minutes: number): string {
  const hours = minutes / 60;
  return Number.isInteger(hours) ? `${hours} ч` : `${minutes} мин`;
}

/** Checks every row, then marks repeated identifiers (only valid rows claim an identifier). */
export function validateRows(rows: readonly TSheetRow[], columns: TColumns, ctx: TImportContext): TRowCheck[] {
  const firstRowOf = new Map<string, number>();
  return rows.map((sheetRow) => {
    const check = validateRow(sheetRow, columns, ctx);
    if (check.status !== "valid") return check;
    const first = firstRowOf.get(check.record.externalId);
    if (first === undefined) {
      firstRowOf.set(check.record.externalId, check.row);
      return check;
    }
    const what = check.record.derivedId
      ? "та же ссылка на публикацию"
      : `тот же идентификатор ${quoteValue(check.record.externalId)}`;
    return {
      row: check.row,
      status: "repeat",
      firstRow: first,
      record: check.record,
      errors: [`Строка ${check.row}: повторяет строку ${first} (${what}) — импортируется только первая`],
      warnings: check.warnings,
    };
  });
}

/** One row. Never throws: any text in any cell ends as a valid record or as reasons. */
export function validateRow(sheetRow: TSheetRow, columns: TColumns, ctx: TImportContext): TRowCheck {
  const { row } = sheetRow;
  const errors: string[] = [];
  const warnings: string[] = [];
  const fail = (message: string) => errors.push(`Строка ${row}: ${message}`);
  const warn = (message: string) => warnings.push(`Строка ${row}: ${message}`);

  const cell = (field: TImportField): string => {
    const index = columns[field];
    if (index === undefined) return "";
    return (sheetRow.cells[index] ?? "").replace(/\r\n?/g, "\n").trim();
  };
  /** A link cell: its text when that is a web address, otherwise the cell's hyperlink. */
  const linkCell = (field: TImportField): string => {
    const text = cell(field);
    const index = columns[field];
    const link = index === undefined ? undefined : sheetRow.links?.[index]?.trim();
    if (link && parseHttpUrl(text) === null && parseHttpUrl(link) !== null) return link;
    return text;
  };
  const optionalText = (field: TImportField): string | null => {
    const value = cell(field);
    if (value === "") return null;
    const max = (IMPORT_FIELD_INFO[field] as { maxLength?: number }).maxLength;
    if (max !== undefined && value.length > max) {
      fail(`поле «${label(field)}» длиннее ${max.toLocaleString("ru-RU")} символов`);
      return null;
    }
    return value;
  };

  // The identifier of the curator's system.
  const externalId = optionalText("externalId");

  // The link and the network.
  const url = linkCell("url");
  let network: string | null = null;
  if (url === "") {
    fail("нет ссылки на публикацию");
  } else if (url.length > 2000) {
    fail("ссылка на публикацию длиннее 2 000 символов");
  } else {
    const detected = detectNetwork(url, ctx.networks);
    if (!detected.ok && detected.reason === "INVALID_URL") {
      fail(
        `ссылка ${quoteValue(url)} не похожа на адрес публикации: нужна ссылка, начинающаяся с http:// или https://`,
      );
    } else {
      const named = cell("network");
      const stated = named === "" ? undefined : findNetwork(named, ctx.networks);
      if (named !== "" && !stated) {
        warn(`социальная сеть ${quoteValue(named)} не известна — сеть будет определена по ссылке`);
      }
      if (stated && detected.ok && detected.code !== stated.code) {
        const actual = ctx.networks.find((n) => n.code === detected.code)?.name ?? detected.code;
        fail(`ссылка ведёт в сеть «${actual}», а указана «${stated.name}»`);
      } else if (stated) {
        network = stated.code;
      } else if (!detected.ok && !ctx.networks.some((n) => n.code === "OTHER")) {
        fail(`по ссылке ${quoteValue(url)} не удалось определить социальную сеть: укажите её в столбце сети`);
      }
    }
  }

  // The text.
  const text = cell("text");
  if (text === "") fail("нет текста публикации");
  else if (text.length > 20_000) fail("текст публикации длиннее 20 000 символов");

  // T0: the receipt time starts every clock of the regulation.
  let receivedAt: Date | null = null;
  const receivedRaw = cell("receivedAt");
  if (receivedRaw === "") {
    fail("нет даты и времени поступления");
  } else {
    const reading = parseImportDateTime(receivedRaw, ctx.timeZone);
    if (reading.ok) {
      receivedAt = reading.at;
      if (reading.at.getTime() > ctx.now.getTime() + ctx.receivedAtToleranceMs) {
        receivedAt = null;
        fail(`дата поступления ${quoteValue(receivedRaw)} ещё не наступила`);
      } else if (reading.at.getTime() + ctx.answerMinutes * 60_000 < ctx.now.getTime()) {
        warn(
          `публикация поступила более ${formatHours(ctx.answerMinutes)} назад: срок ответа уже истёк, нарушение будет зафиксировано`,
        );
      }
    } else {
      fail(dateProblem(receivedRaw, reading.reason, "receivedAt", ctx.timeZone));
    }
  }

  let publishedAt: Date | null = null;
  const publishedRaw = cell("publishedAt");
  if (publishedRaw !== "") {
    const reading = parseImportDateTime(publishedRaw, ctx.timeZone, { allowDateOnly: true });
    if (!reading.ok) {
      fail(dateProblem(publishedRaw, reading.reason, "publishedAt", ctx.timeZone));
    } else if (receivedAt && reading.at.getTime() > receivedAt.getTime() + ctx.receivedAtToleranceMs) {
      fail(`дата публикации ${quoteValue(publishedRaw)} позже даты поступления ${quoteValue(receivedRaw)}`);
    } else {
      publishedAt = reading.at;
    }
  }

  const authorName = optionalText("authorName");
  let authorUrl: string | null = linkCell("authorUrl") || null;
  if (authorUrl !== null && (authorUrl.length > 2000 || parseHttpUrl(authorUrl) === null)) {
    warn(`ссылка на автора ${quoteValue(authorUrl)} не распознана и не будет сохранена`);
    authorUrl = null;
  }

  let topicId: string | null = null;
  const topicName = cell("topic");
  if (topicName !== "") {
    const topic = ctx.topics.find((t) => normalizeName(t.name) === normalizeName(topicName));
    if (topic) topicId = topic.id;
    else
      warn(`тема ${quoteValue(topicName)} не найдена среди тем муниципального образования — публикация будет без темы`);
  }

  const settlement = optionalText("settlement");
  const address = optionalText("address");

  const significantRaw = cell("significant");
  const significant = parseImportBoolean(significantRaw);
  if (significant === null) {
    fail(
      `значение ${quoteValue(significantRaw)} в поле «${label("significant")}» не распознано: укажите «да» или «нет»`,
    );
  }

  if (errors.length > 0 || receivedAt === null) return { row, status: "invalid", errors, warnings };
  return {
    row,
    status: "valid",
    warnings,
    record: {
      externalId: externalId ?? deriveImportId(url),
      derivedId: externalId === null,
      url,
      text,
      network,
      receivedAt,
      publishedAt,
      authorName,
      authorUrl,
      topicId,
      settlement,
      address,
      significant: significant ?? false,
    },
  };
}

/** A network named in the file: by code ("VK") or name ("ВКонтакте"), in any case. */
function findNetwork(named: string, networks: readonly TImportNetwork[]): TImportNetwork | undefined {
  const key = normalizeName(named);
  return networks.find((n) => normalizeName(n.code) === key || normalizeName(n.name) === key);
}

function dateProblem(
  raw: string,
  reason: "INVALID" | "NONEXISTENT" | "DATE_ONLY",
  field: "receivedAt" | "publishedAt",
  timeZone: string,
): string {
  const what = field === "receivedAt" ? "дата поступления" : "дата публикации";
  switch (reason) {
    case "DATE_ONLY":
      return `у даты поступления ${quoteValue(raw)} нет времени: с него идут сроки, укажите, например, 28.11.2026 14:05`;
    case "NONEXISTENT":
      return `время ${quoteValue(raw)} (${what}) пропущено при переводе часов в поясе ${timeZone}`;
    case "INVALID":
      return `дата ${quoteValue(raw)} не распознана (${what}; пример: 28.11.2026 14:05)`;
  }
}
