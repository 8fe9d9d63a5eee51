import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "../../testing/db";
import { tickLockFor } from "./lock";
import type { TMonthClosed, TMonthClosedHook } from "./months";
import { createSchedulerWorld, minutesAfter } from "./test-fixtures";
import { runTick, type TTickOptions, type TTickResult } from "./tick";

let t: TTestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.cleanup();
});

const DAY = 24 * 60;

/** Two ticks at once; the one that gets to work waits in its last step until the other has returned. */
async function twoTicksTogether(options: Omit<TTickOptions, "deliverEmails">): Promise<[TTickResult, TTickResult]> {
  let openGate!: () => void;
  const gate = new Promise<void>((resolve) => (openGate = resolve));
  let waiting = 0;
  const deliverEmails = async () => {
    waiting += 1;
    // Both get here only without a lock (or with a broken one): the second one in lets both go on.
    if (waiting === 2) openGate();
    await gate;
    return { sent: 0, failed: 0, retried: 0 };
  };
  const first = runTick(t.prisma, { ...options, deliverEmails });
  const second = runTick(t.prisma, { ...options, deliverEmails });
  if (options.lock !== false) void Promise.race([first, second]).then(openGate);
  return Promise.all([first, second]);
}

function countingHook(): { hook: TMonthClosedHook; calls: TMonthClosed[] } {
  const calls: TMonthClosed[] = [];
  return {
    calls,
    hook: async (tx, closed) => {
      // Written in the closing transaction: it sees its own closure.
      expect(
        await tx.monthClosure.count({ where: { municipalityId: closed.municipalityId, month: closed.month } }),
      ).toBe(1);
      calls.push(closed);
    },
  };
}

async function snapshot() {
  const [violations, events, notifications, closures] = await Promise.all([
    t.prisma.violation.count(),
    t.prisma.caseEvent.count({ where: { type: "VIOLATION" } }),
    t.prisma.notification.groupBy({ by: ["kind"], _count: true }),
    t.prisma.monthClosure.count(),
  ]);
  const byKind = Object.fromEntries(notifications.map((n) => [n.kind, n._count]));
  return { violations, events, byKind, closures };
}

