import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type TPrismaClient = PrismaClient;

export interface TCreatePrismaClientOptions {
  /**
   * Connections in the pool. The embedded PGlite server executes one statement at a time
   * across all connections, so transactions from two connections would interleave: it
   * must be served through a single connection (1).
   */
  poolMax?: number;
}

/** One code path for the real PostgreSQL and the embedded PGlite: adapter-pg over the wire. */
export function createPrismaClient(url: string, options: TCreatePrismaClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: url,
    max: options.poolMax ?? 10,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 15_000,
  });
  return new PrismaClient({ adapter });
}
