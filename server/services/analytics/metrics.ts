import { Prisma } from "../../db/generated/client";
import { CLOCK_KINDS, VIOLATION_LABELS, type TClockKind, type TViolationType } from "../../domain/cases/case-types";
import {
  CASE_SOURCE_LABELS,
  departmentLabel,
  NO_DEPARTMENT_LABEL,
  NO_KEY,
  NO_RESPONSIBLE_DEPARTMENT_LABEL,
  NO_TOPIC_LABEL,
} from "../../domain/analytics/labels";
import { emptyMonthlyMetrics } from "../../domain/analytics/empty";
import { isMonthKey } from "../../domain/analytics/month";
import { roundTo, shareOf } from "../../domain/analytics/stats";
import type {
  TCountRow,
  TDepartmentMetrics,
  TDurationStats,
  TExecutorViolations,
  TMonthlyMetrics,
} from "../../domain/analytics/types";
import { ServiceError } from "../errors";
import {
  boundsRows,
  isTransaction,
  loadMunicipalities,
  queryAnalytics,
  type TAnalyticsDb,
  type TAnalyticsMunicipality,
} from "./bounds";
import { computeRoutine } from "./routine";
import { analyticsCtes, selectFigure, type TBoundsRow } from "./sql";

/**
 * The monthly analysis (п.13, DOMAIN.md "Monthly analysis") of one or several municipalities:
 * one SQL statement of aggregates over the CTEs of sql.ts (where every definition is written
 * down), one for routine posting (routine.ts) and the labels of what they grouped by. Each
 * municipality's month is taken in its own zone.
 *
 * Definitions, in short (sql.ts has them in full):
 * - volume: cases received in the month (T0 in it), every status; by network, source, topic and
 *   (current) department; repeated and socially significant among them;
 * - answered within 24 h: of the received cases whose 24 h ran out by the evaluation moment or
 *   that were posted by it (declined or cancelled in time excluded), those posted by answerDueAt;
 * - clocks: every clock instance falling due in the month, met unless the violations log holds
 *   its violation;
 * - durations: from T0 to the first routing, the first submitted draft and the posted answer,
 *   over the actions done in the month; median and 90th percentile as percentile_cont;
 * - quality: first drafts whose fate was settled in the month, and those the curator approved
 *   as submitted; returns for rework made in the month, by department;
 * - violations: those whose deadline passed in the month, by type, department and person;
 * - open and overdue: at the month's end (now, for the running month), from the timestamps;
 * - routine posting: see routine.ts.
 */
export async function computeMonthlyMetrics(
  db: TAnalyticsDb,
  input: { municipalityIds: readonly string[]; month: string },
  now: Date,
): Promise<TMonthlyMetrics> {
  if (!isMonthKey(input.month)) throw new ServiceError("BAD_REQUEST", "Укажите месяц в формате ГГГГ-ММ", "month");
  const municipalities = await loadMunicipalities(db, input.municipalityIds);
  if (municipalities.length === 0 || municipalities.length !== new Set(input.municipalityIds).size) {
    throw new ServiceError("NOT_FOUND", "Муниципальное образование не найдено");
  }
  const bounds = boundsRows(municipalities, [input.month], now);
  const schedule = scheduler(db);
  const [aggregates, routine, known] = await Promise.all([
    schedule(() => queryAggregates(db, bounds)),
    schedule(() => computeRoutine(db, municipalities, input.month, now)),
    schedule(() => loadKnownLabels(db, municipalities)),
  ]);
  const labels = await completeLabels(db, known, aggregates);
  return assemble({ month: input.month, municipalities, bounds, now, aggregates, labels, routine });
}

interface TGroupRow {
  dim: string;
  key: string;
  n: number;
}
interface TReceivedRow extends TGroupRow {
  repeated: number;
  significant: number;
  answerDue: number;
  within: number;
}
interface TDurationRow {
  count: number;
  median: number | null;
  p90: number | null;
}
interface TAggregates {
  received: TReceivedRow[];
  clocks: { kind: TClockKind; due: number; missed: number }[];
  durations: { route: TDurationRow; draft: TDurationRow; answer: TDurationRow };
  draftByDepartment: { key: string; median: number | null }[];
  verdicts: { key: string; n: number; approved: number }[];
  returns: { key: string; n: number }[];
  reworkedCases: number;
  violations: TGroupRow[];
  ends: { open: number; overdue: number };
}

