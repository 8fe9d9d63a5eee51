import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { TRole } from "../auth/roles";
import { REGULATION_SLA } from "../settings/sla-settings";
import { isTerminalStatus, type TCaseStatus } from "./case-types";
import { addMinutes, computeDeadlinesAfter, computeInitialDeadlines, freezeSla, type TCaseDeadlines } from "./clocks";
import { decideTransition, listAvailableEvents, type TCaseEvent } from "./status-machine";
import {
  detectCaseViolations,
  detectViolations,
  listClockRuns,
  type TCaseClockSnapshot,
  type TDetectedViolation,
  type TResponsibility,
} from "./violations";

const T0 = new Date("2026-11-27T20:00:00Z");
const SLA = freezeSla(REGULATION_SLA);
const at = (minutes: number) => addMinutes(T0, minutes);

const WHO: TResponsibility = {
  coordinatingDepartmentId: "dept-coord",
  coordinatorUserId: "user-coord",
  caseDepartmentId: "dept-roads",
  executorUserId: "user-exec",
};

function snapshot(
  overrides: Omit<Partial<TCaseClockSnapshot>, "deadlines"> & { deadlines?: Partial<TCaseDeadlines> },
): TCaseClockSnapshot {
  const { deadlines, ...rest } = overrides;
  return {
    status: "NEW",
    receivedAt: T0,
    sla: SLA,
    firstRoutedAt: null,
    firstDraftSubmittedAt: null,
    postedAt: null,
    closedAt: null,
    ...rest,
    deadlines: { ...computeInitialDeadlines(T0, SLA), ...deadlines },
  };
}

function detect(s: TCaseClockSnapshot, nowMinutes: number, recorded: TDetectedViolation[] = [], who = WHO) {
  return detectCaseViolations({ snapshot: s, now: at(nowMinutes), responsibility: who, recorded });
}

describe("routing (п.7)", () => {
  it("a case still unrouted at T0+31 min is ROUTE_LATE, dated at its deadline and charged to the coordinating department", () => {
    expect(detect(snapshot({}), 31)).toEqual([
      {
        type: "ROUTE_LATE",
        clock: "ROUTE",
        clockStartedAt: T0,
        dueAt: at(30),
        detectedAt: at(30),
        responsibleUserId: "user-coord",
        responsibleDepartmentId: "dept-coord",
      },
    ]);
  });

  it("routing at the deadline exactly is on time", () => {
    expect(detect(snapshot({}), 30)).toEqual([]);
    expect(detect(snapshot({ status: "ASSIGNED", firstRoutedAt: at(30) }), 600)).toEqual([]);
  });

  it("routing done late before any scan still yields ROUTE_LATE at the transition", () => {
    // The service checks the case as it was, with now = the moment of routing.
    const atTransition = detect(snapshot({ status: "NEW" }), 40);
    expect(atTransition.map((v) => [v.type, v.detectedAt])).toEqual([["ROUTE_LATE", at(30)]]);
    // And the case as it is afterwards tells the same.
    const after = detect(snapshot({ status: "ASSIGNED", firstRoutedAt: at(40) }), 41);
    expect(after.map((v) => [v.type, v.clockStartedAt])).toEqual([["ROUTE_LATE", T0]]);
    expect(detect(snapshot({ status: "ASSIGNED", firstRoutedAt: at(40) }), 41, atTransition)).toEqual([]);
  });

  it("re-routing after 'not our department' is a new 30-minute instance, its own violation", () => {
    const bounced = snapshot({
      status: "NEW",
      firstRoutedAt: at(10),
      deadlines: { currentClock: "ROUTE", currentDueAt: at(330) },
    });
    expect(detect(bounced, 320)).toEqual([]);
    expect(detect(bounced, 331).map((v) => [v.type, v.clockStartedAt, v.dueAt])).toEqual([
      ["ROUTE_LATE", at(300), at(330)],
    ]);
  });
});

describe("routing handed back at once", () => {
  it("a case routed and handed back at T0 is still due for routing 30 min later", () => {
    const bounced = snapshot({
      status: "NEW",
      firstRoutedAt: T0,
      deadlines: { currentClock: "ROUTE", currentDueAt: at(30) },
    });
    expect(detect(bounced, 40).map((v) => [v.type, v.clockStartedAt])).toEqual([["ROUTE_LATE", T0]]);
  });
});

