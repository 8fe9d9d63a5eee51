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

interface TMetaRow {
  id: string;
  name: string;
  timeZone: string;
  departments: TBoardDepartment[];
  answeredToday: number;
}

interface TCaseRow {
  id: string;
  number: number;
  status: TCaseStatus;
  departmentId: string | null;
  significant: boolean;
  currentClock: TClockKind | null;
  currentDueAt: Date | null;
  answerDueAt: Date;
  slaRouteMinutes: number;
  slaDraftMinutes: number;
  slaForwardMinutes: number;
  slaReworkMinutes: number;
  slaAnswerMinutes: number;
  network: string;
  text: string;
  openTotal: number;
}

/**
 * The wall's board for one municipality in two statements, however many departments it has:
 *
 * 1. the municipality, its departments and the answers posted today within their 24-hour clock.
 *    "Today" is the municipality's calendar day, worked out by PostgreSQL from its zone. An
 *    answer on time was received at most `SLA_MAX_MINUTES` before it was posted, so the count
 *    also bounds `receivedAt`, which lets the (municipalityId, receivedAt) index narrow it to
 *    the last days instead of every answer ever posted;
 * 2. the open cases, most urgent first, through the (municipalityId, status, currentDueAt)
 *    index, with their network and the start of their text, and the count of all open ones.
 */
export async function loadWallBoard(prisma: TPrismaClient, municipalityId: string, now: Date): Promise<TWallBoard> {
  const nowIso = now.toISOString();
  const [metaRows, caseRows] = await Promise.all([
    prisma.$queryRaw<TMetaRow[]>`
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
        ) AS "answeredToday"
      FROM "Municipality" m
      CROSS JOIN LATERAL (
        SELECT date_trunc('day', ${nowIso}::timestamptz AT TIME ZONE m."timeZone") AS "local"
      ) midnight
      CROSS JOIN LATERAL (
        SELECT (midnight."local" AT TIME ZONE m."timeZone") AT TIME ZONE 'UTC' AS "start",
               ((midnight."local" + interval '1 day') AT TIME ZONE m."timeZone") AT TIME ZONE 'UTC' AS "end"
      ) day
      WHERE m."id" = ${municipalityId}`,
    prisma.$queryRaw<TCaseRow[]>`
      SELECT c."id", c."number", c."status"::text AS "status", c."departmentId", c."significant",
        c."currentClock"::text AS "currentClock", c."currentDueAt", c."answerDueAt",
        c."slaRouteMinutes", c."slaDraftMinutes", c."slaForwardMinutes", c."slaReworkMinutes", c."slaAnswerMinutes",
        n."name" AS "network", left(c."text", ${WALL_EXCERPT_LENGTH * 3}::int) AS "text",
        (count(*) OVER ())::int AS "openTotal"
      FROM "Case" c
      JOIN "SocialNetwork" n ON n."id" = c."networkId"
      WHERE c."municipalityId" = ${municipalityId} AND c."status" IN (${OPEN_STATUS_LIST})
      ORDER BY c."currentDueAt" ASC NULLS LAST, c."receivedAt" ASC, c."id" ASC
      LIMIT ${MAX_WALL_CASES}::int`,
  ]);
  const meta = metaRows[0];
  if (!meta) throw new ServiceError("NOT_FOUND", "Муниципальное образование не найдено");
  const cases: TBoardCaseRow[] = caseRows.map((row) => ({
    id: row.id,
    number: row.number,
    status: row.status,
    departmentId: row.departmentId,
    significant: row.significant,
    currentClock: row.currentClock,
    currentDueAt: row.currentDueAt,
    answerDueAt: row.answerDueAt,
    network: row.network,
    excerpt: excerptOf(row.text, WALL_EXCERPT_LENGTH),
    sla: freezeSla(row),
  }));
  return shapeWallBoard({
    municipality: { id: meta.id, name: meta.name, timeZone: meta.timeZone },
    departments: meta.departments,
    cases,
    openTotal: caseRows[0]?.openTotal ?? 0,
    answeredToday: meta.answeredToday,
    now,
  });
}