const durationOf = (column: string) => {
  const c = Prisma.raw(`"${column}"`);
  return Prisma.sql`(SELECT json_build_object(
      'count', count(${c})::int,
      'median', percentile_cont(0.5) WITHIN GROUP (ORDER BY ${c}),
      'p90', percentile_cont(0.9) WITHIN GROUP (ORDER BY ${c})) FROM moved)`;
};

/**
 * A part's durations: the values themselves (medians of parts do not make the median of the
 * whole), as one comma-separated text: tens of thousands of numbers decode far faster from a
 * string than as a JSON array through the client. float8's text is the shortest that reads
 * back as the same double, as in JSON.
 */
const valuesOf = (column: string) => {
  const c = Prisma.raw(`"${column}"`);
  return Prisma.sql`(SELECT COALESCE(string_agg(${c}::text, ','), '') FROM moved WHERE ${c} IS NOT NULL)`;
};

/**
 * The numbers of a valuesOf text. Read as a JSON array: the engine's JSON parser reads numbers
 * several times faster than splitting and Number() do, to the same doubles (both round correctly).
 */
const valuesIn = (text: string): number[] => (text === "" ? [] : (JSON.parse(`[${text}]`) as number[]));

/** The numbers of several lists, ascending (a typed array sorts numbers natively). */
function sortedNumbers(lists: readonly number[][]): Float64Array {
  const numbers = new Float64Array(lists.reduce((n, list) => n + list.length, 0));
  let at = 0;
  for (const list of lists) {
    numbers.set(list, at);
    at += list.length;
  }
  return numbers.sort();
}

/**
 * The domain's percentileCont (PostgreSQL's formula) over values sortedNumbers has sorted:
 * it would copy and sort them again, once per percentile, tens of thousands of numbers each.
 */
function sortedPercentile(sorted: Float64Array, p: number): number | null {
  if (sorted.length === 0) return null;
  const position = p * (sorted.length - 1);
  const lower = Math.floor(position);
  const low = sorted[lower] as number;
  const high = sorted[Math.ceil(position)] as number;
  return low + (high - low) * (position - lower);
}

/**
 * From this many municipalities on (outside the month-closing transaction), the aggregates are
 * computed in two statements over halves of the municipalities, side by side on two of the
 * pool's connections, and added up here: one statement runs on one core, and a region's month
 * is a few hundred milliseconds of it. Every figure but the percentiles is a count over rows
 * that belong to one municipality, so the parts' counts add up exactly (a case, its decisions
 * and violations are all of its municipality, so distinct counts do too); for the percentiles
 * the parts return their values and percentileCont (the domain's, PostgreSQL's formula) takes
 * them as the one statement would.
 */
const SPLIT_FROM = 2;

interface TPartAggregates extends Omit<TAggregates, "durations" | "draftByDepartment"> {
  /** The draft times are those of draftValuesByDepartment, every one in one department's list. */
  durationValues: { route: string; answer: string };
  draftValuesByDepartment: { key: string; values: string }[];
}

/** The municipalities of `bounds`, in two halves taken alternately (similar in size). */
function splitBounds(bounds: readonly TBoundsRow[]): TBoundsRow[][] {
  const ids = [...new Set(bounds.map((b) => b.municipalityId))];
  if (ids.length < SPLIT_FROM) return [[...bounds]];
  const first = new Set(ids.filter((_, i) => i % 2 === 0));
  return [bounds.filter((b) => first.has(b.municipalityId)), bounds.filter((b) => !first.has(b.municipalityId))];
}

