import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "../../testing/db";
import { createDepartment, createMunicipality, createUser } from "../../testing/factories";
import { ServiceError } from "../errors";
import { registerCase } from "./intake";
import { applyTransition, type TCaseActor } from "./transition";

let t: TTestDatabase;
let municipalityId: string;
let zhkhId: string;
let eduId: string;
let coordinator: TCaseActor;
let coordinator2: TCaseActor;
let executor: TCaseActor;
let eduExecutor: TCaseActor;
let curator: TCaseActor;
const t0 = new Date("2026-11-27T20:00:00Z"); // Friday 23:00 in Moscow
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

const actorOf = (
  u: { id: string; roles: TCaseActor["roles"]; departmentId: string | null },
  municipalityIds: string[],
): TCaseActor => ({
  userId: u.id,
  roles: u.roles,
  departmentId: u.departmentId,
  municipalityIds,
});

beforeAll(async () => {
  t = await createTestDatabase();
  await t.prisma.socialNetwork.createMany({
    data: [
      { code: "VK", name: "ВКонтакте", hosts: ["vk.com", "vk.ru"], maxAnswerLength: 4096 },
      { code: "OK", name: "Одноклассники", hosts: ["ok.ru"], maxAnswerLength: 4096 },
      { code: "OTHER", name: "Другая", hosts: [] },
    ],
  });
  municipalityId = (await createMunicipality(t.prisma)).id;
  const org = await createDepartment(t.prisma, municipalityId, { isCoordinating: true });
  zhkhId = (await createDepartment(t.prisma, municipalityId, { name: "ЖКХ" })).id;
  eduId = (await createDepartment(t.prisma, municipalityId, { name: "Образование" })).id;
  const ids = [municipalityId];
  coordinator = actorOf(
    await createUser(t.prisma, { roles: ["COORDINATOR"], municipalityId, departmentId: org.id }),
    ids,
  );
  coordinator2 = actorOf(
    await createUser(t.prisma, { roles: ["COORDINATOR"], municipalityId, departmentId: org.id }),
    ids,
  );
  executor = actorOf(await createUser(t.prisma, { roles: ["EXECUTOR"], municipalityId, departmentId: zhkhId }), ids);
  eduExecutor = actorOf(await createUser(t.prisma, { roles: ["EXECUTOR"], municipalityId, departmentId: eduId }), ids);
  curator = actorOf(await createUser(t.prisma, { roles: ["CURATOR"], municipalityId: null, curates: ids }), ids);
});
afterAll(async () => {
  await t.cleanup();
});

const intake = (over: Partial<Parameters<typeof registerCase>[2]> = {}, now = t0) =>
  registerCase(
    t.prisma,
    { userId: coordinator.userId, municipalityId, via: "UI" },
    { source: "CURATOR", url: "https://vk.com/wall-1_100", text: "Нет воды в хуторе Ленинаван третий день", ...over },
    now,
  );

const draft = {
  kind: "MEASURES" as const,
  measures: "Заменён участок водовода на ул. Ленина.",
  stages: "Подача воды восстановлена 28.11.2026 к 12:00.",
};

