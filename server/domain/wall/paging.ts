import type { TWallCase, TWallTile } from "./board";

/**
 * How the wall fills a screen. Sizes are CSS pixels of a 1920×1080 TV at 100 % (a 4K TV at
 * 200 % is the same); the screen's components use the same numbers, so what is computed here
 * is what fits there.
 */
export const WALL_LAYOUT = {
  headerPx: 136,
  paddingPx: 24,
  gapPx: 16,
  /** Narrowest tile that still holds a case number and its countdown on one line. */
  minTileWidthPx: 340,
  tileHeaderPx: 84,
  casePx: 100,
  /** A tile holds at least this many cases, or the wall uses fewer rows. */
  minCasesPerTile: 3,
  maxColumns: 6,
  maxRows: 4,
} as const;

export interface TWallGrid {
  columns: number;
  rows: number;
  casesPerTile: number;
}

/** Columns, rows and cases per tile for a viewport: 5 × 2 tiles of 3 cases at 1920×1080. */
export function fitWallGrid(viewport: { width: number; height: number }): TWallGrid {
  const L = WALL_LAYOUT;
  const gridWidth = Math.max(0, viewport.width - 2 * L.paddingPx);
  const gridHeight = Math.max(0, viewport.height - L.headerPx - 2 * L.paddingPx);
  const columns = clamp(Math.floor((gridWidth + L.gapPx) / (L.minTileWidthPx + L.gapPx)), 1, L.maxColumns);
  const minTile = L.tileHeaderPx + L.minCasesPerTile * L.casePx + L.gapPx;
  const rows = clamp(Math.floor((gridHeight + L.gapPx) / (minTile + L.gapPx)), 1, L.maxRows);
  const tileHeight = (gridHeight - (rows - 1) * L.gapPx) / rows;
  const casesPerTile = Math.max(1, Math.floor((tileHeight - L.tileHeaderPx - L.gapPx) / L.casePx));
  return { columns, rows, casesPerTile };
}

/** What one tile on screen shows: a department's cases, or one part of them when they are many. */
export interface TWallPanel {
  key: string;
  tile: TWallTile;
  cases: TWallCase[];
  /** 1-based part and number of parts; a department with more cases than a tile holds continues. */
  part: number;
  parts: number;
}

/**
 * A tile per department; one with more cases than a tile holds continues on the next tiles
 * ("2/3"), so paging through the wall shows every open case, not just the first few.
 */
export function splitIntoPanels(tiles: readonly TWallTile[], casesPerTile: number): TWallPanel[] {
  const size = Math.max(1, Math.floor(casesPerTile));
  const panels: TWallPanel[] = [];
  for (const tile of tiles) {
    const parts = Math.max(1, Math.ceil(tile.cases.length / size));
    for (let i = 0; i < parts; i++) {
      panels.push({
        key: `${tile.key}:${i + 1}`,
        tile,
        cases: tile.cases.slice(i * size, (i + 1) * size),
        part: i + 1,
        parts,
      });
    }
  }
  return panels;
}

/** Items in pages of `perPage`; always at least one page, empty when there are no items. */
export function paginate<T>(items: readonly T[], perPage: number): T[][] {
  const size = Math.max(1, Math.floor(perPage));
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length > 0 ? pages : [[]];
}

/** The page after `current`, back to the first after the last; a page gone missing (fewer pages now) restarts at 0. */
export function nextPageIndex(current: number, pageCount: number): number {
  if (pageCount <= 1 || current + 1 >= pageCount || current < 0) return 0;
  return current + 1;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
