/**
 * `npm run test:chaos`: the production build under steady intake while its PostgreSQL is
 * restarted, then two scheduler ticks fired at once. Not part of the default suite; CI runs it
 * after `npm run build` (it builds when no current build exists).
 *
 * 1. Its own PostgreSQL cluster (initdb in a temporary folder), migrations, the demo seed, and
 *    `next start` on a port in 3420–3429.
 * 2. POST /api/v1/publications at a steady rate, each publication retried by the same externalId
 *    on network errors, timeouts and 5xx until accepted, some delivered twice at once; PostgreSQL
 *    is stopped (`pg_ctl stop -m fast`) mid-run for a few seconds and started again while
 *    GET /api/health is polled. Then, read with SQL: every accepted publication is one whole
 *    case (deadlines, timeline event, notifications), none is duplicated or orphaned, numbers have
 *    no gaps; health said 503 during the outage (never 500, a hang or a refused connection) and
 *    200 again afterwards, and new intake succeeds, all without restarting the app.
 * 3. Cases with past deadlines, two POST /api/cron/tick at the same moment: every expected
 *    violation exists exactly once, and a later tick records nothing more.
 *
 * Exits 1 with the list of failed checks; cleans up the app, the cluster and the folder always.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { createPrismaClient } from "../server/db/client";
import { defaultMigratePaths, deploy } from "../server/db/migrate";
import { seedDemo } from "../prisma/seed";
import { buildIfNeeded } from "./build";
import { generatePrismaClient } from "./prisma-generate";
import { startApp, type TApp } from "./chaos/app";
import { auditIntake, readViolations } from "./chaos/checks";
import { createCluster, findFreePort, type TCluster } from "./chaos/cluster";
import {
  deliver,
  monitorHealth,
  watchWall,
  type TDeliverOptions,
  type TDelivery,
  type THealthSample,
} from "./chaos/load";

const root = path.resolve(import.meta.dirname, "..");

const RATE_PER_SECOND = 20;
const INTAKE_MS = 35_000;
const OUTAGE_AT_MS = 10_000;
const OUTAGE_MS = 5_000;
/** Every n-th publication is delivered twice at the same moment (a client retrying too eagerly). */
const TWIN_EVERY = 10;
const HEALTH_INTERVAL_MS = 250;
/** /api/health gives up on the database after 5 s; slower than this is a hang. */
const HEALTH_HANG_MS = 8_000;
/** After PostgreSQL is back, the app must answer 200 within this. */
const RECOVERY_LIMIT_MS = 20_000;
/** Everything after the build, so a stuck step fails the run instead of the CI job's timeout. */
const RUN_LIMIT_MS = 170_000;

const SECRETS = {
  AUTH_SECRET: "otklik-chaos-auth-secret-0123456789abcdef",
  CRON_SECRET: "otklik-chaos-cron-secret-0123",
  DEMO_API_KEY: "otklik-chaos-api-key-0123456789",
  KIOSK_TOKEN: "otklik-chaos-kiosk-token-0123456789",
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const t0 = performance.now();
const clock = () => Math.round(performance.now() - t0);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const log = (message: string) => console.log(`[chaos ${seconds(clock()).padStart(7)}] ${message}`);

const failures: string[] = [];
const check = (ok: boolean, message: string) => {
  if (!ok) failures.push(message);
  return ok;
};

let cluster: TCluster | null = null;
let app: TApp | null = null;
let cleaning: Promise<void> | null = null;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    await app?.stop().catch((e: unknown) => console.error("chaos: stopping the app failed:", e));
    await cluster?.destroy().catch((e: unknown) => console.error("chaos: removing the cluster failed:", e));
  })();
  return cleaning;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\nchaos: ${signal}, cleaning up…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