describe("drafts and rework (п.10)", () => {
  it("a draft not submitted 20 h after T0 is DRAFT_LATE, charged to the executor and the department", () => {
    const v = detect(snapshot({ status: "ASSIGNED", firstRoutedAt: at(5) }), 1201);
    expect(v).toMatchObject([
      { type: "DRAFT_LATE", dueAt: at(1200), responsibleUserId: "user-exec", responsibleDepartmentId: "dept-roads" },
    ]);
  });

  it("a draft late because the case was never routed is charged to the coordinating department", () => {
    const v = detect(snapshot({}), 1201, [], { ...WHO, caseDepartmentId: null, executorUserId: null });
    expect(v.map((x) => [x.type, x.responsibleDepartmentId])).toEqual([
      ["ROUTE_LATE", "dept-coord"],
      ["DRAFT_LATE", "dept-coord"],
    ]);
  });

  it("the draft clock is met by the first submission, whatever happens after", () => {
    const s = snapshot({
      status: "REWORK",
      firstRoutedAt: at(5),
      firstDraftSubmittedAt: at(600),
      deadlines: { reworkDueAt: at(1400) },
    });
    expect(detect(s, 1300)).toEqual([]);
  });

  it("each submission starts its own forward clock, each late one is its own FORWARD_LATE", () => {
    const first = snapshot({
      status: "INTERNAL_REVIEW",
      firstRoutedAt: at(5),
      firstDraftSubmittedAt: at(100),
      deadlines: { forwardDueAt: at(130) },
    });
    const v1 = detect(first, 140);
    expect(v1).toMatchObject([
      { type: "FORWARD_LATE", clockStartedAt: at(100), responsibleDepartmentId: "dept-coord" },
    ]);
    const second = { ...first, deadlines: { ...first.deadlines, forwardDueAt: at(530) } };
    const v2 = detect(second, 600, v1);
    expect(v2).toMatchObject([{ type: "FORWARD_LATE", clockStartedAt: at(500), dueAt: at(530) }]);
  });

  it("a return not reworked within 30 min is REWORK_LATE, charged to the executor", () => {
    const s = snapshot({
      status: "REWORK",
      firstRoutedAt: at(5),
      firstDraftSubmittedAt: at(100),
      deadlines: { reworkDueAt: at(230) },
    });
    expect(detect(s, 229)).toEqual([]);
    expect(detect(s, 231)).toMatchObject([
      {
        type: "REWORK_LATE",
        clockStartedAt: at(200),
        responsibleUserId: "user-exec",
        responsibleDepartmentId: "dept-roads",
      },
    ]);
  });
});

describe("the answer (п.8) and closed cases", () => {
  const posted = (minutes: number) =>
    snapshot({ status: "POSTED", firstRoutedAt: at(5), firstDraftSubmittedAt: at(100), postedAt: at(minutes) });

  it("an answer posted within 24 h never becomes ANSWER_LATE", () => {
    expect(detect(posted(1440), 100_000)).toEqual([]);
  });

  it("an answer posted after 24 h is ANSWER_LATE, charged to the coordinating department", () => {
    expect(detect(posted(1500), 1500)).toMatchObject([
      { type: "ANSWER_LATE", dueAt: at(1440), detectedAt: at(1440), responsibleDepartmentId: "dept-coord" },
    ]);
  });

  it("a case waiting at the curator past 24 h is ANSWER_LATE", () => {
    const s = snapshot({ status: "AT_CURATOR", firstRoutedAt: at(5), firstDraftSubmittedAt: at(100) });
    expect(detect(s, 1441).map((v) => v.type)).toEqual(["ANSWER_LATE"]);
  });

  it("a declined or cancelled case stops its clocks: nothing new, ever", () => {
    for (const status of ["DECLINED", "CANCELLED"] as const) {
      const s = snapshot({ status, closedAt: at(20) });
      expect(detect(s, 100_000)).toEqual([]);
    }
  });

  it("a case closed after a deadline keeps what had already become due before closing", () => {
    const s = snapshot({ status: "CANCELLED", closedAt: at(60) });
    expect(detect(s, 100_000).map((v) => v.type)).toEqual(["ROUTE_LATE"]);
  });

  it("a closed case with no known closing moment is not charged by guess", () => {
    expect(listClockRuns(snapshot({ status: "DECLINED" }))).toEqual([]);
  });
});

describe("detectViolations", () => {
  it("skips the recorded ones and never returns the same clock instance twice", () => {
    const run = { kind: "FORWARD" as const, startedAt: at(0), dueAt: at(30), stoppedAt: null };
    const found = detectViolations({ runs: [run, run], now: at(40), responsibility: WHO, recorded: [] });
    expect(found).toHaveLength(1);
    expect(detectViolations({ runs: [run], now: at(40), responsibility: WHO, recorded: found })).toEqual([]);
    // The recorded key matches by instant, not by object identity.
    const copy = [{ type: "FORWARD_LATE" as const, clockStartedAt: new Date(at(0).getTime()) }];
    expect(detectViolations({ runs: [run], now: at(40), responsibility: WHO, recorded: copy })).toEqual([]);
  });

  it("a run stopped after `now` counts only up to `now`", () => {
    const run = { kind: "ROUTE" as const, startedAt: at(0), dueAt: at(30), stoppedAt: at(50) };
    expect(detectViolations({ runs: [run], now: at(20), responsibility: WHO, recorded: [] })).toEqual([]);
  });
});

