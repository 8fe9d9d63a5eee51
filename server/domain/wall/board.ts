import { type TCaseStatus, type TClockKind } from "../cases/case-types";
import { evaluateClockState, findClockStart, type TClockState, type TFrozenSla } from "../cases/clocks";

/**
 * The wall screen's board: the open cases of one municipality, a tile per department. It
 * travels as JSON (Server-Sent Events, and props of the first render), so every instant is an
 * ISO string. Clock states are not in it: they change with time alone, so each screen works
 * them out every second from the deadlines (`readWallClock`), and the server only sends a new
 * board when a case changes.
 */

/** Cases no department has yet: the coordinating department's to route (п.7). */
export const UNROUTED_TILE_KEY = "unrouted";
export const UNROUTED_TILE_NAME = "Не распределено";

export interface TWallClock {
  kind: TClockKind;
  startedAt: string;
  dueAt: string;
}

export interface TWallCase {
  id: string;
  number: number;
  status: TCaseStatus;
  significant: boolean;
  /** The network's name ("ВКонтакте"). */
  network: string;
  /** The start of the publication, one line's worth. */
  excerpt: string;
  /** The clock running now, then the 24-hour answer clock when it is another one. */
  clocks: TWallClock[];
}

export interface TWallTile {
  key: string;
  departmentId: string | null;
  /** The short name when the department has one: tiles are read from across the room. */
  title: string;
  /** The full name. */
  name: string;
  /** Most urgent first (the running clock's deadline). */
  cases: TWallCase[];
}

export interface TWallBoard {
  municipality: { id: string; name: string; timeZone: string };
  tiles: TWallTile[];
  /** All open cases, also any left out when there are more than a board carries. */
  openTotal: number;
  /** Answers posted today (the municipality's calendar day) within their 24-hour clock. */
  answeredToday: number;
  /** True when the board carries only the most urgent `MAX_WALL_CASES` of the open cases. */
  truncated: boolean;
  generatedAt: string;
}

/** One message of the stream: the board, with the server's clock to correct the screen's. */
export interface TWallMessage {
  serverNow: string;
  board: TWallBoard;
}

/** More open cases than this on one wall is a crisis the board cannot help with anyway. */
export const MAX_WALL_CASES = 500;

export interface TBoardDepartment {
  id: string;
  name: string;
  shortName: string | null;
  isCoordinating: boolean;
  active: boolean;
}

export interface TBoardCaseRow {
  id: string;
  number: number;
  status: TCaseStatus;
  departmentId: string | null;
  significant: boolean;
  currentClock: TClockKind | null;
  currentDueAt: Date | null;
  answerDueAt: Date;
  network: string;
  excerpt: string;
  sla: TFrozenSla;
}

/**
 * Tiles: "not routed" first, then every active department that answers publications (the
 * coordinating one routes them, it has no tile of its own), named by short name. A case held
 * by a department outside that list (the coordinating one, or one closed since) still gets its
 * department's tile: no open case ever drops off the wall.
 */
export function shapeWallBoard(input: {
  municipality: { id: string; name: string; timeZone: string };
  departments: readonly TBoardDepartment[];
  cases: readonly TBoardCaseRow[];
  openTotal: number;
  answeredToday: number;
  now: Date;
}): TWallBoard {
  const byDepartment = new Map<string | null, TWallCase[]>();
  for (const row of input.cases) {
    const list = byDepartment.get(row.departmentId) ?? [];
    list.push(presentWallCase(row));
    byDepartment.set(row.departmentId, list);
  }
  const unrouted: TWallTile = {
    key: UNROUTED_TILE_KEY,
    departmentId: null,
    title: UNROUTED_TILE_NAME,
    name: UNROUTED_TILE_NAME,
    cases: byDepartment.get(null) ?? [],
  };
  const departments = input.departments
    .filter((d) => (d.active && !d.isCoordinating) || byDepartment.has(d.id))
    .map((d): TWallTile => ({
      key: d.id,
      departmentId: d.id,
      title: d.shortName?.trim() || d.name,
      name: d.name,
      cases: byDepartment.get(d.id) ?? [],
    }))
    .sort((a, b) => a.title.localeCompare(b.title, "ru"));
  return {
    municipality: input.municipality,
    tiles: [unrouted, ...departments],
    openTotal: input.openTotal,
    answeredToday: input.answeredToday,
    truncated: input.cases.length < input.openTotal,
    generatedAt: input.now.toISOString(),
  };
}

