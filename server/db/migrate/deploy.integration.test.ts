import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { committedMigrationNames, migrateFixtures } from "@/server/testing/migrate-fixtures";
import { queryRows } from "@/server/testing/postgres-admin";
import { defaultMigratePaths, deploy, markRolledBack, status } from "./index";

interface TMigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

const paths = defaultMigratePaths();
const { emptyDatabase, projectCopy } = migrateFixtures();

function migrationRows(url: string): Promise<TMigrationRow[]> {
  return queryRows<TMigrationRow>(
    url,
    `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
       FROM _prisma_migrations ORDER BY migration_name`,
  );
}

async function tableNames(url: string): Promise<string[]> {
  const rows = await queryRows<{ tablename: string }>(
    url,
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  return rows.map((row) => row.tablename);
}

describe("deploy", () => {
  it("creates the tables on a fresh database and records each migration as Prisma does", async () => {
    const db = await emptyDatabase();
    const names = await committedMigrationNames();

    const result = await deploy({ databaseUrl: db.url, ...paths });

    expect(result.applied).toEqual(names);
    expect(await tableNames(db.url)).toEqual(
      expect.arrayContaining(["Case", "Municipality", "User", "_prisma_migrations"]),
    );
    const rows = await migrationRows(db.url);
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const script = await readFile(path.join(paths.migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(script).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("applies nothing the second time", async () => {
    const db = await emptyDatabase();
    await deploy({ databaseUrl: db.url, ...paths });
    const before = await migrationRows(db.url);

    const again = await deploy({ databaseUrl: db.url, ...paths });

    expect(again.applied).toEqual([]);
    expect(await migrationRows(db.url)).toEqual(before);
  });

  it("records each migration exactly once when two deploys run at the same time", async () => {
    const db = await emptyDatabase();
    const names = await committedMigrationNames();

    const [first, second] = await Promise.all([
      deploy({ databaseUrl: db.url, ...paths }),
      deploy({ databaseUrl: db.url, ...paths }),
    ]);

    // One of them did the work, the other found nothing left to do.
    expect([...first.applied, ...second.applied].sort()).toEqual(names);
    const rows = await migrationRows(db.url);
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    expect(rows.every((row) => row.finished_at !== null)).toBe(true);
  });

  it("runs a migration whole: semicolons inside strings and function bodies survive", async () => {
    const db = await emptyDatabase();
    const copy = await projectCopy();
    await copy.addMigration(
      "20990101000000_comments",
      `COMMENT ON TABLE "Region" IS 'regions; also districts';
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'Region') THEN
    RAISE EXCEPTION 'missing; table';
  END IF;
END
$$;
`,
    );

    const result = await deploy({
      databaseUrl: db.url,
      schemaPath: copy.schemaPath,
      migrationsDir: copy.migrationsDir,
    });

    expect(result.applied).toContain("20990101000000_comments");
    const [comment] = await queryRows<{ text: string }>(db.url, `SELECT obj_description('"Region"'::regclass) AS text`);
    expect(comment?.text).toBe("regions; also districts");
  });

  it("leaves nothing of a failing migration behind, records it as failed and refuses later deploys", async () => {
    const db = await emptyDatabase();
    const copy = await projectCopy();
    const target = { databaseUrl: db.url, schemaPath: copy.schemaPath, migrationsDir: copy.migrationsDir };
    await copy.addMigration(
      "20990101000000_broken",
      `CREATE TABLE "Probe" ("id" INTEGER);
INSERT INTO "Probe" VALUES (1);
SELECT 1 / 0;
`,
    );

    await expect(deploy(target)).rejects.toThrow(/division by zero/);

    expect(await tableNames(db.url)).not.toContain("Probe");
    const report = await status(target);
    expect(report.failed).toEqual(["20990101000000_broken"]);
    expect(report.upToDate).toBe(false);
    await expect(deploy(target)).rejects.toThrow(/failed migrations/);
  });

  it("applies a repaired migration again once the failed one is marked rolled back", async () => {
    const db = await emptyDatabase();
    const copy = await projectCopy();
    const target = { databaseUrl: db.url, schemaPath: copy.schemaPath, migrationsDir: copy.migrationsDir };
    const folder = "20990101000000_retry";
    await copy.addMigration(
      folder,
      `CREATE TABLE "Retry" ("id" INTEGER);
SELECT 1 / 0;
`,
    );
    await expect(deploy(target)).rejects.toThrow(/division by zero/);

    await writeFile(
      path.join(copy.migrationsDir, folder, "migration.sql"),
      `CREATE TABLE "Retry" ("id" INTEGER);
`,
    );
    await markRolledBack({ ...target, name: folder });
    const result = await deploy(target);

    expect(result.applied).toEqual([folder]);
    expect(await tableNames(db.url)).toContain("Retry");
    expect((await status(target)).upToDate).toBe(true);
  });
});
