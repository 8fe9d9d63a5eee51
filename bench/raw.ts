/**
 * Hand-written SQL returning the same data as the services measured, through `pg` directly:
 * the floor the services' figures are compared with.
 */
import type pg from "pg";
import { OPEN_STATUSES } from "../server/domain/cases/case-types";
import { MAX_WALL_CASES } from "../server/domain/wall/board";
import { ROUTING_HISTORY_DAYS } from "../server/domain/cases/routing-suggestion";
import { SLA_MAX_MINUTES } from "../server/domain/settings/sla-settings";

const OPEN_LIST = OPEN_STATUSES.map((s) => `'${s}'`).join(", ");

/** The wall's two statements (server/services/wall/board.ts), written out. */
export async function rawWallBoard(pool: pg.Pool, municipalityId: string, now: Date) {
  const [meta, cases] = await Promise.all([
    pool.query(
      `SELECT m."id", m."name", m."timeZone",
         COALESCE((SELECT json_agg(json_build_object('id', d."id", 'name', d."name", 'shortName', d."shortName",
             'isCoordinating', d."isCoordinating", 'active', d."active") ORDER BY d."name")
           FROM "Department" d WHERE d."municipalityId" = m."id"), '[]'::json) AS "departments",
         (SELECT count(*)::int FROM "Case" c
          WHERE c."municipalityId" = m."id" AND c."status" = 'POSTED'
            AND c."receivedAt" >= day."start" - make_interval(mins => ${SLA_MAX_MINUTES})
            AND c."postedAt" >= day."start" AND c."postedAt" < day."end" AND c."postedAt" <= c."answerDueAt") AS "answeredToday"
       FROM "Municipality" m
       CROSS JOIN LATERAL (SELECT date_trunc('day', $2::timestamptz AT TIME ZONE m."timeZone") AS "local") midnight
       CROSS JOIN LATERAL (SELECT (midnight."local" AT TIME ZONE m."timeZone") AT TIME ZONE 'UTC' AS "start",
         ((midnight."local" + interval '1 day') AT TIME ZONE m."timeZone") AT TIME ZONE 'UTC' AS "end") day
       WHERE m."id" = $1`,
      [municipalityId, now.toISOString()],
    ),
    pool.query(
      `SELECT c."id", c."number", c."status", c."departmentId", c."significant", c."currentClock", c."currentDueAt",
         c."answerDueAt", c."slaRouteMinutes", c."slaDraftMinutes", c."slaForwardMinutes", c."slaReworkMinutes",
         c."slaAnswerMinutes", n."name" AS "network", left(c."text", 300) AS "text", (count(*) OVER ())::int AS "openTotal"
       FROM "Case" c JOIN "SocialNetwork" n ON n."id" = c."networkId"
       WHERE c."municipalityId" = $1 AND c."status" IN (${OPEN_LIST})
       ORDER BY c."currentDueAt" ASC NULLS LAST, c."receivedAt" ASC, c."id" ASC
       LIMIT ${MAX_WALL_CASES}`,
      [municipalityId],
    ),
  ]);
  return { meta: meta.rows, cases: cases.rows };
}

/** CASE_SUMMARY_SELECT + the municipality (QUEUE_CASE_SELECT), relations as joins. */
const SUMMARY_COLUMNS = `c."id", c."number", c."municipalityId", c."externalId", c."status", c."source", c."postUrl",
  c."authorName", c."text", c."receivedAt", c."publishedAt", c."significant", c."repeated", c."version", c."updatedAt",
  c."routeDueAt", c."draftDueAt", c."answerDueAt", c."currentClock", c."currentDueAt", c."slaRouteMinutes",
  c."slaDraftMinutes", c."slaForwardMinutes", c."slaReworkMinutes", c."slaAnswerMinutes", c."postedAt",
  c."postedAnswerUrl", n."code" AS "networkCode", n."name" AS "networkName", d."id" AS "departmentId",
  d."name" AS "departmentName", u."id" AS "executorId", u."fullName" AS "executorName", t."id" AS "topicId",
  t."name" AS "topicName", r."id" AS "repeatOfId", r."number" AS "repeatOfNumber", r."externalId" AS "repeatOfExternalId"`;
