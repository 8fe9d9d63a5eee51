import { describe, expect, it } from "vitest";
import {
  isVkSyncDue,
  nextWallOffset,
  routinePostOf,
  routineTitleOf,
  vkSyncWindowStart,
  type TVkWallItem,
} from "./vk-wall";

const now = new Date("2026-11-27T09:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

describe("when and how far back the walls are read", () => {
  it("reads at most once an hour", () => {
    expect(isVkSyncDue(null, now)).toBe(true);
    expect(isVkSyncDue(hoursAgo(0.99), now)).toBe(false);
    expect(isVkSyncDue(hoursAgo(1), now)).toBe(true);
  });

  it("reads 14 days back the first time, from an hour before the last reading after", () => {
    expect(vkSyncWindowStart(null, now)).toEqual(hoursAgo(14 * 24));
    expect(vkSyncWindowStart(hoursAgo(3), now)).toEqual(hoursAgo(4));
    // Off for a year: the 12 weeks of the compliance history, not the whole wall.
    expect(vkSyncWindowStart(hoursAgo(365 * 24), now)).toEqual(hoursAgo(84 * 24));
  });
});

describe("routine posts from wall items", () => {
  const window = { since: hoursAgo(48), now };
  const item = (over: Partial<TVkWallItem> = {}): TVkWallItem => ({
    id: 456,
    owner_id: -123,
    from_id: -123,
    date: seconds(hoursAgo(2)),
    text: "\n  День открытых дверей  в администрации\nПодробности по ссылке",
    post_type: "post",
    ...over,
  });

  it("counts the community's own post, titled by its first line", () => {
    expect(routinePostOf(item(), 123, window)).toEqual({
      externalId: "456",
      url: "https://vk.com/wall-123_456",
      title: "День открытых дверей в администрации",
      publishedAt: new Date(seconds(hoursAgo(2)) * 1000),
    });
  });

  it("skips citizens' posts on the wall, other walls, other kinds and posts outside the window", () => {
    expect(routinePostOf(item({ from_id: 777 }), 123, window)).toBeNull();
    expect(routinePostOf(item({ owner_id: -124, from_id: -124 }), 123, window)).toBeNull();
    expect(routinePostOf(item({ post_type: "suggest" }), 123, window)).toBeNull();
    expect(routinePostOf(item({ date: seconds(hoursAgo(49)) }), 123, window)).toBeNull();
    expect(routinePostOf(item({ date: seconds(now) + 3600 }), 123, window)).toBeNull();
  });

  it("keeps titles within 200 characters and leaves a post without text untitled", () => {
    const long = routineTitleOf("я".repeat(500));
    expect([...long!]).toHaveLength(200);
    expect(long!.endsWith("…")).toBe(true);
    expect(routineTitleOf("я".repeat(200))).toBe("я".repeat(200));
    expect(routineTitleOf(" \n \n")).toBeNull();
    expect(routineTitleOf(undefined)).toBeNull();
  });
});

describe("nextWallOffset", () => {
  const since = hoursAgo(48);
  const page = (dates: number[], over: Partial<Parameters<typeof nextWallOffset>[0]> = {}) =>
    nextWallOffset({
      offset: 0,
      items: dates.map((h) => ({ date: seconds(hoursAgo(h)) })),
      total: 1000,
      pagesRead: 1,
      since,
      ...over,
    });

  it("reads on while the page is all inside the window", () => {
    expect(page([1, 2, 3])).toBe(3);
  });

  it("stops at a post older than the window, at the wall's end and at the page limit", () => {
    expect(page([1, 2, 50])).toBeNull();
    expect(page([1, 2, 3], { total: 3 })).toBeNull();
    expect(page([])).toBeNull();
    expect(page([1, 2, 3], { pagesRead: 10 })).toBeNull();
  });

  it("does not stop at an old pinned post", () => {
    expect(
      nextWallOffset({
        offset: 0,
        items: [{ date: seconds(hoursAgo(2000)), is_pinned: 1 }, { date: seconds(hoursAgo(1)) }],
        total: 1000,
        pagesRead: 1,
        since,
      }),
    ).toBe(2);
  });
});
