import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../db/client";
import { createTestDatabase, type TTestDatabase } from "../../testing/db";
import { checkHealth } from "./check";

let t: TTestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.cleanup();
});

/** A port nothing listens on: bind one, note it, close it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("health check", () => {
  it("reports ok when the database answers", async () => {
    expect(await checkHealth(t.prisma)).toEqual({ status: "ok", db: "ok" });
  });

  it("reports the database down when nothing listens", async () => {
    const prisma = createPrismaClient(`postgresql://postgres@127.0.0.1:${await closedPort()}/postgres`, { poolMax: 1 });
    expect(await checkHealth(prisma, 10_000)).toEqual({ status: "error", db: "down" });
    await prisma.$disconnect();
  });

  it("reports the database down when it does not answer in time", async () => {
    // A server that accepts connections and never speaks: the query can only time out.
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    const prisma = createPrismaClient(`postgresql://postgres@127.0.0.1:${port}/postgres`, { poolMax: 1 });
    expect(await checkHealth(prisma, 300)).toEqual({ status: "error", db: "down" });
    silent.close();
  });
});
