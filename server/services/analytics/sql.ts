import { Prisma } from "../../db/generated/client";
import { OPEN_STATUSES } from "../../domain/cases/case-types";
import { NO_KEY } from "../../domain/analytics/labels";
import type { TFigure } from "../../domain/analytics/types";

/**
 * The SQL of the monthly analysis (п.13), in fragments shared by the figures' counts
 * (metrics.ts, trend.ts) and the drill-down lists (figure-cases.ts), so a list is always
 * selected by the predicate that counted its figure.
 *
 * Every statement starts from `b`: one row per (month, municipality) with the month's bounds in
 * the municipality's own zone, computed by the domain (server/domain/analytics/month.ts) and
 * passed in as arrays:
 *   from, to — the month, [from, to) in UTC;
 *   e        — the evaluation moment: the month's end once it has ended, `now` while it runs.
 *              Everything "by the end of the month" is judged at e, so a closed month's figures
 *              depend only on what had happened before its end, whenever they are computed;
 *   lb       — from − SLA_MAX_MINUTES: the earliest start of a clock whose deadline can fall in
 *              the month (no clock is longer than the settings allow).
 *
 * The CTEs (all columns named so the predicates below can refer to them unqualified):
 *
 * r    — RECEIVED: cases whose receivedAt (T0) is in [from, e), every status (declined and
 *        cancelled ones are publications received all the same). Through the
 *        (municipalityId, receivedAt) index.
 * s, p — IN PLAY: the cases of the municipality that may have done anything in the months:
 *        received before the last e and not finished (posted, declined, cancelled) before the
 *        first lb. Open now (status), or postedAt/closedAt ≥ lb. One pass per municipality,
 *        however many months `b` has. p carries the times of the case's submitted drafts and
 *        of its first submission (version 1: drafts are numbered from 1 in submission order
 *        and a submitted one is never deleted).
 * dec  — their review decisions (before the last e).
 * inst — CLOCK INSTANCES falling due in the month: each clock run of the regulation whose
 *        deadline is in [from, e), unless the case was declined or cancelled at or before that
 *        deadline (the clock was stopped, not met or missed). Route, draft and answer start at
 *        T0, one each per case (the route clock is п.7's routing of a received publication; a
 *        re-routing after a department handed a case back is not in it, though its violation
 *        is in the violations figures); forward starts at each draft submission; rework at
 *        each return (ReviewDecision RETURNED, internal or by the curator). Deadlines are
 *        start + the case's frozen length, as in server/domain/cases/clocks.ts. An instance is
 *        MISSED when the violations log holds its violation (Violation, keyed exactly like it
 *        by caseId, type and clockStartedAt = the start; its dueAt is the instance's deadline,
 *        so it is among the month's violations), which is written when the clock runs out
 *        (п.12); otherwise it was met. So the clock figures and the violations log agree.
 * fv   — FIRST-DRAFT VERDICTS: the first decision that settled the fate of a case's first
 *        submitted draft: a return (internal or by the curator) or the curator's decision.
 *        "Approved at first submission" = that decision is the curator's approval (internal
 *        forwarding is not a verdict). It is the case's earliest decision of those kinds: by
 *        the state machine a second draft can only follow a return of the first. Counted in
 *        the month of the verdict, so no draft is judged before it is decided and none is left
 *        out because it was decided after the month in which it was sent.
 * ret  — RETURNS for rework (ReviewDecision RETURNED, internal and by the curator) made in
 *        [from, e): the rework rounds.
 * viol — VIOLATIONS whose deadline passed in [from, e) (Violation.dueAt, which is also its
 *        detectedAt: the register's convention, server/domain/violations/month.ts).
 * ends — OPEN AT THE MONTH'S END: received before e and not posted, declined or cancelled
 *        before e; OVERDUE among them when their 24-hour deadline (answerDueAt) is before e.
 *        Reconstructed from the timestamps, so it is right for any past month.
 * moved — DURATIONS from T0 to routing (first routedAt), to the first submitted draft and to
 *        the posted answer, each counted in the month its action happened ([from, e)): every
 *        action of a closed month is in it, however long after receipt it came.
 *
 * Department of a case = its current one (Case.departmentId), "none" while it is not routed.
 */

