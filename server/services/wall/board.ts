import type { TPrismaClient } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { OPEN_STATUSES, type TCaseStatus, type TClockKind } from "../../domain/cases/case-types";
import { freezeSla } from "../../domain/cases/clocks";
import {
  MAX_WALL_CASES,
  shapeWallBoard,
  type TBoardCaseRow,
  type TBoardDepartment,
  type TWallBoard,
} from "../../domain/wall/board";
import { SLA_MAX_MINUTES } from "../../domain/settings/sla-settings";
import { ServiceError } from "../errors";
import { excerptOf } from "../queues/present";

/** One line on a tile. */
const WALL_EXCERPT_LENGTH = 100;

// Constants of the code, not input: inlined so PostgreSQL compares with the enum directly and
// the (municipalityId, status, currentDueAt) index applies.
const OPEN_STATUS_LIST = Prisma.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(", "));

interface TBoardRow {
  id: string;
  name: string;
  timeZone: string;
  departments: TBoardDepartment[];
  answeredToday: number;
  openTotal: number;
  /** One array per case, in CASE_FIELDS order (see loadWallBoard). */
  cases: TCaseTuple[];
}

/**
 * id, number, status, departmentId, significant, currentClock, currentDueAt (epoch ms),
 * answerDueAt (epoch ms), the five SLA lengths, network, text.
 */
type TCaseTuple = [
  string,
  number,
  TCaseStatus,
  string | null,
  boolean,
  TClockKind | null,
  number | null,
  number,
  number,
  number,
  number,
  number,
  number,
  string,
  string,
];

/** Epoch milliseconds of a timestamp(3) column (stored in UTC), exact: JSON has no dates. */
const epochMs = (column: Prisma.Sql) => Prisma.sql`(EXTRACT(EPOCH FROM ${column}) * 1000)::bigint`;

/**
 * The wall's board for one municipality in one statement, however many departments it has. It
 * returns one row, the cases in it as a JSON array of arrays: the board is read every time a
 * case changes, and one row of JSON costs the client far less to decode than hundreds of rows
 * of columns (and one round trip instead of two).
 *
 * - the municipality, its departments and the answers posted today within their 24-hour
 *   clock. "Today" is the municipality's calendar day, worked out by PostgreSQL from its zone.
 *   An answer on time was received at most `SLA_MAX_MINUTES` before it was posted, so the
 *   count also bounds `receivedAt`, which lets the (municipalityId, receivedAt) index narrow it
 *   to the last days instead of every answer ever posted;
 * - the open cases, most urgent first, through the (municipalityId, status, currentDueAt)
 *   index, with their network and the start of their text, and the count of all open ones.
 */
export async function loadWallBoard(prisma: TPrismaClient, municipalityId: string, now: Date): Promise<TWallBoard> {
  const nowIso = now.toISOString();
  const rows = await prisma.$queryRaw<TBoardRow[]>`
    SELECT m."id", m."name", m."timeZone",
      COALESCE((
        SELECT json_agg(json_build_object(
          'id', d."id", 'name', d."name", 'shortName', d."shortName",
          'isCoordinating', d."isCoordinating", 'active', d."active") ORDER BY d."name")
        FROM "Department" d WHERE d."municipalityId" = m."id"
      ), '[]'::json) AS "departments",
      (
        SELECT count(*)::int FROM "Case" c
        WHERE c."municipalityId" = m."id"
          AND c."status" = 'POSTED'
          AND c."receivedAt" >= day."start" - make_interval(mins => ${SLA_MAX_MINUTES}::int)
          AND c."postedAt" >= day."start" AND c."postedAt" < day."end"
          AND c."postedAt" <= c."answerDueAt"
      ) AS "answeredToday",
      COALESCE(open."total", 0) AS "openTotal",
      COALESCE(open."cases", '[]'::json) AS "cases"
    FROM "Municipality" m
    CROSS JOIN LATERAL (
      SELECT date_trunc('day', ${nowIso}::timestamptz AT TIME ZONE m."timeZone") AS "local"
    ) midnight
    CROSS JOIN LATERAL (
      SELECT (midnight."local" AT TIME ZONE m."timeZone") AT TIME ZONE 'UTC' AS "start",
             ((midnight."local" + interval '1 day') AT TIME ZONE m."timeZone") AT TIME ZONE 'UTC' AS "end"
    ) day
    LEFT JOIN LATERAL (
      SELECT max(o."openTotal") AS "total",
        json_agg(json_build_array(
          o."id", o."number", o."status", o."departmentId", o."significant", o."currentClock",
          ${epochMs(Prisma.sql`o."currentDueAt"`)}, ${epochMs(Prisma.sql`o."answerDueAt"`)},
          o."slaRouteMinutes", o."slaDraftMinutes", o."slaForwardMinutes", o."slaReworkMinutes", o."slaAnswerMinutes",
          o."network", o."text"
        ) ORDER BY o."currentDueAt" ASC NULLS LAST, o."receivedAt" ASC, o."id" ASC) AS "cases"
      FROM (
        SELECT c."id", c."number", c."status"::text AS "status", c."departmentId", c."significant",
          c."currentClock"::text AS "currentClock", c."currentDueAt", c."answerDueAt", c."receivedAt",
          c."slaRouteMinutes", c."slaDraftMinutes", c."slaForwardMinutes", c."slaReworkMinutes", c."slaAnswerMinutes",
          n."name" AS "network", left(c."text", ${WALL_EXCERPT_LENGTH * 3}::int) AS "text",
          (count(*) OVER ())::int AS "openTotal"
        FROM "Case" c
        JOIN "SocialNetwork" n ON n."id" = c."networkId"
        WHERE c."municipalityId" = m."id" AND c."status" IN (${OPEN_STATUS_LIST})
        ORDER BY c."currentDueAt" ASC NULLS LAST, c."receivedAt" ASC, c."id" ASC
        LIMIT ${MAX_WALL_CASES}::int
      ) o
    ) open ON TRUE
    WHERE m."id" = ${municipalityId}`;
  const meta = rows[0];
  if (!meta) throw new ServiceError("NOT_FOUND", "Муниципальное образование не найдено");
  const cases = meta.cases.map(
    ([
      id,
      number,
      status,
      departmentId,
      significant,
      currentClock,
      currentDueAt,
      answerDueAt,
      ...rest
    ]): TBoardCaseRow => {
      const [slaRouteMinutes, slaDraftMinutes, slaForwardMinutes, slaReworkMinutes, slaAnswerMinutes, network, text] =
        rest;
      return {
        id,
        number,
        status,
        departmentId,
        significant,
        currentClock,
        currentDueAt: currentDueAt === null ? null : new Date(currentDueAt),
        answerDueAt: new Date(answerDueAt),
        network,
        excerpt: excerptOf(text, WALL_EXCERPT_LENGTH),
        sla: freezeSla({ slaRouteMinutes, slaDraftMinutes, slaForwardMinutes, slaReworkMinutes, slaAnswerMinutes }),
      };
    },
  );
  return shapeWallBoard({
    municipality: { id: meta.id, name: meta.name, timeZone: meta.timeZone },
    departments: meta.departments,
    cases,
    openTotal: meta.openTotal,
    answeredToday: meta.answeredToday,
    now,
  });
}
