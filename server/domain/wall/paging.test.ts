import { describe, expect, it } from "vitest";
import type { TWallCase, TWallTile } from "./board";
import { fitWallGrid, nextPageIndex, paginate, splitIntoPanels } from "./paging";

const wallCase = (number: number): TWallCase => ({
  id: `c${number}`,
  number,
  status: "ASSIGNED",
  significant: false,
  network: "ВКонтакте",
  excerpt: "Текст",
  clocks: [],
});
const tile = (key: string, cases: number): TWallTile => ({
  key,
  departmentId: key,
  title: key,
  name: key,
  cases: Array.from({ length: cases }, (_, i) => wallCase(i + 1)),
});

describe("fitting the wall to a screen", () => {
  it("puts 5 × 2 tiles of 3 cases on a 1920×1080 TV", () => {
    expect(fitWallGrid({ width: 1920, height: 1080 })).toEqual({ columns: 5, rows: 2, casesPerTile: 3 });
  });

  it("still fits a tablet and a small window, with at least one tile and one case", () => {
    expect(fitWallGrid({ width: 768, height: 1024 })).toMatchObject({ columns: 2, rows: 2 });
    const tiny = fitWallGrid({ width: 320, height: 300 });
    expect(tiny.columns).toBe(1);
    expect(tiny.rows).toBe(1);
    expect(tiny.casesPerTile).toBeGreaterThanOrEqual(1);
  });

  it("never exceeds the largest grid on a huge screen", () => {
    expect(fitWallGrid({ width: 7680, height: 4320 })).toMatchObject({ columns: 6, rows: 4 });
  });
});

describe("panels and pages", () => {
  it("continues a department with many cases on further tiles, keeping every case", () => {
    const panels = splitIntoPanels([tile("a", 0), tile("b", 7), tile("c", 3)], 3);
    expect(panels.map((p) => [p.tile.key, p.part, p.parts, p.cases.map((c) => c.number)])).toEqual([
      ["a", 1, 1, []],
      ["b", 1, 3, [1, 2, 3]],
      ["b", 2, 3, [4, 5, 6]],
      ["b", 3, 3, [7]],
      ["c", 1, 1, [1, 2, 3]],
    ]);
    expect(new Set(panels.map((p) => p.key)).size).toBe(panels.length);
  });

  it("pages through the panels, one page when they fit", () => {
    expect(paginate([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(paginate([1, 2, 3], 10)).toEqual([[1, 2, 3]]);
    expect(paginate([], 10)).toEqual([[]]);
  });

  it("turns the page round and round, restarting when pages went away", () => {
    expect(nextPageIndex(0, 3)).toBe(1);
    expect(nextPageIndex(1, 3)).toBe(2);
    expect(nextPageIndex(2, 3)).toBe(0);
    expect(nextPageIndex(0, 1)).toBe(0);
    expect(nextPageIndex(4, 2)).toBe(0);
  });
});
