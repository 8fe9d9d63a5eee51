import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "../../../testing/db";
import { contextFor, createDepartment, createMunicipality, createUser } from "../../../testing/factories";
import { createCaller } from "../../root";

let t: TTestDatabase;
let municipalityId: string;
let otherId: string;
let zhkhId: string;
let eduId: string;
const users: Record<string, { id: string }> = {};
const now = new Date("2026-11-27T09:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);

beforeAll(async () => {
  t = await createTestDatabase();
  await t.prisma.socialNetwork.createMany({
    data: [
      { code: "VK", name: "ВКонтакте", hosts: ["vk.com"], maxAnswerLength: 4096, sortOrder: 1 },
      { code: "OK", name: "Одноклассники", hosts: ["ok.ru"], maxAnswerLength: 4096, sortOrder: 2 },
    ],
  });
  municipalityId = (await createMunicipality(t.prisma)).id;
  otherId = (await createMunicipality(t.prisma)).id;
  await createDepartment(t.prisma, municipalityId, { isCoordinating: true });
  zhkhId = (await createDepartment(t.prisma, municipalityId, { name: "ЖКХ" })).id;
  eduId = (await createDepartment(t.prisma, municipalityId, { name: "Образование" })).id;
  users.coordinator = await createUser(t.prisma, { roles: ["COORDINATOR"], municipalityId });
  users.manager = await createUser(t.prisma, { roles: ["MANAGER"], municipalityId });
  users.executor = await createUser(t.prisma, { roles: ["EXECUTOR"], municipalityId, departmentId: zhkhId });
  users.eduExecutor = await createUser(t.prisma, { roles: ["EXECUTOR"], municipalityId, departmentId: eduId });
  users.head = await createUser(t.prisma, { roles: ["HEAD"], municipalityId });
  users.deputy = await createUser(t.prisma, { roles: ["DEPUTY_HEAD"], municipalityId });
  users.curator = await createUser(t.prisma, { roles: ["CURATOR"], municipalityId: null, curates: [municipalityId] });
  users.stranger = await createUser(t.prisma, { roles: ["COORDINATOR"], municipalityId: otherId });
});
afterAll(async () => {
  await t.cleanup();
});

const as = async (name: string) => createCaller(await contextFor(t.prisma, users[name] ?? null, now));
const intake = async (over: Record<string, unknown> = {}) =>
  (await as("coordinator")).cases.intake({
    source: "CURATOR",
    url: "https://vk.com/wall-5_1",
    text: "Не горят фонари на улице Ленина",
    ...over,
  });

describe("cases over tRPC", () => {
  it("shows a case received 25 h ago and never touched with its answer clock overdue", async () => {
    const { caseId } = await intake({ receivedAt: hoursAgo(25) });
    const c = await (await as("coordinator")).cases.get({ id: caseId });
    expect(c.status).toBe("NEW");
    expect(c.clocks.answer?.state).toBe("OVERDUE");
    expect(c.clocks.current).toMatchObject({ kind: "ROUTE", state: "OVERDUE" });
    expect(c.actions.map((a) => a.event).sort()).toEqual(["cancel", "decline", "route"]);
  });

  it("detects the network from the link and refuses bad input in Russian", async () => {
    const { caseId } = await intake({ url: "https://ok.ru/group/1/topic/9" });
    expect((await (await as("manager")).cases.get({ id: caseId })).network.code).toBe("OK");
    await expect(intake({ text: "", url: "" })).rejects.toSatisfy(
      (e: unknown) =>
        e instanceof TRPCError &&
        e.code === "BAD_REQUEST" &&
        JSON.stringify(e.cause).includes("Укажите ссылку на публикацию"),
    );
    await expect(
      (await as("executor")).cases.intake({ source: "CURATOR", url: "https://vk.com/x", text: "Текст жалобы" }),
    ).rejects.toSatisfy((e: unknown) => e instanceof TRPCError && e.code === "FORBIDDEN");
  });

  it("shows executors only their department's cases, and nobody another municipality's", async () => {
    const { caseId } = await intake({ text: "Протекает крыша школы № 3" });
    await (await as("coordinator")).cases.transition({ caseId, event: "route", input: { departmentId: eduId } });

    const eduList = await (await as("eduExecutor")).cases.list({});
    expect(eduList.items.map((c) => c.id)).toEqual([caseId]);
    expect((await (await as("executor")).cases.list({})).items.map((c) => c.id)).not.toContain(caseId);
    await expect((await as("executor")).cases.get({ id: caseId })).rejects.toSatisfy(
      (e: unknown) => e instanceof TRPCError && e.code === "NOT_FOUND",
    );

    expect((await (await as("stranger")).cases.list({})).items).toHaveLength(0);
    await expect((await as("stranger")).cases.get({ id: caseId })).rejects.toSatisfy(
      (e: unknown) => e instanceof TRPCError && e.code === "NOT_FOUND",
    );
    await expect(
      (await as("stranger")).cases.transition({ caseId, event: "cancel", input: { reason: "Чужая публикация" } }),
    ).rejects.toSatisfy((e: unknown) => e instanceof TRPCError && e.code === "NOT_FOUND");
    expect((await (await as("curator")).cases.list({ text: "школы" })).items.map((c) => c.id)).toEqual([caseId]);
  });

  it("offers each person only the actions they may take, and refuses the rest with nothing changed", async () => {
    const { caseId } = await intake({ text: "Мусор не вывозят вторую неделю" });
    expect((await (await as("head")).cases.get({ id: caseId })).actions).toEqual([]);
    await expect(
      (await as("head")).cases.transition({ caseId, event: "route", input: { departmentId: zhkhId } }),
    ).rejects.toSatisfy((e: unknown) => e instanceof TRPCError && e.code === "FORBIDDEN");
    await expect((await as("coordinator")).cases.transition({ caseId, event: "forward" })).rejects.toSatisfy(
      (e: unknown) => e instanceof TRPCError && e.code === "CONFLICT",
    );
    const c = await t.prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { events: true } });
    expect(c.status).toBe("NEW");
    expect(c.events).toHaveLength(1);
  });

  it("tells the head and the deputy head at once about a socially significant case, once", async () => {
    const { caseId } = await intake({ text: "Массовое отравление в детском саду" });
    await (await as("curator")).cases.markSignificant({ caseId, reason: "Угроза здоровью детей" });
    await (await as("manager")).cases.markSignificant({ caseId, reason: "Повторно отмечено" });
    const alerts = await t.prisma.notification.findMany({ where: { caseId, kind: "SIGNIFICANT_ALERT" } });
    expect(alerts.map((n) => n.userId).sort()).toEqual([users.head!.id, users.deputy!.id].sort());
    await expect((await as("executor")).cases.markSignificant({ caseId, reason: "Не моё дело" })).rejects.toSatisfy(
      (e: unknown) => e instanceof TRPCError && e.code === "FORBIDDEN",
    );
  });

  it("suggests the earlier case of the same author as a repeat, and links it", async () => {
    const first = await intake({
      authorName: "Ованесян Ашот",
      text: "Яма на дороге в х. Ленинаван",
      receivedAt: hoursAgo(72),
    });
    const second = await intake({
      authorName: "ованесян ашот",
      text: "Яму так и не заделали",
      receivedAt: hoursAgo(1),
    });
    const suggestions = await (await as("coordinator")).cases.repeatCandidates({ caseId: second.caseId });
    expect(suggestions[0]?.caseId).toBe(first.caseId);
    await (
      await as("coordinator")
    ).cases.transition({ caseId: first.caseId, event: "route", input: { departmentId: zhkhId } });
    await (await as("coordinator")).cases.linkRepeat({ caseId: second.caseId, repeatOfId: first.caseId });
    const linked = await (await as("coordinator")).cases.get({ id: second.caseId });
    expect(linked).toMatchObject({ repeated: true, repeatOf: { id: first.caseId } });
    // п.11: the repeat goes to the department that handled the earlier publication.
    expect(linked.suggestedDepartmentId).toBe(zhkhId);
  });

  it("pages through the list with a cursor, most urgent first, and counts by status", async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    let lastDue = 0;
    do {
      const page: { items: { id: string; currentDueAt: Date | null }[]; nextCursor: string | null } = await (
        await as("coordinator")
      ).cases.list({ limit: 2, cursor });
      for (const c of page.items) {
        expect(seen.has(c.id)).toBe(false);
        seen.add(c.id);
        if (c.currentDueAt) {
          expect(c.currentDueAt.getTime()).toBeGreaterThanOrEqual(lastDue);
          lastDue = c.currentDueAt.getTime();
        }
      }
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    const total = await t.prisma.case.count({ where: { municipalityId } });
    expect(seen.size).toBe(total);
    const counts = await (await as("coordinator")).cases.counts();
    expect(Object.values(counts).reduce((a, b) => a + (b ?? 0), 0)).toBe(total);
  });

  it("lists the municipality's legal acts to executors only", async () => {
    await t.prisma.legalAct.create({
      data: { municipalityId, title: "О порядке рассмотрения обращений граждан", citation: "59-ФЗ" },
    });
    await t.prisma.legalAct.create({ data: { municipalityId: otherId, title: "Чужой акт", citation: "1-ОЗ" } });
    expect((await (await as("executor")).cases.legalActs()).map((a) => a.citation)).toEqual(["59-ФЗ"]);
    await expect((await as("head")).cases.legalActs()).rejects.toSatisfy(
      (e: unknown) => e instanceof TRPCError && e.code === "FORBIDDEN",
    );
  });

  it("filters the list by department and network", async () => {
    const onOk = await intake({ url: "https://ok.ru/group/7/topic/70", text: "Фильтр: жалоба в Одноклассниках" });
    const onVk = await intake({ text: "Фильтр: жалоба во ВКонтакте" });
    await (
      await as("coordinator")
    ).cases.transition({ caseId: onOk.caseId, event: "route", input: { departmentId: eduId } });
    const caller = await as("coordinator");
    const ids = async (filter: Parameters<typeof caller.cases.list>[0]) =>
      (await caller.cases.list({ ...filter, text: "Фильтр" })).items.map((c) => c.id).sort();
    expect(await ids({})).toEqual([onOk.caseId, onVk.caseId].sort());
    expect(await ids({ network: "OK" })).toEqual([onOk.caseId]);
    expect(await ids({ departmentId: eduId })).toEqual([onOk.caseId]);
    expect(await ids({ departmentId: zhkhId })).toEqual([]);
    const options = await caller.cases.filterOptions();
    expect(options.departments.map((d) => d.id)).toEqual(expect.arrayContaining([zhkhId, eduId]));
    expect(options.networks.map((n) => n.code)).toEqual(["VK", "OK"]);
  });

  it("routes to a department and one of its executors, picked from the list it offers", async () => {
    const departments = await (await as("coordinator")).cases.departments();
    const zhkh = departments.find((d) => d.id === zhkhId);
    expect(zhkh?.executors).toEqual([
      { id: users.executor!.id, fullName: expect.stringContaining("Тестов") as unknown },
    ]);
    expect(departments.find((d) => d.id === eduId)?.executors.map((e) => e.id)).toEqual([users.eduExecutor!.id]);

    const { caseId } = await intake({ text: "Прорвало трубу у школы" });
    await (
      await as("coordinator")
    ).cases.transition({ caseId, event: "route", input: { departmentId: zhkhId, executorId: users.executor!.id } });
    const c = await (await as("coordinator")).cases.get({ id: caseId });
    expect(c.executor?.id).toBe(users.executor!.id);
    const routed = c.events.find((e) => e.type === "ROUTED");
    expect(routed?.details).toMatchObject({ departmentName: "ЖКХ", executorName: zhkh?.executors[0]?.fullName });
  });

  it("keeps the executor's working draft through a reload and shows it to nobody else", async () => {
    const { caseId } = await intake({ text: "Нет освещения во дворе" });
    await (await as("coordinator")).cases.transition({ caseId, event: "route", input: { departmentId: zhkhId } });
    const executor = await as("executor");
    const saved = await executor.cases.saveDraft({
      caseId,
      draft: { kind: "REFUSAL", refusalReason: "Сети на балансе ПАО «Россети»", legalReferences: ["59-ФЗ"] },
    });
    expect(saved).toEqual({ caseId, version: 1, savedAt: now });

    const reloaded = await (await as("executor")).cases.get({ id: caseId });
    expect(reloaded.workingDraft).toMatchObject({ kind: "REFUSAL", legalReferences: ["59-ФЗ"] });
    expect(reloaded.actions.map((a) => a.event)).toContain("submitDraft");
    for (const name of ["coordinator", "manager", "curator", "head"]) {
      const seen = await (await as(name)).cases.get({ id: caseId });
      expect(seen.workingDraft).toBeNull();
      expect(JSON.stringify(seen)).not.toContain("Россети");
    }

    await expect(
      (await as("eduExecutor")).cases.saveDraft({ caseId, draft: { kind: "MEASURES", measures: "Не наш" } }),
    ).rejects.toSatisfy((e: unknown) => e instanceof TRPCError && e.code === "FORBIDDEN");
    await expect(
      (await as("coordinator")).cases.saveDraft({ caseId, draft: { kind: "MEASURES", measures: "Не мой" } }),
    ).rejects.toSatisfy((e: unknown) => e instanceof TRPCError && e.code === "FORBIDDEN");
    await expect(
      (await as("stranger")).cases.saveDraft({ caseId, draft: { kind: "MEASURES", measures: "Чужой" } }),
    ).rejects.toSatisfy((e: unknown) => e instanceof TRPCError && e.code === "FORBIDDEN");
    await expect(
      executor.cases.saveDraft({ caseId, draft: { kind: "MEASURES", measures: "я".repeat(10_001) } }),
    ).rejects.toSatisfy(
      (e: unknown) =>
        e instanceof TRPCError && e.code === "BAD_REQUEST" && JSON.stringify(e.cause).includes("не более 10000"),
    );
    expect(await t.prisma.answerDraft.count({ where: { caseId } })).toBe(1);
  });

  it("tells the page whose files are whose and which uploads each person may make now", async () => {
    const { caseId } = await intake({ text: "Скриншоты и доказательства" });
    const asCoordinator = await (await as("coordinator")).cases.get({ id: caseId });
    expect(asCoordinator.currentUserId).toBe(users.coordinator!.id);
    expect(asCoordinator.uploads).toEqual({ evidence: false, screenshot: true, answerScreenshot: false });
    await (await as("coordinator")).cases.transition({ caseId, event: "route", input: { departmentId: zhkhId } });
    const asExecutor = await (await as("executor")).cases.get({ id: caseId });
    expect(asExecutor.uploads).toEqual({ evidence: true, screenshot: false, answerScreenshot: false });
    expect((await (await as("head")).cases.get({ id: caseId })).uploads).toEqual({
      evidence: false,
      screenshot: false,
      answerScreenshot: false,
    });
  });
});
