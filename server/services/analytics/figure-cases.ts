import type { TSessionUser } from "../../auth/session-user";
import { Prisma } from "../../db/generated/client";
import type { TCaseStatus } from "../../domain/cases/case-types";
import { isAnalyticsFigure } from "../../domain/analytics/figures";
import { isMonth } from "../../domain/analytics/month";
import type { TFigure } from "../../domain/analytics/types";
import { ServiceError } from "../errors";
import { excerptOf } from "../queues/present";
import { boundsRows, queryAnalytics, type TAnalyticsDb } from "./bounds";
import { assertMonthStarted } from "./month-phase";
import { resolveScope } from "./scope";
import { analyticsCtes, selectFigure } from "./sql";

export const FIGURE_CASES_DEFAULT_LIMIT = 50;
export const FIGURE_CASES_MAX_LIMIT = 200;
const EXCERPT_LENGTH = 160;

export interface TFigureCaseItem {
  id: string;
  number: number;
  municipalityName: string;
  receivedAt: Date;
  status: TCaseStatus;
  networkName: string;
  departmentName: string | null;
  excerpt: string;
}

export interface TFigureCases {
  items: TFigureCaseItem[];
  nextCursor: string | null;
  /** Cases behind the figure (each once: see INSTANCE_FIGURES). */
  total: number;
}

export interface TFigureCasesInput {
  month: string;
  municipalityId?: string | null;
  figure: TFigure;
  key?: string | null;
  cursor?: string | null;
  limit?: number;
}

/** "receivedAt ISO|id" of the last row shown: the list continues after it. */
function encodeCursor(item: { receivedAt: Date; id: string }): string {
  return `${item.receivedAt.toISOString()}|${item.id}`;
}

function decodeCursor(cursor: string): { receivedAt: Date; id: string } {
  const [at, id, rest] = cursor.split("|");
  const receivedAt = new Date(at ?? "");
  if (!id || rest !== undefined || Number.isNaN(receivedAt.getTime())) {
    throw new ServiceError("BAD_REQUEST", "Неверная позиция в списке: откройте список заново", "cursor");
  }
  return { receivedAt, id };
}

/**
 * The cases behind a figure of the monthly analysis (drill-down), newest received first, in
 * pages. They are selected by the very predicate that counted the figure (sql.ts
 * `selectFigure`), over the same month, scope and evaluation moment; `total` is the number of
 * cases — for the figures counted per clock, return or violation a case with two of them is
 * listed once.
 */
export async function listFigureCases(
  db: TAnalyticsDb,
  user: TSessionUser,
  input: TFigureCasesInput,
  now: Date,
): Promise<TFigureCases> {
  if (!isMonth(input.month)) throw new ServiceError("BAD_REQUEST", "Укажите месяц в формате ГГГГ-ММ", "month");
  if (!isAnalyticsFigure(input.figure)) throw new ServiceError("BAD_REQUEST", "Неизвестный показатель", "figure");
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? FIGURE_CASES_DEFAULT_LIMIT), 1), FIGURE_CASES_MAX_LIMIT);
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const scope = await resolveScope(db, user, input.municipalityId);
  assertMonthStarted(scope.municipalities, input.month, now);

  const selection = selectFigure(input.figure, input.key ?? null);
  const source = Prisma.raw(selection.from);
  const afterCursor = after
    ? Prisma.sql`AND (c."receivedAt", c."id") < (${after.receivedAt.toISOString()}::timestamp(3), ${after.id})`
    : Prisma.empty;
  const rows = await queryAnalytics<{
    total: number;
    id: string | null;
    number: number;
    municipalityName: string;
    receivedAt: Date;
    status: TCaseStatus;
    networkName: string;
    departmentName: string | null;
    text: string;
  }>(
    db,
    Prisma.sql`
    WITH ${analyticsCtes(boundsRows(scope.municipalities, [input.month], now))},
    fc AS (SELECT DISTINCT "id" FROM ${source} WHERE ${selection.where}),
    tot AS (SELECT count(*)::int AS total FROM fc)
    SELECT tot.total, page.*
    FROM tot LEFT JOIN LATERAL (
      SELECT c."id", c."number", m."name" AS "municipalityName", c."receivedAt", c."status"::text AS "status",
        n."name" AS "networkName", d."name" AS "departmentName", left(c."text", ${EXCERPT_LENGTH * 3}::int) AS "text"
      FROM fc
      JOIN "Case" c ON c."id" = fc."id"
      JOIN "Municipality" m ON m."id" = c."municipalityId"
      JOIN "SocialNetwork" n ON n."id" = c."networkId"
      LEFT JOIN "Department" d ON d."id" = c."departmentId"
      WHERE TRUE ${afterCursor}
      ORDER BY c."receivedAt" DESC, c."id" DESC
      LIMIT ${limit + 1}::int
    ) page ON TRUE`,
  );

  const total = rows[0]?.total ?? 0;
  const found = rows.filter((r): r is (typeof rows)[number] & { id: string } => r.id !== null);
  const items = found.slice(0, limit).map((r): TFigureCaseItem => ({
    id: r.id,
    number: r.number,
    municipalityName: r.municipalityName,
    receivedAt: r.receivedAt,
    status: r.status,
    networkName: r.networkName,
    departmentName: r.departmentName,
    excerpt: excerptOf(r.text, EXCERPT_LENGTH),
  }));
  const last = items.at(-1);
  return { items, nextCursor: found.length > limit && last ? encodeCursor(last) : null, total };
}
