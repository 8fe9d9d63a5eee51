import { createHash } from "node:crypto";
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
  /**
   * Named (prepared) statements, reused per connection: PostgreSQL parses each of the app's
   * statements once per connection instead of on every call, and less goes over the wire (the
   * REST intake's figure, docs/performance.md). On by default on a real PostgreSQL (a pool of
   * more than one connection); off for the embedded PGlite, whose connections share one session:
   * a statement one connection prepared would already exist for the next.
   */
  preparedStatements?: boolean;
}

/** One code path for the real PostgreSQL and the embedded PGlite: adapter-pg over the wire. */
export function createPrismaClient(url: string, options: TCreatePrismaClientOptions = {}): PrismaClient {
  const poolMax = options.poolMax ?? 10;
  const prepared = options.preparedStatements ?? poolMax > 1;
  const adapter = new PrismaPg(
    {
      connectionString: url,
      max: poolMax,
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: 15_000,
    },
    // A name of undefined runs the statement unnamed (pg's own rule); the type omits that case.
    prepared ? { statementNameGenerator: statementName as (query: { sql: string }) => string } : {},
  );
  return new PrismaClient({ adapter });
}

/**
 * Distinct statement texts named per process. Prisma writes a new text for each length of an
 * `IN (…)` list, so the set is capped: past it, further texts run unnamed, as before, and no
 * connection holds more than this many prepared statements.
 */
const MAX_NAMED_STATEMENTS = 1000;
const statementNames = new Map<string, string>();
const WRITE = /^\s*(INSERT|UPDATE|DELETE)\b/i;

/**
 * Starts a raw read whose plan does not depend on its values (look-ups by unique keys): it is
 * prepared once per connection like the writes.
 */
export const PREPARED_STATEMENT_MARK = "/* prepared */";

function statementName(query: { sql: string }): string | undefined {
  // Writes, and the reads that ask for it: an INSERT's plan has no alternatives and Prisma's
  // UPDATE and DELETE find their rows by key, so the plan PostgreSQL caches after five runs is
  // the one it would make anyway. Other SELECTs' best plans may depend on their values (a rare
  // status, a selective date range): they stay unnamed, planned for their own values each time.
  if (!WRITE.test(query.sql) && !query.sql.trimStart().startsWith(PREPARED_STATEMENT_MARK)) return undefined;
  let name = statementNames.get(query.sql);
  if (name === undefined && statementNames.size < MAX_NAMED_STATEMENTS) {
    name = `otk_${createHash("sha1").update(query.sql).digest("base64url")}`;
    statementNames.set(query.sql, name);
  }
  return name;
}
