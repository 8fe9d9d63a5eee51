import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "../../testing/db";
import { cleanupsAfterEach } from "../../testing/cleanups";
import { createUser } from "../../testing/factories";
import { createWallMunicipality } from "../../testing/wall-fixtures";
import { UNROUTED_TILE_KEY, type TWallMessage } from "../../domain/wall/board";
import { createKioskToken, revokeKioskToken } from "../../services/admin/kiosk";
import { loadWallBoard } from "../../services/wall/board";
import { BoardHub } from "../../services/wall/hub";
import { startWallListener, type TWallListener } from "../../services/wall/listener";
import { BOARD_CHANNEL } from "../../services/wall/notify-change";
import {
  createWallBoardHandler,
  createWallStreamHandler,
  KIOSK_REFUSED_MESSAGE,
  type TSessionToken,
  type TWallHandlerDeps,
} from "./handlers";

let t: TTestDatabase;
let w: Awaited<ReturnType<typeof createWallMunicipality>>;
let other: Awaited<ReturnType<typeof createWallMunicipality>>;
let hub: BoardHub;
let listener: TWallListener;
let loads = 0;
let admin: { id: string };
const cleanup = cleanupsAfterEach();
const serverNow = new Date("2026-11-27T09:00:00Z");
const at = (minutes: number) => new Date(serverNow.getTime() + minutes * 60_000);

beforeAll(async () => {
  t = await createTestDatabase();
  w = await createWallMunicipality(t.prisma);
  other = await createWallMunicipality(t.prisma);
  admin = await createUser(t.prisma, { roles: ["ADMIN"], municipalityId: w.municipalityId });
  hub = new BoardHub({
    load: (municipalityId) => {
      loads++;
      return loadWallBoard(t.prisma, municipalityId, serverNow);
    },
    debounceMs: 20,
    log: () => {},
  });
  listener = startWallListener({
    url: t.url,
    onNotification: ({ channel, payload }) =>
      channel === BOARD_CHANNEL ? hub.boardChanged(payload) : hub.kioskRevoked(payload),
    log: () => {},
  });
  await listener.mode;
});
afterAll(async () => {
  hub.close();
  await listener.close();
  await t.cleanup();
});

const adminActor = () => ({ userId: admin.id, municipalityId: w.municipalityId, now: serverNow });
const deps =
  (session: TSessionToken | null = null) =>
  (): TWallHandlerDeps => ({
    prisma: t.prisma,
    hub,
    now: () => serverNow,
    readSession: () => Promise.resolve(session),
  });
const stream = createWallStreamHandler(deps());
const boardOnce = createWallBoardHandler(deps());
const request = (path: string, signal?: AbortSignal) => new Request(`http://wall.test${path}`, { signal });

interface TEvent {
  event: string;
  data: string;
}

/** Reads Server-Sent Events off a response body; each wait is bounded, so a missing event fails the test. */
function eventsOf(res: Response) {
  const body = res.body;
  if (!body) throw new Error("no body");
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const raw: string[] = [];
  const withTimeout = <T>(promise: Promise<T>, ms: number) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`nothing from the stream within ${ms} ms`)), ms);
      promise.then(
        (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        (e: unknown) => {
          clearTimeout(timer);
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });
  /** The next event with data (a bare `retry:` block is kept in `raw` only); null when the stream ended. */
  async function next(timeoutMs = 5_000): Promise<TEvent | null> {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        raw.push(block);
        const lines = block.split("\n");
        const data = lines.filter((l) => l.startsWith("data: ")).map((l) => l.slice(6));
        if (data.length === 0) continue;
        const event = lines.find((l) => l.startsWith("event: "))?.slice(7) ?? "message";
        return { event, data: data.join("\n") };
      }
      const chunk = await withTimeout(reader.read(), timeoutMs);
      if (chunk.done) return null;
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  }
  async function nextBoard(timeoutMs?: number): Promise<TWallMessage> {
    for (;;) {
      const e = await next(timeoutMs);
      if (!e) throw new Error("the stream ended before a board came");
      if (e.event === "board") return JSON.parse(e.data) as TWallMessage;
    }
  }
  return { next, nextBoard, raw };
}

const tileOf = (message: TWallMessage, caseId: string) =>
  message.board.tiles.find((tile) => tile.cases.some((c) => c.id === caseId))?.key;

