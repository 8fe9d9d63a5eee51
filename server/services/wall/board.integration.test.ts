import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UNROUTED_TILE_NAME } from "../../domain/wall/board";
import { createTestDatabase, type TTestDatabase } from "../../testing/db";
import { createWallMunicipality } from "../../testing/wall-fixtures";
import { markSignificant } from "../cases/flags";
import { loadWallBoard } from "./board";

let t: TTestDatabase;
let w: Awaited<ReturnType<typeof createWallMunicipality>>;
let other: Awaited<ReturnType<typeof createWallMunicipality>>;
let foreignCaseId: string;

// 00:30 on Saturday 28 November in Moscow, still Friday the 27th in UTC.
const now = new Date("2026-11-27T21:30:00Z");
const utc = (iso: string) => new Date(`2026-11-${iso}Z`);

beforeAll(async () => {
  t = await createTestDatabase();
  w = await createWallMunicipality(t.prisma);
  other = await createWallMunicipality(t.prisma);
  foreignCaseId = await other.intake(utc("27T21:00:00"), { text: "Чужая публикация другого района" });
});
afterAll(async () => {
  await t.cleanup();
});

describe("the wall's board", () => {
  it("shows a municipality's open cases on its departments' tiles, and nothing of another municipality", async () => {
    const unrouted = await w.intake(utc("27T21:10:00"), { text: "Нет   света\nна улице Мира" });
    const routed = await w.intake(utc("27T20:00:00"), { network: "OK", url: "https://ok.ru/group/1/topic/2" });
    await w.route(routed, w.departments.zhkh.id, utc("27T20:10:00"));
    await markSignificant(
      t.prisma,
      w.coordinator,
      { caseId: routed, reason: "Массовое обращение жителей" },
      utc("27T20:11:00"),
    );

    const board = await loadWallBoard(t.prisma, w.municipalityId, now);
    const municipality = await t.prisma.municipality.findUniqueOrThrow({ where: { id: w.municipalityId } });
    expect(board.municipality).toEqual({ id: w.municipalityId, name: municipality.name, timeZone: "Europe/Moscow" });
    // The coordinating department routes rather than answers; the closed one has nothing open.
    expect(board.tiles.map((tile) => tile.title)).toEqual([UNROUTED_TILE_NAME, "ЖКХ", "Отдел образования"]);
    expect(board.openTotal).toBe(2);
    expect(board.truncated).toBe(false);

    const [unroutedTile, zhkhTile, eduTile] = board.tiles;
    expect(unroutedTile?.cases).toEqual([
      expect.objectContaining({
        id: unrouted,
        status: "NEW",
        network: "ВКонтакте",
        excerpt: "Нет света на улице Мира",
        significant: false,
        clocks: [
          { kind: "ROUTE", startedAt: "2026-11-27T21:10:00.000Z", dueAt: "2026-11-27T21:40:00.000Z" },
          { kind: "ANSWER", startedAt: "2026-11-27T21:10:00.000Z", dueAt: "2026-11-28T21:10:00.000Z" },
        ],
      }),
    ]);
    expect(zhkhTile).toMatchObject({
      departmentId: w.departments.zhkh.id,
      name: "Отдел жилищно-коммунального хозяйства",
    });
    expect(zhkhTile?.cases).toEqual([
      expect.objectContaining({
        id: routed,
        status: "ASSIGNED",
        network: "Одноклассники",
        significant: true,
        clocks: [
          { kind: "DRAFT", startedAt: "2026-11-27T20:00:00.000Z", dueAt: "2026-11-28T16:00:00.000Z" },
          { kind: "ANSWER", startedAt: "2026-11-27T20:00:00.000Z", dueAt: "2026-11-28T20:00:00.000Z" },
        ],
      }),
    ]);
    expect(zhkhTile?.cases[0]?.excerpt.length).toBeLessThanOrEqual(101);
    expect(eduTile?.cases).toEqual([]);
    expect(JSON.stringify(board)).not.toContain(foreignCaseId);

    const foreign = await loadWallBoard(t.prisma, other.municipalityId, now);
    expect(foreign.openTotal).toBe(1);
    expect(foreign.tiles[0]?.cases.map((c) => c.id)).toEqual([foreignCaseId]);
    expect(JSON.stringify(foreign)).not.toContain(routed);
  });

  it("keeps a case on the wall when its department is closed or is the coordinating one", async () => {
    const held = await w.intake(utc("27T19:00:00"));
    await w.route(held, w.departments.org.id, utc("27T19:05:00"));
    await t.prisma.department.update({ where: { id: w.departments.zhkh.id }, data: { active: false } });
    try {
      const board = await loadWallBoard(t.prisma, w.municipalityId, now);
      expect(board.tiles.find((tile) => tile.title === "Орготдел")?.cases.map((c) => c.id)).toEqual([held]);
      // ЖКХ, closed meanwhile, keeps its tile while it still holds an open case.
      expect(board.tiles.find((tile) => tile.title === "ЖКХ")?.cases).toHaveLength(1);
    } finally {
      await t.prisma.department.update({ where: { id: w.departments.zhkh.id }, data: { active: true } });
    }
  });

  it("counts the answers posted today within 24 hours by the municipality's calendar, not UTC's", async () => {
    const before = (await loadWallBoard(t.prisma, w.municipalityId, now)).answeredToday;
    // 23:50 on Friday in Moscow: yesterday there, although the same UTC day as the next one.
    const lastNight = await w.intake(utc("27T10:00:00"));
    await w.answer(lastNight, utc("27T10:00:00"), utc("27T20:50:00"));
    // 00:10 on Saturday in Moscow, within 24 hours: today's.
    const onTime = await w.intake(utc("27T11:00:00"));
    await w.answer(onTime, utc("27T11:00:00"), utc("27T21:10:00"));
    // 00:20 on Saturday, but 25 hours after receipt: today's, not within 24 hours.
    const late = await w.intake(utc("26T20:20:00"));
    await w.answer(late, utc("26T20:20:00"), utc("27T21:20:00"));

    const board = await loadWallBoard(t.prisma, w.municipalityId, now);
    expect(board.answeredToday - before).toBe(1);
    for (const id of [lastNight, onTime, late]) expect(JSON.stringify(board)).not.toContain(id);
    // A minute before Moscow's midnight the day is still Friday: only the 23:50 answer is today's.
    expect((await loadWallBoard(t.prisma, w.municipalityId, utc("27T20:59:00"))).answeredToday - before).toBe(1);
    expect((await loadWallBoard(t.prisma, other.municipalityId, now)).answeredToday).toBe(0);
  });

  it("refuses an unknown municipality", async () => {
    await expect(loadWallBoard(t.prisma, "no-such-municipality", now)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
