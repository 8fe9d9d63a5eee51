import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { charColumnsOf, RelabellingClient } from "./relabelling-client";
import type { TCreateShadowDatabase, TShadowDatabase } from "./shadow-database";

export type TBoundAdapterFactory = ReturnType<typeof bindMigrationAwareSqlAdapterFactory>;

export interface TMigrationAdapters {
  /** What `SchemaEngine.new` takes. */
  factory: TBoundAdapterFactory;
  /**
   * Closes the main pool (which also releases the engine's session-level advisory lock: it
   * never unlocks explicitly) and drops any shadow database the engine did not dispose of.
   * The wasm engine has no dispose of its own (workaround 3), so this is what lets a process
   * run several commands, or end, cleanly.
   */
  close(): Promise<void>;
}

/**
 * The driver adapters the schema engine talks through: adapter-pg on pools of ONE
 * `RelabellingClient` connection each. One connection because the engine's
 * `pg_advisory_lock` is per session and must cover every statement of a deploy, and because
 * the embedded PGlite needs it anyway.
 */
export function createMigrationAdapters(url: string, createShadowDatabase: TCreateShadowDatabase): TMigrationAdapters {
  const mainPool = newPool(url);
  const openShadows = new Set<TShadowDatabase>();

  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async connect() {
      return new MigrationAdapter(await new PrismaPg(mainPool).connect(), async () => {});
    },
    async connectToShadowDb() {
      const shadow = await createShadowDatabase();
      openShadows.add(shadow);
      const pool = newPool(shadow.url);
      const dropShadow = async () => {
        await pool.end();
        if (openShadows.delete(shadow)) await shadow.drop();
      };
      try {
        return new MigrationAdapter(await new PrismaPg(pool).connect(), dropShadow);
      } catch (error) {
        await dropShadow();
        throw error;
      }
    },
  };

  return {
    factory: bindMigrationAwareSqlAdapterFactory(factory),
    async close() {
      const leftovers = [...openShadows];
      openShadows.clear();
      await Promise.allSettled([mainPool.end(), ...leftovers.map((shadow) => shadow.drop())]);
    },
  };
}

function newPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 1, Client: RelabellingClient });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  return pool;
}

/**
 * adapter-pg's adapter with two changes.
 *
 * `queryRaw` reports the columns that were "char" as `Character` (see `charColumnsOf`):
 * the second half of workaround 2, without which the engine panics on any CHECK constraint,
 * and on PostgreSQL 18 (the embedded PGlite) on every NOT NULL column.
 *
 * Workaround 4: adapter-pg's `executeScript` splits a migration at every ";" and sends the
 * pieces one by one, which breaks any script with a ";" inside a string, a comment or a
 * function body, and leaves half a migration behind when a statement fails. Sent whole, without parameters, the script goes through PostgreSQL's simple query
 * protocol: every statement in order, in one implicit transaction, exactly as the native
 * schema engine runs it. It still goes through adapter-pg, which turns errors into the form
 * the engine reports.
 */
class MigrationAdapter implements SqlDriverAdapter {
  readonly provider: SqlDriverAdapter["provider"];
  readonly adapterName: string;

  constructor(
    private readonly inner: SqlDriverAdapter,
    private readonly afterDispose: () => Promise<void>,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  async queryRaw(query: SqlQuery) {
    const result = await this.inner.queryRaw(query);
    for (const index of charColumnsOf(result.rows)) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  }

  executeRaw(query: SqlQuery) {
    return this.inner.executeRaw(query);
  }

  async executeScript(script: string): Promise<void> {
    await this.inner.executeRaw({ sql: script, args: [], argTypes: [] });
  }

  startTransaction(isolationLevel?: IsolationLevel) {
    return this.inner.startTransaction(isolationLevel);
  }

  getConnectionInfo() {
    return this.inner.getConnectionInfo?.() ?? { supportsRelationJoins: true };
  }

  async dispose(): Promise<void> {
    try {
      await this.inner.dispose();
    } finally {
      await this.afterDispose();
    }
  }
}
