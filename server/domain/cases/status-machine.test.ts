import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ROLES, type TRole } from "../auth/roles";
import { CASE_STATUSES, OPEN_STATUSES, type TCaseStatus } from "./case-types";
import {
  CASE_EVENTS,
  decideTransition,
  listAvailableEvents,
  type TCaseEvent,
  type TTransitionDecision,
  type TTransitionInput,
  type TTransitionRequest,
} from "./status-machine";

/**
 * The workflow as DOMAIN.md "Statuses and transitions" writes it, restated here independently
 * of the table under test: [from, event, to, roles that may fire it].
 */
const SPEC: [TCaseStatus, TCaseEvent, TCaseStatus, TRole[]][] = [
  ["NEW", "route", "ASSIGNED", ["COORDINATOR", "MANAGER"]],
  ["ASSIGNED", "submitDraft", "INTERNAL_REVIEW", ["EXECUTOR"]],
  ["INTERNAL_REVIEW", "forward", "AT_CURATOR", ["COORDINATOR", "MANAGER"]],
  ["INTERNAL_REVIEW", "returnForRework", "REWORK", ["COORDINATOR", "MANAGER"]],
  ["AT_CURATOR", "approve", "APPROVED", ["CURATOR", "COORDINATOR"]],
  ["AT_CURATOR", "reject", "REWORK", ["CURATOR", "COORDINATOR"]],
  ["REWORK", "submitDraft", "INTERNAL_REVIEW", ["EXECUTOR"]],
  ["APPROVED", "post", "POSTED", ["COORDINATOR"]],
  ["ASSIGNED", "notOurDepartment", "NEW", ["EXECUTOR"]],
  ["REWORK", "notOurDepartment", "NEW", ["EXECUTOR"]],
  ["NEW", "decline", "DECLINED", ["COORDINATOR"]],
  ...OPEN_STATUSES.map((s): [TCaseStatus, TCaseEvent, TCaseStatus, TRole[]] => [
    s,
    "cancel",
    "CANCELLED",
    ["COORDINATOR"],
  ]),
];

const DEPT = "dept-roads";
const COORD_DEPT = "dept-coordinating";

/** Input that satisfies every event, so only status and role decide. */
const FULL_INPUT: TTransitionInput = {
  departmentId: DEPT,
  executorId: "user-exec",
  comment: "Куратор: согласовано",
  reason: "Вопрос относится к ведению региона",
  answerUrl: "https://vk.com/wall-1_2?reply=3",
};

function actorFor(role: TRole): TTransitionRequest["actor"] {
  return {
    userId: `user-${role.toLowerCase()}`,
    departmentId: role === "EXECUTOR" ? DEPT : role === "CURATOR" ? null : COORD_DEPT,
  };
}

function request(
  status: TCaseStatus,
  event: TCaseEvent,
  role: TRole,
  input: TTransitionInput = FULL_INPUT,
): TTransitionRequest {
  return { status, event, actorRoles: [role], actor: actorFor(role), caseDepartmentId: DEPT, input };
}

const RUSSIAN = /[а-яё]/iu;

function expectRefusal(decision: TTransitionDecision, code: string, message?: RegExp): void {
  expect(decision.ok).toBe(false);
  if (decision.ok) return;
  expect(decision.code).toBe(code);
  expect(decision.message).toMatch(RUSSIAN);
  if (message) expect(decision.message).toMatch(message);
  // A refusal carries no new state that a careless service could write.
  expect(decision).not.toHaveProperty("to");
}

function specOf(status: TCaseStatus, event: TCaseEvent) {
  return SPEC.find(([from, e]) => from === status && e === event);
}

describe("every legal transition, with each role allowed to fire it", () => {
  const cases = SPEC.flatMap(([from, event, to, roles]) => roles.map((role) => ({ from, event, to, role })));

  it.each(cases)("$from —$event ($role)→ $to", ({ from, event, to, role }) => {
    const decision = decideTransition(request(from, event, role));
    expect(decision).toMatchObject({ ok: true, from, to, event });
  });
});