describe("case workflow services", () => {
  it("registers a case with frozen deadlines from T0: Friday 23:00 is due Saturday 23:00", async () => {
    const { caseId, created } = await intake();
    expect(created).toBe(true);
    const c = await t.prisma.case.findUniqueOrThrow({
      where: { id: caseId },
      include: { network: true, events: true },
    });
    expect(c.network.code).toBe("VK");
    expect(c.number).toBeGreaterThan(0);
    expect(c.routeDueAt).toEqual(at(30));
    expect(c.draftDueAt).toEqual(at(20 * 60));
    expect(c.answerDueAt.toISOString()).toBe("2026-11-28T20:00:00.000Z");
    expect(c).toMatchObject({ status: "NEW", currentClock: "ROUTE", slaAnswerMinutes: 1440 });
    expect(c.events.map((e) => e.type)).toEqual(["CREATED"]);
    expect(
      await t.prisma.notification.count({ where: { caseId, userId: coordinator.userId, kind: "CASE_RECEIVED" } }),
    ).toBe(1);

    // Later settings never move this case's deadlines.
    await t.prisma.municipality.update({
      where: { id: municipalityId },
      data: { slaAnswerMinutes: 600, slaDraftMinutes: 300 },
    });
    const again = await t.prisma.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(again.answerDueAt).toEqual(c.answerDueAt);
    await t.prisma.municipality.update({
      where: { id: municipalityId },
      data: { slaAnswerMinutes: 1440, slaDraftMinutes: 1200 },
    });
  });

  it("takes one externalId once, even when deliveries race", async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => intake({ externalId: "INC-777" })));
    const ids = new Set(results.map((r) => r.caseId));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await t.prisma.case.count({ where: { externalId: "INC-777" } })).toBe(1);
  });

  it("refuses a receipt time in the future and a link to another network than named", async () => {
    await expect(intake({ receivedAt: at(10) }, t0)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      field: "receivedAt",
    });
    await expect(intake({ network: "OK" })).rejects.toMatchObject({ code: "BAD_REQUEST", field: "url" });
    await expect(intake({ url: "javascript:alert(1)" })).rejects.toMatchObject({ code: "BAD_REQUEST", field: "url" });
  });

  it("runs a case from receipt to posting, with its timeline, and charges a late route at once", async () => {
    const { caseId } = await intake();
    const routed = await applyTransition(
      t.prisma,
      coordinator,
      { caseId, event: "route", input: { departmentId: zhkhId, executorId: executor.userId } },
      at(40),
    );
    expect(routed).toMatchObject({ status: "ASSIGNED", violations: ["ROUTE_LATE"] });
    const v = await t.prisma.violation.findFirstOrThrow({ where: { caseId } });
    expect(v).toMatchObject({ type: "ROUTE_LATE", dueAt: at(30), detectedAt: at(30) });

    await applyTransition(t.prisma, executor, { caseId, event: "submitDraft", draft }, at(120));
    await applyTransition(t.prisma, coordinator, { caseId, event: "forward" }, at(130));
    await applyTransition(
      t.prisma,
      curator,
      { caseId, event: "reject", input: { comment: "Укажите срок окончания работ" } },
      at(150),
    );
    await applyTransition(
      t.prisma,
      executor,
      { caseId, event: "submitDraft", draft: { ...draft, stages: "Работы завершены 28.11.2026." } },
      at(170),
    );
    await applyTransition(t.prisma, coordinator, { caseId, event: "forward" }, at(175));
    await applyTransition(
      t.prisma,
      coordinator,
      { caseId, event: "approve", input: { comment: "Куратор согласовал по телефону" } },
      at(190),
    );
    await expect(
      applyTransition(
        t.prisma,
        coordinator,
        { caseId, event: "post", input: { answerUrl: "https://ok.ru/group/1/topic/2" } },
        at(200),
      ),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", field: "answerUrl" });
    const posted = await applyTransition(
      t.prisma,
      coordinator,
      { caseId, event: "post", input: { answerUrl: "https://vk.com/wall-1_100?reply=5" } },
      at(200),
    );
    expect(posted.status).toBe("POSTED");

    const c = await t.prisma.case.findUniqueOrThrow({
      where: { id: caseId },
      include: {
        events: { orderBy: { at: "asc" } },
        drafts: true,
        reviewDecisions: { orderBy: { createdAt: "asc" } },
        violations: true,
      },
    });
    expect(c.events.map((e) => e.type)).toEqual([
      "CREATED",
      "ROUTED",
      "DRAFT_SUBMITTED",
      "FORWARDED",
      "REJECTED",
      "DRAFT_SUBMITTED",
      "FORWARDED",
      "APPROVED",
      "POSTED",
    ]);
    expect(c.drafts.map((d) => d.version).sort()).toEqual([1, 2]);
    expect(c.reviewDecisions.map((d) => [d.stage, d.outcome, d.onBehalfOfCurator])).toEqual([
      ["INTERNAL", "APPROVED", false],
      ["CURATOR", "RETURNED", false],
      ["INTERNAL", "APPROVED", false],
      ["CURATOR", "APPROVED", true],
    ]);
    expect(c.violations.map((x) => x.type)).toEqual(["ROUTE_LATE"]);
    expect(c).toMatchObject({ currentClock: null, currentDueAt: null, postedAt: at(200) });
  });

  it("refuses an executor of another department and an illegal event, changing nothing", async () => {
    const { caseId } = await intake();
    await applyTransition(t.prisma, coordinator, { caseId, event: "route", input: { departmentId: zhkhId } }, at(5));
    const before = await t.prisma.case.findUniqueOrThrow({ where: { id: caseId } });
    await expect(
      applyTransition(t.prisma, eduExecutor, { caseId, event: "submitDraft", draft }, at(10)),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      applyTransition(
        t.prisma,
        coordinator,
        { caseId, event: "post", input: { answerUrl: "https://vk.com/x" } },
        at(10),
      ),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      applyTransition(
        t.prisma,
        executor,
        { caseId, event: "submitDraft", draft: { kind: "REFUSAL", refusalReason: "Не наш вопрос" } },
        at(10),
      ),
    ).rejects.toBeInstanceOf(ServiceError);
    expect(await t.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).toEqual(before);
    expect(await t.prisma.answerDraft.count({ where: { caseId } })).toBe(0);
    expect(await t.prisma.caseEvent.count({ where: { caseId } })).toBe(2);
  });

  it("lets one of two coordinators routing at once win; the other gets a clear conflict", async () => {
    const { caseId } = await intake();
    const results = await Promise.allSettled([
      applyTransition(t.prisma, coordinator, { caseId, event: "route", input: { departmentId: zhkhId } }, at(5)),
      applyTransition(t.prisma, coordinator2, { caseId, event: "route", input: { departmentId: eduId } }, at(5)),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected");
    expect((loser as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    expect(await t.prisma.caseEvent.count({ where: { caseId, type: "ROUTED" } })).toBe(1);
  });

  it("sends a case back to routing when it is not the department's, with the clocks running on", async () => {
    const { caseId } = await intake();
    await applyTransition(t.prisma, coordinator, { caseId, event: "route", input: { departmentId: eduId } }, at(5));
    await applyTransition(
      t.prisma,
      eduExecutor,
      { caseId, event: "notOurDepartment", input: { reason: "Водоснабжение — вопрос ЖКХ" } },
      at(15),
    );
    const c = await t.prisma.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(c).toMatchObject({ status: "NEW", departmentId: null, answerDueAt: at(1440), routedAt: at(5) });
  });

  it("requires the answer to a repeated publication to report measures or progress (п.11)", async () => {
    const first = await intake({ text: "Нет воды в х. Ленинаван" });
    const { caseId } = await intake({ text: "Воды так и нет", repeatOfId: first.caseId });
    await applyTransition(t.prisma, coordinator, { caseId, event: "route", input: { departmentId: zhkhId } }, at(5));
    const refusal = {
      kind: "REFUSAL" as const,
      refusalReason: "Сети бесхозные",
      legalReferences: ["Федеральный закон от 06.10.2003 № 131-ФЗ"],
    };
    await expect(
      applyTransition(t.prisma, executor, { caseId, event: "submitDraft", draft: refusal }, at(60)),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      field: "kind",
    });
    const ok = await applyTransition(t.prisma, executor, { caseId, event: "submitDraft", draft }, at(61));
    expect(ok.status).toBe("INTERNAL_REVIEW");
  });

  it("posts the answer to a publication on an unlisted network with any web link", async () => {
    const { caseId } = await intake({ url: "https://forum.example.org/topic/15" });
    expect(
      (await t.prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { network: true } })).network.code,
    ).toBe("OTHER");
    await applyTransition(t.prisma, coordinator, { caseId, event: "route", input: { departmentId: zhkhId } }, at(5));
    await applyTransition(t.prisma, executor, { caseId, event: "submitDraft", draft }, at(60));
    await applyTransition(t.prisma, coordinator, { caseId, event: "forward" }, at(65));
    await applyTransition(t.prisma, curator, { caseId, event: "approve" }, at(70));
    await expect(
      applyTransition(
        t.prisma,
        coordinator,
        { caseId, event: "post", input: { answerUrl: "ftp://forum.example.org/1" } },
        at(75),
      ),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const posted = await applyTransition(
      t.prisma,
      coordinator,
      { caseId, event: "post", input: { answerUrl: "https://forum.example.org/topic/15#p2" } },
      at(80),
    );
    expect(posted.status).toBe("POSTED");
  });
});
