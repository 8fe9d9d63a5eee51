import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type TRole } from "../../../domain/auth/roles";
import { hasPermission, type TPermission } from "../../../domain/auth/permissions";
import { createTestDatabase, type TTestDatabase } from "../../../testing/db";
import { contextFor, createDepartment, createMunicipality, createUser } from "../../../testing/factories";
import { appRouter, createCaller } from "../../root";

let t: TTestDatabase;
let municipalityId: string;
let orgId: string;
let zhkhId: string;
const users: Record<string, { id: string }> = {};
const byRole: Partial<Record<TRole, { id: string }>> = {};
/** 10 March 2026, 15:00 in Moscow. */
const now = new Date("2026-03-10T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);

beforeAll(async () => {
  t = await createTestDatabase();
  await t.prisma.socialNetwork.create({
    data: { code: "VK", name: "ВКонтакте", hosts: ["vk.com"], maxAnswerLength: 4096, sortOrder: 1 },
  });
  municipalityId = (await createMunicipality(t.prisma)).id;
  const otherId = (await createMunicipality(t.prisma)).id;
  orgId = (await createDepartment(t.prisma, municipalityId, { name: "Орготдел", isCoordinating: true })).id;
  zhkhId = (await createDepartment(t.prisma, municipalityId, { name: "ЖКХ" })).id;
  users.coordinator = await createUser(t.prisma, { roles: ["COORDINATOR"], municipalityId, departmentId: orgId });
  users.executor = await createUser(t.prisma, { roles: ["EXECUTOR"], municipalityId, departmentId: zhkhId });
  users.deputy = await createUser(t.prisma, { roles: ["DEPUTY_HEAD"], municipalityId });
  users.head = await createUser(t.prisma, { roles: ["HEAD"], municipalityId });
  users.strangerDeputy = await createUser(t.prisma, { roles: ["DEPUTY_HEAD"], municipalityId: otherId });
  byRole.COORDINATOR = users.coordinator;
  byRole.EXECUTOR = users.executor;
  byRole.DEPUTY_HEAD = users.deputy;
  byRole.HEAD = users.head;
  byRole.MANAGER = await createUser(t.prisma, { roles: ["MANAGER"], municipalityId });
  byRole.ADMIN = await createUser(t.prisma, { roles: ["ADMIN"], municipalityId });
  byRole.CURATOR = await createUser(t.prisma, { roles: ["CURATOR"], municipalityId: null, curates: [municipalityId] });
});
afterAll(async () => {
  await t.cleanup();
});

const as = async (user: { id: string } | undefined) => createCaller(await contextFor(t.prisma, user ?? null, now));

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : `not a TRPCError: ${String(error)}`;
  }
}

/** A publication received `hours` ago and routed by the coordinator only now: ROUTE_LATE at once. */
async function routedLate(hours: number) {
  const coordinator = await as(users.coordinator);
  const { caseId } = await coordinator.cases.intake({
    source: "CURATOR",
    url: `https://vk.com/wall-7_${Math.floor(Math.random() * 1e9)}`,
    text: "Третий день не вывозят мусор",
    receivedAt: hoursAgo(hours),
  });
  const result = await coordinator.cases.transition({ caseId, event: "route", input: { departmentId: zhkhId } });
  expect(result.violations).toEqual(["ROUTE_LATE"]);
  const c = await t.prisma.case.findUniqueOrThrow({ where: { id: caseId } });
  return { caseId, number: c.number };
}

