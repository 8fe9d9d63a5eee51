import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "../../testing/db";
import { createDepartment, createMunicipality, createUser } from "../../testing/factories";
import { ServiceError } from "../errors";
import { registerCase } from "./intake";
import { getCase } from "./queries";
import { applyTransition, type TCaseActor } from "./transition";
import { saveWorkingDraft } from "./working-draft";

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
      // The late route's violation, dated at the routing deadline (T0+30), before the routing.
      "VIOLATION",
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

describe("the executor's working draft", () => {
  const attach = (caseId: string, kind: "PHOTO" | "SCREENSHOT", uploadedById: string) =>
    t.prisma.attachment.create({
      data: {
        caseId,
        kind,
        fileName: kind === "PHOTO" ? "водовод.jpg" : "пост.png",
        mimeType: kind === "PHOTO" ? "image/jpeg" : "image/png",
        sizeBytes: 1024n,
        sha256: "0".repeat(64),
        storageKey: `test/${caseId}/${kind}/${Math.random().toString(36).slice(2)}`,
        uploadedById,
        createdAt: at(30),
      },
    });
  const asReader = (a: TCaseActor) => ({ municipalityIds: a.municipalityIds });

  it("survives a reload, stays one row however often it is saved, and leaves the case as it was", async () => {
    const { caseId } = await intake();
    await applyTransition(t.prisma, coordinator, { caseId, event: "route", input: { departmentId: zhkhId } }, at(5));
    const before = await t.prisma.case.findUniqueOrThrow({ where: { id: caseId } });

    // Incomplete is fine while writing: no stages yet.
    const first = await saveWorkingDraft(
      t.prisma,
      executor,
      { caseId, draft: { kind: "MEASURES", measures: "Бригада выехала на место." } },
      at(60),
    );
    expect(first).toMatchObject({ caseId, version: 1, savedAt: at(60) });
    const reloaded = await getCase(t.prisma, asReader(executor), caseId, at(61), { drafterDepartmentId: zhkhId });
    expect(reloaded?.workingDraft).toMatchObject({
      version: 1,
      kind: "MEASURES",
      measures: "Бригада выехала на место.",
      stages: null,
      submittedAt: null,
    });
    expect(reloaded?.drafts).toEqual([]);

    await saveWorkingDraft(t.prisma, executor, { caseId, draft: { ...draft, measures: "Порыв устранён." } }, at(90));
    const rows = await t.prisma.answerDraft.findMany({ where: { caseId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ version: 1, submittedAt: null, measures: "Порыв устранён.", stages: draft.stages });

    const after = await t.prisma.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(after).toEqual(before);
    expect(await t.prisma.caseEvent.count({ where: { caseId } })).toBe(2);
  });

  it("becomes version 1 on submission, with the evidence uploaded while drafting", async () => {
    const { caseId } = await intake();
    await applyTransition(t.prisma, coordinator, { caseId, event: "route", input: { departmentId: zhkhId } }, at(5));
    await saveWorkingDraft(t.prisma, executor, { caseId, draft: { kind: "MEASURES", measures: "Черновик" } }, at(60));
    const photo = await attach(caseId, "PHOTO", executor.userId);
    const screenshot = await attach(caseId, "SCREENSHOT", coordinator.userId);

    await applyTransition(t.prisma, executor, { caseId, event: "submitDraft", draft }, at(120));
    const rows = await t.prisma.answerDraft.findMany({ where: { caseId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      version: 1,
      submittedAt: at(120),
      measures: draft.measures,
      stages: draft.stages,
      text: `${draft.measures}\n\n${draft.stages}`,
    });
    expect((await t.prisma.attachment.findUniqueOrThrow({ where: { id: photo.id } })).draftId).toBe(rows[0]!.id);
    // The publication's screenshot is not evidence for the answer.
    expect((await t.prisma.attachment.findUniqueOrThrow({ where: { id: screenshot.id } })).draftId).toBeNull();
    const submitted = await t.prisma.caseEvent.findFirstOrThrow({ where: { caseId, type: "DRAFT_SUBMITTED" } });
    expect(submitted.data).toMatchObject({ draftId: rows[0]!.id });

    // Under review nobody keeps a working draft any more.
    await expect(
      saveWorkingDraft(t.prisma, executor, { caseId, draft: { kind: "MEASURES", measures: "Ещё" } }, at(125)),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await t.prisma.answerDraft.count({ where: { caseId } })).toBe(1);
  });

  it("in rework starts the next version, and evidence already sent stays with its own version", async () => {
    const { caseId } = await intake();
    await applyTransition(t.prisma, coordinator, { caseId, event: "route", input: { departmentId: zhkhId } }, at(5));
    const early = await attach(caseId, "PHOTO", executor.userId);
    await applyTransition(t.prisma, executor, { caseId, event: "submitDraft", draft }, at(60));
    await applyTransition(
      t.prisma,
      coordinator,
      { caseId, event: "returnForRework", input: { comment: "Добавьте дату" } },
      at(70),
    );
    const saved = await saveWorkingDraft(
      t.prisma,
      executor,
      { caseId, draft: { ...draft, stages: "До 30.11.2026." } },
      at(80),
    );
    expect(saved.version).toBe(2);
    const late = await attach(caseId, "PHOTO", executor.userId);
    await applyTransition(
      t.prisma,
      executor,
      { caseId, event: "submitDraft", draft: { ...draft, stages: "Работы завершены 30.11.2026." } },
      at(90),
    );
    const rows = await t.prisma.answerDraft.findMany({ where: { caseId }, orderBy: { version: "asc" } });
    expect(rows.map((r) => [r.version, r.submittedAt, r.stages])).toEqual([
      [1, at(60), draft.stages],
      [2, at(90), "Работы завершены 30.11.2026."],
    ]);
    expect((await t.prisma.attachment.findUniqueOrThrow({ where: { id: early.id } })).draftId).toBe(rows[0]!.id);
    expect((await t.prisma.attachment.findUniqueOrThrow({ where: { id: late.id } })).draftId).toBe(rows[1]!.id);
  });

  it("lets a save racing the submission wait for it: the submission wins, the submitted text stays", async () => {
    for (let round = 0; round < 4; round++) {
      const { caseId } = await intake();
      await applyTransition(t.prisma, coordinator, { caseId, event: "route", input: { departmentId: zhkhId } }, at(5));
      if (round % 2 === 1) {
        await saveWorkingDraft(t.prisma, executor, { caseId, draft: { kind: "MEASURES", measures: "Начало" } }, at(50));
      }
      const [saved, submitted] = await Promise.allSettled([
        saveWorkingDraft(
          t.prisma,
          executor,
          { caseId, draft: { kind: "MEASURES", measures: "Поздняя правка" } },
          at(60),
        ),
        applyTransition(t.prisma, executor, { caseId, event: "submitDraft", draft }, at(60)),
      ]);
      expect(submitted.status).toBe("fulfilled");
      // A save that came second finds the draft under review and says so.
      if (saved.status === "rejected") expect(saved.reason).toMatchObject({ code: "CONFLICT" });
      const rows = await t.prisma.answerDraft.findMany({ where: { caseId } });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ version: 1, measures: draft.measures, submittedAt: at(60) });
      expect((await t.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("INTERNAL_REVIEW");
    }
  });

  it("is refused to another department's executor, a coordinator and a stranger, changing nothing", async () => {
    const { caseId } = await intake();
    await applyTransition(t.prisma, coordinator, { caseId, event: "route", input: { departmentId: zhkhId } }, at(5));
    const save = (a: TCaseActor) =>
      saveWorkingDraft(t.prisma, a, { caseId, draft: { kind: "MEASURES", measures: "Чужой текст" } }, at(30));
    await expect(save(eduExecutor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(save(coordinator)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(save(curator)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(save({ ...executor, municipalityIds: ["elsewhere"] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.prisma.answerDraft.count({ where: { caseId } })).toBe(0);
  });

  it("starts the next department clean after 'not our department': no foreign text, no foreign files sent", async () => {
    const { caseId } = await intake();
    await applyTransition(t.prisma, coordinator, { caseId, event: "route", input: { departmentId: zhkhId } }, at(5));
    await saveWorkingDraft(t.prisma, executor, { caseId, draft: { kind: "MEASURES", measures: "Не наше" } }, at(10));
    const foreign = await attach(caseId, "PHOTO", executor.userId);
    await applyTransition(
      t.prisma,
      executor,
      { caseId, event: "notOurDepartment", input: { reason: "Это вопрос образования" } },
      at(15),
    );
    await applyTransition(t.prisma, coordinator, { caseId, event: "route", input: { departmentId: eduId } }, at(20));

    const forEdu = await getCase(t.prisma, asReader(eduExecutor), caseId, at(21), { drafterDepartmentId: eduId });
    expect(forEdu?.workingDraft).toBeNull();
    expect(forEdu?.attachments.map((a) => a.id)).not.toContain(foreign.id);
    await applyTransition(t.prisma, eduExecutor, { caseId, event: "submitDraft", draft }, at(60));
    const rows = await t.prisma.answerDraft.findMany({ where: { caseId } });
    expect(rows.map((r) => [r.version, r.authorId])).toEqual([[1, eduExecutor.userId]]);
    // The first department's file is kept, but it is not evidence for the other department's answer.
    expect((await t.prisma.attachment.findUniqueOrThrow({ where: { id: foreign.id } })).draftId).toBeNull();
  });

  it("is shown only to the department's executor: reviewers and the curator see submitted versions only", async () => {
    const { caseId } = await intake();
    await applyTransition(t.prisma, coordinator, { caseId, event: "route", input: { departmentId: zhkhId } }, at(5));
    await applyTransition(t.prisma, executor, { caseId, event: "submitDraft", draft }, at(60));
    await applyTransition(
      t.prisma,
      coordinator,
      { caseId, event: "returnForRework", input: { comment: "Дата?" } },
      at(65),
    );
    await saveWorkingDraft(t.prisma, executor, { caseId, draft: { ...draft, stages: "Секретный черновик" } }, at(70));
    const unsent = await attach(caseId, "PHOTO", executor.userId);

    const forCurator = await getCase(t.prisma, asReader(curator), caseId, at(71));
    expect(forCurator?.workingDraft).toBeNull();
    expect(forCurator?.drafts.map((d) => d.version)).toEqual([1]);
    expect(JSON.stringify(forCurator)).not.toContain("Секретный черновик");
    expect(forCurator?.attachments.map((a) => a.id)).not.toContain(unsent.id);
    // Another department's executor, even if they could read the case, is not its drafter.
    const forOther = await getCase(t.prisma, asReader(eduExecutor), caseId, at(71), { drafterDepartmentId: eduId });
    expect(forOther?.workingDraft).toBeNull();

    const forExecutor = await getCase(t.prisma, asReader(executor), caseId, at(71), { drafterDepartmentId: zhkhId });
    expect(forExecutor?.workingDraft).toMatchObject({ version: 2, stages: "Секретный черновик" });
    expect(forExecutor?.attachments.find((a) => a.id === unsent.id)).toMatchObject({
      draftId: null,
      url: `/api/attachments/${unsent.id}`,
    });
  });
});