const SUMMARY_JOINS = `JOIN "SocialNetwork" n ON n."id" = c."networkId"
  LEFT JOIN "Department" d ON d."id" = c."departmentId"
  LEFT JOIN "User" u ON u."id" = c."executorId"
  LEFT JOIN "Topic" t ON t."id" = c."topicId"
  LEFT JOIN "Case" r ON r."id" = c."repeatOfId"`;

/** loadInbox of a coordinator (every section) with the routing suggestions' inputs. */
export async function rawInbox(pool: pg.Pool, municipalityIds: string[], limit: number, now: Date) {
  const section = (status: string, extra = "") =>
    pool.query(
      `SELECT ${SUMMARY_COLUMNS}, m."name" AS "municipalityName", m."timeZone"${extra}
       FROM "Case" c ${SUMMARY_JOINS} JOIN "Municipality" m ON m."id" = c."municipalityId"
       WHERE c."municipalityId" = ANY($1) AND c."status" = '${status}'
       ORDER BY c."currentDueAt" ASC NULLS LAST, c."receivedAt" ASC, c."id" ASC LIMIT ${limit}`,
      [municipalityIds],
    );
  const [fresh, review, atCurator, approved, totals] = await Promise.all([
    section(
      "NEW",
      `, c."settlement", t."defaultDepartmentId" AS "topicDefaultDepartmentId", r."departmentId" AS "repeatOfDepartmentId"`,
    ),
    section("INTERNAL_REVIEW"),
    section("AT_CURATOR"),
    section("APPROVED"),
    pool.query(
      `SELECT "status", count(*)::int AS n FROM "Case"
       WHERE "municipalityId" = ANY($1) AND "status" IN ('NEW', 'INTERNAL_REVIEW', 'AT_CURATOR', 'APPROVED') GROUP BY 1`,
      [municipalityIds],
    ),
  ]);
  const topicIds = [...new Set(fresh.rows.flatMap((r: { topicId: string | null }) => (r.topicId ? [r.topicId] : [])))];
  const since = new Date(now.getTime() - ROUTING_HISTORY_DAYS * 24 * 3600_000).toISOString();
  const handled = `"municipalityId" = ANY($1) AND "departmentId" IS NOT NULL AND "status" <> 'CANCELLED'
    AND "receivedAt" >= $2 AND "receivedAt" < $3`;
  const [departments, topics, settlements] =
    fresh.rows.length === 0
      ? [null, null, null]
      : await Promise.all([
          pool.query(
            `SELECT "id", "municipalityId", "name" FROM "Department"
             WHERE "municipalityId" = ANY($1) AND "active" AND NOT "isCoordinating"`,
            [municipalityIds],
          ),
          pool.query(
            `SELECT "municipalityId", "topicId", "departmentId", count(*)::int AS n, max("receivedAt") AS last
             FROM "Case" WHERE ${handled} AND "topicId" = ANY($4) GROUP BY 1, 2, 3`,
            [municipalityIds, since, now.toISOString(), topicIds],
          ),
          pool.query(
            `SELECT "municipalityId", "settlement", "departmentId", count(*)::int AS n, max("receivedAt") AS last
             FROM "Case" WHERE ${handled} AND "settlement" IS NOT NULL GROUP BY 1, 2, 3`,
            [municipalityIds, since, now.toISOString()],
          ),
        ]);
  return { fresh, review, atCurator, approved, totals, departments, topics, settlements };
}

