import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ViolationType } from "../../db/generated/client";
import { createTestDatabase, type TTestDatabase } from "../../testing/db";
import { createDepartment, createMunicipality, createUser } from "../../testing/factories";
import { registerCase } from "../cases/intake";
import { applyTransition } from "../cases/transition";
import { ServiceError } from "../errors";
import { decideViolation, explainViolation, type TViolationActor } from "./actions";
import { listMyViolations, listViolationFilterOptions, listViolations } from "./register";

let t: TTestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.prisma.socialNetwork.create({
    data: { code: "VK", name: "ВКонтакте", hosts: ["vk.com"], maxAnswerLength: 4096 },
  });
});
afterAll(async () => {
  await t.cleanup();
});

const MOSCOW = "Europe/Moscow";
const minutes = (at: Date, m: number) => new Date(at.getTime() + m * 60_000);

/** A municipality of its own per test: its departments and the people of the register. */
async function world() {
  const prisma = t.prisma;
  const municipalityId = (await createMunicipality(prisma)).id;
  const org = await createDepartment(prisma, municipalityId, { name: "Орготдел", isCoordinating: true });
  const zhkh = await createDepartment(prisma, municipalityId, { name: "ЖКХ" });
  const edu = await createDepartment(prisma, municipalityId, { name: "Образование" });
  const make = async (roles: TViolationActor["roles"], departmentId: string | null) => {
    const u = await createUser(prisma, { roles: [...roles], municipalityId, departmentId });
    return {
      id: u.id,
      fullName: u.fullName,
      actor: { userId: u.id, roles, departmentId, municipalityIds: [municipalityId], ip: "203.0.113.9" },
    };
  };
  const people = {
    coordinator: await make(["COORDINATOR"], org.id),
    orgExecutor: await make(["EXECUTOR"], org.id),
    executor: await make(["EXECUTOR"], zhkh.id),
    colleague: await make(["EXECUTOR"], zhkh.id),
    eduExecutor: await make(["EXECUTOR"], edu.id),
    manager: await make(["MANAGER"], null),
    deputy: await make(["DEPUTY_HEAD"], null),
    head: await make(["HEAD"], null),
  };
  const reader = { municipalityIds: [municipalityId], timeZone: MOSCOW };

  let seq = 0;
  async function newCase(receivedAt: Date) {
    const { caseId } = await registerCase(
      prisma,
      { userId: people.coordinator.id, municipalityId, via: "UI" },
      { source: "CURATOR", url: `https://vk.com/wall-1_${++seq}`, text: "Не вывозят мусор", receivedAt },
      receivedAt,
    );
    return caseId;
  }

  /** A violation as the transition or the scheduled scan writes it. */
  async function violation(v: {
    type?: ViolationType;
    dueAt: Date;
    userId?: string | null;
    departmentId?: string | null;
    caseId?: string;
  }) {
    const caseId = v.caseId ?? (await newCase(minutes(v.dueAt, -30)));
    return prisma.violation.create({
      data: {
        municipalityId,
        caseId,
        type: v.type ?? "ROUTE_LATE",
        clockStartedAt: minutes(v.dueAt, -30),
        dueAt: v.dueAt,
        detectedAt: v.dueAt,
        responsibleUserId: v.userId ?? null,
        responsibleDepartmentId: v.departmentId === undefined ? org.id : v.departmentId,
      },
    });
  }

  return { municipalityId, org, zhkh, edu, people, reader, newCase, violation };
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string; field?: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ServiceError) return { code: error.code, message: error.message, field: error.field };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("the violations register (п.12)", () => {
  it("shows a routing done late with its case, clock, department and exactly how late it was done", async () => {
    const w = await world();
    const t0 = new Date("2026-03-10T08:00:00Z");
    const caseId = await w.newCase(t0);
    const routedAt = minutes(t0, 165); // due at 08:30, routed at 10:45
    const transition = await applyTransition(
      t.prisma,
      { ...w.people.coordinator.actor },
      { caseId, event: "route", input: { departmentId: w.zhkh.id } },
      routedAt,
    );
    expect(transition.violations).toEqual(["ROUTE_LATE"]);

    const untouched = await w.newCase(minutes(t0, 60));
    await w.violation({ caseId: untouched, dueAt: minutes(t0, 90) });

    const now = minutes(t0, 240);
    const { items, counts } = await listViolations(t.prisma, w.reader, { month: "2026-03" }, now);
    expect(counts.total).toBe(2);
    const number = (await t.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).number;
    const late = items.find((v) => v.case.id === caseId);
    expect(late).toMatchObject({
      type: "ROUTE_LATE",
      clock: "ROUTE",
      clockLabel: "Направление в отдел",
      case: { id: caseId, number },
      dueAt: minutes(t0, 30),
      detectedAt: minutes(t0, 30),
      responsibleUser: null,
      responsibleDepartment: { id: w.org.id, name: "Орготдел" },
      lateness: { minutes: 135, running: false, stoppedAt: routedAt },
      explanation: null,
      decisions: [],
    });
    // Nobody has routed the other one: it is late by now − due, and still growing.
    expect(items.find((v) => v.case.id === untouched)?.lateness).toEqual({
      minutes: 150,
      running: true,
      stoppedAt: null,
    });
    // Newest deadline first.
    expect(items.map((v) => v.case.id)).toEqual([untouched, caseId]);
  });

  it("puts a violation in the month its deadline passed, in Moscow time", async () => {
    const w = await world();
    const lastSecondOfMarch = await w.violation({ dueAt: new Date("2026-03-31T20:59:59Z") });
    const firstOfApril = await w.violation({ dueAt: new Date("2026-03-31T21:00:00Z") });
    const lastOfFebruary = await w.violation({ dueAt: new Date("2026-02-28T20:59:59Z") });
    const firstOfMarch = await w.violation({ dueAt: new Date("2026-02-28T21:00:00Z") });
    const now = new Date("2026-04-02T09:00:00Z");
    const ids = async (month: string) =>
      (await listViolations(t.prisma, w.reader, { month }, now)).items.map((v) => v.id);

    expect(await ids("2026-03")).toEqual([lastSecondOfMarch.id, firstOfMarch.id]);
    expect(await ids("2026-04")).toEqual([firstOfApril.id]);
    expect(await ids("2026-02")).toEqual([lastOfFebruary.id]);
    expect(await refusal(listViolations(t.prisma, w.reader, { month: "2026-13" }, now))).toMatchObject({
      code: "BAD_REQUEST",
      field: "month",
    });
  });

  it("filters by department, person and kind, counts the kinds under the other filters, and pages without overlap", async () => {
    const w = await world();
    const day = (d: number, h = 9) => new Date(Date.UTC(2026, 2, d, h));
    const route = await w.violation({ dueAt: day(2) });
    const draft = await w.violation({
      type: "DRAFT_LATE",
      dueAt: day(3),
      userId: w.people.executor.id,
      departmentId: w.zhkh.id,
    });
    const rework = await w.violation({
      type: "REWORK_LATE",
      dueAt: day(4),
      userId: w.people.executor.id,
      departmentId: w.zhkh.id,
    });
    const colleagues = await w.violation({
      type: "DRAFT_LATE",
      dueAt: day(5),
      userId: w.people.colleague.id,
      departmentId: w.zhkh.id,
    });
    const edu = await w.violation({ type: "DRAFT_LATE", dueAt: day(6), departmentId: w.edu.id });
    const now = day(20);
    const list = (filter: Parameters<typeof listViolations>[2]) =>
      listViolations(t.prisma, w.reader, { month: "2026-03", ...filter }, now);

    expect((await list({ departmentId: w.zhkh.id })).items.map((v) => v.id)).toEqual([
      colleagues.id,
      rework.id,
      draft.id,
    ]);
    expect((await list({ responsibleUserId: w.people.executor.id })).items.map((v) => v.id)).toEqual([
      rework.id,
      draft.id,
    ]);
    const drafts = await list({ type: "DRAFT_LATE" });
    expect(drafts.items.map((v) => v.id)).toEqual([edu.id, colleagues.id, draft.id]);
    expect(drafts.counts).toEqual({
      total: 3,
      byType: { ROUTE_LATE: 1, DRAFT_LATE: 3, FORWARD_LATE: 0, REWORK_LATE: 1, ANSWER_LATE: 0 },
    });
    expect((await list({ departmentId: w.zhkh.id, type: "DRAFT_LATE" })).counts.total).toBe(2);

    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list({ limit: 2, cursor });
      pages.push(page.items.map((v) => v.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toEqual([[edu.id, colleagues.id], [rework.id, draft.id], [route.id]]);

    const options = await listViolationFilterOptions(t.prisma, w.reader);
    expect(options.departments.map((d) => d.name)).toEqual(["ЖКХ", "Образование", "Орготдел"]);
    expect(options.people.map((p) => p.id).sort()).toEqual([w.people.executor.id, w.people.colleague.id].sort());
  });

  it("shows nobody another municipality's violations, nor lets them act on one", async () => {
    const w = await world();
    const other = await world();
    const v = await w.violation({ dueAt: new Date("2026-03-05T09:00:00Z") });
    const now = new Date("2026-03-06T09:00:00Z");
    expect((await listViolations(t.prisma, other.reader, {}, now)).items).toEqual([]);
    expect((await listViolationFilterOptions(t.prisma, other.reader)).people).toEqual([]);
    expect(
      await refusal(
        decideViolation(t.prisma, other.people.deputy.actor, { violationId: v.id, kind: "REMARK", text: null }, now),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(
      await refusal(
        explainViolation(t.prisma, other.people.coordinator.actor, { violationId: v.id, explanation: "Не наше" }, now),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(await t.prisma.violationDecision.count({ where: { violationId: v.id } })).toBe(0);
  });
});

describe("explanations", () => {
  it("are given by the responsible person only, once, with an audit row", async () => {
    const w = await world();
    const v = await w.violation({
      type: "DRAFT_LATE",
      dueAt: new Date("2026-03-05T09:00:00Z"),
      userId: w.people.executor.id,
      departmentId: w.zhkh.id,
    });
    const now = new Date("2026-03-05T12:00:00Z");
    const explain = (who: keyof typeof w.people, explanation: string) =>
      explainViolation(t.prisma, w.people[who].actor, { violationId: v.id, explanation }, now);

    expect(await refusal(explain("colleague", "Я за него"))).toEqual({
      code: "FORBIDDEN",
      message: "Объяснение даёт сотрудник, за которым числится нарушение",
      field: undefined,
    });
    expect(await refusal(explain("deputy", "Не моё"))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(explain("executor", "   "))).toMatchObject({ code: "BAD_REQUEST", field: "explanation" });

    await explain("executor", "  Отключали электроэнергию в здании администрации  ");
    expect(await refusal(explain("executor", "Передумал"))).toMatchObject({ code: "CONFLICT" });

    const stored = await t.prisma.violation.findUniqueOrThrow({ where: { id: v.id } });
    expect(stored).toMatchObject({
      explanation: "Отключали электроэнергию в здании администрации",
      explainedAt: now,
      explainedById: w.people.executor.id,
    });
    const audits = await t.prisma.auditLog.findMany({ where: { entity: "Violation", entityId: v.id } });
    expect(audits).toMatchObject([
      { action: "violation.explain", actorId: w.people.executor.id, municipalityId: w.municipalityId, at: now },
    ]);
  });

  it("for a department with nobody named: anyone of it who may explain, the first of two at once wins", async () => {
    const w = await world();
    const v = await w.violation({ dueAt: new Date("2026-03-05T09:00:00Z") }); // routing: Орготдел, nobody named
    const now = new Date("2026-03-05T12:00:00Z");
    const explain = (who: keyof typeof w.people, explanation: string) =>
      explainViolation(t.prisma, w.people[who].actor, { violationId: v.id, explanation }, now);
    expect(await refusal(explain("executor", "Не наш отдел"))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(explain("manager", "Без отдела"))).toMatchObject({ code: "FORBIDDEN" });

    const results = await Promise.allSettled([
      explain("coordinator", "Публикация пришла ночью"),
      explain("orgExecutor", "Координатор был на совещании"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.reason).toBeInstanceOf(ServiceError);
    expect((rejected?.reason as ServiceError).code).toBe("CONFLICT");
    const stored = await t.prisma.violation.findUniqueOrThrow({ where: { id: v.id } });
    expect([w.people.coordinator.id, w.people.orgExecutor.id]).toContain(stored.explainedById);
  });

  it("lists each person's violations: their own and their department's unassigned ones", async () => {
    const w = await world();
    const due = (d: number) => new Date(Date.UTC(2026, 2, d, 9));
    const mine = await w.violation({
      type: "DRAFT_LATE",
      dueAt: due(2),
      userId: w.people.executor.id,
      departmentId: w.zhkh.id,
    });
    const departments = await w.violation({ type: "DRAFT_LATE", dueAt: due(3), departmentId: w.zhkh.id });
    await w.violation({ type: "DRAFT_LATE", dueAt: due(4), userId: w.people.colleague.id, departmentId: w.zhkh.id });
    await w.violation({ dueAt: due(5) }); // Орготдел's
    const now = due(6);
    await explainViolation(t.prisma, w.people.executor.actor, { violationId: mine.id, explanation: "Болел" }, now);

    const list = await listMyViolations(t.prisma, w.people.executor.actor, {}, now);
    expect(list.items.map((v) => [v.id, v.canExplain])).toEqual([
      [departments.id, true],
      [mine.id, false],
    ]);
    expect(list.unexplained).toBe(1);
    expect(list.items[1]?.explanation).toMatchObject({ text: "Болел", by: w.people.executor.fullName });
    expect((await listMyViolations(t.prisma, w.people.coordinator.actor, {}, now)).items).toHaveLength(1);
  });
});

describe("decisions", () => {
  it("are recorded by the deputy head only, appended, the latest in force, each with an audit row", async () => {
    const w = await world();
    const v = await w.violation({ dueAt: new Date("2026-03-05T09:00:00Z") });
    const first = new Date("2026-03-06T09:00:00Z");
    const second = new Date("2026-03-07T09:00:00Z");
    const decide = (
      who: keyof typeof w.people,
      kind: "REMARK" | "REPRIMAND" | "OTHER",
      text: string | null,
      at = first,
    ) => decideViolation(t.prisma, w.people[who].actor, { violationId: v.id, kind, text }, at);

    expect(await refusal(decide("head", "REMARK", null))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(decide("coordinator", "REMARK", null))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(decide("deputy", "OTHER", "  "))).toEqual({
      code: "BAD_REQUEST",
      message: "Для решения «Иное» опишите принятую меру",
      field: "text",
    });

    await decide("deputy", "REMARK", "Впервые");
    await decide("deputy", "REPRIMAND", "После объяснения: повторное нарушение", second);

    const [row] = (await listViolations(t.prisma, w.reader, {}, second)).items;
    expect(row?.decisions).toMatchObject([
      {
        kind: "REPRIMAND",
        text: "После объяснения: повторное нарушение",
        createdAt: second,
        decidedBy: w.people.deputy.fullName,
      },
      { kind: "REMARK", text: "Впервые", createdAt: first },
    ]);
    const audits = await t.prisma.auditLog.findMany({
      where: { entity: "Violation", entityId: v.id, action: "violation.decide" },
      orderBy: { at: "asc" },
    });
    expect(audits.map((a) => [a.actorId, (a.data as { kind: string }).kind])).toEqual([
      [w.people.deputy.id, "REMARK"],
      [w.people.deputy.id, "REPRIMAND"],
    ]);
  });
});