const formatCounts = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k}×${n}`)
    .join(", ");

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function setUp(): Promise<{ databaseUrl: string; municipalityId: string }> {
  log("Starting a PostgreSQL cluster of its own…");
  cluster = await createCluster({ portFrom: 55432, portTo: 55499 });
  const databaseUrl = cluster.url("otklik_chaos");
  await withClient(cluster.url("postgres"), (c) => c.query('CREATE DATABASE "otklik_chaos"'));
  const { applied } = await deploy({ databaseUrl, ...defaultMigratePaths(root) });
  const prisma = createPrismaClient(databaseUrl, { poolMax: 1 });
  try {
    await seedDemo(prisma, { demoApiKey: SECRETS.DEMO_API_KEY, demoKioskToken: SECRETS.KIOSK_TOKEN });
  } finally {
    await prisma.$disconnect();
  }
  const municipalityId = await withClient(databaseUrl, async (c) => {
    const { rows } = await c.query<{ municipalityId: string }>('SELECT "municipalityId" FROM "ApiKey"');
    if (rows.length !== 1 || !rows[0]) throw new Error(`expected the demo API key alone, found ${rows.length} keys`);
    return rows[0].municipalityId;
  });
  log(`PostgreSQL on port ${cluster.port} (${cluster.dir}), ${applied.length} migrations, demo seed.`);

  const port = await findFreePort(3420, 3429);
  log(`Starting next start on port ${port}…`);
  app = await startApp({
    root,
    port,
    readyTimeoutMs: 60_000,
    ...(process.env.CHAOS_APP_LOG ? { logFile: path.resolve(process.env.CHAOS_APP_LOG) } : {}),
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_MAX: "10",
      APP_URL: `http://127.0.0.1:${port}`,
      SCHEDULER_TIMER: "off",
      SMTP_URL: "",
      AUTH_SECRET: SECRETS.AUTH_SECRET,
      CRON_SECRET: SECRETS.CRON_SECRET,
      DEMO_API_KEY: SECRETS.DEMO_API_KEY,
    },
  });
  return { databaseUrl, municipalityId };
}

interface TOutage {
  stopAt: number;
  downAt: number;
  startAt: number;
  upAt: number;
}

async function restartDatabase(): Promise<TOutage> {
  if (!cluster) throw new Error("no cluster");
  await sleep(OUTAGE_AT_MS - clock() + intakeStartedAt);
  const stopAt = clock();
  log("PostgreSQL: pg_ctl stop -m fast");
  await cluster.stop();
  const downAt = clock();
  await sleep(OUTAGE_MS);
  const startAt = clock();
  log("PostgreSQL: pg_ctl start");
  await cluster.start();
  const upAt = clock();
  log(`PostgreSQL: up again (down ${seconds(upAt - downAt)})`);
  return { stopAt, downAt, startAt, upAt };
}

let intakeStartedAt = 0;

async function intakePhase(municipalityId: string, databaseUrl: string) {
  if (!app) throw new Error("no app");
  const baseUrl = app.baseUrl;
  const options: TDeliverOptions = {
    baseUrl,
    apiKey: SECRETS.DEMO_API_KEY,
    clock,
    requestTimeoutMs: 30_000,
    giveUpAfterMs: 75_000,
  };
  const prefix = `chaos-${Date.now().toString(36)}-`;
  const monitor = monitorHealth({ baseUrl, clock, intervalMs: HEALTH_INTERVAL_MS, timeoutMs: HEALTH_HANG_MS });
  const wall = watchWall({ url: `${baseUrl}/api/wall/stream?token=${SECRETS.KIOSK_TOKEN}`, clock });
  intakeStartedAt = clock();
  log(`Intake: ${RATE_PER_SECOND}/s for ${seconds(INTAKE_MS)}; PostgreSQL restarts at +${seconds(OUTAGE_AT_MS)}.`);
  const outage = restartDatabase();
  const pending: Promise<TDelivery>[] = [];
  const twins: Promise<[TDelivery, TDelivery]>[] = [];
  const total = Math.round((INTAKE_MS / 1000) * RATE_PER_SECOND);
  for (let i = 0; i < total; i++) {
    await sleep(intakeStartedAt + (i * 1000) / RATE_PER_SECOND - clock());
    const externalId = `${prefix}${i}`;
    const first = deliver(options, externalId);
    pending.push(first);
    if (i % TWIN_EVERY === 0) twins.push(Promise.all([first, deliver(options, externalId)]));
  }
  const deliveries = await Promise.all(pending);
  const pairs = await Promise.all(twins);
  const times = await outage;
  log(`Intake: all ${deliveries.length} publications settled.`);

  // Back to 200 after the restart, without touching the app.
  const recoveryDeadline = clock() + RECOVERY_LIMIT_MS;
  const recovered = () => monitor.samples.find((s) => s.at >= times.upAt && s.outcome === "200");
  while (!recovered() && clock() < recoveryDeadline) await sleep(HEALTH_INTERVAL_MS);
  await monitor.stop();
  const recoveredAt = recovered()?.at ?? null;
  const wallBack = () => wall.events.find((e) => e.at > times.upAt && e.event === "board");
  await wall.stop();

  // New intake right after: accepted at the first attempt.
  const fresh = await deliver({ ...options, giveUpAfterMs: 0 }, `${prefix}after`);

  const audit = await withClient(databaseUrl, (c) => auditIntake(c, municipalityId, [...deliveries, fresh], prefix));
  return {
    deliveries,
    pairs,
    times,
    samples: monitor.samples,
    recoveredAt,
    fresh,
    audit,
    wall: { events: wall.events, connections: wall.connections(), backAt: wallBack()?.at ?? null },
  };
}

