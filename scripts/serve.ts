/**
 * Brings the portal up: database (DATABASE_URL or the embedded one), migrations, optionally
 * demo data and a production build, then the Next.js server. Used by `npm run demo`,
 * `npm start`, `npm run dev` and the e2e suite.
 *
 *   tsx scripts/serve.ts demo            seed + build when needed + next start
 *   tsx scripts/serve.ts start           next start (build must exist)
 *   tsx scripts/serve.ts dev             next dev
 *   options: --fresh-db   a new empty database (e2e): in memory, or <DATABASE_URL>_e2e
 *            --seed       seed the demo data (implied by demo)
 *            --history    with --fresh-db: the three months of demo history too (the e2e suite
 *                         uses it, so the analytics pages are checked on the demo's data)
 */
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { createPrismaClient } from "../server/db/client";
import { startEmbeddedPostgres } from "../server/db/embedded";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import {
  EMBEDDED_INFO_FILE,
  readLiveEmbeddedInfo,
  resolveDatabaseUrl,
  type TResolvedDatabase,
} from "../server/db/resolve-url";
import { defaultMigratePaths, deploy } from "../server/db/migrate";
import { DEMO_USERS, seedDemo, DEMO_PASSWORD } from "../prisma/seed";
import { createSeededRandom, seedDemoHistory } from "../prisma/demo-history";
import { seedDemoRoutine } from "../prisma/demo-routine";
import { generatePrismaClient } from "./prisma-generate";
import { buildIfNeeded } from "./build";

const root = path.resolve(import.meta.dirname, "..");
const mode = process.argv[2] ?? "demo";
const flags = new Set(process.argv.slice(3));
if (!["demo", "start", "dev"].includes(mode)) {
  console.error(`Unknown mode "${mode}": use demo, start or dev`);
  process.exit(2);
}

/** Demo-only defaults, printed at start so nobody mistakes them for a configuration. */
const DEMO_DEFAULTS = {
  AUTH_SECRET: "otklik-demo-auth-secret-change-me-in-production-000",
  CRON_SECRET: "otklik-demo-cron-secret",
  DEMO_API_KEY: "otklik-demo-api-key-0000000000",
  DEMO_KIOSK_TOKEN: "otklik-demo-kiosk-token-0000000000",
};
const demoKioskToken = process.env.DEMO_KIOSK_TOKEN ?? DEMO_DEFAULTS.DEMO_KIOSK_TOKEN;

async function freshDatabase(): Promise<TResolvedDatabase> {
  const base = process.env.DATABASE_URL?.trim();
  if (!base) {
    const server = await startEmbeddedPostgres({ dataDir: null });
    return { url: server.url, embedded: true, stop: () => server.stop() };
  }
  const url = new URL(base);
  const name = `${url.pathname.slice(1) || "postgres"}_e2e`.replace(/[^a-zA-Z0-9_]/g, "_");
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  return { url: url.toString(), embedded: false, stop: async () => {} };
}

async function waitForHealth(url: string, child: ReturnType<typeof spawn>): Promise<boolean> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) return false;
    try {
      const res = await fetch(url);
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

async function main() {
  generatePrismaClient(root);
  const infoPath = path.join(root, EMBEDDED_INFO_FILE);
  const alreadyServed = await readLiveEmbeddedInfo(infoPath);
  const database = flags.has("--fresh-db") ? await freshDatabase() : await resolveDatabaseUrl({ rootDir: root });
  // The embedded database started here holds .data/pglite: tell the other tools (db:status,
  // db:seed, …) where to connect instead of opening the files themselves.
  const publish = database.embedded && !alreadyServed && !flags.has("--fresh-db");
  if (publish) {
    await mkdir(path.dirname(infoPath), { recursive: true });
    await writeFile(
      infoPath,
      `${JSON.stringify({ pid: process.pid, port: Number(new URL(database.url).port), url: database.url })}\n`,
    );
  }
  console.log(
    database.embedded ? `Database: embedded PostgreSQL (PGlite) at ${database.url}` : "Database: DATABASE_URL",
  );

  const { applied } = await deploy({ databaseUrl: database.url, ...defaultMigratePaths(root) });
  console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Migrations: up to date.");

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: database.embedded ? "1" : (process.env.DATABASE_POOL_MAX ?? "10"),
    AUTH_SECRET: process.env.AUTH_SECRET ?? (mode === "start" ? undefined : DEMO_DEFAULTS.AUTH_SECRET),
    CRON_SECRET: process.env.CRON_SECRET ?? (mode === "start" ? undefined : DEMO_DEFAULTS.CRON_SECRET),
    DEMO_API_KEY: process.env.DEMO_API_KEY ?? DEMO_DEFAULTS.DEMO_API_KEY,
  };
  const port = process.env.PORT ?? "3000";
  env.APP_URL ??= `http://localhost:${port}`;
  // A fresh database gets fresh file storage too: the e2e suite's uploads are thrown away with it.
  const freshUploads =
    flags.has("--fresh-db") && !process.env.STORAGE_DIR && (process.env.STORAGE_DRIVER ?? "local") === "local"
      ? await mkdtemp(path.join(os.tmpdir(), "otklik-uploads-"))
      : null;
  if (freshUploads) env.STORAGE_DIR = freshUploads;

  if (mode === "demo" || flags.has("--seed")) {
    const prisma = createPrismaClient(database.url, { poolMax: 1 });
    await seedDemo(prisma, { demoApiKey: env.DEMO_API_KEY, demoKioskToken });
    console.log("Demo data: in place.");
    // Three months of cases through the case services; only into a municipality without cases.
    // A fresh database gets them only when asked (--history).
    if (!flags.has("--fresh-db") || flags.has("--history")) {
      console.log("Demo history: generating three months of publications (about half a minute the first time)…");
      const history = await seedDemoHistory(prisma, { now: new Date() });
      console.log(history.present ? "Demo history: present." : `Demo history: ${history.created} cases generated.`);
      // Twelve weeks of routine posts on the official accounts (п.6), a few weeks short.
      const routine = await seedDemoRoutine(prisma, { now: new Date(), random: createSeededRandom(20260601) });
      console.log(
        routine.present ? "Demo routine posts: present." : `Demo routine posts: ${routine.created} recorded.`,
      );
    }
    await prisma.$disconnect();
  }
  if (mode === "demo") buildIfNeeded(env);

  const next = path.join(root, "node_modules", ".bin", "next");
  const child = spawn(next, [mode === "dev" ? "dev" : "start", "-p", port], { cwd: root, stdio: "inherit", env });
  const stop = async (code: number) => {
    if (child.exitCode === null) child.kill("SIGTERM");
    if (publish) await rm(infoPath, { force: true });
    if (freshUploads) await rm(freshUploads, { recursive: true, force: true });
    await database.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  child.on("exit", (code) => void stop(code ?? 1));

  if (await waitForHealth(`http://127.0.0.1:${port}/api/health`, child)) {
    const logins = DEMO_USERS.map((u) => u.username).join(", ");
    console.log(
      [
        "",
        `Отклик работает: ${env.APP_URL}`,
        mode === "demo" || flags.has("--seed") ? `Демо-входы (пароль «${DEMO_PASSWORD}»): ${logins}` : "",
        mode === "demo" ? `Демо-ключ API куратора: ${env.DEMO_API_KEY}` : "",
        mode === "demo" ? `Табло для экрана на стене: ${env.APP_URL}/wall/k/${demoKioskToken}` : "",
        "Остановить: Ctrl+C",
        "",
      ]
        .filter(Boolean)
        .join("\n"),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
