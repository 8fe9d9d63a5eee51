import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createEmptyTestDatabase, type TEmptyTestDatabase } from "@/server/testing/db";
import { copyMigrationProject, type TProjectCopy } from "@/server/testing/migrate-fixtures";
import { defaultMigratePaths, drift } from "./index";

let db: TEmptyTestDatabase;
let copy: TProjectCopy | undefined;

beforeAll(async () => {
  db = await createEmptyTestDatabase();
});

afterAll(async () => {
  await db.cleanup();
});

afterEach(async () => {
  await copy?.remove();
  copy = undefined;
});

async function projectCopy(): Promise<TProjectCopy> {
  copy = await copyMigrationProject();
  return copy;
}

describe("drift", () => {
  it("passes for the committed schema.prisma and migrations", async () => {
    const result = await drift({ databaseUrl: db.url, ...defaultMigratePaths() });

    expect(result).toEqual({ drifted: false, sql: "" });
  });

  it("fails when a model is added to schema.prisma without a migration", async () => {
    const project = await projectCopy();
    await project.editSchema((schema) => `${schema}\nmodel DriftProbe {\n  id   String @id\n  note String?\n}\n`);

    const result = await drift({
      databaseUrl: db.url,
      schemaPath: project.schemaPath,
      migrationsDir: project.migrationsDir,
    });

    expect(result.drifted).toBe(true);
    expect(result.sql).toContain('CREATE TABLE "DriftProbe"');
  });

  it("fails when a column is added to an existing model without a migration", async () => {
    const project = await projectCopy();
    await project.editSchema((schema) => {
      const edited = schema.replace(/model Region \{\n/, "model Region {\n  probe String?\n");
      if (edited === schema) throw new Error("model Region not found in schema.prisma");
      return edited;
    });

    const result = await drift({
      databaseUrl: db.url,
      schemaPath: project.schemaPath,
      migrationsDir: project.migrationsDir,
    });

    expect(result.drifted).toBe(true);
    expect(result.sql).toMatch(/ALTER TABLE "Region" ADD COLUMN\s+"probe" TEXT/);
  });

  it("fails when a migration changes the database behind schema.prisma's back", async () => {
    const project = await projectCopy();
    await project.addMigration("20990101000000_manual", `ALTER TABLE "Region" ADD COLUMN "manual" INTEGER;\n`);

    const result = await drift({
      databaseUrl: db.url,
      schemaPath: project.schemaPath,
      migrationsDir: project.migrationsDir,
    });

    expect(result.drifted).toBe(true);
    expect(result.sql).toContain('DROP COLUMN "manual"');
  });
});
