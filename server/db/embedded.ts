import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { openPglite } from "./pglite-cluster-cache";

/**
 * The zero-install database: PGlite (PostgreSQL compiled to WASM) served over the PostgreSQL
 * wire protocol, so the app, the scripts and the migration tool reach it with the same
 * adapter-pg code path as a real server.
 *
 * PGlite is ONE PostgreSQL session. The socket server runs statements one at a time across all
 * connections (a global queue) and only keeps a transaction exclusive to the connection that
 * opened it; session state (SET, advisory locks, temporary tables) is shared by everyone.
 * Every client must therefore use a single connection: `createPrismaClient(url, { poolMax: 1 })`.
 */
export interface TEmbeddedPostgresOptions {
  /** Directory holding the data files; null keeps everything in memory (tests, shadow DBs). */
  dataDir: string | null;
  /** TCP port; 0 (the default) lets the OS choose a free one. */
  port?: number;
  host?: string;
}

export interface TEmbeddedPostgres {
  url: string;
  port: number;
  stop: () => Promise<void>;
}

/**
 * Several clients (app, a script, a test's Prisma client) may be connected at once; each uses
 * one connection. The library's default of 1 would turn away the second with a bare
 * "Too many connections" that pg cannot even parse.
 */
const MAX_CONNECTIONS = 16;

export async function startEmbeddedPostgres(options: TEmbeddedPostgresOptions): Promise<TEmbeddedPostgres> {
  const host = options.host ?? "127.0.0.1";
  const releaseLock = options.dataDir === null ? () => {} : lockDataDir(options.dataDir);
  let db: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  try {
    // Loaded on demand: importing PGlite costs ~0.4 s, wasted whenever DATABASE_URL is set.
    const { PGlite } = await import("@electric-sql/pglite");
    const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
    db = await openPglite(PGlite, options.dataDir === null ? null : path.resolve(options.dataDir));
    server = new PGLiteSocketServer({ db, host, port: options.port ?? 0, maxConnections: MAX_CONNECTIONS });
    await server.start();
  } catch (error) {
    await server?.stop().catch(() => {});
    await db?.close().catch(() => {});
    releaseLock();
    throw error;
  }
  const port = Number(server.getServerConn().split(":").at(-1));
  const startedDb = db;
  const startedServer = server;
  let stopping: Promise<void> | undefined;
  return {
    url: `postgresql://postgres@${host}:${port}/postgres`,
    port,
    stop() {
      stopping ??= (async () => {
        try {
          await startedServer.stop();
          await startedDb.close();
        } finally {
          releaseLock();
        }
      })();
      return stopping;
    },
  };
}

/**
 * PGlite does not lock its data directory: two processes opening the same one both succeed
 * (tried), and two writers would corrupt it. A `<dataDir>.lock` file holding the owner's pid makes the second one fail
 * with a message instead; a lock left by a dead process is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockPath = `${path.resolve(dataDir)}.lock`;
  mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(lockPath, "utf8").trim());
      if (Number.isInteger(owner) && owner > 0 && isProcessAlive(owner)) {
        throw new Error(
          `The embedded database in ${dataDir} is already open in process ${owner}. ` +
            `Stop that process, or run \`npm run db:embedded\` once and let every tool connect to it.`,
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database directory ${dataDir}`);
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