function judgeIntake(result: Awaited<ReturnType<typeof intakePhase>>) {
  const { deliveries, pairs, times, samples, recoveredAt, fresh, audit, wall } = result;
  const failed = deliveries.filter((d) => d.failure);
  check(
    failed.length === 0,
    `${failed.length} publication(s) never accepted: ${failed
      .slice(0, 3)
      .map((d) => `${d.externalId}: ${d.failure}`)
      .join("; ")}`,
  );
  const split = pairs.filter(([a, b]) => a.caseId && b.caseId && a.caseId !== b.caseId);
  check(
    split.length === 0,
    `${split.length} twin deliveries got two different cases, e.g. ${split[0]?.[0].externalId}`,
  );
  const pairCreated = pairs.filter(([a, b]) => a.acceptedStatus === 201 && b.acceptedStatus === 201);
  check(
    pairCreated.length === 0,
    `${pairCreated.length} twin deliveries were both answered 201 (created), e.g. ${pairCreated[0]?.[0].externalId}`,
  );
  for (const problem of audit.problems) failures.push(`database: ${problem}`);
  check(
    fresh.acceptedStatus === 201 && fresh.attempts === 1,
    `a new publication after the restart was not accepted at once: ${fresh.outcomes.map((o) => o.outcome).join(", ")} ${fresh.failure ?? ""}`,
  );

  // Health: 503 while the database was away; never 500, a hang or a refused connection.
  const during = samples.filter((s) => answeredWhileDown(s, times));
  check(
    during.some((s) => s.outcome === "503"),
    `/api/health never said 503 while PostgreSQL was down: ${formatCounts(countBy(during, (s) => s.outcome))}`,
  );
  const bad = samples.filter((s) => !["200", "503"].includes(s.outcome));
  check(bad.length === 0, `/api/health answered otherwise than 200/503: ${describeSamples(bad)}`);
  const slow = samples.filter((s) => s.ms > HEALTH_HANG_MS - 500);
  check(slow.length === 0, `/api/health took longer than ${seconds(HEALTH_HANG_MS - 500)}: ${describeSamples(slow)}`);
  check(
    recoveredAt !== null,
    `/api/health did not return to 200 within ${seconds(RECOVERY_LIMIT_MS)} after PostgreSQL came back`,
  );
  const lateFailures = samples.filter((s) => recoveredAt !== null && s.at > recoveredAt && s.outcome !== "200");
  check(lateFailures.length === 0, `/api/health failed again after recovering: ${describeSamples(lateFailures)}`);

  check(
    wall.events.some((e) => e.event === "board" && e.at < times.stopAt),
    `the wall stream sent no board before the restart: ${formatCounts(countBy(wall.events, (e) => e.event))}`,
  );
  // One board after the restart may be the hub's own retry of a failed load; a board per change
  // of the intake that went on needs the LISTEN connection back.
  const boardsAfter = wall.events.filter((e) => e.event === "board" && e.at > times.upAt).length;
  check(
    boardsAfter >= 3,
    `the wall stream sent ${boardsAfter} board(s) after the restart: ${formatCounts(countBy(wall.events, (e) => e.event))}`,
  );
  const wallErrors = wall.events.filter((e) => e.event.startsWith("HTTP 5") && e.event !== "HTTP 503");
  check(wallErrors.length === 0, `the wall stream was refused with ${wallErrors.map((e) => e.event).join(", ")}`);

  // Intake: 503 (retry later) while the database was away or the pool saturated by the backlog
  // after it; never a 500 or a dropped connection.
  const attempts = deliveries.flatMap((d) => d.outcomes);
  // A client timeout is retried like a 503 (the machine may be starved); what is never right is
  // a 500, which tells the curator's system its delivery itself is at fault.
  const wrong = attempts.filter((o) => !["200", "201", "503", "timeout"].includes(o.outcome));
  check(
    wrong.length === 0,
    `${wrong.length} intake attempt(s) answered otherwise than 200/201/503: ${formatCounts(countBy(wrong, (o) => o.outcome))}`,
  );
  check(
    attempts.some((o) => o.outcome === "503" && o.endedAt >= times.downAt && o.endedAt <= times.startAt),
    "no intake attempt was answered 503 while PostgreSQL was down",
  );
}

