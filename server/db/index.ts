import "server-only";
import { env } from "../env";
import { createPrismaClient, type TPrismaClient } from "./client";

// One client per process; Next's dev server reloads modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { otklikDb?: TPrismaClient };

export function db(): TPrismaClient {
  globalForDb.otklikDb ??= createPrismaClient(env().DATABASE_URL, { poolMax: env().DATABASE_POOL_MAX });
  return globalForDb.otklikDb;
}

export type { TPrismaClient };
