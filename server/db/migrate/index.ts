/**
 * Prisma migrations without Prisma's native schema-engine binary (which the CLI would download):
 * the same engine compiled to WebAssembly, driven over adapter-pg. See
 * /work/shared/notes/prisma-offline.md for the facts behind each workaround.
 */
export {
  createMigration,
  deploy,
  drift,
  markRolledBack,
  status,
  type TCreateMigrationResult,
  type TDeployResult,
  type TDriftResult,
  type TMigrateTarget,
  type TMigrationStatus,
} from "./commands";
export { detectServerKind, type TEngineLog, type TServerKind } from "./engine-session";
export { MIGRATION_LOCK_CONTENT, validateMigrationName } from "./migrations-dir";
export { SHADOW_DATABASE_PREFIX, shadowDatabasePrefix } from "./shadow-database";
export { defaultMigratePaths } from "./paths";
