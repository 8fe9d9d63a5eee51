/**
 * The benchmark itself (started by run.ts, see there): performance at region scale (docs/performance.md).
 *
 *   npm run bench                         seed 1 000 000 cases, build if needed, measure
 *   npm run bench -- --reuse              measure the database seeded before (same `now`)
 *   npm run bench -- --cases 100000       a smaller region for quick runs
 *   options: --municipalities 50 --open 10000 --iterations 30 --warmup 5 --tick-repetitions 3
 *            --http-seconds 15 --connections 10 --port 3410 --skip-http --explain
 *            --only queries,tick,http   run only these parts (to iterate on one)
 *
 * The database is BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/otklik_bench);
 * it is dropped and created again unless --reuse finds it seeded.
 */
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { buildIfNeeded } from "../scripts/build";
import { createPrismaClient } from "../server/db/client";
import { boundsRows, loadMunicipalities } from "../server/services/analytics/bounds";
import { aggregatesStatement, aggregatesStatements, computeMonthlyMetrics } from "../server/services/analytics/metrics";
import { loadAnalyticsReport } from "../server/services/analytics/report";
import type { TSessionUser } from "../server/auth/session-user";
import { listCases } from "../server/services/cases/queries";
import { loadInbox } from "../server/services/queues/inbox";
import { tickLockFor } from "../server/services/scheduler/lock";
import { runTick } from "../server/services/scheduler/tick";
import { loadWallBoard } from "../server/services/wall/board";
import { monthOfInstant, previousMonth, weeksOfMonth } from "../server/domain/analytics/month";
import { QUEUE_SECTION_LIMIT } from "../server/api/routers/queues/queues.schema";
import { formatFigure, goalsOf, measurePair, percentile, type TFigure, type TGoal } from "./measure";
import { rawCaseList, rawInbox, rawMonthlyAnalytics, rawWallBoard } from "./raw";
import { municipalityIdOf, readSeededNow, recreateDatabase, seedBenchDatabase } from "./seed";

const root = path.resolve(import.meta.dirname, "..");
const { values: flags } = parseArgs({
  options: {
    reuse: { type: "boolean", default: false },
    cases: { type: "string", default: "1000000" },
    municipalities: { type: "string", default: "50" },
    open: { type: "string", default: "10000" },
    iterations: { type: "string", default: "30" },
    warmup: { type: "string", default: "5" },
    "tick-repetitions": { type: "string", default: "3" },
    "http-seconds": { type: "string", default: "15" },
    connections: { type: "string", default: "10" },
    port: { type: "string", default: "3410" },
    "skip-http": { type: "boolean", default: false },
    explain: { type: "boolean", default: false },
    only: { type: "string" },
  },
});
const num = (value: string | undefined) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`not a number: ${value}`);
  return Math.floor(n);
};
const url = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/otklik_bench";
const municipalityCount = num(flags.municipalities);
const iterations = num(flags.iterations);
const warmup = num(flags.warmup);
const only = flags.only ? new Set(flags.only.split(",")) : null;
const runs = (part: "queries" | "tick" | "http") => only === null || only.has(part);

const phases: { name: string; seconds: number }[] = [];
async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  console.log(`\n── ${name}`);
  try {
    return await work();
  } finally {
    const seconds = (performance.now() - started) / 1000;
    phases.push({ name, seconds });
    console.log(`── ${name}: ${seconds.toFixed(1)} s`);
  }
}