export interface TBoundsRow {
  month: string;
  municipalityId: string;
  from: Date;
  to: Date;
  /** The evaluation moment: min(to, now). */
  e: Date;
  /** from − the longest clock: the earliest start of a clock due in the month. */
  lb: Date;
}

/**
 * From this many municipalities on, p takes the drafts submitted in the span by their time (the
 * AnswerDraft(submittedAt) index) and joins them on the case, instead of probing each case's
 * drafts: over a region that is one range scan instead of tens of thousands of probes. The
 * figures are the same either way: only drafts submitted at or after lb can start a forward
 * clock due in a month or be a first draft in one, and a draft submitted after a municipality's
 * evaluation moment e (but before the latest one) is dropped by the same month filters that
 * drop it below.
 */
const DRAFTS_BY_TIME_FROM = 5;

const OPEN_STATUS_LIST = Prisma.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(", "));
const NONE = Prisma.raw(`'${NO_KEY}'`);

/** Minutes between two timestamps, as a double: what the percentiles are taken over. */
const minutesBetween = (later: Prisma.Sql, earlier: Prisma.Sql) =>
  Prisma.sql`(EXTRACT(EPOCH FROM (${later} - ${earlier})) / 60)::float8`;

/** r: whether the 24-hour answer of a received case is judged by e (see ANSWER_WITHIN). Never NULL. */
export const ANSWER_JUDGED = Prisma.sql`(("answerDueAt" < e OR COALESCE("postedAt" < e, FALSE)) AND ("closedAt" IS NULL OR "closedAt" > "answerDueAt"))`;
/**
 * r: answered within 24 h = posted by e and at or before answerDueAt. Judged (the denominator):
 * posted by e, or its 24 h ran out before e — except cases declined or cancelled at or before
 * their deadline, which never owed an answer; one withdrawn after it had run out did, and
 * counts as late, as its ANSWER_LATE violation does. Never NULL, so NOT applies.
 */
export const ANSWER_WITHIN = Prisma.sql`("postedAt" IS NOT NULL AND "postedAt" < e AND "postedAt" <= "answerDueAt")`;

/** ends: still open at e, and among them overdue. */
export const OPEN_AT_END = Prisma.sql`(("postedAt" IS NULL OR "postedAt" >= e) AND ("closedAt" IS NULL OR "closedAt" >= e))`;
export const OVERDUE_AT_END = Prisma.sql`("answerDueAt" < e)`;

/**
 * The CTEs above, for the rows of `bounds` (one per month and municipality). `drafts: false`
 * leaves the drafts out of p (the trend needs none of their figures).
 *
 * Efficiency: each scan of a large table also carries plain conditions on its indexed columns
 * (municipalityId = ANY(ids) and the widest time range), so the planner estimates it right and
 * takes the (municipalityId, receivedAt) and (municipalityId, dueAt) indexes; a case's drafts
 * and review decisions are reached through LATERAL joins on their (caseId, …) indexes — one
 * index probe per case in play and table, never a scan of the whole table. No CTE is joined to
 * another on a case id (the planner cannot estimate CTEs, and a nested loop over two of them
 * grows with the square of the month): violations meet clock instances in one GROUP BY.
 */
