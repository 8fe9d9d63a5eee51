import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../../api/root";
import { createTestDatabase, type TTestDatabase } from "../../testing/db";
import { contextFor, createMunicipality } from "../../testing/factories";
import { acknowledgeNotification } from "../notifications/acknowledge";
import { tickLockFor } from "./lock";
import type { TMonthClosed } from "./months";
import { createSchedulerWorld, minutesAfter } from "./test-fixtures";
import { runTick } from "./tick";

let t: TTestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.cleanup();
});

const closedMonths: TMonthClosed[] = [];
async function tick(now: Date) {
  const result = await runTick(t.prisma, {
    now,
    trigger: "timer",
    lock: tickLockFor(t.url),
    monthClosedHooks: [
      (_tx, closed) => {
        closedMonths.push(closed);
        return Promise.resolve();
      },
    ],
  });
  if (result.skipped) throw new Error("the tick was skipped");
  expect(result.errors).toEqual([]);
  return result;
}

const escalationsOf = (caseId: string) =>
  t.prisma.notification.findMany({
    where: { caseId, kind: "SIGNIFICANT_ESCALATION" },
    select: { userId: true, title: true, body: true, createdAt: true },
    orderBy: { userId: "asc" },
  });

const alertOf = (caseId: string, userId: string) =>
  t.prisma.notification.findFirstOrThrow({ where: { caseId, userId, kind: "SIGNIFICANT_ALERT" } });

describe("alerts about socially significant publications (п.13)", () => {
  it("an alert the head has not confirmed in 30 minutes goes to the deputy head and the manager, once", async () => {
    const world = await createSchedulerWorld(t.prisma);
    const sentAt = new Date("2026-11-27T09:00:00Z");
    const caseId = await world.receive(sentAt, { significant: true, significanceReason: "Обрушение кровли школы" });
    const alerted = await t.prisma.notification.findMany({ where: { caseId, kind: "SIGNIFICANT_ALERT" } });
    expect(alerted.map((n) => n.userId).sort()).toEqual([world.people.deputy.id, world.people.head.id].sort());

    expect(await tick(minutesAfter(sentAt, 29))).toMatchObject({ escalations: 0 });
    expect(await escalationsOf(caseId)).toEqual([]);

    expect(await tick(minutesAfter(sentAt, 30))).toMatchObject({ escalations: 1 });
    const escalated = await escalationsOf(caseId);
    expect(escalated.map((n) => n.userId)).toEqual([world.people.deputy.id, world.people.manager.id].sort());
    const number = (await t.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).number;
    expect(escalated[0]).toMatchObject({
      title: `Не подтверждено главой: социально значимая публикация № ${number}`,
      body: "Глава не ознакомился с сообщением о социально значимой публикации в течение 30 мин (п.13). Обрушение кровли школы",
      createdAt: minutesAfter(sentAt, 30),
    });

    for (const m of [31, 60, 600]) expect(await tick(minutesAfter(sentAt, m))).toMatchObject({ escalations: 0 });
    expect(await escalationsOf(caseId)).toHaveLength(2);
  });

  it("the head's 'Ознакомлен' stops it; the deputy head's own confirmation does not", async () => {
    const world = await createSchedulerWorld(t.prisma);
    const sentAt = new Date("2026-11-27T12:00:00Z");
    const confirmed = await world.receive(sentAt, { significant: true, significanceReason: "Прорыв теплотрассы" });
    const onlyDeputy = await world.receive(sentAt, { significant: true, significanceReason: "Нет отопления в школе" });

    const head = createCaller(await contextFor(t.prisma, world.people.head, minutesAfter(sentAt, 10)));
    const alert = await alertOf(confirmed, world.people.head.id);
    expect(await head.notifications.acknowledge({ id: alert.id })).toEqual({
      id: alert.id,
      acknowledgedAt: minutesAfter(sentAt, 10),
      readAt: minutesAfter(sentAt, 10),
    });
    await acknowledgeNotification(
      t.prisma,
      world.people.deputy.id,
      (await alertOf(onlyDeputy, world.people.deputy.id)).id,
      minutesAfter(sentAt, 5),
    );

    await tick(minutesAfter(sentAt, 30));
    await tick(minutesAfter(sentAt, 90));
    expect(await escalationsOf(confirmed)).toEqual([]);
    expect((await escalationsOf(onlyDeputy)).map((n) => n.userId)).toEqual(
      [world.people.deputy.id, world.people.manager.id].sort(),
    );
  });

  it("with the head's post vacant, an alert the deputy head has not confirmed is escalated", async () => {
    const world = await createSchedulerWorld(t.prisma);
    await t.prisma.user.update({ where: { id: world.people.head.id }, data: { active: false } });
    const sentAt = new Date("2026-11-27T14:00:00Z");
    const caseId = await world.receive(sentAt, { significant: true, significanceReason: "Провал грунта на дороге" });
    expect(
      (await t.prisma.notification.findMany({ where: { caseId, kind: "SIGNIFICANT_ALERT" } })).map((n) => n.userId),
    ).toEqual([world.people.deputy.id]);
    await tick(minutesAfter(sentAt, 30));
    expect((await escalationsOf(caseId)).map((n) => n.userId)).toEqual(
      [world.people.deputy.id, world.people.manager.id].sort(),
    );
  });

  it("follows the municipality's escalation time", async () => {
    const world = await createSchedulerWorld(t.prisma);
    await t.prisma.municipality.update({ where: { id: world.municipalityId }, data: { alertEscalationMinutes: 10 } });
    const sentAt = new Date("2026-11-27T15:00:00Z");
    const caseId = await world.receive(sentAt, { significant: true, significanceReason: "Пожар на складе" });
    await tick(minutesAfter(sentAt, 9));
    expect(await escalationsOf(caseId)).toEqual([]);
    await tick(minutesAfter(sentAt, 10));
    expect(await escalationsOf(caseId)).toHaveLength(2);
  });
});

