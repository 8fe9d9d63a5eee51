import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { REGULATION_SLA, type TSlaSettings } from "../settings/sla-settings";
import { formatDateTime, formatLongDate } from "../time/zone";
import { CASE_STATUSES, type TCaseStatus } from "./case-types";
import {
  addMinutes,
  computeDeadlinesAfter,
  computeInitialDeadlines,
  describeCaseClocks,
  evaluateClockState,
  findClockStart,
  formatRemaining,
  freezeSla,
  measureRemaining,
  RUNNING_CLOCK,
  type TClockState,
} from "./clocks";

const T0 = new Date("2026-03-10T07:00:00Z");
const SLA = freezeSla(REGULATION_SLA);

const settingsArb: fc.Arbitrary<TSlaSettings> = fc.record({
  slaRouteMinutes: fc.integer({ min: 1, max: 600 }),
  slaDraftMinutes: fc.integer({ min: 1, max: 5000 }),
  slaForwardMinutes: fc.integer({ min: 1, max: 600 }),
  slaReworkMinutes: fc.integer({ min: 1, max: 600 }),
  slaAnswerMinutes: fc.integer({ min: 1, max: 10080 }),
});

const instantArb = fc.date({
  min: new Date("2024-01-01T00:00:00Z"),
  max: new Date("2030-12-31T00:00:00Z"),
  noInvalidDate: true,
});

describe("calendar hours", () => {
  it("a publication received on Friday 23:00 Moscow is due on Saturday 23:00 Moscow", () => {
    const receivedAt = new Date("2026-11-27T20:00:00Z");
    expect(formatLongDate(receivedAt, "Europe/Moscow")).toMatch(/пятница/);
    const deadlines = computeInitialDeadlines(receivedAt, SLA);
    expect(deadlines.answerDueAt).toEqual(new Date("2026-11-28T20:00:00Z"));
    expect(formatLongDate(deadlines.answerDueAt, "Europe/Moscow")).toMatch(/суббота/);
    expect(formatDateTime(deadlines.answerDueAt, "Europe/Moscow")).toBe("28.11.2026, 23:00");
    // Draft 4 h before that: Saturday 19:00 Moscow; routing Friday 23:30.
    expect(formatDateTime(deadlines.draftDueAt, "Europe/Moscow")).toBe("28.11.2026, 19:00");
    expect(formatDateTime(deadlines.routeDueAt, "Europe/Moscow")).toBe("27.11.2026, 23:30");
  });

  it("every T0 clock is T0 plus its length in minutes, whatever the day", () => {
    fc.assert(
      fc.property(instantArb, settingsArb, (receivedAt, settings) => {
        const d = computeInitialDeadlines(receivedAt, freezeSla(settings));
        expect(d.routeDueAt.getTime() - receivedAt.getTime()).toBe(settings.slaRouteMinutes * 60_000);
        expect(d.draftDueAt.getTime() - receivedAt.getTime()).toBe(settings.slaDraftMinutes * 60_000);
        expect(d.answerDueAt.getTime() - receivedAt.getTime()).toBe(settings.slaAnswerMinutes * 60_000);
      }),
    );
  });
});

describe("deadlines at creation", () => {
  it("follow the regulation: route 30 min, draft 20 h, answer 24 h, routing running", () => {
    expect(computeInitialDeadlines(T0, SLA)).toEqual({
      routeDueAt: new Date("2026-03-10T07:30:00Z"),
      draftDueAt: new Date("2026-03-11T03:00:00Z"),
      answerDueAt: new Date("2026-03-11T07:00:00Z"),
      forwardDueAt: null,
      reworkDueAt: null,
      currentClock: "ROUTE",
      currentDueAt: new Date("2026-03-10T07:30:00Z"),
    });
  });

  it("freezing takes the five lengths only and detaches them from the settings", () => {
    const settings = { ...REGULATION_SLA, id: "mun-1", timeZone: "Europe/Moscow" };
    const frozen = freezeSla(settings);
    expect(frozen).toEqual(REGULATION_SLA);
    expect(Object.isFrozen(frozen)).toBe(true);
  });

  it("never change when the municipality's settings change later (frozen)", () => {
    const stepArb = fc.record({
      to: fc.constantFrom<TCaseStatus>(...CASE_STATUSES),
      gapMinutes: fc.integer({ min: 0, max: 600 }),
    });
    fc.assert(
      fc.property(
        instantArb,
        settingsArb,
        settingsArb,
        fc.array(stepArb, { maxLength: 8 }),
        (receivedAt, before, after, steps) => {
          const settings: TSlaSettings = { ...before };
          const frozen = freezeSla(settings);
          const run = () => {
            let at = receivedAt;
            let deadlines = computeInitialDeadlines(receivedAt, frozen);
            const history = [deadlines];
            for (const step of steps) {
              at = addMinutes(at, step.gapMinutes);
              deadlines = computeDeadlinesAfter({ deadlines, to: step.to, at, sla: frozen });
              history.push(deadlines);
            }
            return history;
          };
          const original = run();
          // The administrator edits the settings: the very object the case was created from.
          Object.assign(settings, after);
          expect(frozen).toEqual(before);
          expect(run()).toEqual(original);
          // And the T0 deadlines survive every transition.
          for (const d of original) {
            expect(d.routeDueAt).toEqual(original[0]?.routeDueAt);
            expect(d.draftDueAt).toEqual(original[0]?.draftDueAt);
            expect(d.answerDueAt).toEqual(original[0]?.answerDueAt);
          }
        },
      ),
    );
  });
});

