import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanupsAfterEach } from "@/server/testing/cleanups";
import { queryRows } from "@/server/testing/postgres-admin";
import { createPrismaClient } from "./client";
import { startEmbeddedPostgres } from "./embedded";
import { defaultMigratePaths, deploy } from "./migrate";
import { EMBEDDED_DATA_DIR, EMBEDDED_INFO_FILE, resolveDatabaseUrl } from "./resolve-url";

const defer = cleanupsAfterEach();

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "otklik-embedded-"));
  defer(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** The pid of a process that has certainly ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "0"]);
  return child.pid ?? 0;
}

describe("startEmbeddedPostgres", () => {
  it("serves a database the Prisma client can write to and read back, after our migrations", async () => {
    const server = await startEmbeddedPostgres({ dataDir: null, port: 0 });
    defer(server.stop);
    await deploy({ databaseUrl: server.url, ...defaultMigratePaths() });
    const prisma = createPrismaClient(server.url, { poolMax: 1 });
    defer(() => prisma.$disconnect());

    const created = await prisma.region.create({
      data: {
        name: "Тестовая область",
        municipalities: { create: { name: "Городской округ Тест", slaAnswerMinutes: 1440 } },
      },
    });
    const [counted, found] = await prisma.$transaction([
      prisma.municipality.count(),
      prisma.region.findUnique({ where: { id: created.id }, include: { municipalities: true } }),
    ]);

    expect(server.url).toBe(`postgresql://postgres@127.0.0.1:${server.port}/postgres`);
    expect(counted).toBe(1);
    expect(found?.municipalities).toEqual([
      expect.objectContaining({ name: "Городской округ Тест", timeZone: "Europe/Moscow", slaAnswerMinutes: 1440 }),
    ]);
  });

  it("keeps the data in its directory across restarts", async () => {
    const dataDir = path.join(await tempDir(), "pglite");
    const first = await startEmbeddedPostgres({ dataDir });
    await queryRows(first.url, `CREATE TABLE "Kept" ("value" TEXT); INSERT INTO "Kept" VALUES ('still here')`);
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir });
    defer(second.stop);

    expect(await queryRows(second.url, `SELECT "value" FROM "Kept"`)).toEqual([{ value: "still here" }]);
  });

  it("refuses to open a directory another live process has open, and takes over a dead one's", async () => {
    const dataDir = path.join(await tempDir(), "pglite");
    const server = await startEmbeddedPostgres({ dataDir });

    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(/already open in process/);
    await server.stop();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);

    await writeFile(`${dataDir}.lock`, String(deadPid()));
    const reopened = await startEmbeddedPostgres({ dataDir });
    defer(reopened.stop);
    expect(await queryRows(reopened.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });
});

describe("resolveDatabaseUrl", () => {
  it("uses DATABASE_URL when it is set", async () => {
    const resolved = await resolveDatabaseUrl({ env: { DATABASE_URL: "postgresql://app@db.example:5432/otklik" } });

    expect(resolved).toMatchObject({ url: "postgresql://app@db.example:5432/otklik", embedded: false });
  });

  it("connects to the server named in .data/embedded.json while that process serves it", async () => {
    const rootDir = await tempDir();
    const server = await startEmbeddedPostgres({ dataDir: null, port: 0 });
    defer(server.stop);
    await mkdir(path.join(rootDir, ".data"));
    await writeFile(
      path.join(rootDir, EMBEDDED_INFO_FILE),
      JSON.stringify({ pid: process.pid, port: server.port, url: server.url }),
    );

    const resolved = await resolveDatabaseUrl({ env: {}, rootDir });

    expect(resolved).toMatchObject({ url: server.url, embedded: true });
    await resolved.stop();
    expect(await queryRows(server.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });

  it("starts its own server on .data/pglite when the info file is stale", async () => {
    const rootDir = await tempDir();
    await mkdir(path.join(rootDir, ".data"));
    await writeFile(
      path.join(rootDir, EMBEDDED_INFO_FILE),
      JSON.stringify({ pid: deadPid(), port: 1, url: "postgresql://postgres@127.0.0.1:1/postgres" }),
    );

    const resolved = await resolveDatabaseUrl({ env: {}, rootDir });
    defer(resolved.stop);

    expect(resolved.embedded).toBe(true);
    expect(await queryRows(resolved.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
    expect(existsSync(path.join(rootDir, EMBEDDED_DATA_DIR, "PG_VERSION"))).toBe(true);
  });
});
