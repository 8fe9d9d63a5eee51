import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createEmptyTestDatabase } from "@/server/testing/db";
import { committedMigrationNames, migrateFixtures } from "@/server/testing/migrate-fixtures";
import { queryRows } from "@/server/testing/postgres-admin";
import { createMigration, deploy, drift, MIGRATION_LOCK_CONTENT } from "./index";

const { defer, projectCopy } = migrateFixtures();

const LATER = new Date("2099-01-02T03:04:05Z");

describe("createMigration", () => {
  it("writes the change to schema.prisma as a new migration that deploys and leaves no drift", async () => {
    const db = await createEmptyTestDatabase();
    defer(db.cleanup);
    const project = await projectCopy();
    const target = { databaseUrl: db.url, schemaPath: project.schemaPath, migrationsDir: project.migrationsDir };
    await project.editSchema((schema) => `${schema}\nmodel Probe {\n  id    Int    @id\n  label String @unique\n}\n`);

    const created = await createMigration({ ...target, name: "add_probe", now: LATER });

    expect(created).toMatchObject({ created: true, folder: "20990102030405_add_probe" });
    const script = await readFile(
      path.join(project.migrationsDir, "20990102030405_add_probe", "migration.sql"),
      "utf8",
    );
    expect(script).toContain('CREATE TABLE "Probe"');
    expect(script).toContain('CREATE UNIQUE INDEX "Probe_label_key"');
    expect(await drift(target)).toEqual({ drifted: false, sql: "" });
    const { applied } = await deploy(target);
    expect(applied).toEqual([...(await committedMigrationNames()), "20990102030405_add_probe"]);
    expect(await queryRows(db.url, `SELECT * FROM "Probe"`)).toEqual([]);
  });

  it("writes nothing when schema.prisma already matches the migrations", async () => {
    const db = await createEmptyTestDatabase();
    defer(db.cleanup);
    const project = await projectCopy();
    const before = await readdir(project.migrationsDir);

    const result = await createMigration({
      databaseUrl: db.url,
      schemaPath: project.schemaPath,
      migrationsDir: project.migrationsDir,
      name: "nothing",
      now: LATER,
    });

    expect(result).toEqual({ created: false });
    expect(await readdir(project.migrationsDir)).toEqual(before);
  });

  it("creates the first migration and Prisma's lock file in an empty folder", async () => {
    const db = await createEmptyTestDatabase();
    defer(db.cleanup);
    const project = await projectCopy();
    const migrationsDir = path.join(project.migrationsDir, "..", "fresh-migrations");

    const created = await createMigration({
      databaseUrl: db.url,
      schemaPath: project.schemaPath,
      migrationsDir,
      name: "init",
      now: LATER,
    });

    expect(created).toMatchObject({ created: true, folder: "20990102030405_init" });
    expect(await readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8")).toBe(MIGRATION_LOCK_CONTENT);
    expect(await drift({ databaseUrl: db.url, schemaPath: project.schemaPath, migrationsDir })).toEqual({
      drifted: false,
      sql: "",
    });
  });

  it.each(["", "Add Probe", "add-probe", "add__probe", "_probe", "проба", "a".repeat(81)])(
    "refuses the name %j before touching anything",
    async (name) => {
      const project = await projectCopy();
      const target = {
        databaseUrl: "postgresql://nobody@127.0.0.1:1/none",
        schemaPath: project.schemaPath,
        migrationsDir: project.migrationsDir,
      };

      await expect(createMigration({ ...target, name })).rejects.toThrow(/Invalid migration name/);
    },
  );
});
