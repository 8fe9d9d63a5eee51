import { describe, expect, it } from "vitest";
import { REGULATION_SLA } from "../settings/sla-settings";
import {
  orderWallTiles,
  readWallClock,
  shapeWallBoard,
  summarizeWall,
  UNROUTED_TILE_KEY,
  UNROUTED_TILE_NAME,
  type TBoardCaseRow,
  type TBoardDepartment,
} from "./board";

const now = new Date("2026-11-27T09:00:00Z");
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const MUNICIPALITY = { id: "m1", name: "Мясниковский район", timeZone: "Europe/Moscow" };

const dept = (id: string, over: Partial<TBoardDepartment> = {}): TBoardDepartment => ({
  id,
  name: `Отдел ${id}`,
  shortName: null,
  isCoordinating: false,
  active: true,
  ...over,
});

/** A case received `receivedMinutesAgo` ago (24 h answer clock), with its current clock due at `dueIn` minutes. */
function row(
  over: Partial<TBoardCaseRow> & { number: number; dueIn?: number; receivedMinutesAgo?: number },
): TBoardCaseRow {
  const { dueIn = 600, receivedMinutesAgo = 60, ...rest } = over;
  return {
    id: `c${over.number}`,
    status: "ASSIGNED",
    departmentId: "zhkh",
    significant: false,
    currentClock: "DRAFT",
    currentDueAt: at(dueIn),
    answerDueAt: at(24 * 60 - receivedMinutesAgo),
    network: "ВКонтакте",
    excerpt: "Нет воды",
    sla: REGULATION_SLA,
    ...rest,
  };
}

describe("shaping the board", () => {
  it("gives a tile to 'not routed' and to each active department that answers, named by short name", () => {
    const board = shapeWallBoard({
      municipality: MUNICIPALITY,
      departments: [
        dept("org", { isCoordinating: true, name: "Орготдел" }),
        dept("zhkh", { name: "Отдел жилищно-коммунального хозяйства", shortName: "ЖКХ" }),
        dept("edu", { name: "Отдел образования", shortName: "Образование" }),
        dept("old", { active: false }),
      ],
      cases: [],
      openTotal: 0,
      answeredToday: 3,
      now,
    });
    expect(board.tiles.map((t) => t.title)).toEqual([UNROUTED_TILE_NAME, "ЖКХ", "Образование"]);
    expect(board.tiles[1]).toMatchObject({ departmentId: "zhkh", name: "Отдел жилищно-коммунального хозяйства" });
    expect(board).toMatchObject({ openTotal: 0, answeredToday: 3, truncated: false, generatedAt: now.toISOString() });
  });

  it("puts each case on its department's tile, unrouted ones first, and keeps cases of departments without a tile", () => {
    const board = shapeWallBoard({
      municipality: MUNICIPALITY,
      departments: [dept("org", { isCoordinating: true }), dept("zhkh"), dept("old", { active: false })],
      cases: [
        row({ number: 1, status: "NEW", departmentId: null, currentClock: "ROUTE", dueIn: 20 }),
        row({ number: 2 }),
        row({ number: 3, departmentId: "old" }),
        row({ number: 4, departmentId: "org", significant: true }),
      ],
      openTotal: 4,
      answeredToday: 0,
      now,
    });
    const byKey = Object.fromEntries(board.tiles.map((t) => [t.key, t.cases.map((c) => c.number)]));
    expect(byKey).toEqual({ [UNROUTED_TILE_KEY]: [1], zhkh: [2], old: [3], org: [4] });
    expect(board.tiles[0]?.key).toBe(UNROUTED_TILE_KEY);
    expect(board.tiles.find((t) => t.key === "org")?.cases[0]?.significant).toBe(true);
  });

  it("sends the running clock and the 24-hour clock, once when they are the same", () => {
    const board = shapeWallBoard({
      municipality: MUNICIPALITY,
      departments: [dept("zhkh")],
      cases: [
        row({ number: 1, currentClock: "FORWARD", dueIn: 10 }),
        row({ number: 2, status: "AT_CURATOR", currentClock: "ANSWER", currentDueAt: at(120), answerDueAt: at(120) }),
      ],
      openTotal: 2,
      answeredToday: 0,
      now,
    });
    const [first, second] = board.tiles[1]?.cases ?? [];
    expect(first?.clocks).toEqual([
      { kind: "FORWARD", startedAt: at(-20).toISOString(), dueAt: at(10).toISOString() },
      { kind: "ANSWER", startedAt: at(-60).toISOString(), dueAt: at(23 * 60).toISOString() },
    ]);
    expect(second?.clocks).toEqual([
      { kind: "ANSWER", startedAt: at(120 - 24 * 60).toISOString(), dueAt: at(120).toISOString() },
    ]);
  });

  it("says when it carries fewer cases than are open", () => {
    const board = shapeWallBoard({
      municipality: MUNICIPALITY,
      departments: [dept("zhkh")],
      cases: [row({ number: 1 })],
      openTotal: 600,
      answeredToday: 0,
      now,
    });
    expect(board.truncated).toBe(true);
    expect(board.openTotal).toBe(600);
  });
});