describe("the wall's stream", () => {
  it("sends the board on connect and again after a change, computed once for all screens", async () => {
    const { token } = await createKioskToken(t.prisma, adminActor(), { name: "Экран" });
    const caseId = await w.intake(at(-20));
    const screens = [new AbortController(), new AbortController()];
    const responses = await Promise.all(
      screens.map((s) => stream(request(`/api/wall/stream?token=${token}`, s.signal))),
    );
    for (const res of responses) {
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
      expect(res.headers.get("cache-control")).toContain("no-store");
    }
    const [a, b] = responses.map(eventsOf);
    const firstA = await a!.nextBoard();
    const firstB = await b!.nextBoard();
    expect(a!.raw[0]).toBe("retry: 3000");
    expect(firstA.serverNow).toBe(serverNow.toISOString());
    expect(firstA.board.municipality.id).toBe(w.municipalityId);
    expect(tileOf(firstA, caseId)).toBe(UNROUTED_TILE_KEY);
    expect(firstB.board).toEqual(firstA.board);
    expect(hub.subscriberCount(w.municipalityId)).toBe(2);

    const loadsBefore = loads;
    await w.route(caseId, w.departments.zhkh.id, at(-10));
    const [secondA, secondB] = await Promise.all([a!.nextBoard(), b!.nextBoard()]);
    expect(tileOf(secondA, caseId)).toBe(w.departments.zhkh.id);
    expect(secondB.board).toEqual(secondA.board);
    expect(loads - loadsBefore).toBe(1);

    // A screen that goes away is let go of, and its stream ends.
    for (const s of screens) s.abort();
    expect(await a!.next()).toBeNull();
    expect(hub.subscriberCount(w.municipalityId)).toBe(0);
  });

  it("tells a screen its link was revoked and closes it; the link is refused from then on", async () => {
    const { kiosk, token } = await createKioskToken(t.prisma, adminActor(), { name: "Экран в коридоре" });
    const screen = new AbortController();
    cleanup(() => screen.abort());
    const events = eventsOf(await stream(request(`/api/wall/stream?token=${token}`, screen.signal)));
    await events.nextBoard();

    await revokeKioskToken(t.prisma, adminActor(), { id: kiosk.id });
    let e = await events.next();
    while (e?.event === "board" || e?.event === "ping") e = await events.next();
    expect(e).toEqual({ event: "denied", data: JSON.stringify({ message: KIOSK_REFUSED_MESSAGE }) });
    expect(await events.next()).toBeNull();

    for (const handler of [stream, boardOnce]) {
      const refused = await handler(request(`/api/wall/stream?token=${token}`));
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({ error: "invalid_link", message: KIOSK_REFUSED_MESSAGE });
    }
  });

  it("shows a link only its own municipality's board", async () => {
    const foreignCase = await other.intake(at(-5));
    const mine = await w.intake(at(-4));
    const { token } = await createKioskToken(
      t.prisma,
      { userId: admin.id, municipalityId: other.municipalityId, now: serverNow },
      { name: "Экран соседей" },
    );
    const res = await boardOnce(request(`/api/wall/board?token=${token}`));
    expect(res.status).toBe(200);
    const message = (await res.json()) as TWallMessage;
    expect(message.board.municipality.id).toBe(other.municipalityId);
    expect(tileOf(message, foreignCase)).toBe(UNROUTED_TILE_KEY);
    expect(JSON.stringify(message)).not.toContain(mine);
  });

  it("refuses a screen with neither a link nor a session, a wrong link, and a role without the wall", async () => {
    const anonymous = await stream(request("/api/wall/stream"));
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { message: string }).message).toMatch(/Войдите/);
    expect((await stream(request("/api/wall/stream?token=wall_not-a-real-token-at-all-000"))).status).toBe(403);
    expect((await stream(request("/api/wall/stream?token="))).status).toBe(403);

    const authAt = Math.floor(serverNow.getTime() / 1000);
    const asExecutor = createWallBoardHandler(deps({ userId: w.executor.userId, authAt }));
    expect((await asExecutor(request("/api/wall/board"))).status).toBe(403);

    const asCoordinator = createWallBoardHandler(deps({ userId: w.coordinator.userId, authAt }));
    const res = await asCoordinator(request("/api/wall/board"));
    expect(res.status).toBe(200);
    expect(((await res.json()) as TWallMessage).board.municipality.id).toBe(w.municipalityId);
  });
});