/**
 * A poll answered between the stop and the moment PostgreSQL took connections again. By its
 * answer, not its start: on a loaded machine one poll may take seconds, queued behind intake.
 */
function answeredWhileDown(s: THealthSample, times: TOutage): boolean {
  return s.at + s.ms >= times.downAt && s.at + s.ms <= times.upAt;
}

function describeSamples(samples: THealthSample[]): string {
  return samples
    .slice(0, 5)
    .map((s) => `${s.outcome} at +${seconds(s.at)} in ${s.ms} ms`)
    .join(", ");
}

async function tickPhase(databaseUrl: string) {
  if (!app) throw new Error("no app");
  const options: TDeliverOptions = {
    baseUrl: app.baseUrl,
    apiKey: SECRETS.DEMO_API_KEY,
    clock,
    requestTimeoutMs: 20_000,
    giveUpAfterMs: 30_000,
  };
  const now = Date.now();
  const prefix = `tick-${now.toString(36)}-`;
  // Three days late: the routing (30 min), draft (20 h) and answer (24 h) clocks have all run
  // out. Two hours late: routing only.
  const kinds = [
    { age: "3d", receivedAt: new Date(now - 3 * 24 * 3600_000), expected: ["ANSWER_LATE", "DRAFT_LATE", "ROUTE_LATE"] },
    { age: "2h", receivedAt: new Date(now - 2 * 3600_000), expected: ["ROUTE_LATE"] },
  ];
  const registered = await Promise.all(
    kinds.flatMap((k) =>
      Array.from({ length: 10 }, (_, i) =>
        deliver(options, `${prefix}${k.age}-${i}`, { receivedAt: k.receivedAt.toISOString() }).then((d) => ({
          d,
          expected: k.expected,
        })),
      ),
    ),
  );
  for (const { d } of registered) check(d.caseId !== null, `tick case ${d.externalId} not registered: ${d.failure}`);
  const before = await withClient(databaseUrl, readViolations);

  log("Scheduler: two POST /api/cron/tick at once…");
  const tick = async () => {
    const res = await fetch(`${options.baseUrl}/api/cron/tick`, {
      method: "POST",
      headers: { authorization: `Bearer ${SECRETS.CRON_SECRET}` },
      signal: AbortSignal.timeout(60_000),
    });
    return {
      status: res.status,
      body: (await res.json()) as { skipped?: boolean; violations?: number; errors?: string[] },
    };
  };
  const pair = await Promise.all([tick(), tick()]);
  const after = await withClient(databaseUrl, readViolations);
  const again = await tick();
  const afterAgain = await withClient(databaseUrl, readViolations);

  for (const [i, t] of pair.entries()) {
    check(t.status === 200, `tick ${i + 1} answered ${t.status}: ${JSON.stringify(t.body).slice(0, 300)}`);
  }
  const total = (rows: typeof before) => rows.reduce((sum, r) => sum + r.n, 0);
  const recordedByTicks = pair.reduce((sum, t) => sum + (t.body.violations ?? 0), 0);
  check(
    recordedByTicks === total(after) - total(before),
    `the ticks reported ${recordedByTicks} violations, the database gained ${total(after) - total(before)}`,
  );
  const duplicates = after.filter((r) => r.n > 1);
  check(duplicates.length === 0, `${duplicates.length} case/type pairs with more than one violation`);
  const byCase = new Map<string, string[]>();
  for (const r of after) byCase.set(r.caseId, [...(byCase.get(r.caseId) ?? []), r.type]);
  let expectedTotal = 0;
  for (const { d, expected } of registered) {
    if (!d.caseId) continue;
    expectedTotal += expected.length;
    const got = (byCase.get(d.caseId) ?? []).sort().join(",");
    check(
      got === expected.join(","),
      `case ${d.externalId}: violations ${got || "none"}, expected ${expected.join(",")}`,
    );
  }
  check(
    again.status === 200 && again.body.violations === 0 && total(afterAgain) === total(after),
    `a later tick recorded more: ${again.status} ${JSON.stringify(again.body).slice(0, 300)}`,
  );
  return { pair, again, expectedTotal, recorded: total(after) - total(before) };
}

