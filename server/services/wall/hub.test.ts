import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TWallBoard } from "../../domain/wall/board";
import { BoardHub, type TBoardSubscriber } from "./hub";

const boardOf = (municipalityId: string, version: number): TWallBoard => ({
  municipality: { id: municipalityId, name: "Район", timeZone: "Europe/Moscow" },
  tiles: [],
  openTotal: version,
  answeredToday: 0,
  truncated: false,
  generatedAt: new Date(Date.UTC(2026, 10, 27, 9, 0, version)).toISOString(),
});

/** A hub whose loads are counted and whose boards carry the load's number in `openTotal`. */
function setUp(options: { fail?: () => boolean } = {}) {
  const loads: string[] = [];
  const hub = new BoardHub({
    load: (municipalityId) => {
      loads.push(municipalityId);
      if (options.fail?.()) return Promise.reject(new Error("database away"));
      return Promise.resolve(boardOf(municipalityId, loads.length));
    },
    debounceMs: 300,
    refreshMs: 60_000,
    retryMs: 5_000,
    log: () => {},
  });
  const screen = (over: Partial<TBoardSubscriber> = {}) => {
    const boards: number[] = [];
    const subscriber: TBoardSubscriber = { onBoard: (board) => boards.push(board.openTotal), ...over };
    return { boards, subscriber };
  };
  return { hub, loads, screen };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the wall's hub", () => {
  it("loads a board once for all screens of a municipality, and each burst of changes once", async () => {
    const { hub, loads, screen } = setUp();
    const a = screen();
    const b = screen();
    hub.subscribe("m1", a.subscriber);
    hub.subscribe("m1", b.subscriber);
    await vi.advanceTimersByTimeAsync(0);
    expect(loads).toEqual(["m1"]);
    expect(a.boards).toEqual([1]);
    expect(b.boards).toEqual([1]);

    // A third screen gets the current board without a load.
    const c = screen();
    hub.subscribe("m1", c.subscriber);
    await vi.advanceTimersByTimeAsync(0);
    expect(c.boards).toEqual([1]);
    expect(loads).toHaveLength(1);

    hub.boardChanged("m1");
    hub.boardChanged("m1");
    await vi.advanceTimersByTimeAsync(100);
    hub.boardChanged("m1");
    expect(loads).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(300);
    expect(loads).toHaveLength(2);
    expect([a.boards, b.boards, c.boards]).toEqual([
      [1, 2],
      [1, 2],
      [1, 2],
    ]);
  });

  it("computes nothing for a municipality nobody watches", async () => {
    const { hub, loads, screen } = setUp();
    const stop = hub.subscribe("m1", screen().subscriber);
    await vi.advanceTimersByTimeAsync(0);
    stop();
    hub.boardChanged("m1");
    hub.boardChanged("m2");
    await vi.advanceTimersByTimeAsync(120_000);
    expect(loads).toEqual(["m1"]);
    expect(hub.subscriberCount("m1")).toBe(0);
  });

  it("reloads a quiet board now and then, for midnight's totals and renamed departments", async () => {
    const { hub, loads, screen } = setUp();
    const a = screen();
    hub.subscribe("m1", a.subscriber);
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(60_000 + 300);
    expect(loads).toHaveLength(2);
    expect(a.boards).toEqual([1, 2]);
  });

  it("tells the screens when the board cannot be loaded, and tries again later", async () => {
    let failing = true;
    const { hub, loads, screen } = setUp({ fail: () => failing });
    let unavailable = 0;
    const a = screen({ onUnavailable: () => unavailable++ });
    hub.subscribe("m1", a.subscriber);
    await vi.advanceTimersByTimeAsync(0);
    expect(unavailable).toBe(1);
    expect(a.boards).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(loads).toHaveLength(1);
    failing = false;
    await vi.advanceTimersByTimeAsync(5_000 + 300);
    expect(loads).toHaveLength(2);
    expect(a.boards).toEqual([2]);
  });

  it("loads again after a change that arrived while loading", async () => {
    let release!: () => void;
    const loads: number[] = [];
    const hub = new BoardHub({
      load: (id) => {
        loads.push(loads.length + 1);
        const n = loads.length;
        return n === 1
          ? new Promise<TWallBoard>((resolve) => (release = () => resolve(boardOf(id, n))))
          : Promise.resolve(boardOf(id, n));
      },
      debounceMs: 300,
      log: () => {},
    });
    const boards: number[] = [];
    hub.subscribe("m1", { onBoard: (board) => boards.push(board.openTotal) });
    await vi.advanceTimersByTimeAsync(0);
    hub.boardChanged("m1");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(loads).toHaveLength(1);
    release();
    await vi.advanceTimersByTimeAsync(300);
    expect(boards).toEqual([1, 2]);
  });

  it("disconnects only the screens of a revoked kiosk link", () => {
    const { hub, screen } = setUp();
    const revoked: string[] = [];
    hub.subscribe("m1", screen({ kioskTokenId: "k1", onRevoked: () => revoked.push("a") }).subscriber);
    hub.subscribe("m1", screen({ kioskTokenId: "k2", onRevoked: () => revoked.push("b") }).subscriber);
    hub.subscribe("m2", screen({ kioskTokenId: "k1", onRevoked: () => revoked.push("c") }).subscriber);
    hub.kioskRevoked("k1");
    expect(revoked).toEqual(["a", "c"]);
  });
});
