/**
 * `npm run db:embedded`: serves the embedded PostgreSQL (PGlite, data in `.data/pglite`) in the
 * foreground, so the app and the db scripts can share it. While it runs, `.data/embedded.json`
 * tells other processes where it is (server/db/resolve-url.ts reads it).
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedPostgres } from "../server/db/embedded";
import {
  EMBEDDED_DATA_DIR,
  EMBEDDED_INFO_FILE,
  readLiveEmbeddedInfo,
  type TEmbeddedInfo,
} from "../server/db/resolve-url";

const DEFAULT_PORT = 54329;

async function main(): Promise<void> {
  const port = parsePort(process.env.EMBEDDED_DB_PORT);
  const infoPath = path.resolve(EMBEDDED_INFO_FILE);
  const running = await readLiveEmbeddedInfo(infoPath);
  if (running) {
    console.error(`The embedded database is already running (process ${running.pid}) on ${running.url}.`);
    process.exit(1);
  }
  const server = await startEmbeddedPostgres({ dataDir: path.resolve(EMBEDDED_DATA_DIR), port });

  const info: TEmbeddedInfo = { pid: process.pid, port: server.port, url: server.url };
  await mkdir(path.dirname(infoPath), { recursive: true });
  await writeFile(infoPath, `${JSON.stringify(info, null, 2)}\n`);
  console.log(`Embedded PostgreSQL (PGlite) on ${server.url}, data in ${EMBEDDED_DATA_DIR}. Ctrl+C stops it.`);
  console.log("Clients must use a single connection (pool max 1).");

  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the embedded database…`);
    await rm(infoPath, { force: true });
    await server.stop();
    process.exit(0);
  };
  process.on("SIGINT", (signal) => void shutdown(signal));
  process.on("SIGTERM", (signal) => void shutdown(signal));
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`EMBEDDED_DB_PORT must be a port number (0–65535), got "${raw}"`);
    process.exit(2);
  }
  return port;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