async function main() {
  const started = performance.now();
  console.log(
    `Machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`,
  );
  console.log(`Database: ${url.replace(/\/\/[^@]*@/, "//…@")}`);

  let now = flags.reuse ? await readSeededNow(url) : null;
  if (flags.reuse && !now) console.log("--reuse: no seeded database found, seeding one.");
  if (!now) {
    const seededNow = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    await phase("seed", async () => {
      await recreateDatabase(url);
      await seedBenchDatabase(url, {
        cases: num(flags.cases),
        municipalities: municipalityCount,
        open: num(flags.open),
        now: seededNow,
        log: (line) => console.log(line),
      });
    });
    now = seededNow;
  }
  const benchNow = now;
  console.log(`Bench now: ${benchNow.toISOString()}`);

  const pool = new pg.Pool({ connectionString: url, max: 10, options: "-c jit=off" });
  const prisma = createPrismaClient(url, { poolMax: 10 });
  const figures: TFigure[] = [];
  const goals: TGoal[] = [];
  const report = (f: TFigure) => {
    figures.push(f);
    goals.push(...goalsOf(f));
    console.log(formatFigure(f));
  };

  const server = await pool.query<{ server_version: string }>("SHOW server_version");
  const counts = await pool.query<{ cases: string; open: string; events: string; violations: string }>(
    `SELECT (SELECT count(*) FROM "Case") AS cases,
       (SELECT count(*) FROM "Case" WHERE "status" NOT IN ('POSTED', 'DECLINED', 'CANCELLED')) AS open,
       (SELECT reltuples::bigint FROM pg_class WHERE relname = 'CaseEvent') AS events,
       (SELECT count(*) FROM "Violation") AS violations`,
  );
  console.log(
    `PostgreSQL ${server.rows[0]?.server_version ?? "?"}; ` +
      `cases ${counts.rows[0]?.cases}, open ${counts.rows[0]?.open}, events ≈${counts.rows[0]?.events}, violations ${counts.rows[0]?.violations}`,
  );

  const mid = municipalityIdOf(1);
  const allIds = Array.from({ length: municipalityCount }, (_, i) => municipalityIdOf(i + 1));
  const month = previousMonth(monthOfInstant(benchNow, "Europe/Moscow"));

  try {
    if (runs("queries"))
      await phase("queries", async () => {
        report(
          await measurePair({
            name: "wall board (1 municipality)",
            app: () => loadWallBoard(prisma, mid, benchNow),
            raw: () => rawWallBoard(pool, mid, benchNow),
            goalP95Ms: 50,
            warmup,
            iterations,
          }),
        );
        report(
          await measurePair({
            name: "coordinator inbox (queues.inbox)",
            app: () =>
              loadInbox(
                prisma,
                { municipalityIds: [mid] },
                { limit: QUEUE_SECTION_LIMIT, withAtCurator: true, withApproved: true },
                benchNow,
              ),
            raw: () => rawInbox(pool, [mid], QUEUE_SECTION_LIMIT, benchNow),
            goalP95Ms: 50,
            warmup,
            iterations,
          }),
        );
        const filter = {
          status: ["POSTED" as const],
          departmentId: `${mid}-d2`,
          receivedFrom: new Date(benchNow.getTime() - 90 * 24 * 3600_000),
          receivedTo: benchNow,
        };
        report(
          await measurePair({
            name: "case search: status+department+90 days (cases.list)",
            app: () => listCases(prisma, { municipalityIds: [mid] }, { ...filter, limit: 50 }, benchNow),
            raw: () => rawCaseList(pool, [mid], filter, 50),
            goalP95Ms: 50,
            warmup,
            iterations,
          }),
        );
        report(
          await measurePair({
            name: 'case search: text "яма" (cases.list)',
            app: () => listCases(prisma, { municipalityIds: [mid] }, { text: "яма", limit: 50 }, benchNow),
            raw: () => rawCaseList(pool, [mid], { text: "яма" }, 50),
            goalP95Ms: 50,
            warmup,
            iterations,
          }),
        );
        for (const [label, ids] of [
          ["1 municipality", [mid]],
          [`region, ${allIds.length} municipalities`, allIds],
        ] as const) {
          const municipalities = await loadMunicipalities(prisma, ids);
          const statements = aggregatesStatements(boundsRows(municipalities, [month], benchNow));
          const weeks = municipalities.flatMap((m) =>
            weeksOfMonth(month, m.timeZone, benchNow).map((w) => ({
              municipalityId: m.id,
              start: w.start,
              end: w.end,
            })),
          );
          report(
            await measurePair({
              name: `analytics ${month}, ${label} (computeMonthlyMetrics)`,
              app: () => computeMonthlyMetrics(prisma, { municipalityIds: ids, month }, benchNow),
              raw: () => rawMonthlyAnalytics(pool, statements, [...ids], weeks),
              goalP95Ms: 200,
              warmup: Math.min(warmup, 2),
              iterations: Math.min(iterations, ids.length > 1 ? 10 : iterations),
            }),
          );
        }
        // The analytics page of a regional curator: the month, the previous one, the same month a
        // year before (all computed live for several municipalities) and the twelve-month trend.
        const regionalCurator: TSessionUser = {
          id: "curator1",
          username: "curator1",
          fullName: "Куратор",
          position: null,
          email: null,
          roles: ["CURATOR"],
          municipality: null,
          department: null,
          municipalityIds: allIds,
          timeZone: "Europe/Moscow",
        };
        report(
          await measurePair({
            name: `analytics report ${month}, region (loadAnalyticsReport: 3 months + 12-month trend)`,
            app: () => loadAnalyticsReport(prisma, regionalCurator, { month }, benchNow),
            raw: null,
            goalP95Ms: null,
            warmup: Math.min(warmup, 1),
            iterations: Math.min(iterations, 5),
          }),
        );
      });

    if (runs("tick"))
      await phase("scheduler tick", async () => {
        const repetitions = Math.max(1, num(flags["tick-repetitions"]));
        const lock = tickLockFor(url);
        const first: number[] = [];
        const second: number[] = [];
        const reset = async () => {
          await pool.query(
            `WITH v AS (DELETE FROM "Violation" WHERE "createdAt" >= $1 RETURNING "id", "caseId")
           DELETE FROM "CaseEvent" e USING v
           WHERE e."caseId" = v."caseId" AND e."type" = 'VIOLATION' AND e."data"->>'violationId' = v."id"`,
            [benchNow.toISOString()],
          );
          await pool.query(`DELETE FROM "Notification" WHERE "createdAt" >= $1 AND "createdAt" <= $2`, [
            benchNow.toISOString(),
            new Date(benchNow.getTime() + 60_000).toISOString(),
          ]);
          await pool.query(`DELETE FROM "SchedulerRun"`);
        };
        for (let i = 0; i < repetitions; i++) {
          await reset();
          const a = await runTick(prisma, { now: benchNow, trigger: "timer", lock });
          const b = await runTick(prisma, { now: new Date(benchNow.getTime() + 60_000), trigger: "timer", lock });
          if (a.skipped || b.skipped) throw new Error("the tick was skipped: another tick holds the lock");
          first.push(a.durationMs);
          second.push(b.durationMs);
          console.log(
            `  repetition ${i + 1}: first ${a.durationMs.toFixed(0)} ms (violations ${a.violations}, reminders ${a.reminders}, ` +
              `errors ${a.errors.length}), next minute ${b.durationMs.toFixed(0)} ms (violations ${b.violations}, reminders ${b.reminders})`,
          );
          for (const e of [...a.errors, ...b.errors].slice(0, 3)) console.log(`    error: ${e}`);
        }
        await reset();
        const figure = (name: string, xs: number[], note: string): TFigure => {
          const sorted = [...xs].sort((x, y) => x - y);
          return {
            name,
            medianMs: percentile(sorted, 0.5),
            p95Ms: percentile(sorted, 0.95),
            rawMedianMs: null,
            goalP95Ms: 1000,
            note,
          };
        };
        report(
          figure(
            "scheduler tick, first (writes the last 15 min of violations and every due reminder)",
            first,
            `${repetitions} repetitions, reset between`,
          ),
        );
        report(figure("scheduler tick, steady state (the next minute)", second, `${repetitions} repetitions`));
      });

    if (!flags["skip-http"] && runs("http")) {
      await phase("build", () => Promise.resolve(buildIfNeeded({ ...process.env })));
      await phase("REST intake under load", () => measureIntake(goals));
    }

    if (flags.explain) await phase("explain", () => explainAll(pool, mid, allIds, benchNow, month));
  } finally {
    await prisma.$disconnect();
    await pool.end();
  }

  const met = goals.filter((g) => g.met).length;
  console.log(`\nGoals met: ${met} of ${goals.length}`);
  for (const g of goals.filter((x) => !x.met)) console.log(`  missed: ${g.label}`);
  console.log(`Phases: ${phases.map((p) => `${p.name} ${p.seconds.toFixed(1)} s`).join(", ")}`);
  console.log(`Total: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function waitForHealth(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error("the server exited while starting");
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the server did not become healthy in two minutes");
}

interface TAutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p97_5: number; p99: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  "2xx": number;
  duration: number;
}

function runLoad(base: string, seconds: number, connections: number): Promise<TAutocannonResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(root, "node_modules", ".bin", "tsx"),
      [
        path.join(root, "bench", "intake-load.ts"),
        base,
        String(seconds),
        String(connections),
        String(municipalityCount),
      ],
      { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`the load generator exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").at(-1) ?? "") as TAutocannonResult);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

async function measureIntake(goals: TGoal[]) {
  const port = flags.port;
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", port], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: url,
      DATABASE_POOL_MAX: "10",
      AUTH_SECRET: "otklik-bench-auth-secret-000000000000000000",
      CRON_SECRET: "otklik-bench-cron-secret",
      // The bench's clock is not the server's: the server must not tick on its own.
      SCHEDULER_TIMER: "off",
      APP_URL: base,
      PORT: port,
    },
  });
  try {
    await waitForHealth(base, child);
    const seconds = num(flags["http-seconds"]);
    const connections = num(flags.connections);
    await runLoad(base, 3, connections); // warm-up: JIT, connection pool, caches
    const r = await runLoad(base, seconds, connections);
    const rps = r["2xx"] / r.duration;
    console.log(
      `REST intake POST /api/v1/publications: ${rps.toFixed(0)} req/s (2xx) over ${r.duration.toFixed(0)} s, ` +
        `${connections} connections | latency p50 ${r.latency.p50} ms, p90 ${r.latency.p90} ms, ` +
        `p97.5 ${r.latency.p97_5} ms, p99 ${r.latency.p99} ms | errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}`,
    );
    goals.push({ label: "REST intake ≥ 300 req/s", met: rps >= 300 });
    goals.push({ label: "REST intake p97.5 < 50 ms", met: r.latency.p97_5 < 50 });
    goals.push({ label: "REST intake without errors", met: r.errors + r.timeouts + r.non2xx === 0 });
  } finally {
    if (child.exitCode === null) child.kill("SIGTERM");
  }
}