// ───────────── a whole case life, driven through the state machine ─────────────

type TStep = { kind: "scan"; gap: number } | { kind: "act"; gap: number; pick: number; department: 0 | 1 };

type TActor = { roles: TRole[]; userId: string; departmentId: string | null };
const ACTORS: Record<"coordinator" | "curator" | "roads" | "parks", TActor> = {
  coordinator: { roles: ["COORDINATOR"], userId: "user-coord", departmentId: "dept-coord" },
  curator: { roles: ["CURATOR"], userId: "user-curator", departmentId: null },
  roads: { roles: ["EXECUTOR"], userId: "user-roads", departmentId: "dept-roads" },
  parks: { roles: ["EXECUTOR"], userId: "user-parks", departmentId: "dept-parks" },
};

function actorOf(event: TCaseEvent, caseDepartmentId: string | null) {
  if (event === "submitDraft" || event === "notOurDepartment")
    return caseDepartmentId === "dept-parks" ? ACTORS.parks : ACTORS.roads;
  if (event === "approve" || event === "reject") return ACTORS.curator;
  return ACTORS.coordinator;
}

interface TSimCase {
  status: TCaseStatus;
  deadlines: TCaseDeadlines;
  firstRoutedAt: Date | null;
  firstDraftSubmittedAt: Date | null;
  postedAt: Date | null;
  closedAt: Date | null;
  departmentId: string | null;
}

/**
 * Plays a case's life as the services would: at each action, detection on the case as it was
 * (now = the action), then the transition, then detection on the case as it is; scans between.
 */
function simulate(steps: TStep[], withScans: boolean) {
  const sim: TSimCase = {
    status: "NEW",
    deadlines: computeInitialDeadlines(T0, SLA),
    firstRoutedAt: null,
    firstDraftSubmittedAt: null,
    postedAt: null,
    closedAt: null,
    departmentId: null,
  };
  const recorded: { violation: TDetectedViolation; recordedAt: Date }[] = [];
  const snap = (): TCaseClockSnapshot => ({ ...sim, receivedAt: T0, sla: SLA });
  const scan = (now: Date) => {
    const found = detectCaseViolations({
      snapshot: snap(),
      now,
      responsibility: { ...WHO, caseDepartmentId: sim.departmentId },
      recorded: recorded.map((r) => r.violation),
    });
    for (const violation of found) recorded.push({ violation, recordedAt: now });
  };

  let now = T0;
  for (const step of steps) {
    now = addMinutes(now, step.gap);
    if (step.kind === "scan") {
      if (withScans) scan(now);
      continue;
    }
    const offered = listAvailableEvents({
      status: sim.status,
      actorRoles: ["COORDINATOR", "CURATOR", "EXECUTOR"],
      actor: { userId: "any", departmentId: sim.departmentId },
      caseDepartmentId: sim.departmentId,
    });
    const choice = offered[step.pick % Math.max(1, offered.length)];
    if (choice === undefined) continue;
    const actor = actorOf(choice.event, sim.departmentId);
    const decision = decideTransition({
      status: sim.status,
      event: choice.event,
      actorRoles: actor.roles,
      actor: { userId: actor.userId, departmentId: actor.departmentId },
      caseDepartmentId: sim.departmentId,
      input: {
        departmentId: step.department === 0 ? "dept-roads" : "dept-parks",
        comment: "Комментарий",
        reason: "Причина",
        answerUrl: "https://vk.com/wall-1_2?reply=5",
      },
    });
    expect(decision.ok).toBe(true);
    if (!decision.ok) continue;
    scan(now);
    sim.deadlines = computeDeadlinesAfter({ deadlines: sim.deadlines, to: decision.to, at: now, sla: SLA });
    sim.status = decision.to;
    if (decision.event === "route") {
      sim.firstRoutedAt ??= now;
      sim.departmentId = decision.departmentId;
    }
    if (decision.event === "notOurDepartment") sim.departmentId = null;
    if (decision.event === "submitDraft") sim.firstDraftSubmittedAt ??= now;
    if (decision.event === "post") sim.postedAt = now;
    if (decision.event === "decline" || decision.event === "cancel") sim.closedAt = now;
    scan(now);
  }
  const end = addMinutes(now, 10 * 1440);
  scan(end);
  return { sim, recorded, end };
}

const stepArb: fc.Arbitrary<TStep> = fc.oneof(
  fc.record({ kind: fc.constant("scan" as const), gap: fc.integer({ min: 0, max: 400 }) }),
  fc.record({
    kind: fc.constant("act" as const),
    gap: fc.integer({ min: 0, max: 400 }),
    pick: fc.nat({ max: 5 }),
    department: fc.constantFrom(0 as const, 1 as const),
  }),
);
const lifeArb = fc.array(stepArb, { maxLength: 25 });

