import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "../../testing/db";
import { createDepartment, createMunicipality, createUser } from "../../testing/factories";
import { recordCuratorDecision, type TCuratorSystemActor } from "./curator-decision";
import { registerCase } from "./intake";
import { applyTransition, type TCaseActor } from "./transition";

let t: TTestDatabase;
let municipalityId: string;
let otherMunicipalityId: string;
let zhkhId: string;
let coordinator: TCaseActor;
let executor: TCaseActor;
let curatorId: string;
let api: TCuratorSystemActor;
const t0 = new Date("2026-11-27T20:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

const actorOf = (u: { id: string; roles: TCaseActor["roles"]; departmentId: string | null }, municipalityIds: string[]): TCaseActor => ({
  userId: u.id,
  roles: u.roles,
  departmentId: u.departmentId,
  municipalityIds,
});

const draft = { kind: "MEASURES" as const, measures: "Заменён участок водовода на ул. Ленина.", stages: "Подача воды восстановлена 28.11.2026 к 12:00." };

beforeAll(async () => {
  t = await createTestDatabase();
  await t.prisma.socialNetwork.createMany({
    data: [
      { code: "VK", name: "ВКонтакте", hosts: ["vk.com", "vk.ru"], maxAnswerLength: 4096 },
      { code: "OTHER", name: "Другая", hosts: [] },
    ],
  });
  municipalityId = (await createMunicipality(t.prisma)).id;
  otherMunicipalityId = (await createMunicipality(t.prisma)).id;
  const org = await createDepartment(t.prisma, municipalityId, { isCoordinating: true });
  zhkhId = (await createDepartment(t.prisma, municipalityId, { name: "ЖКХ" })).id;
  const ids = [municipalityId];
  coordinator = actorOf(await createUser(t.prisma, { roles: ["COORDINATOR"], municipalityId, departmentId: org.id }), ids);
  executor = actorOf(await createUser(t.prisma, { roles: ["EXECUTOR"], municipalityId, departmentId: zhkhId }), ids);
  curatorId = (await createUser(t.prisma, { roles: ["CURATOR"], municipalityId: null, curates: ids })).id;
  const key = await t.prisma.apiKey.create({
    data: { municipalityId, name: "Система куратора", prefix: "otk_test", hash: "test-hash", scopes: ["cases:read", "cases:write"] },
  });
  api = { municipalityId, apiKeyId: key.id };
});
afterAll(async () => {
  await t.cleanup();
});

/** A case delivered by the curator's system and driven to the curator as the portal does it. */
async function caseAtCurator(inMunicipality = municipalityId, n = Math.random().toString(36).slice(2)) {
  const { caseId } = await registerCase(
    t.prisma,
    { userId: null, municipalityId: inMunicipality, via: "API", apiKeyId: api.apiKeyId },
    { source: "CURATOR", externalId: `INC-${n}`, url: "https://vk.com/wall-1_100", text: "Нет воды в хуторе Ленинаван третий день" },
    t0,
  );
  if (inMunicipality !== municipalityId) return caseId;
  await applyTransition(t.prisma, coordinator, { caseId, event: "route", input: { departmentId: zhkhId, executorId: executor.userId } }, at(10));
  await applyTransition(t.prisma, executor, { caseId, event: "submitDraft", draft }, at(60));
  await applyTransition(t.prisma, coordinator, { caseId, event: "forward" }, at(70));
  expect((await t.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("AT_CURATOR");
  return caseId;
}

const snapshot = async (caseId: string) => ({
  case: await t.prisma.case.findUniqueOrThrow({ where: { id: caseId } }),
  events: await t.prisma.caseEvent.count({ where: { caseId } }),
  decisions: await t.prisma.reviewDecision.count({ where: { caseId } }),
});

describe("the curator's decision from the curator's system", () => {
  it("approves as the municipality's curator, marked as delivered through the API", async () => {
    const caseId = await caseAtCurator();
    const result = await recordCuratorDecision(t.prisma, api, { caseId, decision: "approve", comment: "Согласовано" }, at(90));
    expect(result.status).toBe("APPROVED");

    const c = await t.prisma.case.findUniqueOrThrow({
      where: { id: caseId },
      include: { reviewDecisions: { orderBy: { createdAt: "asc" } }, events: { orderBy: { at: "asc" } } },
    });
    expect(c).toMatchObject({ status: "APPROVED", approvedAt: at(90), currentClock: "ANSWER" });
    const curatorDecision = c.reviewDecisions.at(-1);
    expect(curatorDecision).toMatchObject({
      stage: "CURATOR",
      outcome: "APPROVED",
      decidedById: curatorId,
      onBehalfOfCurator: false,
      comment: "Согласовано",
    });
    const event = c.events.at(-1);
    expect(event).toMatchObject({ type: "APPROVED", actorId: curatorId, fromStatus: "AT_CURATOR", toStatus: "APPROVED" });
    expect(event?.data).toMatchObject({ via: "API", apiKeyId: api.apiKeyId });
  });

  it("refuses to reject without a comment and changes nothing", async () => {
    const caseId = await caseAtCurator();
    const before = await snapshot(caseId);
    await expect(recordCuratorDecision(t.prisma, api, { caseId, decision: "reject", comment: "  " }, at(90))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      field: "comment",
    });
    await expect(recordCuratorDecision(t.prisma, api, { caseId, decision: "reject" }, at(90))).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await snapshot(caseId)).toEqual(before);
  });

  it("returns the draft for rework with the curator's comment and starts the rework clock", async () => {
    const caseId = await caseAtCurator();
    const result = await recordCuratorDecision(t.prisma, api, { caseId, decision: "reject", comment: "Укажите срок окончания работ" }, at(90));
    expect(result.status).toBe("REWORK");
    const c = await t.prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { reviewDecisions: true } });
    expect(c).toMatchObject({ status: "REWORK", currentClock: "REWORK", reworkDueAt: at(120) });
    expect(c.reviewDecisions.find((d) => d.stage === "CURATOR")).toMatchObject({
      outcome: "RETURNED",
      comment: "Укажите срок окончания работ",
      decidedById: curatorId,
    });
  });

  it("answers CONFLICT for a case that is not at the curator, changing nothing", async () => {
    const { caseId } = await registerCase(
      t.prisma,
      { userId: null, municipalityId, via: "API", apiKeyId: api.apiKeyId },
      { source: "CURATOR", externalId: "INC-NEW-1", url: "https://vk.com/wall-1_200", text: "Яма на дороге" },
      t0,
    );
    const before = await snapshot(caseId);
    await expect(recordCuratorDecision(t.prisma, api, { caseId, decision: "approve" }, at(5))).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(recordCuratorDecision(t.prisma, api, { caseId, decision: "reject", comment: "Нет" }, at(5))).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await snapshot(caseId)).toEqual(before);

    // A decision already taken is not taken twice.
    const decided = await caseAtCurator();
    await recordCuratorDecision(t.prisma, api, { caseId: decided, decision: "approve" }, at(90));
    await expect(recordCuratorDecision(t.prisma, api, { caseId: decided, decision: "approve" }, at(91))).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("does not see another municipality's case (NOT_FOUND) nor a case that does not exist", async () => {
    const foreign = await caseAtCurator(otherMunicipalityId);
    const before = await snapshot(foreign);
    await expect(recordCuratorDecision(t.prisma, api, { caseId: foreign, decision: "approve" }, at(90))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(recordCuratorDecision(t.prisma, api, { caseId: "no-such-case", decision: "approve" }, at(90))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await snapshot(foreign)).toEqual(before);
  });

  it("answers CONFLICT with a clear message when nobody curates the municipality", async () => {
    const lonely = (await createMunicipality(t.prisma)).id;
    const { caseId } = await registerCase(
      t.prisma,
      { userId: null, municipalityId: lonely, via: "API" },
      { source: "CURATOR", externalId: "INC-LONELY", url: "https://vk.com/wall-1_300", text: "Нет света" },
      t0,
    );
    await expect(
      recordCuratorDecision(t.prisma, { municipalityId: lonely, apiKeyId: api.apiKeyId }, { caseId, decision: "approve" }, at(5)),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("куратор") as unknown });
  });
});