export function analyticsCtes(bounds: readonly TBoundsRow[], options: { drafts?: boolean } = {}): Prisma.Sql {
  if (bounds.length === 0) throw new RangeError("no bounds");
  const col = <T>(pick: (b: TBoundsRow) => T) => bounds.map(pick);
  const iso = (pick: (b: TBoundsRow) => Date) => bounds.map((b) => pick(b).toISOString());
  const ids = [...new Set(col((b) => b.municipalityId))];
  const least = (pick: (b: TBoundsRow) => Date) => new Date(Math.min(...bounds.map((b) => pick(b).getTime())));
  const greatest = (pick: (b: TBoundsRow) => Date) => new Date(Math.max(...bounds.map((b) => pick(b).getTime())));
  const minFrom = Prisma.sql`${least((b) => b.from).toISOString()}::timestamp(3)`;
  const minLb = Prisma.sql`${least((b) => b.lb).toISOString()}::timestamp(3)`;
  const maxE = Prisma.sql`${greatest((b) => b.e).toISOString()}::timestamp(3)`;
  const inScope = Prisma.sql`ANY(${ids}::text[])`;
  const drafts =
    options.drafts === false
      ? Prisma.sql`CROSS JOIN LATERAL (SELECT NULL::timestamp(3)[] AS times, NULL::timestamp(3) AS first) dr`
      : ids.length >= DRAFTS_BY_TIME_FROM
        ? Prisma.sql`LEFT JOIN (
      SELECT x."caseId", array_agg(x."submittedAt") AS times, min(x."submittedAt") FILTER (WHERE x."version" = 1) AS first
      FROM "AnswerDraft" x WHERE x."submittedAt" >= ${minLb} AND x."submittedAt" < ${maxE}
      GROUP BY x."caseId"
    ) dr ON dr."caseId" = c."id"`
        : Prisma.sql`LEFT JOIN LATERAL (
      SELECT array_agg(x."submittedAt") AS times, min(x."submittedAt") FILTER (WHERE x."version" = 1) AS first
      FROM "AnswerDraft" x WHERE x."caseId" = c."id" AND x."submittedAt" IS NOT NULL AND x."submittedAt" < s.e
    ) dr ON TRUE`;
  return Prisma.sql`
  b AS (
    SELECT u."month", u.mid, u."from", u."to", u.e, u.lb
    FROM unnest(
      ${col((b) => b.month)}::text[], ${col((b) => b.municipalityId)}::text[],
      ${iso((b) => b.from)}::text[]::timestamp(3)[], ${iso((b) => b.to)}::text[]::timestamp(3)[],
      ${iso((b) => b.e)}::text[]::timestamp(3)[], ${iso((b) => b.lb)}::text[]::timestamp(3)[]
    ) AS u("month", mid, "from", "to", e, lb)
  ),
  s AS (SELECT mid, min(lb) AS lb, max(e) AS e FROM b GROUP BY mid),
  r AS (
    SELECT c."id", b."month", b.mid, b.e, c."networkId", c."source"::text AS "source", c."topicId",
      c."departmentId", c."repeated", c."significant", c."receivedAt", c."answerDueAt", c."postedAt", c."closedAt"
    FROM "Case" c
    JOIN b ON c."municipalityId" = b.mid AND c."receivedAt" >= b."from" AND c."receivedAt" < b.e
    WHERE c."municipalityId" = ${inScope} AND c."receivedAt" >= ${minFrom} AND c."receivedAt" < ${maxE}
  ),
  p AS MATERIALIZED (
    SELECT c."id", c."municipalityId" AS mid, c."departmentId", c."receivedAt", c."routedAt", c."postedAt",
      c."closedAt", c."routeDueAt", c."draftDueAt", c."answerDueAt", c."slaForwardMinutes", c."slaReworkMinutes",
      dr.times AS "draftTimes", dr.first AS "firstDraftAt", s.lb AS "spanFrom", s.e AS "spanTo"
    FROM "Case" c
    JOIN s ON s.mid = c."municipalityId" AND c."receivedAt" < s.e
      AND (c."status" IN (${OPEN_STATUS_LIST}) OR c."postedAt" >= s.lb OR c."closedAt" >= s.lb)
    ${drafts}
    WHERE c."municipalityId" = ${inScope} AND c."receivedAt" < ${maxE}
      AND (c."status" IN (${OPEN_STATUS_LIST}) OR c."postedAt" >= ${minLb} OR c."closedAt" >= ${minLb})
  ),
  dec AS MATERIALIZED (
    SELECT p."id", p.mid, p."departmentId", p."closedAt", p."slaReworkMinutes",
      rd."stage"::text AS "stage", rd."outcome"::text AS "outcome", rd."createdAt", rd."id" AS "decisionId"
    FROM p CROSS JOIN LATERAL (
      SELECT x."id", x."stage", x."outcome", x."createdAt" FROM "ReviewDecision" x
      WHERE x."caseId" = p."id" AND x."createdAt" < p."spanTo"
      OFFSET 0
    ) rd
  ),
  runs AS (
    SELECT p."id" AS "caseId", p.mid, p."departmentId", p."closedAt", k.kind, k.started, k.due
    FROM p CROSS JOIN LATERAL (VALUES
      ('ROUTE', p."receivedAt", p."routeDueAt"),
      ('DRAFT', p."receivedAt", p."draftDueAt"),
      ('ANSWER', p."receivedAt", p."answerDueAt")
    ) AS k(kind, started, due)
    UNION ALL
    SELECT p."id", p.mid, p."departmentId", p."closedAt", 'FORWARD', d.started,
      d.started + make_interval(mins => p."slaForwardMinutes")
    FROM p CROSS JOIN LATERAL unnest(p."draftTimes") AS d(started)
    WHERE d.started >= p."spanFrom"
    UNION ALL
    SELECT dec."id", dec.mid, dec."departmentId", dec."closedAt", 'REWORK', dec."createdAt",
      dec."createdAt" + make_interval(mins => dec."slaReworkMinutes")
    FROM dec WHERE dec."outcome" = 'RETURNED'
  ),
  viol AS (
    SELECT v."caseId" AS "id", b."month", v."type"::text AS "type", v."clockStartedAt", v."responsibleDepartmentId",
      v."responsibleUserId"
    FROM "Violation" v
    JOIN b ON v."municipalityId" = b.mid AND v."dueAt" >= b."from" AND v."dueAt" < b.e
    WHERE v."municipalityId" = ${inScope} AND v."dueAt" >= ${minFrom} AND v."dueAt" < ${maxE}
  ),
  inst AS (
    SELECT k."id", k."month", max(k."departmentId") AS "departmentId", k.kind, k.started,
      bool_or(k.src = 'v') AS missed
    FROM (
      SELECT runs."caseId" AS "id", b."month", runs."departmentId", runs.kind, runs.started, 'i' AS src
      FROM runs JOIN b ON b.mid = runs.mid AND runs.due >= b."from" AND runs.due < b.e
      WHERE runs."closedAt" IS NULL OR runs."closedAt" > runs.due
      UNION ALL
      SELECT viol."id", viol."month", NULL, left(viol."type", -5), viol."clockStartedAt", 'v'
      FROM viol
    ) k
    GROUP BY k."id", k."month", k.kind, k.started
    HAVING bool_or(k.src = 'i')
  ),
  verdicts AS (
    SELECT DISTINCT ON (dec."id" COLLATE "C") dec."id", dec.mid, dec."departmentId", dec."createdAt" AS "at",
      (dec."stage" = 'CURATOR' AND dec."outcome" = 'APPROVED') AS approved
    FROM dec
    WHERE dec."outcome" = 'RETURNED' OR dec."stage" = 'CURATOR'
    -- Byte order is enough to bring a case's decisions together (ids are equal under any
    -- deterministic collation exactly when their bytes are) and sorts faster than the database's.
    ORDER BY dec."id" COLLATE "C", dec."createdAt", dec."decisionId"
  ),
  fv AS (
    SELECT verdicts."id", b."month", verdicts."departmentId", verdicts.approved
    FROM verdicts JOIN b ON b.mid = verdicts.mid AND verdicts."at" >= b."from" AND verdicts."at" < b.e
  ),
  ret AS (
    SELECT dec."id", b."month", dec."departmentId"
    FROM dec JOIN b ON b.mid = dec.mid AND dec."createdAt" >= b."from" AND dec."createdAt" < b.e
    WHERE dec."outcome" = 'RETURNED'
  ),
  ends AS (
    SELECT p."id", b."month", b.e, p."departmentId", p."postedAt", p."closedAt", p."answerDueAt"
    FROM p JOIN b ON b.mid = p.mid AND p."receivedAt" < b.e
  ),
  moved AS (
    SELECT p."id", b."month", p."departmentId",
      CASE WHEN p."routedAt" >= b."from" AND p."routedAt" < b.e THEN ${minutesBetween(Prisma.sql`p."routedAt"`, Prisma.sql`p."receivedAt"`)} END AS "routeMinutes",
      CASE WHEN p."firstDraftAt" >= b."from" AND p."firstDraftAt" < b.e THEN ${minutesBetween(Prisma.sql`p."firstDraftAt"`, Prisma.sql`p."receivedAt"`)} END AS "draftMinutes",
      CASE WHEN p."postedAt" >= b."from" AND p."postedAt" < b.e THEN ${minutesBetween(Prisma.sql`p."postedAt"`, Prisma.sql`p."receivedAt"`)} END AS "answerMinutes"
    FROM p JOIN b ON b.mid = p.mid
  )`;
}

