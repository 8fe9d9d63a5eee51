import { IMPORT_FIELD_INFO, IMPORT_FIELDS, type TImportField, type TImportMapping } from "./fields";

/**
 * Which column feeds which field. Columns are named by their header, not their position, so a
 * mapping remembered from last month's export still fits when the curator's system adds or
 * reorders columns.
 */

/** A header in the form the aliases are written in: lower case, ё → е, words only. */
export function normalizeHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/№/g, " № ")
    .replace(/[^\p{L}\p{N}№]+/gu, " ")
    .trim()
    .replace(/\s+/g, " ");
}

/**
 * The headers as the mapping form names them: trimmed, an empty one called «Столбец N», and a
 * repeated one numbered («Текст (2)»), so that every column has a name of its own.
 */
export function nameColumns(rawHeaders: readonly string[]): string[] {
  const used = new Set<string>();
  return rawHeaders.map((raw, index) => {
    const base = raw.replace(/\s+/g, " ").trim() || `Столбец ${index + 1}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n += 1) name = `${base} (${n})`;
    used.add(name.toLowerCase());
    return name;
  });
}

const EXACT_MATCH = 1000;

/** How well a header names a field: an exact alias beats an alias inside a longer header. */
function matchScore(header: string, field: TImportField): number {
  const name = normalizeHeader(header);
  if (name === "") return 0;
  let best = 0;
  for (const alias of IMPORT_FIELD_INFO[field].aliases) {
    const normalized = normalizeHeader(alias);
    if (name === normalized) return EXACT_MATCH + normalized.length;
    // A whole-word occurrence: "Ссылка на публикацию (URL)" names the link; "Ссылка на автора"
    // matches the author's link exactly and so is taken by it first.
    if (normalized.length >= 3 && ` ${name} `.includes(` ${normalized} `)) best = Math.max(best, normalized.length);
  }
  return best;
}

/**
 * The mapping guessed from the headers: each field gets the column whose header names it best,
 * each column feeds one field at most. Nothing is guessed for a field no header names.
 */
export function suggestMapping(headers: readonly string[]): TImportMapping {
  const candidates: { field: TImportField; header: string; score: number }[] = [];
  for (const header of headers) {
    const scores = IMPORT_FIELDS.map((field) => ({ field, header, score: matchScore(header, field) }));
    // A header only goes to the field it names best: "Адрес публикации" is the link or nothing,
    // never the address.
    const best = Math.max(0, ...scores.map((s) => s.score));
    if (best > 0) candidates.push(...scores.filter((s) => s.score === best));
  }
  // Stable: on equal scores the leftmost column wins.
  candidates.sort((a, b) => b.score - a.score);
  const mapping: TImportMapping = {};
  const used = new Set<string>();
  for (const c of candidates) {
    if (mapping[c.field] || used.has(c.header)) continue;
    mapping[c.field] = c.header;
    used.add(c.header);
  }
  return completeMapping(mapping);
}

/** Every field present, the unmapped ones as null: what the form and the report show. */
export function completeMapping(mapping: TImportMapping): Record<TImportField, string | null> {
  return Object.fromEntries(IMPORT_FIELDS.map((f) => [f, mapping[f] ?? null])) as Record<TImportField, string | null>;
}

/**
 * The mapping remembered from an earlier import, applied to this file: a remembered column the
 * file still has is kept (also when remembered as "not imported"), a field whose column is gone
 * falls back to the guess from the headers. Anything unreadable in the stored value is ignored.
 */
export function applyRememberedMapping(remembered: unknown, headers: readonly string[]): TImportMapping | null {
  if (typeof remembered !== "object" || remembered === null || Array.isArray(remembered)) return null;
  const stored = remembered as Record<string, unknown>;
  const suggestion = suggestMapping(headers);
  const result: TImportMapping = {};
  let applied = false;
  const taken = new Set<string>();
  for (const field of IMPORT_FIELDS) {
    const value = stored[field];
    if (typeof value === "string" && headers.includes(value)) {
      result[field] = value;
      taken.add(value);
      applied = true;
    } else if (value === null && field in stored) {
      result[field] = null;
    }
  }
  // Not one remembered column in this file: another kind of export, guess afresh.
  if (!applied) return null;
  for (const field of IMPORT_FIELDS) {
    const guess = suggestion[field];
    if (!(field in result) && guess && !taken.has(guess)) result[field] = guess;
  }
  return completeMapping(result);
}

export type TColumns = Partial<Record<TImportField, number>>;

export type TMappingCheck = { ok: true; columns: TColumns } | { ok: false; columns: TColumns; problems: string[] };

/** The mapping as column positions, or why the file cannot be read with it. */
export function resolveMapping(mapping: TImportMapping, headers: readonly string[]): TMappingCheck {
  const columns: TColumns = {};
  const problems: string[] = [];
  for (const field of IMPORT_FIELDS) {
    const header = mapping[field];
    const info = IMPORT_FIELD_INFO[field];
    if (header === undefined || header === null || header === "") {
      if (info.required) problems.push(`Выберите столбец для поля «${info.label}»`);
      continue;
    }
    const index = headers.indexOf(header);
    if (index < 0) {
      problems.push(`Поле «${info.label}»: столбца «${header}» в файле нет`);
      continue;
    }
    columns[field] = index;
  }
  return problems.length === 0 ? { ok: true, columns } : { ok: false, columns, problems };
}
