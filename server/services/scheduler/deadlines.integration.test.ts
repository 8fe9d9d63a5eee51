import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDateTime } from "../../domain/time/zone";
import { createTestDatabase, type TTestDatabase } from "../../testing/db";
import { applyTransition, type TCaseActor } from "../cases/transition";
import { tickLockFor } from "./lock";
import { createSchedulerWorld, minutesAfter } from "./test-fixtures";
import { runTick } from "./tick";

let t: TTestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.cleanup();
});

const MSK = "Europe/Moscow";

async function tick(now: Date) {
  const result = await runTick(t.prisma, { now, trigger: "timer", lock: tickLockFor(t.url) });
  if (result.skipped) throw new Error("the tick was skipped");
  expect(result.errors).toEqual([]);
  return result;
}

/** Every `step` minutes from `from` to `to`, plus each instant of interest and one second after it. */
function schedule(t0: Date, fromMinutes: number, toMinutes: number, step: number, instants: number[]): Date[] {
  const times = new Set<number>();
  for (let m = fromMinutes; m <= toMinutes; m += step) times.add(minutesAfter(t0, m).getTime());
  for (const m of instants) {
    times.add(minutesAfter(t0, m).getTime());
    times.add(minutesAfter(t0, m).getTime() + 1000);
  }
  return [...times].sort((a, b) => a - b).map((ms) => new Date(ms));
}

/** "reminder:<case>:<clock>:<clock start ISO>:<percent>:<user>" → "<clock> <percent>". */
function reminderOf(dedupeKey: string): string {
  const match = /^reminder:[^:]+:([A-Z]+):.+Z:(\d+):[^:]+$/.exec(dedupeKey);
  return match ? `${match[1]} ${match[2]}` : dedupeKey;
}

describe("the scheduler on a case nobody touches", () => {
  it("a case received on Friday at 23:50 gets ROUTE_LATE at 00:20, DRAFT_LATE at 19:50 and ANSWER_LATE at 23:50 on Saturday, each once, with reminders before each", async () => {
    const world = await createSchedulerWorld(t.prisma);
    const T0 = new Date("2026-11-27T20:50:00Z"); // Friday 27 November 2026, 23:50 in Moscow
    expect(formatDateTime(T0, MSK)).toBe("27.11.2026, 23:50");
    const caseId = await world.receive(T0);

    // A tick every 15 minutes for 25 hours, and at each reminder and deadline and a second after.
    const ticks = schedule(T0, 0, 25 * 60, 15, [15, 22.5, 30, 600, 720, 900, 1080, 1200, 1440]);
    const firstSeen = new Map<string, Date>();
    const totals = { violations: 0, reminders: 0 };
    for (const now of ticks) {
      const result = await tick(now);
      totals.violations += result.violations;
      totals.reminders += result.reminders;
      for (const v of await t.prisma.violation.findMany({ where: { caseId }, select: { type: true } })) {
        if (!firstSeen.has(v.type)) firstSeen.set(v.type, now);
      }
    }

    const violations = await t.prisma.violation.findMany({ where: { caseId }, orderBy: { dueAt: "asc" } });
    expect(
      violations.map((v) => ({
        type: v.type,
        due: formatDateTime(v.dueAt, MSK),
        detected: formatDateTime(v.detectedAt, MSK),
        clockStartedAt: v.clockStartedAt,
        department: v.responsibleDepartmentId,
      })),
    ).toEqual([
      {
        type: "ROUTE_LATE",
        due: "28.11.2026, 00:20",
        detected: "28.11.2026, 00:20",
        clockStartedAt: T0,
        department: world.coordinatingId,
      },
      // Never routed: the draft is late because of routing, charged to the coordinating department.
      {
        type: "DRAFT_LATE",
        due: "28.11.2026, 19:50",
        detected: "28.11.2026, 19:50",
        clockStartedAt: T0,
        department: world.coordinatingId,
      },
      {
        type: "ANSWER_LATE",
        due: "28.11.2026, 23:50",
        detected: "28.11.2026, 23:50",
        clockStartedAt: T0,
        department: world.coordinatingId,
      },
    ]);
    // Recorded by the first tick after each deadline, not when someone next opened the case.
    expect(Object.fromEntries([...firstSeen].map(([type, at]) => [type, at.toISOString()]))).toEqual({
      ROUTE_LATE: minutesAfter(T0, 30 + 1 / 60).toISOString(),
      DRAFT_LATE: minutesAfter(T0, 1200 + 1 / 60).toISOString(),
      ANSWER_LATE: minutesAfter(T0, 1440 + 1 / 60).toISOString(),
    });
    expect(totals.violations).toBe(3);

    // Each on the timeline at its deadline, and told to the deputy head once.
    const events = await t.prisma.caseEvent.findMany({ where: { caseId, type: "VIOLATION" }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.at, e.actorId])).toEqual(violations.map((v) => [v.dueAt, null]));
    const toDeputy = await t.prisma.notification.findMany({ where: { caseId, kind: "VIOLATION" } });
    expect(toDeputy.map((n) => n.userId)).toEqual([
      world.people.deputy.id,
      world.people.deputy.id,
      world.people.deputy.id,
    ]);
    expect(toDeputy.map((n) => n.body).sort()[0]).toMatch(/срок истёк 28\.11\.2026, (00:20|19:50|23:50)/);

    // Reminders at half and three quarters of each clock, each before its deadline, each once,
    // to those who must act on an unrouted case: the coordinator and the manager.
    const reminders = await t.prisma.notification.findMany({
      where: { caseId, kind: "DEADLINE_REMINDER" },
      orderBy: [{ createdAt: "asc" }, { dedupeKey: "asc" }],
    });
    const seen = reminders.map((r) => ({
      what: reminderOf(r.dedupeKey),
      at: formatDateTime(r.createdAt, MSK),
      to: r.userId,
    }));
    const both = (what: string, at: string) => [
      { what, at, to: world.people.coordinator.id },
      { what, at, to: world.people.manager.id },
    ];
    const byRecipientOrder = (rows: { what: string; at: string; to: string }[]) =>
      [...rows].sort((a, b) => (a.at + a.what + a.to).localeCompare(b.at + b.what + b.to));
    expect(byRecipientOrder(seen)).toEqual(
      byRecipientOrder([
        ...both("ROUTE 50", "28.11.2026, 00:05"),
        ...both("ROUTE 75", "28.11.2026, 00:12"),
        ...both("DRAFT 50", "28.11.2026, 09:50"),
        ...both("ANSWER 50", "28.11.2026, 11:50"),
        ...both("DRAFT 75", "28.11.2026, 14:50"),
        ...both("ANSWER 75", "28.11.2026, 17:50"),
      ]),
    );
    expect(totals.reminders).toBe(6);
    const routeReminder = reminders.find((r) => r.dedupeKey.includes(":ROUTE:") && r.dedupeKey.includes(":75:"));
    expect(routeReminder?.body).toBe(
      "Направление в отдел (п.7): прошло 75 % срока, осталось 7 мин — до 28.11.2026, 00:20.",
    );

    // Running the last tick again changes nothing.
    const again = await tick(ticks.at(-1) as Date);
    expect(again).toMatchObject({ violations: 0, reminders: 0, escalations: 0, monthsClosed: 0 });
    expect(await t.prisma.violation.count({ where: { caseId } })).toBe(3);
    expect(await t.prisma.notification.count({ where: { caseId } })).toBe(
      1 * 2 /* received: coordinator, manager */ + 3 /* violations */ + 12 /* reminders */,
    );
  });
});

