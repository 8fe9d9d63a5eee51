import type { TPrismaClient } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import type { CaseStatus, ClockKind, CaseSource } from "../../db/generated/client";
import type { TCaseFilter, TCaseReader } from "./queries";

/** What the summary needs of a case, relations included (CASE_SUMMARY_SELECT's payload). */
export interface TSummaryRow {
  id: string;
  number: number;
  municipalityId: string;
  externalId: string | null;
  status: CaseStatus;
  source: CaseSource;
  postUrl: string;
  authorName: string | null;
  text: string;
  receivedAt: Date;
  publishedAt: Date | null;
  significant: boolean;
  repeated: boolean;
  version: number;
  updatedAt: Date;
  routeDueAt: Date;
  draftDueAt: Date;
  answerDueAt: Date;
  currentClock: ClockKind | null;
  currentDueAt: Date | null;
  slaRouteMinutes: number;
  slaDraftMinutes: number;
  slaForwardMinutes: number;
  slaReworkMinutes: number;
  slaAnswerMinutes: number;
  postedAt: Date | null;
  postedAnswerUrl: string | null;
  network: { code: string; name: string };
  department: { id: string; name: string } | null;
  executor: { id: string; fullName: string } | null;
  topic: { id: string; name: string } | null;
  repeatOf: { id: string; number: number; externalId: string | null } | null;
}

interface TFlatRow extends Omit<TSummaryRow, "network" | "department" | "executor" | "topic" | "repeatOf"> {
  networkCode: string;
  networkName: string;
  departmentId: string | null;
  departmentName: string | null;
  executorId: string | null;
  executorName: string | null;
  topicId: string | null;
  topicName: string | null;
  repeatOfId: string | null;
  repeatOfNumber: number | null;
  repeatOfExternalId: string | null;
}

const INT4_MAX = 2_147_483_647;

/**
 * Whether `firstCasePage` can serve the request: the first page (a cursor's page is left to the
 * client's own cursor semantics), and a number searched for that fits the column (the client
 * rejects a larger one).
 */
export function servesFirstPage(filter: TCaseFilter, text: string | undefined): boolean {
  if (filter.cursor) return false;
  return !text || !/^\d+$/.test(text) || Number(text) <= INT4_MAX;
}

/**
 * The first page of listCases in one statement, the relations joined: the client's
 * `findMany` with them selected costs a round trip per relation after the cases' own, several
 * times the statement on a page of 50. The conditions are listCases' `where`, written out as
 * the client writes them (ILIKE '%…%' for `contains` in insensitive mode, LIKE for `contains`),
 * the order and the page size the same, and the rows come back in CASE_SUMMARY_SELECT's shape.
 */
