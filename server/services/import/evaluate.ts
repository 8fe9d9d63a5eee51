import "server-only";
import { createHash } from "node:crypto";
import type { TPrismaClient } from "../../db/client";
import { type TImportField, type TImportMapping } from "../../domain/import/fields";
import {
  applyRememberedMapping,
  completeMapping,
  resolveMapping,
  suggestMapping,
  type TColumns,
} from "../../domain/import/mapping";
import { validateRows, type TImportContext, type TImportRecord, type TRowCheck } from "../../domain/import/validate";
import { RECEIVED_AT_TOLERANCE_MS } from "../cases/intake";
import { ServiceError } from "../errors";
import { readImportFile, type TParsedImportFile } from "./read-file";
import type { TImportFileInfo } from "./types";

/** Who imports: a coordinator or a manager, into their own municipality. */
export interface TImportActor {
  userId: string;
  municipalityId: string;
}

export interface TImportUpload {
  /** As the browser named it; only shown, never trusted for the format. */
  name: string;
  bytes: Buffer;
}

export type TEvaluatedRow =
  | (TRowCheck & { status: "invalid" | "repeat" })
  | { row: number; status: "new"; record: TImportRecord; warnings: string[] }
  | {
      row: number;
      status: "existing";
      record: TImportRecord;
      warnings: string[];
      existing: { id: string; number: number; byUrl: boolean };
    };

export interface TEvaluation {
  parsed: TParsedImportFile;
  file: TImportFileInfo;
  mapping: Record<TImportField, string | null>;
  mappingSource: "provided" | "remembered" | "suggested";
  mappingProblems: string[];
  /** The mapping as column positions. */
  columns: TColumns;
  /** One per row of the file, in order; empty when the mapping has problems. */
  rows: TEvaluatedRow[];
}

/** Postgres takes at most 65 535 parameters a statement; lists are looked up in slices. */
const LOOKUP_CHUNK = 1000;

/**
 * Reads the whole file, checks every row and looks up which publications are already in the
 * portal — all before anything is written, so that a file that cannot be read changes nothing.
 */
export async function evaluateImport(
  prisma: TPrismaClient,
  actor: TImportActor,
  upload: TImportUpload,
  requested: TImportMapping | null,
  now: Date,
): Promise<TEvaluation> {
  const parsed = await readImportFile(upload.bytes);
  const file: TImportFileInfo = {
    name: upload.name,
    format: parsed.format,
    encoding: parsed.encoding,
    delimiter: parsed.delimiter,
    sheetName: parsed.sheetName,
    sha256: createHash("sha256").update(upload.bytes).digest("hex"),
  };

  const municipality = await prisma.municipality.findUnique({
    where: { id: actor.municipalityId },
    select: { id: true, timeZone: true, slaAnswerMinutes: true, importMapping: true },
  });
  if (!municipality) throw new ServiceError("NOT_FOUND", "Муниципальное образование не найдено");

  let mapping: Record<TImportField, string | null>;
  let mappingSource: TEvaluation["mappingSource"];
  const remembered = requested ? null : applyRememberedMapping(municipality.importMapping, parsed.headers);
  if (requested) {
    mapping = completeMapping(requested);
    mappingSource = "provided";
  } else if (remembered) {
    mapping = completeMapping(remembered);
    mappingSource = "remembered";
  } else {
    mapping = completeMapping(suggestMapping(parsed.headers));
    mappingSource = "suggested";
  }
  const resolved = resolveMapping(mapping, parsed.headers);
  if (!resolved.ok) {
    return {
      parsed,
      file,
      mapping,
      mappingSource,
      mappingProblems: resolved.problems,
      columns: resolved.columns,
      rows: [],
    };
  }

  const [topics, networks] = await Promise.all([
    prisma.topic.findMany({
      where: { municipalityId: actor.municipalityId, active: true },
      select: { id: true, name: true },
    }),
    prisma.socialNetwork.findMany({ where: { active: true }, select: { code: true, name: true, hosts: true } }),
  ]);
  const context: TImportContext = {
    timeZone: municipality.timeZone,
    now,
    receivedAtToleranceMs: RECEIVED_AT_TOLERANCE_MS,
    answerMinutes: municipality.slaAnswerMinutes,
    topics,
    networks,
  };
  const checks = validateRows(parsed.rows, resolved.columns, context);
  const rows = await markExisting(prisma, actor.municipalityId, checks);
  return { parsed, file, mapping, mappingSource, mappingProblems: [], columns: resolved.columns, rows };
}

/**
 * A valid row whose identifier is already registered, or whose link is the link of a case
 * already registered (the same post entered by hand or through the API under another
 * identifier), is already in the portal: one publication is one case.
 */
async function markExisting(prisma: TPrismaClient, municipalityId: string, checks: TRowCheck[]) {
  const valid = checks.flatMap((c) => (c.status === "valid" ? [c.record] : []));
  const byId = new Map<string, { id: string; number: number }>();
  const byUrl = new Map<string, { id: string; number: number }>();
  for (const ids of chunks([...new Set(valid.map((r) => r.externalId))])) {
    const found = await prisma.case.findMany({
      where: { municipalityId, externalId: { in: ids } },
      select: { id: true, number: true, externalId: true },
    });
    for (const c of found) if (c.externalId) byId.set(c.externalId, { id: c.id, number: c.number });
  }
  for (const urls of chunks([...new Set(valid.map((r) => r.url.trim()))])) {
    const found = await prisma.case.findMany({
      where: { municipalityId, postUrl: { in: urls } },
      select: { id: true, number: true, postUrl: true },
      orderBy: { number: "asc" },
    });
    for (const c of found) if (!byUrl.has(c.postUrl)) byUrl.set(c.postUrl, { id: c.id, number: c.number });
  }
  return checks.map((check): TEvaluatedRow => {
    if (check.status !== "valid") return check;
    const { row, record, warnings } = check;
    const sameId = byId.get(record.externalId);
    const sameUrl = byUrl.get(record.url.trim());
    if (sameId) return { row, status: "existing", record, warnings, existing: { ...sameId, byUrl: false } };
    if (sameUrl) return { row, status: "existing", record, warnings, existing: { ...sameUrl, byUrl: true } };
    return { row, status: "new", record, warnings };
  });
}

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += LOOKUP_CHUNK) result.push(items.slice(i, i + LOOKUP_CHUNK));
  return result;
}

/** Why a row already in the portal is not imported again. */
export function existingMessage(row: number, existing: { number: number; byUrl: boolean }): string {
  return existing.byUrl
    ? `Строка ${row}: публикация с этой ссылкой уже есть — № ${existing.number}`
    : `Строка ${row}: уже импортирована — публикация № ${existing.number}`;
}
