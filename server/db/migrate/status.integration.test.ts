import { appendFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { committedMigrationNames, migrateFixtures } from "@/server/testing/migrate-fixtures";
import { defaultMigratePaths, deploy, status } from "./index";

const paths = defaultMigratePaths();
const { emptyDatabase, projectCopy } = migrateFixtures();

describe("status", () => {
  it("reports every migration as pending on an empty database", async () => {
    const db = await emptyDatabase();

    const report = await status({ databaseUrl: db.url, ...paths });

    expect(report).toMatchObject({
      upToDate: false,
      hasMigrationsTable: false,
      pending: await committedMigrationNames(),
      edited: [],
      failed: [],
      missingLocally: [],
    });
  });

  it("reports up to date after a deploy", async () => {
    const db = await emptyDatabase();
    await deploy({ databaseUrl: db.url, ...paths });

    const report = await status({ databaseUrl: db.url, ...paths });

    expect(report).toMatchObject({ upToDate: true, hasMigrationsTable: true, pending: [], edited: [], failed: [] });
    expect(report.local).toEqual(await committedMigrationNames());
  });

  it("reports a migration edited after it was applied", async () => {
    const db = await emptyDatabase();
    const copy = await projectCopy();
    const target = { databaseUrl: db.url, schemaPath: copy.schemaPath, migrationsDir: copy.migrationsDir };
    await deploy(target);
    const [first] = await committedMigrationNames();
    if (!first) throw new Error("the project has no migration");

    await appendFile(path.join(copy.migrationsDir, first, "migration.sql"), "\n-- edited after deploy\n");
    const report = await status(target);

    expect(report.edited).toEqual([first]);
    expect(report.upToDate).toBe(false);
  });

  it("reports a new migration as pending and one missing from the folder", async () => {
    const db = await emptyDatabase();
    const copy = await projectCopy();
    const target = { databaseUrl: db.url, schemaPath: copy.schemaPath, migrationsDir: copy.migrationsDir };
    await copy.addMigration("20990101000000_later", `CREATE TABLE "Later" ("id" INTEGER);\n`);
    await deploy(target);

    await copy.addMigration("20990102000000_newer", `CREATE TABLE "Newer" ("id" INTEGER);\n`);
    const withNewer = await status(target);
    const withoutLocalFolders = await status({ ...target, migrationsDir: path.join(copy.migrationsDir, "..", "none") });

    expect(withNewer.pending).toEqual(["20990102000000_newer"]);
    expect(withNewer.upToDate).toBe(false);
    expect(withoutLocalFolders.missingLocally).toEqual([...(await committedMigrationNames()), "20990101000000_later"]);
    expect(withoutLocalFolders.upToDate).toBe(false);
  });
});
