import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../../db/client";
import { createTestDatabase, type TTestDatabase } from "../../../testing/db";
import { createMunicipality } from "../../../testing/factories";
import { RETRY_AFTER_SECONDS, toErrorResponse } from "./errors";
import { createPublication } from "./publications";
import { ZPublicationCreate } from "./schemas";

let t: TTestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.cleanup();
});

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error,
  );

async function expectUnavailable(response: Response) {
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
  expect(await response.json()).toMatchObject({ error: "unavailable" });
}

describe("REST errors when the database is unavailable", () => {
  it("answers a delivery 503 with Retry-After when nothing listens at the database's address", async () => {
    const prisma = createPrismaClient(`postgresql://postgres@127.0.0.1:${await closedPort()}/postgres`, { poolMax: 1 });
    try {
      const error = await failureOf(
        createPublication(
          prisma,
          { keyId: "key", municipalityId: "municipality" },
          ZPublicationCreate.parse({
            externalId: "ext-1",
            network: "VK",
            url: "https://vk.com/wall-1_1",
            text: "Текст",
          }),
          new Date(),
        ),
      );
      await expectUnavailable(toErrorResponse(error, "POST /publications"));
    } finally {
      await prisma.$disconnect();
    }
  });

  it("answers 503 when every pooled connection stays busy past the wait", async () => {
    const prisma = createPrismaClient(t.url, { poolMax: 1 });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    try {
      const holder = prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        await held;
      });
      // The holder has the only connection once its first statement ran.
      await new Promise((r) => setTimeout(r, 200));
      const error = await failureOf(prisma.$transaction(async (tx) => tx.$queryRaw`SELECT 1`, { maxWait: 100 }));
      release();
      await holder;
      await expectUnavailable(toErrorResponse(error, "POST /publications"));
    } finally {
      release();
      await prisma.$disconnect();
    }
  });

  it("still answers 500 for a failure of the query itself", async () => {
    const municipality = await createMunicipality(t.prisma);
    const error = await failureOf(
      t.prisma.$queryRaw`SELECT 1 / (count(*) - count(*)) FROM "Municipality" WHERE id = ${municipality.id}`,
    );
    const response = toErrorResponse(error, "GET /publications");
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: "internal" });
  });
});