describe("deadlines after each transition", () => {
  const initial = computeInitialDeadlines(T0, SLA);
  const at = addMinutes(T0, 300);

  it("routing starts the draft clock, due 20 h after T0, not after routing", () => {
    expect(computeDeadlinesAfter({ deadlines: initial, to: "ASSIGNED", at, sla: SLA })).toMatchObject({
      currentClock: "DRAFT",
      currentDueAt: initial.draftDueAt,
      forwardDueAt: null,
      reworkDueAt: null,
    });
  });

  it("each submission starts a 30-minute forward clock and ends any rework clock", () => {
    const inRework = { ...initial, reworkDueAt: addMinutes(T0, 200), currentClock: "REWORK" as const };
    expect(computeDeadlinesAfter({ deadlines: inRework, to: "INTERNAL_REVIEW", at, sla: SLA })).toMatchObject({
      forwardDueAt: addMinutes(at, 30),
      reworkDueAt: null,
      currentClock: "FORWARD",
      currentDueAt: addMinutes(at, 30),
    });
  });

  it("each return starts a 30-minute rework clock and ends the forward clock", () => {
    const inReview = { ...initial, forwardDueAt: addMinutes(T0, 200), currentClock: "FORWARD" as const };
    expect(computeDeadlinesAfter({ deadlines: inReview, to: "REWORK", at, sla: SLA })).toMatchObject({
      forwardDueAt: null,
      reworkDueAt: addMinutes(at, 30),
      currentClock: "REWORK",
      currentDueAt: addMinutes(at, 30),
    });
  });

  it("at the curator and after approval the 24-hour clock is the one running", () => {
    for (const to of ["AT_CURATOR", "APPROVED"] as const) {
      expect(computeDeadlinesAfter({ deadlines: initial, to, at, sla: SLA })).toMatchObject({
        forwardDueAt: null,
        reworkDueAt: null,
        currentClock: "ANSWER",
        currentDueAt: initial.answerDueAt,
      });
    }
  });

  it("a case handed back as not the department's is routed again within 30 min, other clocks keep running", () => {
    const after = computeDeadlinesAfter({ deadlines: initial, to: "NEW", at, sla: SLA });
    expect(after).toMatchObject({
      routeDueAt: initial.routeDueAt,
      draftDueAt: initial.draftDueAt,
      answerDueAt: initial.answerDueAt,
      currentClock: "ROUTE",
      currentDueAt: addMinutes(at, 30),
    });
    expect(findClockStart("ROUTE", addMinutes(at, 30), SLA)).toEqual(at);
  });

  it("a closed case has no running clock", () => {
    for (const to of ["POSTED", "DECLINED", "CANCELLED"] as const) {
      expect(computeDeadlinesAfter({ deadlines: initial, to, at, sla: SLA })).toMatchObject({
        forwardDueAt: null,
        reworkDueAt: null,
        currentClock: null,
        currentDueAt: null,
      });
    }
  });

  it("the current clock is always the one RUNNING_CLOCK names for the status", () => {
    for (const to of CASE_STATUSES) {
      expect(computeDeadlinesAfter({ deadlines: initial, to, at, sla: SLA }).currentClock).toBe(RUNNING_CLOCK[to]);
    }
  });
});

