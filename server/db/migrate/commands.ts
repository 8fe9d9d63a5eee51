import type { DiffTarget, SchemaFilter } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { withEngineSession, type TEngineLog, type TEngineSession } from "./engine-session";
import { formatMigrationTimestamp, readMigrationsList, validateMigrationName, writeMigration } from "./migrations-dir";

/** Where the commands look; tests point them at temporary copies. */
export interface TMigrateTarget {
  databaseUrl: string;
  /** The folder holding `<timestamp>_<name>/migration.sql` and migration_lock.toml. */
  migrationsDir: string;
  schemaPath: string;
  log?: TEngineLog;
}

export type TCreateMigrationResult =
  { created: true; folder: string; directory: string; sql: string } | { created: false };

export interface TDeployResult {
  applied: string[];
}

export interface TMigrationStatus {
  upToDate: boolean;
  /** Migration folders, in order. */
  local: string[];
  /** In the folder but not applied to the database. */
  pending: string[];
  /** Applied, but migration.sql has changed since (checksum mismatch). */
  edited: string[];
  /** Started and not finished: they block every later deploy until resolved. */
  failed: string[];
  /** Applied to the database but missing from the folder. */
  missingLocally: string[];
  hasMigrationsTable: boolean;
}

export interface TDriftResult {
  drifted: boolean;
  /** The SQL that would bring the migrations to schema.prisma; empty when not drifted. */
  sql: string;
}

/** Nothing is managed outside Prisma in this project. */
const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };
/** `diff` with `exitCode: true` answers 2 when the two sides differ. */
const DIFF_EXIT_CHANGES = 2;

/**
 * `npm run db:new <name>`: replays the migrations into a shadow database, compares the result
 * with schema.prisma and writes the difference as `<YYYYMMDDHHMMSS>_<name>/migration.sql`.
 * Writes nothing when there is no difference.
 */
export async function createMigration(
  target: TMigrateTarget & { name: string; now?: Date },
): Promise<TCreateMigrationResult> {
  const problem = validateMigrationName(target.name);
  if (problem) throw new Error(`Invalid migration name "${target.name}": ${problem}`);
  const sql = await diffMigrationsToSchema(target);
  if (sql === null) return { created: false };
  const folder = `${formatMigrationTimestamp(target.now ?? new Date())}_${target.name}`;
  const directory = await writeMigration(target.migrationsDir, folder, sql);
  return { created: true, folder, directory, sql };
}

/** `npm run db:deploy`: applies the pending migrations in order, as `prisma migrate deploy` does. */
export async function deploy(target: TMigrateTarget): Promise<TDeployResult> {
  const migrationsList = await readMigrationsList(target.migrationsDir);
  return withEngineSession(target, (session) =>
    serialiseOnPglite(session, target.databaseUrl, async () => {
      const { appliedMigrationNames } = await session.engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
      return { applied: appliedMigrationNames };
    }),
  );
}

/**
 * After a failed deploy (and repairing whatever the migration half did, if anything): marks the
 * failed migration rolled back, so the next deploy runs it again. `prisma migrate resolve
 * --rolled-back` does the same.
 */
export async function markRolledBack(target: TMigrateTarget & { name: string }): Promise<void> {
  await withEngineSession(target, ({ engine }) => engine.markMigrationRolledBack({ migrationName: target.name }));
}

/** `npm run db:status`: compares the folder with `_prisma_migrations`; changes nothing. */
export async function status(target: TMigrateTarget): Promise<TMigrationStatus> {
  const migrationsList = await readMigrationsList(target.migrationsDir);
  const diagnosis = await withEngineSession(target, ({ engine }) =>
    engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_FILTERS }),
  );
  const history = diagnosis.history;
  const pending =
    history && history.diagnostic !== "migrationsDirectoryIsBehind" ? history.unappliedMigrationNames : [];
  const missingLocally = history && history.diagnostic !== "databaseIsBehind" ? history.unpersistedMigrationNames : [];
  return {
    upToDate:
      history === null && diagnosis.editedMigrationNames.length === 0 && diagnosis.failedMigrationNames.length === 0,
    local: migrationsList.migrationDirectories.map((directory) => directory.path),
    pending,
    edited: diagnosis.editedMigrationNames,
    failed: diagnosis.failedMigrationNames,
    missingLocally,
    hasMigrationsTable: diagnosis.hasMigrationsTable,
  };
}

/**
 * `npm run db:drift`, for CI: does replaying the migrations give exactly schema.prisma?
 * A change to the schema without its migration is drift. The database only hosts the
 * shadow; its own contents play no part.
 */
export async function drift(target: TMigrateTarget): Promise<TDriftResult> {
  const sql = await diffMigrationsToSchema(target);
  return sql === null ? { drifted: false, sql: "" } : { drifted: true, sql };
}

/** The SQL from "all migrations applied" to schema.prisma, or null when they are the same. */
async function diffMigrationsToSchema(target: TMigrateTarget): Promise<string | null> {
  const migrationsList = await readMigrationsList(target.migrationsDir, { assumeLockfile: true });
  return withEngineSession(target, async ({ engine, schemaFiles }) => {
    const from: DiffTarget = { tag: "migrations", ...migrationsList };
    const to: DiffTarget = { tag: "schemaDatamodel", files: schemaFiles };
    const result = await engine.diff({ from, to, script: true, exitCode: true, filters: NO_FILTERS });
    return result.exitCode === DIFF_EXIT_CHANGES ? (result.stdout ?? "") : null;
  });
}

const pgliteDeploys = new Map<string, Promise<unknown>>();

/**
 * On a real server the engine's advisory lock serialises concurrent deploys. PGlite is a
 * single session, where that lock is re-entrant: two deploys both get it and race (seen here:
 * `relation "_prisma_migrations" already exists`; a little later in the run they would both
 * apply the same migration). So deploys to one PGlite are queued here. This covers one
 * process only — for the embedded database, run deploys from one process at a time.
 */
async function serialiseOnPglite<T>(session: TEngineSession, url: string, work: () => Promise<T>): Promise<T> {
  if (session.server !== "pglite") return work();
  const previous = pgliteDeploys.get(url) ?? Promise.resolve();
  const current = previous.catch(() => {}).then(work);
  pgliteDeploys.set(url, current);
  try {
    return await current;
  } finally {
    if (pgliteDeploys.get(url) === current) pgliteDeploys.delete(url);
  }
}