describe("the scheduler on a case in progress", () => {
  const actor = (
    u: { id: string; roles: TCaseActor["roles"]; departmentId: string | null },
    municipalityId: string,
  ) => ({
    userId: u.id,
    roles: u.roles,
    departmentId: u.departmentId,
    municipalityIds: [municipalityId],
  });

  it("reminds the executor of the draft, then those who forward it, and charges a forward nobody made", async () => {
    const world = await createSchedulerWorld(t.prisma);
    const T1 = new Date("2026-11-29T07:00:00Z"); // Sunday 10:00 in Moscow
    const caseId = await world.receive(T1);
    const coordinator = actor(world.people.coordinator, world.municipalityId);
    await applyTransition(
      t.prisma,
      coordinator,
      { caseId, event: "route", input: { departmentId: world.roadsId, executorId: world.people.executor.id } },
      minutesAfter(T1, 10),
    );
    for (const now of schedule(T1, 11, 600, 30, [600])) await tick(now);
    // The draft's half-time reminder went to its executor only.
    const draftReminders = await t.prisma.notification.findMany({
      where: { caseId, kind: "DEADLINE_REMINDER", dedupeKey: { contains: ":DRAFT:" } },
    });
    expect(draftReminders.map((n) => n.userId)).toEqual([world.people.executor.id]);

    const submittedAt = minutesAfter(T1, 601);
    await applyTransition(
      t.prisma,
      actor(world.people.executor, world.municipalityId),
      {
        caseId,
        event: "submitDraft",
        draft: {
          kind: "MEASURES",
          measures: "Мусор вывезен 29.11.2026.",
          stages: "График вывоза восстановлен с 30.11.2026.",
        },
      },
      submittedAt,
    );
    // Nobody forwards it: reminders at 15 and 22.5 minutes, FORWARD_LATE after 30.
    let recorded = 0;
    for (const now of schedule(submittedAt, 1, 40, 1, [15, 22.5, 30])) recorded += (await tick(now)).violations;

    const forward = await t.prisma.notification.findMany({
      where: { caseId, kind: "DEADLINE_REMINDER", dedupeKey: { contains: ":FORWARD:" } },
      orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
    });
    const sorted = [world.people.coordinator.id, world.people.manager.id].sort();
    expect(forward.map((n) => [n.createdAt, n.userId])).toEqual([
      ...sorted.map((id) => [minutesAfter(submittedAt, 15), id]),
      ...sorted.map((id) => [minutesAfter(submittedAt, 22.5), id]),
    ]);
    const violations = await t.prisma.violation.findMany({ where: { caseId } });
    expect(violations.map((v) => ({ type: v.type, dueAt: v.dueAt, department: v.responsibleDepartmentId }))).toEqual([
      { type: "FORWARD_LATE", dueAt: minutesAfter(submittedAt, 30), department: world.coordinatingId },
    ]);
    expect(recorded).toBe(1);
  });
});