describe("clock state", () => {
  const route = { startedAt: T0, dueAt: addMinutes(T0, 30), kind: "ROUTE" as const };

  it("a 30-minute clock is at risk with less than 7.5 min left and overdue after its deadline", () => {
    const state = (minutes: number) => evaluateClockState({ ...route, now: addMinutes(T0, minutes) });
    expect(state(0)).toBe("ON_TIME");
    expect(state(22)).toBe("ON_TIME");
    expect(state(22.5)).toBe("ON_TIME");
    expect(state(22.6)).toBe("AT_RISK");
    expect(state(30)).toBe("AT_RISK");
    expect(state(30.001)).toBe("OVERDUE");
  });

  it("the 24-hour clock is at risk with less than 6 h left", () => {
    const answer = { startedAt: T0, dueAt: addMinutes(T0, 1440), kind: "ANSWER" as const };
    expect(evaluateClockState({ ...answer, now: addMinutes(T0, 17 * 60 + 59) })).toBe("ON_TIME");
    expect(evaluateClockState({ ...answer, now: addMinutes(T0, 18 * 60 + 1) })).toBe("AT_RISK");
  });

  it("an answer clock is at risk under 1 h left even when a quarter of it is less", () => {
    const short = { startedAt: T0, dueAt: addMinutes(T0, 120) };
    const now = addMinutes(T0, 70);
    expect(evaluateClockState({ ...short, now, kind: "ANSWER" })).toBe("AT_RISK");
    expect(evaluateClockState({ ...short, now, kind: "DRAFT" })).toBe("ON_TIME");
  });

  it("is monotone in time: ON_TIME → AT_RISK → OVERDUE, never back", () => {
    const rank: Record<TClockState, number> = { ON_TIME: 0, AT_RISK: 1, OVERDUE: 2 };
    fc.assert(
      fc.property(
        instantArb,
        fc.integer({ min: 0, max: 10080 }),
        fc.constantFrom("ROUTE", "DRAFT", "FORWARD", "REWORK", "ANSWER", undefined),
        fc.array(fc.integer({ min: -20_000, max: 20_000 }), { minLength: 2, maxLength: 30 }),
        (startedAt, length, kind, offsets) => {
          const dueAt = addMinutes(startedAt, length);
          const states = [...offsets]
            .sort((a, b) => a - b)
            .map((m) => evaluateClockState({ startedAt, dueAt, kind, now: addMinutes(startedAt, m) }));
          for (let i = 1; i < states.length; i += 1) {
            expect(rank[states[i] ?? "ON_TIME"]).toBeGreaterThanOrEqual(rank[states[i - 1] ?? "ON_TIME"]);
          }
          expect(evaluateClockState({ startedAt, dueAt, kind, now: addMinutes(dueAt, 0.01) })).toBe("OVERDUE");
        },
      ),
    );
  });
});

describe("remaining time for display", () => {
  const due = addMinutes(T0, 1440);

  it("rounds time left down and time overdue up", () => {
    expect(measureRemaining(due, addMinutes(T0, 1440 - 135.5))).toEqual({ overdue: false, minutes: 135 });
    expect(measureRemaining(due, due)).toEqual({ overdue: false, minutes: 0 });
    expect(measureRemaining(due, new Date(due.getTime() + 1000))).toEqual({ overdue: true, minutes: 1 });
    expect(measureRemaining(due, addMinutes(due, 35))).toEqual({ overdue: true, minutes: 35 });
  });

  it("speaks Russian", () => {
    expect(formatRemaining(due, addMinutes(T0, 1440 - 135))).toBe("осталось 2 ч 15 мин");
    expect(formatRemaining(due, addMinutes(due, 35))).toBe("просрочено на 35 мин");
    expect(formatRemaining(due, addMinutes(due, 1500))).toBe("просрочено на 1 сут 1 ч");
  });

  it("an open case shows its running clock and the 24-hour clock; a closed one neither", () => {
    const deadlines = computeDeadlinesAfter({
      deadlines: computeInitialDeadlines(T0, SLA),
      to: "INTERNAL_REVIEW",
      at: addMinutes(T0, 600),
      sla: SLA,
    });
    const view = describeCaseClocks({ status: "INTERNAL_REVIEW", deadlines, sla: SLA, now: addMinutes(T0, 625) });
    expect(view.current).toMatchObject({
      kind: "FORWARD",
      startedAt: addMinutes(T0, 600),
      state: "AT_RISK",
      remainingText: "осталось 5 мин",
    });
    expect(view.answer).toMatchObject({ kind: "ANSWER", state: "ON_TIME", remainingText: "осталось 13 ч 35 мин" });
    expect(describeCaseClocks({ status: "POSTED", deadlines, sla: SLA, now: T0 })).toEqual({
      current: null,
      answer: null,
    });
  });
});