async function queryAggregates(db: TAnalyticsDb, bounds: readonly TBoundsRow[]): Promise<TAggregates> {
  if (isTransaction(db) || splitBounds(bounds).length === 1) {
    const rows = await queryAnalytics<TAggregates>(db, aggregatesStatement(bounds), { boundsRows: bounds.length });
    const row = rows[0];
    if (!row) throw new Error("the analytics statement returned no row");
    return row;
  }
  const parts = await Promise.all(
    aggregatesStatements(bounds).map(async (statement) => {
      const rows = await queryAnalytics<TPartAggregates>(db, statement);
      const row = rows[0];
      if (!row) throw new Error("the analytics statement returned no row");
      return row;
    }),
  );
  return mergeParts(parts);
}

/**
 * The statements computeMonthlyMetrics runs for `bounds` outside a transaction: the one
 * statement, or one per half of the municipalities (SPLIT_FROM). Exported for benchmarks.
 */
export function aggregatesStatements(bounds: readonly TBoundsRow[]): Prisma.Sql[] {
  const halves = splitBounds(bounds);
  if (halves.length === 1) return [aggregatesStatement(bounds)];
  return halves.map((half) => aggregatesStatement(half, { part: true }));
}

function mergeParts(parts: readonly TPartAggregates[]): TAggregates {
  const summed = <T extends object>(rows: readonly T[], keyOf: (row: T) => string, fields: readonly (keyof T)[]) => {
    const byKey = new Map<string, T>();
    for (const row of rows) {
      const key = keyOf(row);
      const into = byKey.get(key);
      if (!into) byKey.set(key, { ...row });
      else for (const f of fields) (into[f] as number) += row[f] as number;
    }
    return [...byKey.values()];
  };
  const duration = (values: Float64Array): TDurationRow => ({
    count: values.length,
    median: sortedPercentile(values, 0.5),
    p90: sortedPercentile(values, 0.9),
  });
  const draftValues = new Map<string, number[][]>();
  for (const row of parts.flatMap((p) => p.draftValuesByDepartment)) {
    draftValues.set(row.key, [...(draftValues.get(row.key) ?? []), valuesIn(row.values)]);
  }
  return {
    received: summed(
      parts.flatMap((p) => p.received),
      (r) => `${r.dim}\u0000${r.key}`,
      ["n", "repeated", "significant", "answerDue", "within"],
    ),
    clocks: summed(
      parts.flatMap((p) => p.clocks),
      (r) => r.kind,
      ["due", "missed"],
    ),
    durations: {
      route: duration(sortedNumbers(parts.map((p) => valuesIn(p.durationValues.route)))),
      draft: duration(sortedNumbers([...draftValues.values()].flat())),
      answer: duration(sortedNumbers(parts.map((p) => valuesIn(p.durationValues.answer)))),
    },
    draftByDepartment: [...draftValues].map(([key, lists]) => ({
      key,
      median: sortedPercentile(sortedNumbers(lists), 0.5),
    })),
    verdicts: summed(
      parts.flatMap((p) => p.verdicts),
      (r) => r.key,
      ["n", "approved"],
    ),
    returns: summed(
      parts.flatMap((p) => p.returns),
      (r) => r.key,
      ["n"],
    ),
    reworkedCases: parts.reduce((n, p) => n + p.reworkedCases, 0),
    violations: summed(
      parts.flatMap((p) => p.violations),
      (r) => `${r.dim}\u0000${r.key}`,
      ["n"],
    ),
    ends: {
      open: parts.reduce((n, p) => n + p.ends.open, 0),
      overdue: parts.reduce((n, p) => n + p.ends.overdue, 0),
    },
  };
}

/**
 * The one statement of the month's aggregates (exported for EXPLAIN in benchmarks). `part`:
 * the durations as values rather than percentiles, to be merged with other parts (mergeParts).
 */
