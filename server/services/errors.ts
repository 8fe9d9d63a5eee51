/**
 * A refusal a person can act on, thrown by services and mapped by the transport to a precise
 * status (tRPC code / HTTP 4xx). The message is Russian and shown as is; `field` points a
 * form at the input to fix.
 */
export type TServiceErrorCode = "BAD_REQUEST" | "NOT_FOUND" | "CONFLICT" | "FORBIDDEN";

export class ServiceError extends Error {
  constructor(
    readonly code: TServiceErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "ServiceError";
  }
}

/** Prisma's unique-constraint violation, raised by concurrent or duplicate writes. */
export function isUniqueViolation(error: unknown, field?: string): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as {
    code?: unknown;
    meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: unknown } } } };
  };
  if (e.code !== "P2002") return false;
  if (!field) return true;
  const target = e.meta?.target;
  const fields = e.meta?.driverAdapterError?.cause?.constraint?.fields;
  const names = [target, fields].flatMap((v): unknown[] =>
    Array.isArray(v) ? (v as unknown[]) : typeof v === "string" ? [v] : [],
  );
  return names.length === 0 || names.some((n) => String(n).replace(/"/g, "").includes(field));
}
