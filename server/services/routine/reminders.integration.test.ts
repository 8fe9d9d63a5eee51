import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "../../testing/db";
import { createMunicipality, createUser } from "../../testing/factories";
import { runTick } from "../scheduler/tick";
import { sendRoutineRemindersAt } from "./reminders";

let t: TTestDatabase;
let vkId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  vkId = (
    await t.prisma.socialNetwork.upsert({
      where: { code: "VK" },
      update: {},
      create: { code: "VK", name: "ВКонтакте", hosts: ["vk.com"] },
    })
  ).id;
});
afterAll(async () => {
  await t.cleanup();
});

// ISO week 2026-W48 in Moscow: Monday 23 November 00:00 (22 Nov 21:00 UTC) to Monday 30 November.
const WEDNESDAY_2359 = new Date("2026-11-25T20:59:00Z");
const THURSDAY_0000 = new Date("2026-11-25T21:00:00Z");
const FRIDAY_NOON = new Date("2026-11-27T09:00:00Z");
const SUNDAY_2359 = new Date("2026-11-29T20:59:00Z");
const NEXT_MONDAY = new Date("2026-11-30T09:00:00Z");
const NEXT_THURSDAY = new Date("2026-12-03T09:00:00Z");

async function createWorld(timeZone = "Europe/Moscow") {
  const m = await createMunicipality(t.prisma, { timeZone });
  const municipality = { id: m.id, timeZone: m.timeZone, routineWeeklyMinimum: m.routineWeeklyMinimum };
  const press = await createUser(t.prisma, { roles: ["EXECUTOR"], municipalityId: m.id });
  const coordinator = await createUser(t.prisma, { roles: ["COORDINATOR"], municipalityId: m.id });
  let n = 0;
  const account = async (over: { responsibleId?: string | null; active?: boolean; name?: string } = {}) =>
    t.prisma.socialAccount.create({
      data: {
        municipalityId: m.id,
        networkId: vkId,
        url: `https://vk.com/page_${m.id}_${++n}`,
        name: over.name ?? `Страница ${n}`,
        ownerKind: "LEGAL_ENTITY",
        responsibleId: over.responsibleId === undefined ? press.id : over.responsibleId,
        active: over.active ?? true,
      },
    });
  const post = async (accountId: string, at: Date) =>
    t.prisma.routinePost.create({
      data: { accountId, url: `https://vk.com/wall-1_${accountId}_${++n}`, title: "Новости", publishedAt: at },
    });
  return { municipality, press, coordinator, account, post };
}

const remindersTo = (userId: string) =>
  t.prisma.notification.findMany({
    where: { userId, kind: "ROUTINE_REMINDER" },
    orderBy: { createdAt: "asc" },
  });