function presentWallCase(row: TBoardCaseRow): TWallCase {
  const clock = (kind: TClockKind, dueAt: Date): TWallClock => ({
    kind,
    startedAt: findClockStart(kind, dueAt, row.sla).toISOString(),
    dueAt: dueAt.toISOString(),
  });
  const clocks: TWallClock[] = [];
  if (row.currentClock && row.currentDueAt) clocks.push(clock(row.currentClock, row.currentDueAt));
  if (row.currentClock !== "ANSWER") clocks.push(clock("ANSWER", row.answerDueAt));
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    significant: row.significant,
    network: row.network,
    excerpt: row.excerpt,
    clocks,
  };
}

const SEVERITY = { OVERDUE: 2, AT_RISK: 1, ON_TIME: 0 } as const satisfies Record<TClockState, number>;

export interface TWallClockReading {
  kind: TClockKind;
  dueAtMs: number;
  remainingMs: number;
  state: TClockState;
}

/**
 * The clock a case shows on the wall at `nowMs`: the one in the worst state, the earlier
 * deadline between equals. Usually the step clock running now; but a draft forwarded late in
 * the day can outlive the 24-hour clock, and then the 24-hour one is what is running out.
 */
export function readWallClock(c: Pick<TWallCase, "clocks">, nowMs: number): TWallClockReading | null {
  const now = new Date(nowMs);
  let best: TWallClockReading | null = null;
  for (const clock of c.clocks) {
    const dueAtMs = Date.parse(clock.dueAt);
    const state = evaluateClockState({
      dueAt: new Date(dueAtMs),
      startedAt: new Date(clock.startedAt),
      now,
      kind: clock.kind,
    });
    const reading = { kind: clock.kind, dueAtMs, remainingMs: dueAtMs - nowMs, state };
    if (
      !best ||
      SEVERITY[state] > SEVERITY[best.state] ||
      (SEVERITY[state] === SEVERITY[best.state] && dueAtMs < best.dueAtMs)
    ) {
      best = reading;
    }
  }
  return best;
}

export interface TWallTotals {
  open: number;
  atRisk: number;
  overdue: number;
  answeredToday: number;
}

/** The header's numbers at `nowMs`. */
export function summarizeWall(board: TWallBoard, nowMs: number): TWallTotals {
  let atRisk = 0;
  let overdue = 0;
  for (const tile of board.tiles) {
    for (const c of tile.cases) {
      const state = readWallClock(c, nowMs)?.state;
      if (state === "OVERDUE") overdue++;
      else if (state === "AT_RISK") atRisk++;
    }
  }
  return { open: board.openTotal, atRisk, overdue, answeredToday: board.answeredToday };
}

/** A tile's most urgent reading: the worst state, then the earliest deadline. */
function urgencyOf(tile: TWallTile, nowMs: number): { severity: number; dueAtMs: number } {
  let severity = -1;
  let dueAtMs = Number.POSITIVE_INFINITY;
  for (const c of tile.cases) {
    const reading = readWallClock(c, nowMs);
    if (!reading) continue;
    const s = SEVERITY[reading.state];
    if (s > severity || (s === severity && reading.dueAtMs < dueAtMs)) {
      severity = s;
      dueAtMs = reading.dueAtMs;
    }
  }
  return { severity, dueAtMs };
}

/**
 * The order the wall shows tiles in: "not routed" first (the room routes them), then the
 * departments with something overdue, at risk, on time, each by its nearest deadline, then the
 * departments with nothing open, by name. Each tile's cases: worst state first, then deadline.
 */
export function orderWallTiles(tiles: readonly TWallTile[], nowMs: number): TWallTile[] {
  const ranked = tiles.map((tile, index) => ({ tile, index, ...urgencyOf(tile, nowMs) }));
  ranked.sort((a, b) => {
    const unroutedA = a.tile.key === UNROUTED_TILE_KEY ? 0 : 1;
    const unroutedB = b.tile.key === UNROUTED_TILE_KEY ? 0 : 1;
    if (unroutedA !== unroutedB) return unroutedA - unroutedB;
    if (a.severity !== b.severity) return b.severity - a.severity;
    if (a.dueAtMs !== b.dueAtMs) return a.dueAtMs - b.dueAtMs;
    return a.index - b.index;
  });
  return ranked.map(({ tile }) => ({ ...tile, cases: orderWallCases(tile.cases, nowMs) }));
}

function orderWallCases(cases: readonly TWallCase[], nowMs: number): TWallCase[] {
  const read = cases.map((c, index) => ({ c, index, reading: readWallClock(c, nowMs) }));
  read.sort((a, b) => {
    const sa = a.reading ? SEVERITY[a.reading.state] : -1;
    const sb = b.reading ? SEVERITY[b.reading.state] : -1;
    if (sa !== sb) return sb - sa;
    const da = a.reading?.dueAtMs ?? Number.POSITIVE_INFINITY;
    const db = b.reading?.dueAtMs ?? Number.POSITIVE_INFINITY;
    return da !== db ? da - db : a.index - b.index;
  });
  return read.map(({ c }) => c);
}
