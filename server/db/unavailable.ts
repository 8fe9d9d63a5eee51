/**
 * Whether a failure means "the database cannot be used right now" (down, restarting, cut off,
 * or every pooled connection busy for too long) rather than "this request is wrong" or "the
 * code is wrong". Such a failure is temporary: an API caller should retry, so the transport
 * answers 503 with Retry-After instead of 500 (see server/api/rest/v1/errors.ts).
 *
 * Prisma 7 with adapter-pg wraps what pg reports: a Prisma error code for the connection
 * failures it knows, and the adapter's classification (`kind`, the SQLSTATE as `originalCode`)
 * in `meta.driverAdapterError.cause` for the rest. A bare pg error (code = SQLSTATE or a socket
 * errno) comes from pg clients used directly.
 */

/** P1001 cannot reach, P1002 timed out reaching, P1008 operation timed out, P1017 connection closed, P2024 no pooled connection in time. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** adapter-pg's classification of socket-level failures. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/**
 * SQLSTATEs of a server going away or not taking connections: 57P01 admin shutdown (a
 * restart), 57P02 crash shutdown, 57P03 starting up or shutting down, 53300 too many
 * connections; class 08 is "connection exception".
 */
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EHOSTUNREACH"]);
/** pg's own messages for a connection lost or never obtained (they carry no code). */
const PG_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  // A transaction's connection cut off by a restart: Prisma's next statement on it (or its
  // rollback) gets this instead of the original 57P01. The pool discards such a client.
  /Client has encountered a connection error and is not queryable/i,
];

type TErrorShape = {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: unknown } };
};

function isUnavailableSqlState(code: unknown): boolean {
  return typeof code === "string" && (SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code));
}

export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as TErrorShape;
  const message = typeof e.message === "string" ? e.message : "";
  if (typeof e.code === "string") {
    if (PRISMA_CODES.has(e.code) || SOCKET_CODES.has(e.code) || isUnavailableSqlState(e.code)) return true;
    // P2028 is any interactive-transaction failure. Two of them mean the database was too slow
    // or too busy, not that the code is wrong: no pooled connection to start one in time, and
    // one that ran past its timeout (it was rolled back; a retry is safe).
    if (
      e.code === "P2028" &&
      /unable to start a transaction in the given time|cannot be executed on an expired transaction/i.test(message)
    ) {
      return true;
    }
  }
  const adapterCause = e.meta?.driverAdapterError?.cause ?? (e.name === "DriverAdapterError" ? e.cause : undefined);
  if (typeof adapterCause === "object" && adapterCause !== null) {
    const { kind, originalCode } = adapterCause as { kind?: unknown; originalCode?: unknown };
    if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
    if (isUnavailableSqlState(originalCode)) return true;
  }
  return PG_MESSAGES.some((pattern) => pattern.test(message));
}
