import { inject } from "vitest";
import { createPrismaClient, type TPrismaClient } from "../db/client";
import { startEmbeddedPostgres } from "../db/embedded";
import { defaultMigratePaths, deploy } from "../db/migrate";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "./postgres-admin";

export interface TTestDatabase {
  url: string;
  prisma: TPrismaClient;
  /** True on the embedded PGlite: one connection, statements run one at a time. */
  embedded: boolean;
  /** Disconnects the client and destroys the database. */
  cleanup: () => Promise<void>;
}

/**
 * A fresh, fully migrated database for one integration test file:
 *
 *   const db = await createTestDatabase();   // in beforeAll
 *   afterAll(() => db.cleanup());
 *
 * With DATABASE_URL: a uniquely named clone of the run's template database (global-setup.ts).
 * Without: an in-memory PGlite on a free port, migrated with the project's own deploy.
 */
export async function createTestDatabase(): Promise<TTestDatabase> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  return serverUrl ? createPostgresTestDatabase(serverUrl) : createEmbeddedTestDatabase();
}

export interface TEmptyTestDatabase {
  url: string;
  embedded: boolean;
  cleanup: () => Promise<void>;
}

/** A database with nothing in it, not even the migrations: for testing the migration tool. */
export async function createEmptyTestDatabase(): Promise<TEmptyTestDatabase> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (!serverUrl) {
    const server = await startEmbeddedPostgres({ dataDir: null, port: 0 });
    return { url: server.url, embedded: true, cleanup: server.stop };
  }
  const name = uniqueDatabaseName("otklik_test");
  const url = await createDatabase(serverUrl, name);
  return { url, embedded: false, cleanup: () => dropDatabase(serverUrl, name) };
}

async function createPostgresTestDatabase(serverUrl: string): Promise<TTestDatabase> {
  const name = uniqueDatabaseName("otklik_test");
  const template = inject("otklikTemplateDatabase");
  const url = await createDatabase(serverUrl, name, template ? { template } : {});
  try {
    // Without the global setup (a file run under another config) there is no template: migrate.
    if (!template) await deploy({ databaseUrl: url, ...defaultMigratePaths() });
  } catch (error) {
    await dropDatabase(serverUrl, name);
    throw error;
  }
  const prisma = createPrismaClient(url, { poolMax: 5 });
  return {
    url,
    prisma,
    embedded: false,
    async cleanup() {
      await prisma.$disconnect();
      await dropDatabase(serverUrl, name);
    },
  };
}

async function createEmbeddedTestDatabase(): Promise<TTestDatabase> {
  const server = await startEmbeddedPostgres({ dataDir: null, port: 0 });
  try {
    await deploy({ databaseUrl: server.url, ...defaultMigratePaths() });
  } catch (error) {
    await server.stop();
    throw error;
  }
  // PGlite runs one statement at a time across all connections: one connection (see embedded.ts).
  const prisma = createPrismaClient(server.url, { poolMax: 1 });
  return {
    url: server.url,
    prisma,
    embedded: true,
    async cleanup() {
      await prisma.$disconnect();
      await server.stop();
    },
  };
}