export async function firstCasePage(
  prisma: TPrismaClient,
  reader: TCaseReader,
  filter: TCaseFilter,
  text: string | undefined,
  take: number,
  now: Date,
): Promise<TSummaryRow[]> {
  const where: Prisma.Sql[] = [Prisma.sql`c."municipalityId" = ANY(${[...reader.municipalityIds]}::text[])`];
  if (reader.onlyDepartmentId !== undefined)
    where.push(Prisma.sql`c."departmentId" = ${reader.onlyDepartmentId ?? "-"}`);
  if (filter.status?.length) where.push(Prisma.sql`c."status" = ANY(${filter.status}::text[]::"CaseStatus"[])`);
  if (filter.departmentId) where.push(Prisma.sql`c."departmentId" = ${filter.departmentId}`);
  if (filter.network) where.push(Prisma.sql`n."code" = ${filter.network}`);
  if (filter.receivedFrom) where.push(Prisma.sql`c."receivedAt" >= ${filter.receivedFrom.toISOString()}::timestamp(3)`);
  if (filter.receivedTo) where.push(Prisma.sql`c."receivedAt" < ${filter.receivedTo.toISOString()}::timestamp(3)`);
  if (filter.updatedSince) where.push(Prisma.sql`c."updatedAt" >= ${filter.updatedSince.toISOString()}::timestamp(3)`);
  if (filter.clockState === "OVERDUE") where.push(Prisma.sql`c."currentDueAt" < ${now.toISOString()}::timestamp(3)`);
  if (filter.clockState && filter.clockState !== "OVERDUE")
    where.push(Prisma.sql`c."currentDueAt" >= ${now.toISOString()}::timestamp(3)`);
  if (text) {
    const or = [
      Prisma.sql`c."text" ILIKE ('%' || ${text} || '%')`,
      Prisma.sql`c."authorName" ILIKE ('%' || ${text} || '%')`,
      Prisma.sql`c."postUrl" LIKE ('%' || ${text} || '%')`,
      Prisma.sql`c."externalId" = ${text}`,
      ...(/^\d+$/.test(text) ? [Prisma.sql`c."number" = ${Number(text)}::int`] : []),
    ];
    where.push(Prisma.sql`(${Prisma.join(or, " OR ")})`);
  }
  const rows = await prisma.$queryRaw<TFlatRow[]>`
    SELECT c."id", c."number", c."municipalityId", c."externalId", c."status"::text AS "status",
      c."source"::text AS "source", c."postUrl", c."authorName", c."text", c."receivedAt", c."publishedAt",
      c."significant", c."repeated", c."version", c."updatedAt", c."routeDueAt", c."draftDueAt", c."answerDueAt",
      c."currentClock"::text AS "currentClock", c."currentDueAt", c."slaRouteMinutes", c."slaDraftMinutes",
      c."slaForwardMinutes", c."slaReworkMinutes", c."slaAnswerMinutes", c."postedAt", c."postedAnswerUrl",
      n."code" AS "networkCode", n."name" AS "networkName", d."id" AS "departmentId", d."name" AS "departmentName",
      u."id" AS "executorId", u."fullName" AS "executorName", t."id" AS "topicId", t."name" AS "topicName",
      r."id" AS "repeatOfId", r."number" AS "repeatOfNumber", r."externalId" AS "repeatOfExternalId"
    FROM "Case" c
    JOIN "SocialNetwork" n ON n."id" = c."networkId"
    LEFT JOIN "Department" d ON d."id" = c."departmentId"
    LEFT JOIN "User" u ON u."id" = c."executorId"
    LEFT JOIN "Topic" t ON t."id" = c."topicId"
    LEFT JOIN "Case" r ON r."id" = c."repeatOfId"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY c."currentDueAt" ASC NULLS LAST, c."receivedAt" DESC, c."id" ASC
    LIMIT ${take}::int`;
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    municipalityId: row.municipalityId,
    externalId: row.externalId,
    status: row.status,
    source: row.source,
    postUrl: row.postUrl,
    authorName: row.authorName,
    text: row.text,
    receivedAt: row.receivedAt,
    publishedAt: row.publishedAt,
    significant: row.significant,
    repeated: row.repeated,
    version: row.version,
    updatedAt: row.updatedAt,
    routeDueAt: row.routeDueAt,
    draftDueAt: row.draftDueAt,
    answerDueAt: row.answerDueAt,
    currentClock: row.currentClock,
    currentDueAt: row.currentDueAt,
    slaRouteMinutes: row.slaRouteMinutes,
    slaDraftMinutes: row.slaDraftMinutes,
    slaForwardMinutes: row.slaForwardMinutes,
    slaReworkMinutes: row.slaReworkMinutes,
    slaAnswerMinutes: row.slaAnswerMinutes,
    postedAt: row.postedAt,
    postedAnswerUrl: row.postedAnswerUrl,
    network: { code: row.networkCode, name: row.networkName },
    department: row.departmentId === null ? null : { id: row.departmentId, name: row.departmentName ?? "" },
    executor: row.executorId === null ? null : { id: row.executorId, fullName: row.executorName ?? "" },
    topic: row.topicId === null ? null : { id: row.topicId, name: row.topicName ?? "" },
    repeatOf:
      row.repeatOfId === null
        ? null
        : { id: row.repeatOfId, number: row.repeatOfNumber ?? 0, externalId: row.repeatOfExternalId },
  }));
}