const keyOf = (v: TDetectedViolation) => `${v.type}|${v.clockStartedAt.toISOString()}`;

describe("properties over whole case lives", () => {
  it("never records a violation twice, however often detection runs", () => {
    fc.assert(
      fc.property(lifeArb, (steps) => {
        const { recorded } = simulate(steps, true);
        const keys = recorded.map((r) => keyOf(r.violation));
        expect(new Set(keys).size).toBe(keys.length);
        for (const { violation, recordedAt } of recorded) {
          // Recorded at the moment it happened, and only once it had happened.
          expect(violation.detectedAt).toEqual(violation.dueAt);
          expect(violation.dueAt.getTime()).toBeLessThan(recordedAt.getTime());
        }
      }),
      { numRuns: 300 },
    );
  });

  it("records the same violations whether or not scans ran between the actions", () => {
    fc.assert(
      fc.property(lifeArb, (steps) => {
        const withScans = simulate(steps, true)
          .recorded.map((r) => keyOf(r.violation))
          .sort();
        const withoutScans = simulate(steps, false)
          .recorded.map((r) => keyOf(r.violation))
          .sort();
        expect(withoutScans).toEqual(withScans);
      }),
      { numRuns: 200 },
    );
  });

  it("a case posted before its answer deadline has no ANSWER_LATE; one posted after has exactly one", () => {
    fc.assert(
      fc.property(lifeArb, (steps) => {
        const { sim, recorded } = simulate(steps, true);
        const answerLate = recorded.filter((r) => r.violation.type === "ANSWER_LATE");
        const stoppedAt = sim.postedAt ?? sim.closedAt;
        if (stoppedAt !== null && stoppedAt.getTime() <= sim.deadlines.answerDueAt.getTime()) {
          expect(answerLate).toEqual([]);
        } else {
          expect(answerLate).toHaveLength(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("a case closed (declined, cancelled or posted) gets nothing due after its closing", () => {
    fc.assert(
      fc.property(lifeArb, (steps) => {
        const { sim, recorded } = simulate(steps, true);
        if (!isTerminalStatus(sim.status)) return;
        const closedAt = sim.postedAt ?? sim.closedAt;
        expect(closedAt).not.toBeNull();
        for (const { violation } of recorded) {
          expect(violation.dueAt.getTime()).toBeLessThan(closedAt?.getTime() ?? 0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("routing and drafting are charged by their first action against the T0 deadlines", () => {
    fc.assert(
      fc.property(lifeArb, (steps) => {
        const { sim, recorded, end } = simulate(steps, true);
        const has = (type: string, start: Date) =>
          recorded.some((r) => r.violation.type === type && r.violation.clockStartedAt.getTime() === start.getTime());
        const closure = sim.postedAt ?? sim.closedAt ?? end;
        expect(has("ROUTE_LATE", T0)).toBe(
          (sim.firstRoutedAt ?? closure).getTime() > sim.deadlines.routeDueAt.getTime(),
        );
        expect(has("DRAFT_LATE", T0)).toBe(
          (sim.firstDraftSubmittedAt ?? closure).getTime() > sim.deadlines.draftDueAt.getTime(),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe("a late case from end to end", () => {
  it("records each of the five violations once, at its deadline, whether or not scans ran", () => {
    const act = (gap: number, pick: number): TStep => ({ kind: "act", gap, pick, department: 0 });
    const steps = [
      act(40, 0), // route at T0+40 min
      act(1220, 0), // first draft at T0+21 h
      { kind: "scan" as const, gap: 30 },
      act(15, 0), // forwarded 45 min after submission
      act(10, 1), // curator rejects
      act(40, 0), // reworked in 40 min
      act(10, 0), // forwarded
      act(10, 0), // approved
      act(100, 0), // posted at T0+24 h 35 min
    ];
    for (const withScans of [true, false]) {
      const { sim, recorded } = simulate(steps, withScans);
      expect(sim.status).toBe("POSTED");
      expect(recorded.map((r) => [r.violation.type, r.violation.clockStartedAt, r.violation.detectedAt])).toEqual([
        ["ROUTE_LATE", T0, at(30)],
        ["DRAFT_LATE", T0, at(1200)],
        ["FORWARD_LATE", at(1260), at(1290)],
        ["REWORK_LATE", at(1315), at(1345)],
        ["ANSWER_LATE", T0, at(1440)],
      ]);
      expect(recorded.map((r) => r.violation.responsibleDepartmentId)).toEqual([
        "dept-coord",
        "dept-roads",
        "dept-coord",
        "dept-roads",
        "dept-coord",
      ]);
    }
  });
});
