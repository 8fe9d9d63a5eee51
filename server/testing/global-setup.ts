import type { TestProject } from "vitest/node";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "./postgres-admin";
import { defaultMigratePaths, deploy } from "../db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated template database test files clone; null when tests use the embedded PGlite. */
    otklikTemplateDatabase: string | null;
  }
}

/**
 * Integration tests on a real PostgreSQL (DATABASE_URL set): migrate one template database per
 * run, which every test file then clones (`CREATE DATABASE … TEMPLATE`, a file copy, far
 * faster than replaying the migrations). Its name is unique to the run, so two runs against one
 * server do not collide. Without DATABASE_URL each test file starts its own PGlite instead.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (!serverUrl) {
    project.provide("otklikTemplateDatabase", null);
    return async () => {};
  }

  const template = uniqueDatabaseName("otklik_test_tmpl");
  const templateUrl = await createDatabase(serverUrl, template);
  try {
    await deploy({ databaseUrl: templateUrl, ...defaultMigratePaths() });
  } catch (error) {
    await dropDatabase(serverUrl, template);
    throw error;
  }
  project.provide("otklikTemplateDatabase", template);
  return () => dropDatabase(serverUrl, template);
}
