import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { createMigrationAdapters } from "./adapter-factory";
import { clearEngineTimers, loadSchemaEngine, takeEnginePanicMessage } from "./load-engine";
import { embeddedShadowDatabase, postgresShadowDatabase } from "./shadow-database";

export type TServerKind = "postgres" | "pglite";

/** Receives the engine's log lines (JSON, one per event); they are dropped by default. */
export type TEngineLog = (line: string) => void;

export interface TEngineSessionOptions {
  databaseUrl: string;
  schemaPath: string;
  log?: TEngineLog;
}

export interface TEngineSession {
  engine: SchemaEngine;
  server: TServerKind;
  /** schema.prisma as the engine's `SchemaContainer` list. */
  schemaFiles: { path: string; content: string }[];
}

let activeSessions = 0;

/**
 * Runs `work` with a schema engine connected to the database, then releases everything the
 * engine holds (pools, advisory lock, shadow databases, timers) whether `work` succeeded or not.
 */
export async function withEngineSession<T>(
  options: TEngineSessionOptions,
  work: (session: TEngineSession) => Promise<T>,
): Promise<T> {
  activeSessions += 1;
  try {
    return await runEngineSession(options, work);
  } finally {
    activeSessions -= 1;
    // Sessions may overlap (concurrent deploys) and the engine's timers are not tied to one.
    if (activeSessions === 0) clearEngineTimers();
  }
}

async function runEngineSession<T>(
  options: TEngineSessionOptions,
  work: (session: TEngineSession) => Promise<T>,
): Promise<T> {
  const wasm = await loadSchemaEngine();
  const schemaPath = path.resolve(options.schemaPath);
  const schemaFiles = [{ path: schemaPath, content: await readFile(schemaPath, "utf8") }];
  const server = await detectServerKind(options.databaseUrl);
  const adapters = createMigrationAdapters(
    options.databaseUrl,
    server === "pglite" ? embeddedShadowDatabase() : postgresShadowDatabase(options.databaseUrl),
  );
  try {
    const engine = await wasm.SchemaEngine.new(
      { datamodels: schemaFiles.map((file): [string, string] => [file.path, file.content]) },
      options.log ?? (() => {}),
      adapters.factory,
    );
    try {
      return await work({ engine, server, schemaFiles });
    } catch (error) {
      const panic = takeEnginePanicMessage();
      throw panic ? new Error(`The schema engine crashed: ${panic}`, { cause: error }) : error;
    } finally {
      engine.free();
    }
  } finally {
    await adapters.close();
  }
}

/** PGlite reports itself in `version()`: "PostgreSQL 18.x (PGlite 0.5.x) on wasm32…". */
export async function detectServerKind(url: string): Promise<TServerKind> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>("SELECT version() AS version");
    return rows[0]?.version.includes("PGlite") ? "pglite" : "postgres";
  } finally {
    await client.end();
  }
}