describe("every status × event × role outside the workflow is refused and changes nothing", () => {
  const combos = CASE_STATUSES.flatMap((status) =>
    CASE_EVENTS.flatMap((event) => ROLES.map((role) => ({ status, event, role }))),
  ).filter(({ status, event, role }) => !specOf(status, event)?.[3].includes(role));

  it.each(combos)("$status —$event ($role)", ({ status, event, role }) => {
    const decision = decideTransition(request(status, event, role));
    expectRefusal(decision, specOf(status, event) ? "FORBIDDEN" : "ILLEGAL_TRANSITION");
  });

  it("names the status the case is in when the event does not apply to it", () => {
    expectRefusal(decideTransition(request("POSTED", "cancel", "COORDINATOR")), "ILLEGAL_TRANSITION", /Ответ размещён/);
    expectRefusal(decideTransition(request("NEW", "post", "COORDINATOR")), "ILLEGAL_TRANSITION", /«Новая»/);
  });

  it("refuses everything on a closed case", () => {
    for (const status of ["POSTED", "DECLINED", "CANCELLED"] as const) {
      for (const event of CASE_EVENTS) {
        for (const role of ROLES) {
          expectRefusal(decideTransition(request(status, event, role)), "ILLEGAL_TRANSITION");
        }
      }
    }
  });

  it("refuses an actor without roles", () => {
    const decision = decideTransition({ ...request("NEW", "route", "COORDINATOR"), actorRoles: [] });
    expectRefusal(decision, "FORBIDDEN", /нет права/);
  });
});

describe("executors act only within their own department", () => {
  const executorEvents: [TCaseStatus, TCaseEvent][] = [
    ["ASSIGNED", "submitDraft"],
    ["REWORK", "submitDraft"],
    ["ASSIGNED", "notOurDepartment"],
    ["REWORK", "notOurDepartment"],
  ];

  it.each(executorEvents)("%s —%s by an executor of another department is forbidden", (status, event) => {
    const decision = decideTransition({
      ...request(status, event, "EXECUTOR"),
      actor: { userId: "user-other", departmentId: "dept-education" },
    });
    expectRefusal(decision, "FORBIDDEN", /другой отдел/);
  });

  it.each(executorEvents)("%s —%s by an executor with no department is forbidden", (status, event) => {
    const decision = decideTransition({
      ...request(status, event, "EXECUTOR"),
      actor: { userId: "user-x", departmentId: null },
    });
    expectRefusal(decision, "FORBIDDEN", /другой отдел/);
  });

  it("does not let a case with no department be drafted by anyone", () => {
    const decision = decideTransition({ ...request("ASSIGNED", "submitDraft", "EXECUTOR"), caseDepartmentId: null });
    expectRefusal(decision, "FORBIDDEN");
  });

  it("lets a coordinator route to any department whatever their own", () => {
    const decision = decideTransition({ ...request("NEW", "route", "COORDINATOR"), caseDepartmentId: null });
    expect(decision).toMatchObject({ ok: true, departmentId: DEPT, executorId: "user-exec" });
  });
});