describe("the Thursday reminder about routine posts (п.6)", () => {
  it("comes on Thursday, not on Wednesday, to the person responsible, saying how many posts there are", async () => {
    const w = await createWorld();
    const page = await w.account({ name: "Администрация района" });
    await w.post(page.id, new Date("2026-11-24T08:00:00Z"));
    // Last week's posts do not count for this week.
    await w.post(page.id, new Date("2026-11-22T20:30:00Z"));

    expect(await sendRoutineRemindersAt(t.prisma, w.municipality, WEDNESDAY_2359)).toBe(0);
    expect(await remindersTo(w.press.id)).toEqual([]);

    expect(await sendRoutineRemindersAt(t.prisma, w.municipality, THURSDAY_0000)).toBe(1);
    const [reminder, ...more] = await remindersTo(w.press.id);
    expect(more).toEqual([]);
    expect(reminder).toMatchObject({
      caseId: null,
      link: "/routine",
      title: "Плановые публикации: «Администрация района» — 1 из 2",
      dedupeKey: `routine:${page.id}:2026-W48:${w.press.id}`,
      createdAt: THURSDAY_0000,
      readAt: null,
    });
    expect(reminder?.body).toContain(
      "Аккаунт «Администрация района» (ВКонтакте): на этой неделе 1 плановая публикация из 2.",
    );
    expect(await remindersTo(w.coordinator.id)).toEqual([]);
  });

  it("comes once a week, however often the scheduler asks, and again the next week", async () => {
    const w = await createWorld();
    await w.account();
    expect(await sendRoutineRemindersAt(t.prisma, w.municipality, THURSDAY_0000)).toBe(1);
    for (const at of [new Date(THURSDAY_0000.getTime() + 60_000), FRIDAY_NOON, SUNDAY_2359]) {
      expect(await sendRoutineRemindersAt(t.prisma, w.municipality, at)).toBe(0);
    }
    // Monday to Wednesday of the next week: nothing yet.
    expect(await sendRoutineRemindersAt(t.prisma, w.municipality, NEXT_MONDAY)).toBe(0);
    expect(await sendRoutineRemindersAt(t.prisma, w.municipality, NEXT_THURSDAY)).toBe(1);
    const keys = (await remindersTo(w.press.id)).map((r) => r.dedupeKey.split(":")[2]);
    expect(keys).toEqual(["2026-W48", "2026-W49"]);
    expect((await remindersTo(w.press.id))[1]?.body).toContain("на этой неделе 0 плановых публикаций из 2");
  });

  it("does not come when the minimum is met, nor for a switched-off account or one with nobody responsible", async () => {
    const w = await createWorld();
    const busy = await w.account();
    await w.post(busy.id, new Date("2026-11-23T06:00:00Z"));
    await w.post(busy.id, new Date("2026-11-25T06:00:00Z"));
    const off = await w.account({ active: false });
    await w.account({ responsibleId: null });
    const gone = await createUser(t.prisma, { roles: ["EXECUTOR"], municipalityId: w.municipality.id, active: false });
    await w.account({ responsibleId: gone.id });
    expect(await sendRoutineRemindersAt(t.prisma, w.municipality, FRIDAY_NOON)).toBe(0);
    expect(
      await t.prisma.notification.count({ where: { kind: "ROUTINE_REMINDER", dedupeKey: { contains: off.id } } }),
    ).toBe(0);
    expect(await remindersTo(w.press.id)).toEqual([]);
    expect(await remindersTo(gone.id)).toEqual([]);
  });

  it("follows the municipality's minimum", async () => {
    const w = await createWorld();
    const page = await w.account();
    await w.post(page.id, new Date("2026-11-23T06:00:00Z"));
    await w.post(page.id, new Date("2026-11-24T06:00:00Z"));
    expect(await sendRoutineRemindersAt(t.prisma, { ...w.municipality, routineWeeklyMinimum: 3 }, FRIDAY_NOON)).toBe(1);
    expect((await remindersTo(w.press.id))[0]?.body).toContain("на этой неделе 2 плановые публикации из 3");
    expect(await sendRoutineRemindersAt(t.prisma, { ...w.municipality, routineWeeklyMinimum: 0 }, NEXT_THURSDAY)).toBe(
      0,
    );
  });

  it("is one per account: a person responsible for two short accounts gets two", async () => {
    const w = await createWorld();
    await w.account({ name: "ВКонтакте района" });
    await w.account({ name: "Глава района" });
    expect(await sendRoutineRemindersAt(t.prisma, w.municipality, FRIDAY_NOON)).toBe(2);
    expect((await remindersTo(w.press.id)).map((r) => r.title).sort()).toEqual([
      "Плановые публикации: «ВКонтакте района» — 0 из 2",
      "Плановые публикации: «Глава района» — 0 из 2",
    ]);
  });

  it("judges Thursday and the week on the municipality's clocks", async () => {
    // 20:00 UTC on Wednesday 25 November is Thursday 01:00 in Yekaterinburg (UTC+5).
    const ural = await createWorld("Asia/Yekaterinburg");
    const page = await ural.account();
    // Sunday 22 November 23:30 in Yekaterinburg belongs to the past week, Monday 00:30 to this one.
    await ural.post(page.id, new Date("2026-11-22T18:30:00Z"));
    await ural.post(page.id, new Date("2026-11-22T19:30:00Z"));
    const at = new Date("2026-11-25T20:00:00Z");
    expect(await sendRoutineRemindersAt(t.prisma, ural.municipality, at)).toBe(1);
    expect((await remindersTo(ural.press.id))[0]?.body).toContain("на этой неделе 1 плановая публикация из 2");
    const kaliningrad = await createWorld("Europe/Kaliningrad");
    await kaliningrad.account();
    expect(await sendRoutineRemindersAt(t.prisma, kaliningrad.municipality, at)).toBe(0);
  });

  it("is counted by the scheduler's tick as routineReminders, once", async () => {
    const w = await createWorld();
    await w.account();
    const tick = async () => {
      const before = await t.prisma.notification.count({ where: { kind: "ROUTINE_REMINDER" } });
      const result = await runTick(t.prisma, { now: FRIDAY_NOON, trigger: "http", lock: false });
      if (result.skipped) throw new Error("the tick was skipped");
      expect(result.errors).toEqual([]);
      const after = await t.prisma.notification.count({ where: { kind: "ROUTINE_REMINDER" } });
      return { counted: result.routineReminders, written: after - before };
    };
    const first = await tick();
    expect(first.counted).toBe(first.written);
    expect(first.counted).toBeGreaterThanOrEqual(1);
    expect(await remindersTo(w.press.id)).toHaveLength(1);
    expect(await tick()).toEqual({ counted: 0, written: 0 });
  });
});
