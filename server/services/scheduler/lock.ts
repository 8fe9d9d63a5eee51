import pg from "pg";

/**
 * Ticks never overlap: one at a time across every server process sharing the database.
 *
 * The lock is a PostgreSQL session advisory lock held on a connection of its own for the whole
 * tick (`pg_try_advisory_lock`: a tick that finds it taken is skipped, it does not queue). The
 * tick's own work runs through the ordinary pool and commits batch by batch; no transaction is
 * held open for the lock. If the process dies, its connection closes and PostgreSQL releases
 * the lock at once, so a crashed tick never blocks the next one, with no lease to expire.
 *
 * The embedded PGlite is one PostgreSQL session shared by every connection, where advisory
 * locks are re-entrant and cannot exclude anyone. It serves one server process only, so there
 * the lock is taken within the process instead.
 */
export interface TTickLock {
  /** The release function when the lock was taken; null when another tick holds it. */
  acquire(): Promise<(() => Promise<void>) | null>;
}

/** The scheduler's key in PostgreSQL's advisory lock space: "otkltick" in ASCII. */
export const TICK_LOCK_KEY = 0x6f746b6c7469636bn;

type TPglitePlaces = Set<string>;
const globalForLock = globalThis as unknown as { otklikTickLocksInProcess?: TPglitePlaces };
const heldInProcess = (globalForLock.otklikTickLocksInProcess ??= new Set());

function holdInProcess(url: string): (() => Promise<void>) | null {
  if (heldInProcess.has(url)) return null;
  heldInProcess.add(url);
  return () => {
    heldInProcess.delete(url);
    return Promise.resolve();
  };
}

/** The tick lock of the database at `url` (the DATABASE_URL the pool connects to). */
export function tickLockFor(url: string): TTickLock {
  return {
    async acquire() {
      const client = new pg.Client({ connectionString: url, application_name: "otklik-scheduler-lock" });
      // A connection lost mid-tick takes the lock with it; that is logged, never a crash (an
      // unhandled 'error' event would end the process).
      client.on("error", (error) => console.error("scheduler: the lock's connection failed:", error.message));
      await client.connect();
      try {
        const probe = await client.query<{ pglite: boolean }>("SELECT strpos(version(), 'PGlite') > 0 AS pglite");
        if (probe.rows[0]?.pglite) {
          await client.end();
          return holdInProcess(url);
        }
        const taken = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS locked", [
          TICK_LOCK_KEY.toString(),
        ]);
        if (!taken.rows[0]?.locked) {
          await client.end();
          return null;
        }
      } catch (error) {
        await client.end().catch(() => undefined);
        throw error;
      }
      return async () => {
        try {
          await client.query("SELECT pg_advisory_unlock($1::bigint)", [TICK_LOCK_KEY.toString()]);
        } finally {
          // Closing the session releases the lock even if the unlock above failed.
          await client.end().catch(() => undefined);
        }
      };
    },
  };
}
