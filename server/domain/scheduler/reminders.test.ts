import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMinutes, computeInitialDeadlines, freezeSla } from "../cases/clocks";
import { listClockRuns, type TClockRun } from "../cases/violations";
import { REGULATION_SLA } from "../settings/sla-settings";
import {
  findDueReminders,
  normaliseReminderPercents,
  reminderDedupeKey,
  reminderMoment,
  type TDueReminder,
} from "./reminders";

const SLA = freezeSla(REGULATION_SLA);
// Friday 27 November 2026, 23:50 in Moscow.
const T0 = new Date("2026-11-27T20:50:00Z");
const at = (minutes: number) => addMinutes(T0, minutes);
const PERCENTS = [50, 75];

/** A case received at T0 and never touched: NEW, unrouted, every T0 clock running. */
const untouched = listClockRuns({
  status: "NEW",
  receivedAt: T0,
  sla: SLA,
  deadlines: computeInitialDeadlines(T0, SLA),
  firstRoutedAt: null,
  firstDraftSubmittedAt: null,
  postedAt: null,
  closedAt: null,
});

const due = (nowMinutes: number, runs: readonly TClockRun[] = untouched, percents = PERCENTS) =>
  findDueReminders({ runs, percents, now: at(nowMinutes) }).map((r) => `${r.clock} ${r.percent}`);

describe("reminders before each deadline", () => {
  it("are due at half and three quarters of each clock of a case received on Friday at 23:50", () => {
    expect(due(14)).toEqual([]);
    expect(due(15)).toEqual(["ROUTE 50"]); // Saturday 00:05
    expect(due(22)).toEqual(["ROUTE 50"]);
    expect(due(22.5)).toEqual(["ROUTE 75"]); // 00:12:30
    expect(due(30)).toEqual([]); // the routing deadline itself: a violation from now on, not a reminder
    expect(due(10 * 60)).toEqual(["DRAFT 50"]); // Saturday 09:50
    expect(due(12 * 60)).toEqual(["DRAFT 50", "ANSWER 50"]); // 11:50
    expect(due(15 * 60)).toEqual(["DRAFT 75", "ANSWER 50"]); // 14:50
    expect(due(18 * 60)).toEqual(["DRAFT 75", "ANSWER 75"]); // 17:50
    expect(due(20 * 60)).toEqual(["ANSWER 75"]); // 19:50: the draft is late, no reminder
    expect(due(24 * 60)).toEqual([]); // 23:50: the answer is late
  });

  it("after downtime sends only the latest share passed, never one after the deadline", () => {
    // Down from 00:00 to 00:15 and from 00:05 to 00:13: the tick back sends what is due now.
    expect(due(13)).toEqual([]);
    expect(due(23)).toEqual(["ROUTE 75"]);
    expect(due(31)).toEqual([]);
  });

  it("stop with the clock's action: a routed case gets no more routing reminders", () => {
    const routed = untouched.map((run) => (run.kind === "ROUTE" ? { ...run, stoppedAt: at(10) } : run));
    expect(due(22.5, routed)).toEqual([]);
  });

  it("follow the municipality's shares, ignoring values that are not a share", () => {
    expect(normaliseReminderPercents([75, 50, 50, 0, 100, 12.5, -5, 90])).toEqual([50, 75, 90]);
    expect(due(27, untouched, [90, 0, 100])).toEqual(["ROUTE 90"]);
    expect(due(27, untouched, [])).toEqual([]);
  });

  it("are keyed by case, clock instance and share", () => {
    const [reminder] = findDueReminders({ runs: untouched, percents: PERCENTS, now: at(16) });
    expect(reminder).toBeDefined();
    expect(reminderDedupeKey("case-1", reminder as TDueReminder)).toBe(
      "reminder:case-1:ROUTE:2026-11-27T20:50:00.000Z:50",
    );
    expect(reminderMoment({ startedAt: T0, dueAt: at(30) }, 75)).toEqual(at(22.5));
  });
});

describe("reminders over any schedule of ticks (property)", () => {
  const runArb = fc
    .record({
      startMinute: fc.integer({ min: -600, max: 600 }),
      length: fc.integer({ min: 1, max: 3000 }),
      stoppedAfter: fc.option(fc.integer({ min: 0, max: 4000 }), { nil: null }),
    })
    .map(({ startMinute, length, stoppedAfter }): TClockRun => ({
      kind: "DRAFT",
      startedAt: at(startMinute),
      dueAt: at(startMinute + length),
      stoppedAt: stoppedAfter === null ? null : at(startMinute + stoppedAfter),
    }));
  const percentsArb = fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: 5 });
  const ticksArb = fc.uniqueArray(fc.integer({ min: -1200, max: 5000 }), { minLength: 1, maxLength: 60 });

  it("each reminder sent is one share of a running clock, reached before the tick and before the deadline", () => {
    fc.assert(
      fc.property(runArb, percentsArb, ticksArb, (run, percents, ticks) => {
        for (const tick of ticks) {
          const now = at(tick);
          const found = findDueReminders({ runs: [run], percents, now });
          expect(found.length).toBeLessThanOrEqual(1);
          for (const r of found) {
            expect(percents).toContain(r.percent);
            expect(run.stoppedAt).toBeNull();
            expect(r.remindAt.getTime()).toBeLessThanOrEqual(now.getTime());
            expect(now.getTime()).toBeLessThan(run.dueAt.getTime());
            expect(r.remindAt).toEqual(reminderMoment(run, r.percent));
          }
        }
      }),
    );
  });

  it("ticks at least as often as the gap between shares send every share once, in order", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 3000 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 4 }),
        (length, rawPercents) => {
          const run: TClockRun = { kind: "ANSWER", startedAt: T0, dueAt: at(length), stoppedAt: null };
          const percents = normaliseReminderPercents(rawPercents);
          // A tick at every share's moment and every minute in between: no share can be skipped.
          const moments = percents.map((p) => reminderMoment(run, p).getTime());
          const minutes = Array.from({ length: length + 2 }, (_, i) => at(i - 1).getTime());
          const ticks = [...new Set([...moments, ...minutes])].sort((a, b) => a - b);
          const sent = new Set<string>();
          const order: number[] = [];
          for (const tick of ticks) {
            for (const r of findDueReminders({ runs: [run], percents, now: new Date(tick) })) {
              const key = reminderDedupeKey("c", r);
              if (!sent.has(key)) order.push(r.percent);
              sent.add(key);
            }
          }
          // Shares whose moments round to the deadline itself are never reminders.
          const reachable = percents.filter((p) => reminderMoment(run, p).getTime() < run.dueAt.getTime());
          expect(order).toEqual(reachable);
        },
      ),
    );
  });
});
