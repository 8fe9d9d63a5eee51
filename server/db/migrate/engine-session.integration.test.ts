import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmptyTestDatabase, type TEmptyTestDatabase } from "@/server/testing/db";
import { migrateFixtures } from "@/server/testing/migrate-fixtures";
import { queryRows } from "@/server/testing/postgres-admin";
import { createMigrationAdapters } from "./adapter-factory";
import { detectServerKind } from "./engine-session";
import { defaultMigratePaths, deploy, drift, shadowDatabasePrefix } from "./index";
import { charColumnsOf, RelabellingClient } from "./relabelling-client";
import { embeddedShadowDatabase, postgresShadowDatabase } from "./shadow-database";

let db: TEmptyTestDatabase;
const { defer, projectCopy } = migrateFixtures();

beforeAll(async () => {
  db = await createEmptyTestDatabase();
});

afterAll(async () => {
  await db.cleanup();
});

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`driver adapter error: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Shadow databases of the test's main database still present on the server. */
async function leftoverShadows(): Promise<string[]> {
  const rows = await queryRows<{ datname: string }>(
    db.url,
    `SELECT datname FROM pg_database WHERE starts_with(datname, $1) OR datname LIKE 'prisma\\_migrate\\_shadow\\_db\\_%'`,
    [shadowDatabasePrefix(db.url)],
  );
  return rows.map((row) => row.datname);
}

function activeResources(kind: string): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === kind).length;
}

const CHAR_QUERY = {
  sql: `SELECT 'r'::"char" AS kind, ARRAY['a', 'b']::"char"[] AS kinds, 'pg_class'::regclass AS relation`,
  args: [],
  argTypes: [],
};

describe("workaround 2: pg_catalog types adapter-pg cannot read", () => {
  it('adapter-pg alone refuses a "char" column', async () => {
    const adapter = await new PrismaPg({ connectionString: db.url, max: 1 }).connect();
    defer(() => adapter.dispose());

    await expect(adapter.queryRaw(CHAR_QUERY)).rejects.toMatchObject({
      cause: { kind: "UnsupportedNativeDataType", type: "char" },
    });
  });

  it('the relabelling client reads "char", "char"[] and regclass columns as text', async () => {
    const pool = new pg.Pool({ connectionString: db.url, max: 1, Client: RelabellingClient });
    defer(() => pool.end());
    const adapter = await new PrismaPg(pool).connect();

    const result = await adapter.queryRaw(CHAR_QUERY);

    expect(result.rows).toEqual([["r", ["a", "b"], "pg_class"]]);
    expect(result.columnTypes).toEqual([ColumnTypeEnum.Text, ColumnTypeEnum.TextArray, ColumnTypeEnum.Text]);
    expect(charColumnsOf(result.rows)).toEqual([0]);
  });

  it('the engine\'s adapter reports the "char" column as a character', async () => {
    const adapters = createMigrationAdapters(db.url, postgresShadowDatabase(db.url));
    defer(() => adapters.close());
    const adapter = unwrap(await adapters.factory.connect());

    const result = unwrap(await adapter.queryRaw(CHAR_QUERY));

    expect(result.columnTypes).toEqual([ColumnTypeEnum.Character, ColumnTypeEnum.TextArray, ColumnTypeEnum.Text]);
    expect(result.rows).toEqual([["r", ["a", "b"], "pg_class"]]);
  });

  it('drift reads a CHECK constraint (pg_constraint.contype is a "char") without crashing', async () => {
    const project = await projectCopy();
    await project.addMigration(
      "20990101000000_check",
      `ALTER TABLE "Municipality" ADD CONSTRAINT "Municipality_slaRouteMinutes_positive" CHECK ("slaRouteMinutes" > 0);\n`,
    );

    // Prisma does not model CHECK constraints, so they are no drift.
    const result = await drift({
      databaseUrl: db.url,
      schemaPath: project.schemaPath,
      migrationsDir: project.migrationsDir,
    });

    expect(result).toEqual({ drifted: false, sql: "" });
  });
});

describe("workaround 1: the shadow database", () => {
  it("is a separate database of its own, gone once the engine disposes of it", async () => {
    const server = await detectServerKind(db.url);
    const adapters = createMigrationAdapters(
      db.url,
      server === "pglite" ? embeddedShadowDatabase() : postgresShadowDatabase(db.url),
    );
    defer(() => adapters.close());
    const shadow = unwrap(await adapters.factory.connectToShadowDb());
    unwrap(await shadow.executeScript(`CREATE TABLE "OnlyInShadow" ("id" INTEGER)`));
    const [where] = unwrap(
      await shadow.queryRaw({ sql: "SELECT current_database(), inet_server_port()", args: [], argTypes: [] }),
    ).rows;

    const mainTables = await queryRows(db.url, `SELECT 1 FROM pg_tables WHERE tablename = 'OnlyInShadow'`);
    expect(mainTables).toEqual([]);
    unwrap(await shadow.dispose());

    expect(await leftoverShadows()).toEqual([]);
    const [database, port] = (where ?? []) as [string, number | null];
    const url = new URL(db.url);
    url.pathname = `/${database}`;
    if (port !== null) url.port = String(port);
    // Dropped (PostgreSQL) or stopped (PGlite): either way nobody can reach it any more.
    await expect(queryRows(url.toString(), 'SELECT 1 FROM "OnlyInShadow"')).rejects.toThrow();
  });

  it("is removed, with no server left listening, even when replaying the migrations fails", async () => {
    const project = await projectCopy();
    await project.addMigration("20990101000000_broken", `ALTER TABLE "NoSuchTable" ADD COLUMN "x" INTEGER;\n`);
    const listening = activeResources("TCPServerWrap");

    await expect(
      drift({ databaseUrl: db.url, schemaPath: project.schemaPath, migrationsDir: project.migrationsDir }),
    ).rejects.toThrow(/NoSuchTable/);

    expect(await leftoverShadows()).toEqual([]);
    expect(activeResources("TCPServerWrap")).toBe(listening);
  });
});

describe("workaround 3: the engine has no dispose", () => {
  it("leaves no timer behind after a command, so the process can end", async () => {
    const timers = activeResources("Timeout");

    await deploy({ databaseUrl: db.url, ...defaultMigratePaths() });
    await drift({ databaseUrl: db.url, ...defaultMigratePaths() });

    // Without the clean-up the engine's 10 s lock timeout alone would still be pending here.
    expect(activeResources("Timeout")).toBeLessThanOrEqual(timers);
  });
});