describe("violations over tRPC", () => {
  it("has no procedure that deletes or rewrites anything", () => {
    expect(
      Object.keys(appRouter._def.procedures)
        .filter((p) => p.startsWith("violations."))
        .sort(),
    ).toEqual([
      "violations.decide",
      "violations.explain",
      "violations.filterOptions",
      "violations.list",
      "violations.mine",
    ]);
  });

  it.each([
    ["list", "violations.view", { month: "2026-03" }],
    ["filterOptions", "violations.view", undefined],
    ["mine", "violations.explain", {}],
    ["explain", "violations.explain", { violationId: "x", explanation: "Текст" }],
    ["decide", "violations.decide", { violationId: "x", kind: "REMARK" }],
  ] as const)("%s is FORBIDDEN to every role without %s", async (procedure, permission: TPermission, input) => {
    for (const role of ROLES.filter((r) => !hasPermission([r], permission))) {
      const caller = (await as(byRole[role])).violations as unknown as Record<string, (i: unknown) => Promise<unknown>>;
      expect(await codeOf(caller[procedure]!(input)), role).toBe("FORBIDDEN");
    }
  });

  it("the deputy head finds a late routing in the month's register and records decisions; the coordinator explains it", async () => {
    const { caseId, number } = await routedLate(2);
    const deputy = await as(users.deputy);
    const page = await deputy.violations.list({ month: "2026-03", departmentId: orgId, type: "ROUTE_LATE" });
    expect(page.canDecide).toBe(true);
    const row = page.items.find((v) => v.case.id === caseId);
    expect(row).toMatchObject({
      case: { number },
      typeLabel: "Публикация не направлена в отдел в срок (п.7)",
      responsibleDepartment: { name: "Орготдел" },
      lateness: { minutes: 90, running: false },
    });
    expect((await (await as(users.head)).violations.list({ month: "2026-03" })).canDecide).toBe(false);
    // A month without it, and another municipality's deputy head, do not see it.
    expect((await deputy.violations.list({ month: "2026-02" })).items.map((v) => v.case.id)).not.toContain(caseId);
    expect((await (await as(users.strangerDeputy)).violations.list({})).items).toEqual([]);

    const violationId = row!.id;
    const other = await deputy.violations.decide({ violationId, kind: "OTHER", text: "  " }).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(TRPCError);
    expect((other as TRPCError).code).toBe("BAD_REQUEST");
    expect(JSON.stringify((other as TRPCError).cause)).toContain("Для решения «Иное» опишите принятую меру");

    await deputy.violations.decide({ violationId, kind: "REMARK", text: "Соблюдать 30 минут" });
    await deputy.violations.decide({ violationId, kind: "OTHER", text: "Обсудить на планёрке" });
    const decided = (await deputy.violations.list({ month: "2026-03" })).items.find((v) => v.id === violationId);
    expect(decided?.decisions.map((d) => [d.kind, d.text])).toEqual([
      ["OTHER", "Обсудить на планёрке"],
      ["REMARK", "Соблюдать 30 минут"],
    ]);

    // The routing clock is the coordinating department's: its coordinator sees and explains it.
    const coordinator = await as(users.coordinator);
    const mine = await coordinator.violations.mine();
    expect(mine.items.find((v) => v.id === violationId)).toMatchObject({ canExplain: true });
    expect(await codeOf((await as(users.executor)).violations.explain({ violationId, explanation: "Не я" }))).toBe(
      "FORBIDDEN",
    );
    const blank = await codeOf(coordinator.violations.explain({ violationId, explanation: " " }));
    expect(blank).toBe("BAD_REQUEST");
    expect(await coordinator.violations.explain({ violationId, explanation: "Публикация пришла в обед" })).toEqual({
      id: violationId,
      explainedAt: now,
    });
    expect(await codeOf(coordinator.violations.explain({ violationId, explanation: "Ещё раз" }))).toBe("CONFLICT");
    const explained = (await deputy.violations.list({ month: "2026-03" })).items.find((v) => v.id === violationId);
    expect(explained?.explanation).toMatchObject({ text: "Публикация пришла в обед", at: now });
  });

  it("refuses a malformed filter with a Russian message", async () => {
    const error = await (await as(users.deputy)).violations.list({ month: "03.2026" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect(JSON.stringify((error as TRPCError).cause)).toContain("Месяц указывается в виде ГГГГ-ММ");
  });
});