describe("'Ознакомлен' (acknowledging an alert)", () => {
  it("is the recipient's own: another person gets 'not found', other kinds cannot be acknowledged; again keeps the first time", async () => {
    const world = await createSchedulerWorld(t.prisma);
    const at = new Date("2026-11-27T18:00:00Z");
    const caseId = await world.receive(at, { significant: true, significanceReason: "Авария на водоводе" });
    const alert = await alertOf(caseId, world.people.head.id);
    const deputy = createCaller(await contextFor(t.prisma, world.people.deputy, at));
    await expect(deputy.notifications.acknowledge({ id: alert.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const received = await t.prisma.notification.findFirstOrThrow({
      where: { caseId, userId: world.people.coordinator.id, kind: "CASE_RECEIVED" },
    });
    const coordinator = createCaller(await contextFor(t.prisma, world.people.coordinator, at));
    await expect(coordinator.notifications.acknowledge({ id: received.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Это уведомление не требует подтверждения ознакомления",
    });

    await acknowledgeNotification(t.prisma, world.people.head.id, alert.id, minutesAfter(at, 2));
    await acknowledgeNotification(t.prisma, world.people.head.id, alert.id, minutesAfter(at, 7));
    const head = createCaller(await contextFor(t.prisma, world.people.head, minutesAfter(at, 8)));
    const { items } = await head.notifications.list({});
    expect(items.find((n) => n.id === alert.id)).toMatchObject({
      acknowledgedAt: minutesAfter(at, 2),
      readAt: minutesAfter(at, 2),
    });
    expect(await head.notifications.unreadCount()).toEqual({ count: 0 });
  });
});

describe("closing months", () => {
  it("closes November at midnight of 1 December in each municipality's zone, once", async () => {
    const moscow = (await createSchedulerWorld(t.prisma)).municipalityId;
    const kaliningrad = (await createSchedulerWorld(t.prisma, { timeZone: "Europe/Kaliningrad" })).municipalityId;
    const closures = async (municipalityId: string) =>
      (await t.prisma.monthClosure.findMany({ where: { municipalityId }, orderBy: { month: "asc" } })).map(
        (c) => c.month,
      );
    const hooked = (municipalityId: string) =>
      closedMonths.filter((c) => c.municipalityId === municipalityId).map((c) => c.month);

    // 30 November 23:59 in Moscow: the first run closes only the month before.
    await tick(new Date("2026-11-30T20:59:00Z"));
    expect(await closures(moscow)).toEqual(["2026-10"]);
    await tick(new Date("2026-11-30T20:59:59.999Z"));
    expect(await closures(moscow)).toEqual(["2026-10"]);

    // 1 December 00:00 in Moscow is 21:00 UTC; Kaliningrad is an hour behind.
    const midnight = new Date("2026-11-30T21:00:00Z");
    await tick(midnight);
    expect(await closures(moscow)).toEqual(["2026-10", "2026-11"]);
    expect(await closures(kaliningrad)).toEqual(["2026-10"]);
    const november = await t.prisma.monthClosure.findFirstOrThrow({
      where: { municipalityId: moscow, month: "2026-11" },
    });
    expect(november.closedAt).toEqual(midnight);

    await tick(new Date("2026-11-30T21:01:00Z"));
    await tick(new Date("2026-11-30T22:00:00Z"));
    await tick(new Date("2026-11-30T22:30:00Z"));
    expect(await closures(moscow)).toEqual(["2026-10", "2026-11"]);
    expect(await closures(kaliningrad)).toEqual(["2026-10", "2026-11"]);
    // The hook ran once per closure, in order.
    expect(hooked(moscow)).toEqual(["2026-10", "2026-11"]);
    expect(hooked(kaliningrad)).toEqual(["2026-10", "2026-11"]);
  });

  it("after a scheduler stopped for months, closes every month missed, oldest first", async () => {
    const municipality = await createMunicipality(t.prisma);
    await t.prisma.monthClosure.create({
      data: { municipalityId: municipality.id, month: "2026-09", closedAt: new Date("2026-09-30T21:00:00Z") },
    });
    await tick(new Date("2027-01-10T09:00:00Z"));
    expect(
      (
        await t.prisma.monthClosure.findMany({ where: { municipalityId: municipality.id }, orderBy: { month: "asc" } })
      ).map((c) => c.month),
    ).toEqual(["2026-09", "2026-10", "2026-11", "2026-12"]);
  });
});