describe("two ticks at the same time", () => {
  it("the second finds the lock taken and is skipped; the first does everything once", async () => {
    const world = await createSchedulerWorld(t.prisma);
    const now = new Date("2026-11-29T09:00:00Z");
    // Three cases left for two days (three clocks run out each), one at half its routing time,
    // one socially significant 40 minutes ago that the head has not confirmed.
    for (let i = 0; i < 3; i++) await world.receive(minutesAfter(now, -2 * DAY));
    const fresh = await world.receive(minutesAfter(now, -18));
    const significant = await world.receive(minutesAfter(now, -40), {
      significant: true,
      significanceReason: "Угроза подтопления жилых домов",
    });
    const { hook, calls } = countingHook();

    const results = await twoTicksTogether({
      now,
      trigger: "http",
      lock: tickLockFor(t.url),
      monthClosedHooks: [hook],
    });

    const skipped = results.filter((r) => r.skipped);
    const ran = results.filter((r) => !r.skipped);
    expect(skipped).toEqual([{ skipped: true, reason: "another tick is running" }]);
    expect(ran).toHaveLength(1);
    expect(ran[0]).toMatchObject({
      skipped: false,
      violations: 3 * 3 + 1, // the significant case's routing is 10 minutes late too
      reminders: 1,
      escalations: 1,
      monthsClosed: 1,
      emails: { sent: 0, failed: 0, retried: 0 },
      errors: [],
    });
    expect(calls.map((c) => [c.municipalityId, c.month])).toEqual([[world.municipalityId, "2026-10"]]);
    // Only the tick that ran is recorded.
    const runs = await t.prisma.schedulerRun.findMany();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ trigger: "http", startedAt: now, error: null });
    expect(runs[0]?.finishedAt).not.toBeNull();
    expect(runs[0]?.counts).toMatchObject({ violations: 10, reminders: 1, escalations: 1, monthsClosed: 1 });

    expect(await t.prisma.notification.count({ where: { caseId: fresh, kind: "DEADLINE_REMINDER" } })).toBe(2);
    const escalated = await t.prisma.notification.findMany({
      where: { caseId: significant, kind: "SIGNIFICANT_ESCALATION" },
      select: { userId: true },
    });
    expect(escalated.map((n) => n.userId).sort()).toEqual([world.people.deputy.id, world.people.manager.id].sort());

    // Once the first has finished the lock is free again.
    const later = await runTick(t.prisma, { now: minutesAfter(now, 1), trigger: "timer", lock: tickLockFor(t.url) });
    expect(later).toMatchObject({ skipped: false, violations: 0, reminders: 0, escalations: 0, monthsClosed: 0 });
  });

  it("without the lock, the unique keys alone still write each violation, reminder, alert and month once", async () => {
    const world = await createSchedulerWorld(t.prisma);
    const now = new Date("2026-12-02T09:00:00Z"); // November has ended since the last tick
    for (let i = 0; i < 4; i++) await world.receive(minutesAfter(now, -2 * DAY));
    const fresh = await world.receive(minutesAfter(now, -16));
    const significant = await world.receive(minutesAfter(now, -31), {
      significant: true,
      significanceReason: "Массовое отключение электроэнергии",
    });
    const before = await snapshot();
    const { hook, calls } = countingHook();

    const [a, b] = await twoTicksTogether({ now, trigger: "timer", lock: false, monthClosedHooks: [hook] });

    if (a.skipped || b.skipped) throw new Error("without the lock neither tick is skipped");
    expect([...a.errors, ...b.errors]).toEqual([]);
    const after = await snapshot();
    // Every violation recorded by exactly one of the two, with one timeline event and one
    // notification to the deputy head each.
    const recorded = after.violations - before.violations;
    expect(a.violations + b.violations).toBe(recorded);
    expect(after.events - before.events).toBe(recorded);
    expect((after.byKind.VIOLATION ?? 0) - (before.byKind.VIOLATION ?? 0)).toBe(recorded);
    const ofWorld = await t.prisma.violation.findMany({ where: { municipalityId: world.municipalityId } });
    expect(ofWorld).toHaveLength(4 * 3 + 1);
    // Each month closed once, its hook run once, for every municipality.
    const municipalities = await t.prisma.municipality.count();
    expect(after.closures - before.closures).toBe(municipalities);
    expect(a.monthsClosed + b.monthsClosed).toBe(municipalities);
    expect(calls.filter((c) => c.month === "2026-11")).toHaveLength(municipalities);
    expect(calls.map((c) => `${c.municipalityId} ${c.month}`)).toEqual([
      ...new Set(calls.map((c) => `${c.municipalityId} ${c.month}`)),
    ]);
    // The reminder and the escalation: one row per person.
    const reminders = await t.prisma.notification.findMany({ where: { caseId: fresh, kind: "DEADLINE_REMINDER" } });
    expect(reminders.map((r) => r.userId).sort()).toEqual(
      [world.people.coordinator.id, world.people.manager.id].sort(),
    );
    const escalations = await t.prisma.notification.findMany({
      where: { caseId: significant, kind: "SIGNIFICANT_ESCALATION" },
    });
    expect(escalations.map((r) => r.userId).sort()).toEqual([world.people.deputy.id, world.people.manager.id].sort());
  });
});

describe("batches", () => {
  it("a batch size of 2 goes through all 7 due cases, and all 7 to remind", async () => {
    const world = await createSchedulerWorld(t.prisma);
    const now = new Date("2026-12-03T09:00:00Z");
    const late: string[] = [];
    const halfway: string[] = [];
    for (let i = 0; i < 7; i++) late.push(await world.receive(minutesAfter(now, -31)));
    for (let i = 0; i < 7; i++) halfway.push(await world.receive(minutesAfter(now, -15)));

    const result = await runTick(t.prisma, { now, trigger: "timer", lock: tickLockFor(t.url), batchSize: 2 });

    expect(result).toMatchObject({ skipped: false, errors: [] });
    const violations = await t.prisma.violation.findMany({ where: { caseId: { in: late } } });
    expect(violations.map((v) => v.type)).toEqual(Array.from({ length: 7 }, () => "ROUTE_LATE"));
    expect(new Set(violations.map((v) => v.caseId))).toEqual(new Set(late));
    const reminded = await t.prisma.notification.findMany({
      where: { caseId: { in: halfway }, kind: "DEADLINE_REMINDER", userId: world.people.coordinator.id },
    });
    expect(new Set(reminded.map((n) => n.caseId))).toEqual(new Set(halfway));
    expect(reminded).toHaveLength(7);
  });
});