describe("reading a case's clock on the wall", () => {
  const one = (over: Parameters<typeof row>[0]) =>
    shapeWallBoard({
      municipality: MUNICIPALITY,
      departments: [dept("zhkh")],
      cases: [row(over)],
      openTotal: 1,
      answeredToday: 0,
      now,
    }).tiles[1]!.cases[0]!;

  it("counts down the running clock while it is the most pressing", () => {
    const c = one({ number: 1, currentClock: "ROUTE", status: "NEW", departmentId: "zhkh", dueIn: 20 });
    expect(readWallClock(c, now.getTime())).toEqual({
      kind: "ROUTE",
      dueAtMs: at(20).getTime(),
      remainingMs: 20 * 60_000,
      state: "ON_TIME",
    });
    expect(readWallClock(c, at(15).getTime())).toMatchObject({ kind: "ROUTE", state: "AT_RISK" });
    expect(readWallClock(c, at(21).getTime())).toMatchObject({ kind: "ROUTE", state: "OVERDUE", remainingMs: -60_000 });
  });

  it("switches to the 24-hour clock when that one is in a worse state", () => {
    // A draft forwarded late in the day: the 30-minute forward clock outlives the 24-hour one.
    const late = {
      clocks: [
        { kind: "FORWARD" as const, startedAt: at(-10).toISOString(), dueAt: at(20).toISOString() },
        { kind: "ANSWER" as const, startedAt: at(10 - 24 * 60).toISOString(), dueAt: at(10).toISOString() },
      ],
    };
    expect(readWallClock(late, now.getTime())).toMatchObject({ kind: "ANSWER", state: "AT_RISK" });
    expect(readWallClock(late, at(11).getTime())).toMatchObject({ kind: "ANSWER", state: "OVERDUE" });
    // Both on time: the nearer deadline.
    const early = { clocks: [late.clocks[0]!, { ...late.clocks[1]!, dueAt: at(600).toISOString() }] };
    expect(readWallClock(early, now.getTime())).toMatchObject({ kind: "FORWARD", state: "ON_TIME" });
  });

  it("has no clock for a case without one", () => {
    expect(readWallClock({ clocks: [] }, now.getTime())).toBeNull();
  });
});

describe("the header's totals and the order of tiles", () => {
  const board = shapeWallBoard({
    municipality: MUNICIPALITY,
    departments: [
      dept("a", { shortName: "Архитектура" }),
      dept("b", { shortName: "Благоустройство" }),
      dept("c", { shortName: "Культура" }),
      dept("d", { shortName: "Дороги" }),
    ],
    cases: [
      row({ number: 1, departmentId: "c", dueIn: 500 }),
      row({ number: 2, departmentId: "b", dueIn: 400 }),
      row({ number: 3, departmentId: "d", dueIn: -5 }),
      row({ number: 4, departmentId: "d", dueIn: 600 }),
      row({ number: 5, departmentId: null, status: "NEW", currentClock: "ROUTE", dueIn: 25 }),
      row({ number: 6, departmentId: "b", dueIn: 30 }),
    ],
    openTotal: 6,
    answeredToday: 2,
    now,
  });

  it("counts open, at risk, overdue and answered today", () => {
    // #3 overdue; #6 at risk (30 min of the 20-hour draft clock left); #5 on time (25 of 30 min).
    expect(summarizeWall(board, now.getTime())).toEqual({ open: 6, atRisk: 1, overdue: 1, answeredToday: 2 });
    // An hour later the route clock of #5 has run out and #6's draft clock too.
    expect(summarizeWall(board, at(60).getTime())).toMatchObject({ atRisk: 0, overdue: 3 });
  });

  it("shows 'not routed' first, then the most pressing departments, quiet ones last by name", () => {
    const ordered = orderWallTiles(board.tiles, now.getTime());
    expect(ordered.map((t) => t.title)).toEqual([
      UNROUTED_TILE_NAME,
      "Дороги",
      "Благоустройство",
      "Культура",
      "Архитектура",
    ]);
    expect(ordered[1]?.cases.map((c) => c.number)).toEqual([3, 4]);
    expect(ordered[2]?.cases.map((c) => c.number)).toEqual([6, 2]);
  });
});
