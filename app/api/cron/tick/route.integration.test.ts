import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createTestDatabase, type TTestDatabase } from "@/server/testing/db";
import { createMunicipality } from "@/server/testing/factories";
import { POST } from "./route";

const SECRET = "route-test-cron-secret-0123";
let t: TTestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await createMunicipality(t.prisma);
  // The route reads the server's configuration: this test database and this secret.
  Object.assign(process.env, {
    DATABASE_URL: t.url,
    DATABASE_POOL_MAX: t.embedded ? "1" : "3",
    AUTH_SECRET: "route-test-auth-secret-0123456789abcdef",
    CRON_SECRET: SECRET,
  });
  delete process.env.SMTP_URL;
});
afterAll(async () => {
  await db().$disconnect();
  await t.cleanup();
});

const call = (authorization?: string) =>
  POST(
    new Request("http://localhost/api/cron/tick", {
      method: "POST",
      headers: authorization ? { Authorization: authorization } : {},
    }),
  );

describe("POST /api/cron/tick", () => {
  it("answers 401 without a bearer secret or with a wrong one, and runs nothing", async () => {
    for (const header of [undefined, "Bearer wrong-secret-0123456789", `Basic ${SECRET}`]) {
      const response = await call(header);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: "unauthorized" });
    }
    expect(await t.prisma.schedulerRun.count()).toBe(0);
  });

  it("runs one tick for the right secret and answers with what it did", async () => {
    const response = await call(`Bearer ${SECRET}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ skipped: false, violations: 0, reminders: 0, escalations: 0, errors: [] });
    expect(body.monthsClosed).toBe(1);
    const runs = await t.prisma.schedulerRun.findMany();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ id: body.runId, trigger: "http", error: null });
  });
});
