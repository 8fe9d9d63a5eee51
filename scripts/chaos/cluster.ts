/**
 * A throw-away PostgreSQL cluster of the chaos test's own, so that it may be stopped and
 * started at will without touching anybody's database: initdb into a temporary folder, a port
 * of its own, the unix socket inside the folder. PostgreSQL refuses to run as root, so as root
 * (CI) every server command runs as the `postgres` user and the folder belongs to it.
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chown, mkdtemp, readFile, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface TCluster {
  url: (database: string) => string;
  port: number;
  dir: string;
  /** `pg_ctl stop -m fast`: open sessions are terminated, as in a planned restart. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server (immediately) and deletes the folder; safe to call twice. */
  destroy(): Promise<void>;
  /** The end of the server's log, for a failure message. */
  logTail(lines?: number): Promise<string>;
}

function findBinDir(): string {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim());
  } catch {
    // no pg_config on this image: the Debian layout below
  }
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debian, v, "bin")));
  }
  const found = candidates.find((dir) => existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl")));
  if (!found) throw new Error("PostgreSQL server binaries not found (pg_config --bindir, /usr/lib/postgresql/*/bin)");
  return found;
}

/** A TCP port nobody listens on, from `from` upwards. */
export async function findFreePort(from: number, to: number): Promise<number> {
  for (let port = from; port <= to; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`No free port in ${from}–${to}`);
}

function run(file: string, args: string[], options: { cwd: string; asPostgres: boolean; timeoutMs: number }) {
  const [command, argv] = options.asPostgres ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
  return new Promise<string>((resolve, reject) => {
    execFile(
      command,
      argv,
      { cwd: options.cwd, timeout: options.timeoutMs, encoding: "utf8" },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${path.basename(file)} ${args[0] ?? ""} failed: ${error.message}\n${stderr}`));
        else resolve(stdout);
      },
    );
  });
}

export async function createCluster(options: { portFrom: number; portTo: number }): Promise<TCluster> {
  const bin = findBinDir();
  const asPostgres = process.getuid?.() === 0;
  const dir = await mkdtemp(path.join(os.tmpdir(), "otklik-chaos-"));
  const data = path.join(dir, "data");
  const log = path.join(dir, "postgres.log");
  if (asPostgres) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    await chown(dir, uid, gid);
  }
  const port = await findFreePort(options.portFrom, options.portTo);
  const pg = (tool: string, args: string[], timeoutMs = 120_000) =>
    run(path.join(bin, tool), args, { cwd: dir, asPostgres, timeoutMs });
  let destroyed = false;
  const cluster: TCluster = {
    port,
    dir,
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      // fsync off: durability across a power cut is not under test here, a loaded CI disk is.
      const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
      await pg("pg_ctl", ["start", "-D", data, "-l", log, "-w", "-t", "90", "-o", serverOptions]);
    },
    async stop() {
      await pg("pg_ctl", ["stop", "-D", data, "-m", "fast", "-w", "-t", "90"]);
    },
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      if (existsSync(path.join(data, "postmaster.pid"))) {
        await pg("pg_ctl", ["stop", "-D", data, "-m", "immediate", "-w", "-t", "30"], 40_000).catch(() => undefined);
      }
      await rm(dir, { recursive: true, force: true });
    },
    async logTail(lines = 20) {
      const text = await readFile(log, "utf8").catch(() => "");
      return text.trimEnd().split("\n").slice(-lines).join("\n");
    },
  };
  try {
    await pg("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
    await cluster.start();
  } catch (error) {
    await cluster.destroy();
    throw error;
  }
  return cluster;
}
