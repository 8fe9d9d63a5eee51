import { readFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { isProcessAlive, startEmbeddedPostgres } from "./embedded";

/** Where the embedded database keeps its files; `.data/` is git-ignored. */
export const EMBEDDED_DATA_DIR = ".data/pglite";
/** Written by `npm run db:embedded` while it serves, so other processes connect instead of opening the files. */
export const EMBEDDED_INFO_FILE = ".data/embedded.json";

export interface TEmbeddedInfo {
  pid: number;
  port: number;
  url: string;
}

export interface TResolvedDatabase {
  url: string;
  /** True when the database is PGlite: clients must use `poolMax: 1`. */
  embedded: boolean;
  /** Stops the embedded server if this call started it; otherwise does nothing. */
  stop: () => Promise<void>;
}

export interface TResolveDatabaseOptions {
  env?: Record<string, string | undefined>;
  /** Directory the `.data/` paths are relative to; the current directory by default. */
  rootDir?: string;
}

/**
 * The database a script should use: `DATABASE_URL` when set; else the running
 * `npm run db:embedded` server; else an embedded server started inside this process on
 * `.data/pglite` (stopped by `stop()`).
 */
export async function resolveDatabaseUrl(options: TResolveDatabaseOptions = {}): Promise<TResolvedDatabase> {
  const env = options.env ?? process.env;
  const rootDir = options.rootDir ?? process.cwd();
  const fromEnv = env.DATABASE_URL?.trim();
  if (fromEnv) return { url: fromEnv, embedded: false, stop: async () => {} };

  const running = await readLiveEmbeddedInfo(path.join(rootDir, EMBEDDED_INFO_FILE));
  if (running) return { url: running.url, embedded: true, stop: async () => {} };

  const started = await startEmbeddedPostgres({ dataDir: path.join(rootDir, EMBEDDED_DATA_DIR) });
  return { url: started.url, embedded: true, stop: started.stop };
}

/** The info file's server, if its process is alive and its port accepts connections. */
export async function readLiveEmbeddedInfo(infoPath: string): Promise<TEmbeddedInfo | null> {
  let info: TEmbeddedInfo;
  try {
    info = JSON.parse(await readFile(infoPath, "utf8")) as TEmbeddedInfo;
  } catch {
    return null;
  }
  if (!Number.isInteger(info.pid) || !Number.isInteger(info.port) || typeof info.url !== "string") return null;
  // A crashed server leaves its file behind; a recycled pid alone could fool us, the port check not.
  if (!isProcessAlive(info.pid)) return null;
  return (await acceptsConnections(new URL(info.url).hostname || "127.0.0.1", info.port)) ? info : null;
}

function acceptsConnections(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2_000, () => finish(false));
    socket.once("connect", () => finish(true));
    socket.once("error", () => finish(false));
  });
}