describe("required input", () => {
  const blankings: [string, TTransitionInput][] = [
    ["missing", {}],
    ["empty", { departmentId: "", comment: "", reason: "", answerUrl: "" }],
    ["blank", { departmentId: "  ", comment: " \n ", reason: "\t", answerUrl: "   " }],
    ["null", { departmentId: null, comment: null, reason: null, answerUrl: null }],
  ];

  it.each(blankings)("routing needs a department (%s)", (_label, input) => {
    const decision = decideTransition(request("NEW", "route", "MANAGER", input));
    expectRefusal(decision, "INVALID_INPUT", /отдел/);
    expect(decision).toMatchObject({ field: "departmentId" });
  });

  it.each(blankings)("a curator's rejection needs a comment (%s)", (_label, input) => {
    const decision = decideTransition(request("AT_CURATOR", "reject", "CURATOR", input));
    expectRefusal(decision, "INVALID_INPUT", /доработать/);
    expect(decision).toMatchObject({ field: "comment" });
  });

  it.each(blankings)("a rejection on the curator's behalf needs a comment (%s)", (_label, input) => {
    expectRefusal(decideTransition(request("AT_CURATOR", "reject", "COORDINATOR", input)), "INVALID_INPUT");
  });

  it.each(blankings)("an approval on the curator's behalf needs the curator's comment (%s)", (_label, input) => {
    const decision = decideTransition(request("AT_CURATOR", "approve", "COORDINATOR", input));
    expectRefusal(decision, "INVALID_INPUT", /за куратора/);
    expect(decision).toMatchObject({ field: "comment" });
  });

  it.each(blankings)("posting needs the answer's link (%s)", (_label, input) => {
    const decision = decideTransition(request("APPROVED", "post", "COORDINATOR", input));
    expectRefusal(decision, "INVALID_INPUT", /ссылку/);
    expect(decision).toMatchObject({ field: "answerUrl" });
  });

  it.each(["javascript:alert(1)", "vk.com/wall-1_2", "ftp://vk.com/x", "mailto:a@b.ru", "https://"])(
    "posting refuses a link that is not http(s): %s",
    (answerUrl) => {
      const decision = decideTransition(request("APPROVED", "post", "COORDINATOR", { answerUrl }));
      expectRefusal(decision, "INVALID_INPUT", /http/);
    },
  );

  it.each(blankings)("'not our department' needs a reason (%s)", (_label, input) => {
    expectRefusal(
      decideTransition(request("ASSIGNED", "notOurDepartment", "EXECUTOR", input)),
      "INVALID_INPUT",
      /вашему отделу/,
    );
    expectRefusal(
      decideTransition(request("REWORK", "notOurDepartment", "EXECUTOR", input)),
      "INVALID_INPUT",
      /вашему отделу/,
    );
  });

  it.each(blankings)("declining needs a justification (%s)", (_label, input) => {
    expectRefusal(decideTransition(request("NEW", "decline", "COORDINATOR", input)), "INVALID_INPUT", /компетенции/);
  });

  it.each(blankings)("cancelling needs a reason in every open status (%s)", (_label, input) => {
    for (const status of OPEN_STATUSES) {
      const decision = decideTransition(request(status, "cancel", "COORDINATOR", input));
      expectRefusal(decision, "INVALID_INPUT", /аннулирования/);
      expect(decision).toMatchObject({ field: "reason" });
    }
  });

  it("checks the role before the input, so a stranger learns nothing about what is missing", () => {
    expectRefusal(decideTransition(request("APPROVED", "post", "EXECUTOR", {})), "FORBIDDEN");
  });
});