async function main(): Promise<number> {
  generatePrismaClient(root);
  buildIfNeeded({ ...process.env, NODE_ENV: "production" });
  const watchdog = setTimeout(() => {
    console.error(`chaos: FAILED — did not finish within ${seconds(RUN_LIMIT_MS)}`);
    void cleanUp().finally(() => process.exit(1));
  }, RUN_LIMIT_MS);
  watchdog.unref();

  const { databaseUrl, municipalityId } = await setUp();
  const intake = await intakePhase(municipalityId, databaseUrl);
  judgeIntake(intake);
  if (process.env.CHAOS_APP_LOG) {
    // For looking into a failure: the polls and the outage's moments beside the app's log.
    const file = `${path.resolve(process.env.CHAOS_APP_LOG)}.health.json`;
    await writeFile(file, JSON.stringify({ times: intake.times, samples: intake.samples }, null, 1));
  }
  const ticks = await tickPhase(databaseUrl);
  check(app?.alive() ?? false, "the app process died during the run");

  const { deliveries, times, samples, recoveredAt, audit } = intake;
  const accepted = deliveries.filter((d) => d.acceptedAt !== null);
  const attempts = deliveries.flatMap((d) => d.outcomes);
  const latency = accepted.map((d) => (d.acceptedAt ?? 0) - d.firstSentAt);
  const outageSamples = samples.filter((s) => answeredWhileDown(s, times));
  const recoveredBy = (recoveredAt ?? times.upAt) + 1_000;
  const overload = attempts.filter((o) => o.outcome === "503" && (o.endedAt < times.stopAt || o.endedAt > recoveredBy));
  console.log(
    [
      "",
      "Chaos test summary",
      `  intake       ${deliveries.length} publications at ${RATE_PER_SECOND}/s (+${intake.pairs.length} twin deliveries), ` +
        `${accepted.length} accepted (${accepted.filter((d) => d.acceptedStatus === 201).length}×201, ` +
        `${accepted.filter((d) => d.acceptedStatus === 200).length}×200 on a retry)`,
      `  attempts     ${attempts.length}: ${formatCounts(countBy(attempts, (o) => o.outcome))}; ` +
        `max ${Math.max(0, ...deliveries.map((d) => d.attempts))} for one publication; ` +
        `${overload.length}×503 outside the outage (pool saturated)`,
      `  twins        ${intake.pairs.length} publications delivered twice at once: each one case ` +
        `(${intake.pairs.filter(([a, b]) => a.acceptedStatus !== b.acceptedStatus).length} answered 201 + 200)`,
      `  accept time  p50 ${latency.length ? percentile(latency, 50) : 0} ms, p95 ${percentile(latency, 95)} ms, ` +
        `max ${Math.max(0, ...latency)} ms`,
      `  database     ${audit.casesFound} cases with their event, deadlines and ${audit.recipients} notifications each`,
      `  outage       stop at +${seconds(times.stopAt)} took ${times.downAt - times.stopAt} ms, down ${seconds(times.startAt - times.downAt)}, ` +
        `start took ${times.upAt - times.startAt} ms`,
      `  health       ${samples.length} polls: ${formatCounts(countBy(samples, (s) => s.outcome))}; while down: ` +
        `${formatCounts(countBy(outageSamples, (s) => s.outcome))}, slowest ${Math.max(0, ...samples.map((s) => s.ms))} ms; ` +
        `200 again ${recoveredAt === null ? "never" : `${recoveredAt - times.upAt} ms after the start`}`,
      `  wall stream  ${intake.wall.connections} connection(s): ${formatCounts(countBy(intake.wall.events, (e) => e.event))}; ` +
        `a board ${intake.wall.backAt === null ? "never" : `${intake.wall.backAt - times.upAt} ms`} after the start`,
      `  scheduler    two ticks at once: ${ticks.pair.map((t) => (t.body.skipped ? `${t.status} skipped` : `${t.status} ${t.body.violations} violations`)).join(" / ")}; ` +
        `${ticks.recorded} recorded, ${ticks.expectedTotal} expected on the test's cases; a later tick: ${ticks.again.body.violations ?? "?"}`,
      "",
    ].join("\n"),
  );
  return failures.length === 0 ? 0 : 1;
}

void main()
  .catch((error: unknown) => {
    failures.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 1;
  })
  .then(async (code) => {
    if (failures.length > 0) {
      console.error(`chaos: FAILED — ${failures.length} check(s):`);
      for (const f of failures) console.error(`  ✗ ${f}`);
      const logged = app?.failures() ?? [];
      if (logged.length > 0) console.error(`\nFailures the app logged:\n${logged.slice(0, 10).join("\n")}`);
      if (app) console.error(`\nThe app's last output:\n${app.output(15)}`);
      if (cluster) console.error(`\nPostgreSQL's log:\n${(await cluster.logTail(10)).slice(0, 3000)}`);
    } else {
      console.log("chaos: all checks passed.");
    }
    await cleanUp();
    process.exit(code);
  });