/** listCases with the filters the figure uses. */
export async function rawCaseList(
  pool: pg.Pool,
  municipalityIds: string[],
  filter: { status?: string[]; departmentId?: string; receivedFrom?: Date; receivedTo?: Date; text?: string },
  limit: number,
) {
  const where = [`c."municipalityId" = ANY($1)`];
  const params: unknown[] = [municipalityIds];
  const add = (sql: (i: number) => string, value: unknown) => {
    params.push(value);
    where.push(sql(params.length));
  };
  if (filter.status) add((i) => `c."status"::text = ANY($${i})`, filter.status);
  if (filter.departmentId) add((i) => `c."departmentId" = $${i}`, filter.departmentId);
  if (filter.receivedFrom) add((i) => `c."receivedAt" >= $${i}`, filter.receivedFrom.toISOString());
  if (filter.receivedTo) add((i) => `c."receivedAt" < $${i}`, filter.receivedTo.toISOString());
  if (filter.text) {
    params.push(`%${filter.text}%`, filter.text);
    const like = params.length - 1;
    where.push(
      `(c."text" ILIKE $${like} OR c."authorName" ILIKE $${like} OR c."postUrl" LIKE $${like} OR c."externalId" = $${like + 1})`,
    );
  }
  return pool.query(
    `SELECT ${SUMMARY_COLUMNS} FROM "Case" c ${SUMMARY_JOINS}
     WHERE ${where.join(" AND ")}
     ORDER BY c."currentDueAt" ASC NULLS LAST, c."receivedAt" DESC, c."id" ASC LIMIT ${limit + 1}`,
    params,
  );
}

/**
 * computeMonthlyMetrics' data: the aggregates statements (already SQL, run as they are: one, or
 * one per half of a region's municipalities, side by side as the service runs them), routine
 * posting per account and week, and the names the figures are labelled with, side by side.
 */
export async function rawMonthlyAnalytics(
  pool: pg.Pool,
  aggregates: readonly { text: string; values: readonly unknown[] }[],
  municipalityIds: string[],
  weeks: readonly { municipalityId: string; start: Date; end: Date }[],
) {
  const [figures, routine, labels] = await Promise.all([
    Promise.all(aggregates.map((a) => pool.query(a.text, [...a.values]))),
    pool.query(
      `WITH w AS (SELECT * FROM unnest($1::text[], $2::timestamp(3)[], $3::timestamp(3)[]) AS w(mid, "start", "end"))
       SELECT a."id", a."name", n."name" AS "network", a."municipalityId", rp."posts"
       FROM "SocialAccount" a JOIN "SocialNetwork" n ON n."id" = a."networkId"
       JOIN w ON w.mid = a."municipalityId" AND a."createdAt" < w."end"
       CROSS JOIN LATERAL (
         SELECT count(*)::int AS "posts" FROM "RoutinePost" x
         WHERE x."accountId" = a."id" AND x."publishedAt" >= w."start" AND x."publishedAt" < w."end"
       ) rp
       WHERE a."active" ORDER BY a."name", a."id", w."start"`,
      [
        weeks.map((w) => w.municipalityId),
        weeks.map((w) => w.start.toISOString()),
        weeks.map((w) => w.end.toISOString()),
      ],
    ),
    pool.query(
      `SELECT 'department' AS kind, d."id", d."name", d."active", d."municipalityId", NULL AS extra
       FROM "Department" d WHERE d."municipalityId" = ANY($1)
       UNION ALL SELECT 'network', n."id", n."name", n."active", NULL, NULL FROM "SocialNetwork" n
       UNION ALL SELECT 'topic', t."id", t."name", t."active", t."municipalityId", NULL FROM "Topic" t WHERE t."municipalityId" = ANY($1)
       UNION ALL SELECT 'user', u."id", u."fullName", u."active", u."municipalityId", d."name"
       FROM "User" u LEFT JOIN "Department" d ON d."id" = u."departmentId" WHERE u."municipalityId" = ANY($1)`,
      [municipalityIds],
    ),
  ]);
  return { figures: figures.map((f): unknown[] => f.rows), routine: routine.rows, labels: labels.rows };
}