export function aggregatesStatement(bounds: readonly TBoundsRow[], options: { part?: boolean } = {}): Prisma.Sql {
  const has = (figure: Parameters<typeof selectFigure>[0]) => selectFigure(figure, null).where;
  const wholeDurations = Prisma.sql`json_build_object(
        'route', ${durationOf("routeMinutes")},
        'draft', ${durationOf("draftMinutes")},
        'answer', ${durationOf("answerMinutes")}
      ) AS "durations",
      (SELECT COALESCE(json_agg(g), '[]'::json) FROM (
        SELECT COALESCE("departmentId", ${NO_KEY}) AS key,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY "draftMinutes") AS median
        FROM moved WHERE "draftMinutes" IS NOT NULL GROUP BY 1
      ) g) AS "draftByDepartment",`;
  const partDurations = Prisma.sql`json_build_object(
        'route', ${valuesOf("routeMinutes")},
        'answer', ${valuesOf("answerMinutes")}
      ) AS "durationValues",
      (SELECT COALESCE(json_agg(g), '[]'::json) FROM (
        SELECT COALESCE("departmentId", ${NO_KEY}) AS key, string_agg("draftMinutes"::text, ',') AS "values"
        FROM moved WHERE "draftMinutes" IS NOT NULL GROUP BY 1
      ) g) AS "draftValuesByDepartment",`;
  return Prisma.sql`
    WITH ${analyticsCtes(bounds)}
    SELECT
      (SELECT COALESCE(json_agg(g), '[]'::json) FROM (
        SELECT
          CASE GROUPING(x."networkId", x."source", x."topic", x."department")
            WHEN 7 THEN 'network' WHEN 11 THEN 'source' WHEN 13 THEN 'topic' ELSE 'department' END AS dim,
          COALESCE(x."networkId", x."source", x."topic", x."department") AS key,
          count(*)::int AS n,
          count(*) FILTER (WHERE ${has("repeated")})::int AS "repeated",
          count(*) FILTER (WHERE ${has("significant")})::int AS "significant",
          count(*) FILTER (WHERE ${has("answeredWithin24h")} OR ${has("answeredLate")})::int AS "answerDue",
          count(*) FILTER (WHERE ${has("answeredWithin24h")})::int AS "within"
        FROM (
          SELECT r.*, COALESCE(r."topicId", ${NO_KEY}) AS "topic", COALESCE(r."departmentId", ${NO_KEY}) AS "department"
          FROM r
        ) x
        -- One pass over the received cases with a hash table per dimension. The four grouped
        -- columns are never NULL, so in each row of a set the one grouped is the only one set.
        GROUP BY GROUPING SETS ((x."networkId"), (x."source"), (x."topic"), (x."department"))
      ) g) AS "received",
      (SELECT COALESCE(json_agg(g), '[]'::json) FROM (
        SELECT kind, count(*)::int AS due, count(*) FILTER (WHERE ${has("clockMissed")})::int AS missed
        FROM inst GROUP BY kind
      ) g) AS "clocks",
      ${options.part ? partDurations : wholeDurations}
      (SELECT COALESCE(json_agg(g), '[]'::json) FROM (
        SELECT COALESCE("departmentId", ${NO_KEY}) AS key, count(*)::int AS n,
          count(*) FILTER (WHERE ${has("firstPassApproved")})::int AS approved
        FROM fv GROUP BY 1
      ) g) AS "verdicts",
      (SELECT COALESCE(json_agg(g), '[]'::json) FROM (
        SELECT COALESCE("departmentId", ${NO_KEY}) AS key, count(*)::int AS n FROM ret GROUP BY 1
      ) g) AS "returns",
      (SELECT count(DISTINCT "id")::int FROM ret) AS "reworkedCases",
      (SELECT COALESCE(json_agg(g), '[]'::json) FROM (
        SELECT d.dim, d.key, count(*)::int AS n
        FROM viol CROSS JOIN LATERAL (VALUES
          ('type', viol."type"),
          ('department', COALESCE(viol."responsibleDepartmentId", ${NO_KEY})),
          ('user', viol."responsibleUserId")
        ) AS d(dim, key)
        WHERE d.key IS NOT NULL
        GROUP BY d.dim, d.key
      ) g) AS "violations",
      (SELECT json_build_object(
        'open', count(*) FILTER (WHERE ${has("openAtMonthEnd")}),
        'overdue', count(*) FILTER (WHERE ${has("overdueAtMonthEnd")})) FROM ends) AS "ends"`;
}