/** A figure's rows: which CTE holds them and which of its rows count. */
interface TFigureSelection {
  from: "r" | "inst" | "fv" | "ret" | "viol" | "ends";
  where: Prisma.Sql;
}

const byDepartment = (key: string | null, column = Prisma.sql`"departmentId"`) =>
  key === null ? Prisma.sql`TRUE` : Prisma.sql`COALESCE(${column}, ${NONE}) = ${key}`;
const byValue = (column: Prisma.Sql, key: string | null) =>
  key === null ? Prisma.sql`TRUE` : Prisma.sql`COALESCE(${column}, ${NONE}) = ${key}`;

/**
 * The rows behind a figure. `key` narrows a grouped figure to one group (a network id, a
 * source, a topic id, a department id, a violation type, a user id, a clock for clockMissed);
 * on the others it is a department id, which is how the page drills into a department's
 * timeliness and quality. NO_KEY ("none") selects the group without a value.
 */
export function selectFigure(figure: TFigure, key: string | null): TFigureSelection {
  switch (figure) {
    case "received":
      return { from: "r", where: byDepartment(key) };
    case "byNetwork":
      return { from: "r", where: byValue(Prisma.sql`"networkId"`, key) };
    case "bySource":
      return { from: "r", where: byValue(Prisma.sql`"source"`, key) };
    case "byTopic":
      return { from: "r", where: byValue(Prisma.sql`"topicId"`, key) };
    case "byDepartment":
      return { from: "r", where: byDepartment(key) };
    case "repeated":
      return { from: "r", where: Prisma.sql`"repeated" AND ${byDepartment(key)}` };
    case "significant":
      return { from: "r", where: Prisma.sql`"significant" AND ${byDepartment(key)}` };
    case "answeredWithin24h":
      return { from: "r", where: Prisma.sql`${ANSWER_JUDGED} AND ${ANSWER_WITHIN} AND ${byDepartment(key)}` };
    case "answeredLate":
      return { from: "r", where: Prisma.sql`${ANSWER_JUDGED} AND NOT ${ANSWER_WITHIN} AND ${byDepartment(key)}` };
    case "clockMissed":
      return { from: "inst", where: Prisma.sql`missed AND ${byValue(Prisma.sql`kind`, key)}` };
    case "firstPassApproved":
      return { from: "fv", where: Prisma.sql`approved AND ${byDepartment(key)}` };
    case "reworked":
    case "returnsByDepartment":
      return { from: "ret", where: byDepartment(key) };
    case "violationsByType":
      return { from: "viol", where: byValue(Prisma.sql`"type"`, key) };
    case "violationsByDepartment":
      return { from: "viol", where: byDepartment(key, Prisma.sql`"responsibleDepartmentId"`) };
    case "violationsByExecutor":
      return { from: "viol", where: byValue(Prisma.sql`"responsibleUserId"`, key) };
    case "openAtMonthEnd":
      return { from: "ends", where: Prisma.sql`${OPEN_AT_END} AND ${byDepartment(key)}` };
    case "overdueAtMonthEnd":
      return { from: "ends", where: Prisma.sql`${OPEN_AT_END} AND ${OVERDUE_AT_END} AND ${byDepartment(key)}` };
  }
}
