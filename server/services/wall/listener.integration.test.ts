import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "../../testing/db";
import { cleanupsAfterEach } from "../../testing/cleanups";
import { createWallMunicipality } from "../../testing/wall-fixtures";
import { BOARD_CHANNEL, type TWallNotification } from "./notify-change";
import { startWallListener, type TWallListener } from "./listener";

let t: TTestDatabase;
let w: Awaited<ReturnType<typeof createWallMunicipality>>;
const cleanup = cleanupsAfterEach();
const t0 = new Date("2026-11-27T09:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

beforeAll(async () => {
  t = await createTestDatabase();
  w = await createWallMunicipality(t.prisma);
});
afterAll(async () => {
  await t.cleanup();
});

/** A listener whose notifications can be awaited one by one, each within `timeoutMs`. */
function listen(options: { onReconnect?: () => void } = {}) {
  const received: TWallNotification[] = [];
  const waiting: ((n: TWallNotification) => void)[] = [];
  const listener: TWallListener = startWallListener({
    url: t.url,
    retryMs: 50,
    onNotification: (n) => {
      const next = waiting.shift();
      if (next) next(n);
      else received.push(n);
    },
    onReconnect: options.onReconnect,
    log: () => {},
  });
  cleanup(() => listener.close());
  const next = (timeoutMs = 5_000) =>
    new Promise<TWallNotification>((resolve, reject) => {
      const ready = received.shift();
      if (ready) return resolve(ready);
      const timer = setTimeout(() => reject(new Error(`no notification within ${timeoutMs} ms`)), timeoutMs);
      waiting.push((n) => {
        clearTimeout(timer);
        resolve(n);
      });
    });
  return { listener, next };
}

describe("wall change notifications", () => {
  it("reach a listener when a case is registered and when it moves, with the municipality", async () => {
    const { listener, next } = listen();
    // A real PostgreSQL is LISTENed on; the embedded one announces in-process (notify-change.ts).
    expect(await listener.mode).toBe(t.embedded ? "local" : "listen");

    const caseId = await w.intake(at(0));
    expect(await next()).toEqual({ channel: BOARD_CHANNEL, payload: w.municipalityId });
    await w.route(caseId, w.departments.zhkh.id, at(5));
    expect(await next()).toEqual({ channel: BOARD_CHANNEL, payload: w.municipalityId });
  });

  it("are not sent for a change that was refused", async () => {
    const { listener, next } = listen();
    await listener.mode;
    const caseId = await w.intake(at(10));
    await next();
    // Routing to a closed department is refused inside the transaction: nothing is announced,
    // so the next notification is the one of the change after it.
    await expect(w.route(caseId, w.departments.closed.id, at(11))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const other = await createWallMunicipality(t.prisma);
    await other.intake(at(12));
    expect(await next()).toEqual({ channel: BOARD_CHANNEL, payload: other.municipalityId });
  });

  it("keep coming after the LISTEN connection is cut, and the listener says it reconnected", async () => {
    let reconnected!: () => void;
    const reconnect = new Promise<void>((resolve) => (reconnected = resolve));
    const { listener, next } = listen({ onReconnect: () => reconnected() });
    if ((await listener.mode) === "local") {
      // The embedded database has no connection to cut: changes are announced in-process.
      await w.intake(at(20));
      expect(await next()).toEqual({ channel: BOARD_CHANNEL, payload: w.municipalityId });
      return;
    }
    const admin = new pg.Client({ connectionString: t.url });
    await admin.connect();
    cleanup(() => admin.end());
    const killed = await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'otklik-wall-listener' AND datname = current_database()",
    );
    expect(killed.rowCount).toBe(1);
    await reconnect;
    await w.intake(at(21));
    expect(await next()).toEqual({ channel: BOARD_CHANNEL, payload: w.municipalityId });
  });
});