interface TLabels {
  departments: Map<string, { name: string; active: boolean; municipalityId: string }>;
  networks: Map<string, string>;
  topics: Map<string, string>;
  users: Map<string, { fullName: string; departmentName: string | null }>;
}

type TSchedule = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * Starts each query at once on the application's pool; in the month-closing transaction, whose
 * one connection takes one statement at a time, each after the one before.
 */
function scheduler(db: TAnalyticsDb): TSchedule {
  if (!isTransaction(db)) return (work) => work();
  let last: Promise<unknown> = Promise.resolve();
  return (work) => {
    const next = last.then(work);
    last = next.catch(() => undefined);
    return next;
  };
}

interface TLabelRow {
  kind: "department" | "network" | "topic" | "user";
  id: string;
  name: string;
  active: boolean;
  municipalityId: string | null;
  departmentName: string | null;
}

/**
 * The names the figures can be labelled with, read in one statement beside the aggregates
 * rather than after them: every department, topic and person of the municipalities and every
 * network (a short list). A key the figures hold that is not among them (a person of another
 * municipality made responsible, say) is looked up after, in completeLabels.
 */
async function loadKnownLabels(db: TAnalyticsDb, municipalities: readonly TAnalyticsMunicipality[]): Promise<TLabels> {
  const ids = municipalities.map((m) => m.id);
  const rows = await db.$queryRaw<TLabelRow[]>`
    SELECT 'department' AS "kind", d."id", d."name", d."active", d."municipalityId", NULL::text AS "departmentName"
    FROM "Department" d WHERE d."municipalityId" = ANY(${ids}::text[])
    UNION ALL
    SELECT 'network', n."id", n."name", TRUE, NULL, NULL FROM "SocialNetwork" n
    UNION ALL
    SELECT 'topic', t."id", t."name", TRUE, NULL, NULL FROM "Topic" t WHERE t."municipalityId" = ANY(${ids}::text[])
    UNION ALL
    SELECT 'user', u."id", u."fullName", TRUE, NULL, ud."name"
    FROM "User" u LEFT JOIN "Department" ud ON ud."id" = u."departmentId"
    WHERE u."municipalityId" = ANY(${ids}::text[])`;
  const labels: TLabels = { departments: new Map(), networks: new Map(), topics: new Map(), users: new Map() };
  for (const row of rows) {
    if (row.kind === "department") {
      labels.departments.set(row.id, { name: row.name, active: row.active, municipalityId: row.municipalityId ?? "" });
    } else if (row.kind === "network") labels.networks.set(row.id, row.name);
    else if (row.kind === "topic") labels.topics.set(row.id, row.name);
    else labels.users.set(row.id, { fullName: row.name, departmentName: row.departmentName });
  }
  return labels;
}

/** Adds the names of the keys the figures hold that loadKnownLabels did not find (usually none). */
async function completeLabels(db: TAnalyticsDb, labels: TLabels, a: TAggregates): Promise<TLabels> {
  const missing = (dim: string, rows: readonly TGroupRow[], known: Map<string, unknown>) => [
    ...new Set(rows.filter((r) => r.dim === dim && r.key !== NO_KEY && !known.has(r.key)).map((r) => r.key)),
  ];
  const networkIds = missing("network", a.received, labels.networks);
  const topicIds = missing("topic", a.received, labels.topics);
  const userIds = missing("user", a.violations, labels.users);
  if (networkIds.length > 0) {
    const networks = await db.socialNetwork.findMany({
      where: { id: { in: networkIds } },
      select: { id: true, name: true },
    });
    for (const n of networks) labels.networks.set(n.id, n.name);
  }
  if (topicIds.length > 0) {
    const topics = await db.topic.findMany({ where: { id: { in: topicIds } }, select: { id: true, name: true } });
    for (const t of topics) labels.topics.set(t.id, t.name);
  }
  if (userIds.length > 0) {
    const users = await db.user.findMany({
      where: { id: { in: userIds } },
      select: { id: true, fullName: true, department: { select: { name: true } } },
    });
    for (const u of users) labels.users.set(u.id, { fullName: u.fullName, departmentName: u.department?.name ?? null });
  }
  return labels;
}

