import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./unavailable";

/**
 * The shapes below are those Prisma 7 with adapter-pg produced in `npm run test:chaos` while
 * PostgreSQL restarted (server/api/rest/v1/errors.integration.test.ts provokes the others for real).
 */
const adapterError = (code: string, cause: object) => ({
  name: "PrismaClientKnownRequestError",
  code,
  message: "Invalid `prisma.case.findFirst()` invocation",
  meta: { modelName: "Case", driverAdapterError: { name: "DriverAdapterError", cause } },
});

describe("isDatabaseUnavailable", () => {
  it("recognises a server restart cutting a query off (57P01) and a server starting up (57P03)", () => {
    expect(isDatabaseUnavailable(adapterError("P2039", { kind: "postgres", originalCode: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable(adapterError("P2039", { kind: "postgres", originalCode: "57P03" }))).toBe(true);
  });

  it("recognises a refused or closed connection and an exhausted pool", () => {
    expect(isDatabaseUnavailable(adapterError("P1001", { kind: "DatabaseNotReachable" }))).toBe(true);
    expect(isDatabaseUnavailable(adapterError("P1017", { kind: "ConnectionClosed" }))).toBe(true);
    expect(
      isDatabaseUnavailable({
        code: "P2028",
        message: "Transaction API error: Unable to start a transaction in the given time.",
      }),
    ).toBe(true);
    expect(
      isDatabaseUnavailable({
        code: "P2028",
        message:
          "Transaction API error: A query cannot be executed on an expired transaction. The timeout for this transaction was 5000 ms, however 5210 ms passed since the start of the transaction.",
      }),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Client has encountered a connection error and is not queryable"))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toBe(
      true,
    );
  });

  it("leaves the request's and the code's own failures alone", () => {
    expect(isDatabaseUnavailable(adapterError("P2002", { kind: "UniqueConstraintViolation" }))).toBe(false);
    expect(isDatabaseUnavailable(adapterError("P2039", { kind: "postgres", originalCode: "22012" }))).toBe(false);
    expect(isDatabaseUnavailable({ code: "P2028", message: "Transaction already closed: commit after rollback" })).toBe(
      false,
    );
    expect(isDatabaseUnavailable(new Error("Case vanished right after intake"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
