import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  formatMigrationTimestamp,
  MIGRATION_LOCK_CONTENT,
  readMigrationsList,
  validateMigrationName,
  writeMigration,
} from "./migrations-dir";

let dir: string | undefined;

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function tempDir(): Promise<string> {
  dir = await mkdtemp(path.join(os.tmpdir(), "otklik-migrations-"));
  return dir;
}

describe("validateMigrationName", () => {
  it.each(["init", "add_case_tags", "v2", "drop_legacy_2024"])("accepts %j", (name) => {
    expect(validateMigrationName(name)).toBeNull();
  });

  it.each(["", "Init", "add-case-tags", "add case", "_init", "init_", "a__b", "теги", "a".repeat(81)])(
    "refuses %j",
    (name) => {
      expect(validateMigrationName(name)).toEqual(expect.any(String));
    },
  );
});

describe("formatMigrationTimestamp", () => {
  it("is the UTC time as YYYYMMDDHHMMSS, whatever the local zone", () => {
    expect(formatMigrationTimestamp(new Date("2025-03-09T23:05:07.999+03:00"))).toBe("20250309200507");
  });
});

describe("readMigrationsList", () => {
  it("lists the migration folders in order with their scripts, as Prisma's CLI does", async () => {
    const base = await tempDir();
    await writeFile(path.join(base, "migration_lock.toml"), MIGRATION_LOCK_CONTENT);
    await mkdir(path.join(base, "20250102000000_second"));
    await writeFile(path.join(base, "20250102000000_second", "migration.sql"), "SELECT 2;\n");
    await mkdir(path.join(base, "20250101000000_first"));
    await writeFile(path.join(base, "20250101000000_first", "migration.sql"), "SELECT 1;\n");
    await mkdir(path.join(base, "20250103000000_empty"));
    await writeFile(path.join(base, "README.md"), "not a migration");

    const list = await readMigrationsList(base);

    expect(list.baseDir).toBe(base);
    expect(list.lockfile).toEqual({ path: "migration_lock.toml", content: MIGRATION_LOCK_CONTENT });
    expect(list.migrationDirectories.map((directory) => directory.path)).toEqual([
      "20250101000000_first",
      "20250102000000_second",
      "20250103000000_empty",
    ]);
    expect(list.migrationDirectories[0]?.migrationFile).toEqual({
      path: "migration.sql",
      content: { tag: "ok", value: "SELECT 1;\n" },
    });
    expect(list.migrationDirectories[2]?.migrationFile.content.tag).toBe("error");
  });

  it("gives an empty list for a missing folder, with a lock file only when asked to assume one", async () => {
    const missing = path.join(await tempDir(), "nothing-here");

    expect((await readMigrationsList(missing)).lockfile.content).toBeNull();
    const assumed = await readMigrationsList(missing, { assumeLockfile: true });
    expect(assumed.lockfile.content).toBe(MIGRATION_LOCK_CONTENT);
    expect(assumed.migrationDirectories).toEqual([]);
  });
});

describe("writeMigration", () => {
  it("writes the script and the lock file, and never overwrites a migration", async () => {
    const base = path.join(await tempDir(), "migrations");

    const written = await writeMigration(base, "20250101000000_init", "CREATE TABLE x (id INT);");

    expect(await readFile(path.join(written, "migration.sql"), "utf8")).toBe("CREATE TABLE x (id INT);\n");
    expect(await readFile(path.join(base, "migration_lock.toml"), "utf8")).toBe(MIGRATION_LOCK_CONTENT);
    await expect(writeMigration(base, "20250101000000_init", "SELECT 1;")).rejects.toThrow(/already exists/);
  });
});