describe("the curator's decision and the coordinator entering it on the curator's behalf", () => {
  it("a curator approves without a comment, not on anyone's behalf", () => {
    const decision = decideTransition(request("AT_CURATOR", "approve", "CURATOR", {}));
    expect(decision).toMatchObject({
      ok: true,
      to: "APPROVED",
      onBehalfOfCurator: false,
      comment: null,
      review: { stage: "CURATOR", outcome: "APPROVED" },
    });
  });

  it("a coordinator's approval is marked as on the curator's behalf and keeps the curator's words", () => {
    const decision = decideTransition(
      request("AT_CURATOR", "approve", "COORDINATOR", { comment: "  Согласовано по телефону, Петрова  " }),
    );
    expect(decision).toMatchObject({
      ok: true,
      to: "APPROVED",
      onBehalfOfCurator: true,
      comment: "Согласовано по телефону, Петрова",
    });
  });

  it("a coordinator's rejection is marked the same way and returns the draft for rework", () => {
    const decision = decideTransition(request("AT_CURATOR", "reject", "COORDINATOR", { comment: "Добавить сроки" }));
    expect(decision).toMatchObject({
      ok: true,
      to: "REWORK",
      onBehalfOfCurator: true,
      review: { stage: "CURATOR", outcome: "RETURNED" },
    });
  });

  it("a manager cannot enter the curator's decision", () => {
    expectRefusal(decideTransition(request("AT_CURATOR", "approve", "MANAGER")), "FORBIDDEN");
  });

  it("internal reviews are recorded as internal decisions", () => {
    expect(decideTransition(request("INTERNAL_REVIEW", "forward", "MANAGER"))).toMatchObject({
      review: { stage: "INTERNAL", outcome: "APPROVED" },
      onBehalfOfCurator: false,
    });
    expect(decideTransition(request("INTERNAL_REVIEW", "returnForRework", "COORDINATOR", {}))).toMatchObject({
      ok: true,
      review: { stage: "INTERNAL", outcome: "RETURNED" },
    });
  });
});

describe("the successful decision carries what the service writes", () => {
  it("trims the texts and keeps only what the event uses", () => {
    const decision = decideTransition(
      request("APPROVED", "post", "COORDINATOR", { answerUrl: " https://ok.ru/group/1/topic/2 ", departmentId: "x" }),
    );
    expect(decision).toMatchObject({
      ok: true,
      timelineType: "POSTED",
      answerUrl: "https://ok.ru/group/1/topic/2",
      departmentId: null,
      executorId: null,
    });
  });

  it("records why a case was handed back, declined or cancelled", () => {
    expect(
      decideTransition(request("ASSIGNED", "notOurDepartment", "EXECUTOR", { reason: "Это дороги региона" })),
    ).toMatchObject({ ok: true, to: "NEW", reason: "Это дороги региона", timelineType: "NOT_OUR_DEPARTMENT" });
    expect(decideTransition(request("NEW", "decline", "COORDINATOR", { reason: "Федеральная трасса" }))).toMatchObject({
      ok: true,
      to: "DECLINED",
      reason: "Федеральная трасса",
    });
  });

  it("a user with several roles may do what any of them allows", () => {
    const decision = decideTransition({
      ...request("NEW", "route", "COORDINATOR"),
      actorRoles: ["DEPUTY_HEAD", "MANAGER"],
    });
    expect(decision).toMatchObject({ ok: true, to: "ASSIGNED" });
  });
});

describe("available events", () => {
  it("offers each role exactly the events the machine would accept", () => {
    fc.assert(
      fc.property(fc.constantFrom(...CASE_STATUSES), fc.subarray([...ROLES], { minLength: 1 }), (status, roles) => {
        const base = { status, actorRoles: roles, actor: { userId: "u", departmentId: DEPT }, caseDepartmentId: DEPT };
        const offered = listAvailableEvents(base).map((e) => e.event);
        const accepted = CASE_EVENTS.filter((event) => decideTransition({ ...base, event, input: FULL_INPUT }).ok);
        expect(offered).toEqual(accepted);
      }),
    );
  });

  it("offers a coordinator the curator's decisions as on-behalf ones", () => {
    const offered = listAvailableEvents({
      status: "AT_CURATOR",
      actorRoles: ["COORDINATOR"],
      actor: actorFor("COORDINATOR"),
      caseDepartmentId: DEPT,
    });
    expect(offered.map((e) => [e.event, e.onBehalfOfCurator])).toEqual([
      ["approve", true],
      ["reject", true],
      ["cancel", false],
    ]);
  });

  it("offers nothing on a closed case", () => {
    for (const status of ["POSTED", "DECLINED", "CANCELLED"] as const) {
      expect(
        listAvailableEvents({ status, actorRoles: [...ROLES], actor: actorFor("EXECUTOR"), caseDepartmentId: DEPT }),
      ).toEqual([]);
    }
  });
});
