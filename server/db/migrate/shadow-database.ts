import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "../embedded";

/**
 * A throw-away database the engine replays the migrations into (to diff them against
 * schema.prisma). Created on demand and dropped when the engine disposes of it.
 */
export interface TShadowDatabase {
  url: string;
  drop: () => Promise<void>;
}

export type TCreateShadowDatabase = () => Promise<TShadowDatabase>;

/** Our shadow databases' names start with this, so a leftover one is easy to spot and remove. */
export const SHADOW_DATABASE_PREFIX = "otklik_shadow_";

/**
 * `otklik_shadow_<main database>_`: the shadows of one database are recognisable (by an
 * operator looking at a leftover, by a test running next to others on the same server).
 */
export function shadowDatabasePrefix(mainUrl: string): string {
  const mainName = decodeURIComponent(new URL(mainUrl).pathname.slice(1)) || "postgres";
  return `${SHADOW_DATABASE_PREFIX}${mainName.replace(/[^a-zA-Z0-9_]/g, "_").slice(0, 32)}_`;
}

/**
 * Workaround 1: adapter-pg's own `connectToShadowDb()` cannot be used. Given a connection
 * string it "creates" the shadow database and then reconnects to the MAIN database (the
 * diff would replay migrations into real data), and it drops the shadow before closing its
 * pool (the DROP fails on the open connections). So the database is created here, its pool
 * belongs to the caller, and it is dropped with FORCE after that pool has been closed.
 */
export function postgresShadowDatabase(mainUrl: string): TCreateShadowDatabase {
  return async () => {
    const url = new URL(mainUrl);
    const name = `${shadowDatabasePrefix(mainUrl)}${randomBytes(4).toString("hex")}`;
    await runMaintenanceStatement(mainUrl, `CREATE DATABASE "${name}"`);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      // FORCE (PostgreSQL 13+) ends any connection still open, e.g. after an engine error.
      drop: () => runMaintenanceStatement(mainUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  };
}

/**
 * PGlite serves one database per instance: CREATE DATABASE succeeds, but a connection to the
 * new name still lands in `postgres`, so the shadow would be the main database. The shadow of
 * an embedded database is therefore a second, in-memory PGlite on a free port.
 */
export function embeddedShadowDatabase(): TCreateShadowDatabase {
  return async () => {
    const server = await startEmbeddedPostgres({ dataDir: null, port: 0 });
    return { url: server.url, drop: server.stop };
  };
}

async function runMaintenanceStatement(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