/**
 * `a.localeCompare(b, "ru")` is defined as this collator's compare; one collator instead of one
 * made per comparison (a region's month sorts thousands of labels).
 */
const byRussian = new Intl.Collator("ru").compare;

/** Most first, then by label; the rows without a value ("none") last. */
function sortRows(rows: TCountRow[]): TCountRow[] {
  return rows.sort((x, y) => {
    if ((x.key === NO_KEY) !== (y.key === NO_KEY)) return x.key === NO_KEY ? 1 : -1;
    return y.count - x.count || byRussian(x.label, y.label) || x.key.localeCompare(y.key);
  });
}

const durationStats = (row: TDurationRow): TDurationStats => ({
  count: row.count,
  medianMinutes: roundTo(row.median, 1),
  p90Minutes: roundTo(row.p90, 1),
});

function assemble(params: {
  month: string;
  municipalities: readonly TAnalyticsMunicipality[];
  bounds: readonly TBoundsRow[];
  now: Date;
  aggregates: TAggregates;
  labels: TLabels;
  routine: TMonthlyMetrics["routine"];
}): TMonthlyMetrics {
  const { aggregates: a, labels, municipalities } = params;
  const several = municipalities.length > 1;
  const municipalityName = new Map(municipalities.map((m) => [m.id, m.name]));
  const departmentName = (id: string, none = NO_DEPARTMENT_LABEL) => {
    if (id === NO_KEY) return none;
    const d = labels.departments.get(id);
    if (!d) return id;
    return departmentLabel(d.name, several ? (municipalityName.get(d.municipalityId) ?? null) : null);
  };
  const receivedBy = (dim: string) => a.received.filter((r) => r.dim === dim);
  const labelOf = {
    network: (key: string) => labels.networks.get(key) ?? key,
    source: (key: string) => CASE_SOURCE_LABELS[key as keyof typeof CASE_SOURCE_LABELS] ?? key,
    topic: (key: string) => (key === NO_KEY ? NO_TOPIC_LABEL : (labels.topics.get(key) ?? key)),
    department: (key: string) => departmentName(key),
  };
  const countRows = (dim: keyof typeof labelOf) =>
    sortRows(receivedBy(dim).map((r) => ({ key: r.key, label: labelOf[dim](r.key), count: r.n })));

  const byDepartment = receivedBy("department");
  const sum = <T>(rows: readonly T[], pick: (row: T) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const received = sum(byDepartment, (r) => r.n);
  const answerDue = sum(byDepartment, (r) => r.answerDue);
  const answeredWithin24h = sum(byDepartment, (r) => r.within);
  const firstSubmissions = sum(a.verdicts, (r) => r.n);
  const approvedAtFirst = sum(a.verdicts, (r) => r.approved);
  const violationsBy = (dim: string) => a.violations.filter((v) => v.dim === dim);

  const { from, to } = params.bounds.reduce(
    (acc, b) => ({
      from: b.from < acc.from ? b.from : acc.from,
      to: b.to > acc.to ? b.to : acc.to,
    }),
    { from: params.bounds[0]?.from ?? params.now, to: params.bounds[0]?.to ?? params.now },
  );
  const metrics = emptyMonthlyMetrics({
    month: params.month,
    from,
    to,
    municipalityIds: municipalities.map((m) => m.id),
    computedAt: params.now,
  });

  metrics.volume = {
    received,
    repeated: sum(byDepartment, (r) => r.repeated),
    significant: sum(byDepartment, (r) => r.significant),
    byNetwork: countRows("network"),
    bySource: countRows("source"),
    byTopic: countRows("topic"),
    byDepartment: countRows("department"),
  };
  metrics.timeliness = {
    answerDue,
    answeredWithin24h,
    answeredWithin24hShare: shareOf(answeredWithin24h, answerDue),
    clocks: CLOCK_KINDS.map((clock) => {
      const row = a.clocks.find((c) => c.kind === clock);
      const due = row?.due ?? 0;
      const met = due - (row?.missed ?? 0);
      return { clock, due, met, share: shareOf(met, due) };
    }),
    timeToRoute: durationStats(a.durations.route),
    timeToDraft: durationStats(a.durations.draft),
    timeToAnswer: durationStats(a.durations.answer),
  };
  metrics.quality = {
    firstSubmissions,
    approvedAtFirst,
    approvedAtFirstShare: shareOf(approvedAtFirst, firstSubmissions),
    reworkRounds: sum(a.returns, (r) => r.n),
    reworkedCases: a.reworkedCases,
    returnsByDepartment: sortRows(a.returns.map((r) => ({ key: r.key, label: departmentName(r.key), count: r.n }))),
  };
  metrics.violations = {
    total: sum(violationsBy("type"), (v) => v.n),
    byType: sortRows(
      violationsBy("type").map((v) => ({
        key: v.key,
        label: VIOLATION_LABELS[v.key as TViolationType] ?? v.key,
        count: v.n,
      })),
    ),
    byDepartment: sortRows(
      violationsBy("department").map((v) => ({
        key: v.key,
        label: departmentName(v.key, NO_RESPONSIBLE_DEPARTMENT_LABEL),
        count: v.n,
      })),
    ),
    byExecutor: violationsBy("user")
      .map((v): TExecutorViolations => ({
        userId: v.key,
        fullName: labels.users.get(v.key)?.fullName ?? v.key,
        departmentName: labels.users.get(v.key)?.departmentName ?? null,
        count: v.n,
      }))
      .sort((x, y) => y.count - x.count || byRussian(x.fullName, y.fullName)),
  };
  metrics.monthEnd = { open: a.ends.open, overdue: a.ends.overdue };
  metrics.routine = params.routine;
  metrics.departments = departmentRows(a, labels, departmentName);
  return metrics;
}

/**
 * One row per department of the municipalities: the active ones, and any other that has a
 * figure in the month (a department abolished since still answers for what it did).
 */
function departmentRows(a: TAggregates, labels: TLabels, nameOf: (id: string) => string): TDepartmentMetrics[] {
  const received = new Map(a.received.filter((r) => r.dim === "department").map((r) => [r.key, r]));
  const verdicts = new Map(a.verdicts.map((r) => [r.key, r]));
  const returns = new Map(a.returns.map((r) => [r.key, r.n]));
  const violations = new Map(a.violations.filter((v) => v.dim === "department").map((v) => [v.key, v.n]));
  const drafts = new Map(a.draftByDepartment.map((r) => [r.key, r.median]));
  const ids = new Set<string>();
  for (const [id, d] of labels.departments) if (d.active) ids.add(id);
  for (const map of [received, verdicts, returns, violations, drafts]) {
    for (const id of map.keys()) if (id !== NO_KEY && labels.departments.has(id)) ids.add(id);
  }
  return [...ids]
    .map((id): TDepartmentMetrics => {
      const r = received.get(id);
      const v = verdicts.get(id);
      const answerDue = r?.answerDue ?? 0;
      const within = r?.within ?? 0;
      return {
        departmentId: id,
        name: nameOf(id),
        received: r?.n ?? 0,
        answerDue,
        answeredWithin24h: within,
        answeredWithin24hShare: shareOf(within, answerDue),
        firstSubmissions: v?.n ?? 0,
        approvedAtFirst: v?.approved ?? 0,
        approvedAtFirstShare: shareOf(v?.approved ?? 0, v?.n ?? 0),
        returns: returns.get(id) ?? 0,
        violations: violations.get(id) ?? 0,
        medianDraftMinutes: roundTo(drafts.get(id) ?? null, 1),
      };
    })
    .sort((x, y) => byRussian(x.name, y.name) || x.departmentId.localeCompare(y.departmentId));
}
