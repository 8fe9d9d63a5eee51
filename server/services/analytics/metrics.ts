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
  const [aggregates, routine] = await Promise.all([
    schedule(() => queryAggregates(db, bounds)),
    schedule(() => computeRoutine(db, municipalities, input.month, now)),
  ]);
  const labels = await loadLabels(db, municipalities, aggregates, schedule);
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

async function queryAggregates(db: TAnalyticsDb, bounds: readonly TBoundsRow[]): Promise<TAggregates> {
  const rows = await queryAnalytics<TAggregates>(db, aggregatesStatement(bounds));
  const row = rows[0];
  if (!row) throw new Error("the analytics statement returned no row");
  return row;
}

/** The one statement of the month's aggregates (exported for EXPLAIN in benchmarks). */
export function aggregatesStatement(bounds: readonly TBoundsRow[]): Prisma.Sql {
  const has = (figure: Parameters<typeof selectFigure>[0]) => selectFigure(figure, null).where;
  return Prisma.sql`
    WITH ${analyticsCtes(bounds)}
    SELECT
      (SELECT COALESCE(json_agg(g), '[]'::json) FROM (
        SELECT d.dim, d.key, count(*)::int AS n,
          count(*) FILTER (WHERE ${has("repeated")})::int AS "repeated",
          count(*) FILTER (WHERE ${has("significant")})::int AS "significant",
          count(*) FILTER (WHERE ${has("answeredWithin24h")} OR ${has("answeredLate")})::int AS "answerDue",
          count(*) FILTER (WHERE ${has("answeredWithin24h")})::int AS "within"
        FROM r CROSS JOIN LATERAL (VALUES
          ('network', r."networkId"),
          ('source', r."source"),
          ('topic', COALESCE(r."topicId", ${NO_KEY})),
          ('department', COALESCE(r."departmentId", ${NO_KEY}))
        ) AS d(dim, key)
        GROUP BY d.dim, d.key
      ) g) AS "received",
      (SELECT COALESCE(json_agg(g), '[]'::json) FROM (
        SELECT kind, count(*)::int AS due, count(*) FILTER (WHERE ${has("clockMissed")})::int AS missed
        FROM inst GROUP BY kind
      ) g) AS "clocks",
      json_build_object(
        'route', ${durationOf("routeMinutes")},
        'draft', ${durationOf("draftMinutes")},
        'answer', ${durationOf("answerMinutes")}
      ) AS "durations",
      (SELECT COALESCE(json_agg(g), '[]'::json) FROM (
        SELECT COALESCE("departmentId", ${NO_KEY}) AS key,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY "draftMinutes") AS median
        FROM moved WHERE "draftMinutes" IS NOT NULL GROUP BY 1
      ) g) AS "draftByDepartment",
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

async function loadLabels(
  db: TAnalyticsDb,
  municipalities: readonly TAnalyticsMunicipality[],
  a: TAggregates,
  schedule: TSchedule,
): Promise<TLabels> {
  const keysOf = (dim: string, rows: readonly TGroupRow[]) =>
    rows.filter((r) => r.dim === dim && r.key !== NO_KEY).map((r) => r.key);
  const ids = municipalities.map((m) => m.id);
  const [departments, networks, topics, users] = await Promise.all([
    schedule(() =>
      db.department.findMany({
        where: { municipalityId: { in: ids } },
        select: { id: true, name: true, active: true, municipalityId: true },
      }),
    ),
    schedule(() =>
      db.socialNetwork.findMany({
        where: { id: { in: keysOf("network", a.received) } },
        select: { id: true, name: true },
      }),
    ),
    schedule(() =>
      db.topic.findMany({ where: { id: { in: keysOf("topic", a.received) } }, select: { id: true, name: true } }),
    ),
    schedule(() =>
      db.user.findMany({
        where: { id: { in: keysOf("user", a.violations) } },
        select: { id: true, fullName: true, department: { select: { name: true } } },
      }),
    ),
  ]);
  return {
    departments: new Map(departments.map((d) => [d.id, d])),
    networks: new Map(networks.map((n) => [n.id, n.name])),
    topics: new Map(topics.map((t) => [t.id, t.name])),
    users: new Map(users.map((u) => [u.id, { fullName: u.fullName, departmentName: u.department?.name ?? null }])),
  };
}

/** Most first, then by label; the rows without a value ("none") last. */
function sortRows(rows: TCountRow[]): TCountRow[] {
  return rows.sort((x, y) => {
    if ((x.key === NO_KEY) !== (y.key === NO_KEY)) return x.key === NO_KEY ? 1 : -1;
    return y.count - x.count || x.label.localeCompare(y.label, "ru") || x.key.localeCompare(y.key);
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
      .sort((x, y) => y.count - x.count || x.fullName.localeCompare(y.fullName, "ru")),
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
    .sort((x, y) => x.name.localeCompare(y.name, "ru") || x.departmentId.localeCompare(y.departmentId));
}