async function explainAll(pool: pg.Pool, mid: string, allIds: string[], now: Date, month: string) {
  const explain = async (title: string, sql: string, params: unknown[]) => {
    const client = await pool.connect();
    try {
      await client.query("SET jit = off");
      const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      console.log(`\n### ${title}\n\n\`\`\`\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}\n\`\`\``);
    } finally {
      client.release();
    }
  };
  const prisma = createPrismaClient(url, { poolMax: 2 });
  try {
    for (const [label, ids] of [
      ["one municipality", [mid]],
      ["the region", allIds],
    ] as const) {
      const municipalities = await loadMunicipalities(prisma, ids);
      const statement = aggregatesStatement(boundsRows(municipalities, [month], now));
      await explain(`Analytics aggregates, ${month}, ${label}`, statement.text, statement.values);
    }
  } finally {
    await prisma.$disconnect();
  }
  await explain(
    "Wall board: open cases of one municipality",
    `SELECT c."id", c."currentDueAt", (count(*) OVER ())::int FROM "Case" c JOIN "SocialNetwork" n ON n."id" = c."networkId"
     WHERE c."municipalityId" = $1 AND c."status" IN ('NEW', 'ASSIGNED', 'INTERNAL_REVIEW', 'AT_CURATOR', 'REWORK', 'APPROVED')
     ORDER BY c."currentDueAt" ASC NULLS LAST, c."receivedAt" ASC, c."id" ASC LIMIT 500`,
    [mid],
  );
  await explain(
    "Inbox: the NEW section",
    `SELECT c."id" FROM "Case" c WHERE c."municipalityId" = ANY($1) AND c."status" = 'NEW'
     ORDER BY c."currentDueAt" ASC NULLS LAST, c."receivedAt" ASC, c."id" ASC LIMIT 100`,
    [[mid]],
  );
  await explain(
    "Case search: status + department + 90 days",
    `SELECT c."id" FROM "Case" c WHERE c."municipalityId" = ANY($1) AND c."status" = 'POSTED' AND c."departmentId" = $2
       AND c."receivedAt" >= $3 AND c."receivedAt" < $4
     ORDER BY c."currentDueAt" ASC NULLS LAST, c."receivedAt" DESC, c."id" ASC LIMIT 51`,
    [[mid], `${mid}-d2`, new Date(now.getTime() - 90 * 24 * 3600_000).toISOString(), now.toISOString()],
  );
  await explain(
    "Case search: text",
    `SELECT c."id" FROM "Case" c WHERE c."municipalityId" = ANY($1)
       AND (c."text" ILIKE $2 OR c."authorName" ILIKE $2 OR c."postUrl" LIKE $2 OR c."externalId" = $3)
     ORDER BY c."currentDueAt" ASC NULLS LAST, c."receivedAt" DESC, c."id" ASC LIMIT 51`,
    [[mid], "%яма%", "яма"],
  );
  await explain(
    "Scheduler: the violation scan of one municipality (first batch)",
    `SELECT c."id" FROM "Case" c
     WHERE c."municipalityId" = $1 AND c."status" IN ('NEW', 'ASSIGNED', 'INTERNAL_REVIEW', 'AT_CURATOR', 'REWORK', 'APPROVED') AND c."id" > ''
       AND ((c."currentClock" IN ('ROUTE', 'FORWARD', 'REWORK') AND c."currentDueAt" < $2
           AND NOT EXISTS (SELECT 1 FROM "Violation" v WHERE v."caseId" = c."id"
             AND v."type"::text = c."currentClock"::text || '_LATE' AND v."dueAt" = c."currentDueAt"))
         OR (c."answerDueAt" < $2 AND NOT EXISTS (SELECT 1 FROM "Violation" v WHERE v."caseId" = c."id" AND v."type" = 'ANSWER_LATE'))
         OR (c."draftDueAt" < $2
           AND NOT EXISTS (SELECT 1 FROM "AnswerDraft" d WHERE d."caseId" = c."id" AND d."submittedAt" IS NOT NULL)
           AND NOT EXISTS (SELECT 1 FROM "Violation" v WHERE v."caseId" = c."id" AND v."type" = 'DRAFT_LATE')))
     ORDER BY c."id" LIMIT 200`,
    [mid, now.toISOString()],
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
