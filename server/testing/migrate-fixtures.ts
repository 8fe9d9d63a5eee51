import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { defaultMigratePaths } from "../db/migrate";
import { cleanupsAfterEach } from "./cleanups";
import { createEmptyTestDatabase, type TEmptyTestDatabase } from "./db";

export interface TProjectCopy {
  schemaPath: string;
  migrationsDir: string;
  /** Rewrites the copied schema.prisma. */
  editSchema: (edit: (schema: string) => string) => Promise<void>;
  /** Adds `<folder>/migration.sql` to the copied migrations. */
  addMigration: (folder: string, sql: string) => Promise<void>;
  remove: () => Promise<void>;
}

/**
 * A temporary copy of prisma/schema.prisma and prisma/migrations, for tests that change them:
 * the real files are never touched.
 */
export async function copyMigrationProject(): Promise<TProjectCopy> {
  const source = defaultMigratePaths();
  const dir = await mkdtemp(path.join(os.tmpdir(), "otklik-migrate-"));
  const schemaPath = path.join(dir, "schema.prisma");
  const migrationsDir = path.join(dir, "migrations");
  await cp(source.schemaPath, schemaPath);
  await cp(source.migrationsDir, migrationsDir, { recursive: true });
  return {
    schemaPath,
    migrationsDir,
    async editSchema(edit) {
      await writeFile(schemaPath, edit(await readFile(schemaPath, "utf8")));
    },
    async addMigration(folder, sql) {
      await mkdir(path.join(migrationsDir, folder));
      await writeFile(path.join(migrationsDir, folder, "migration.sql"), sql);
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The migration folders of the real project, in order. */
export async function committedMigrationNames(): Promise<string[]> {
  const { migrationsDir } = defaultMigratePaths();
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Per-test empty databases and project copies for the migration tool's tests, removed after each test. */
export function migrateFixtures() {
  const defer = cleanupsAfterEach();
  return {
    defer,
    emptyDatabase: async (): Promise<TEmptyTestDatabase> => {
      const db = await createEmptyTestDatabase();
      defer(db.cleanup);
      return db;
    },
    projectCopy: async (): Promise<TProjectCopy> => {
      const copy = await copyMigrationProject();
      defer(copy.remove);
      return copy;
    },
  };
}
