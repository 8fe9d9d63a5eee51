import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TPrismaClient } from "../../../db/client";
import { localDayRange } from "../../../domain/time/local-day";
import { loadInbox } from "../../../services/queues/inbox";
import { createTestDatabase, type TTestDatabase } from "../../../testing/db";
import { contextFor, createDepartment, createMunicipality, createUser } from "../../../testing/factories";
import { createCaller } from "../../root";

let t: TTestDatabase;
const now = new Date("2026-11-27T09:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const daysAgo = (d: number) => new Date(now.getTime() - d * 24 * 3600_000);

const draft = {
  kind: "MEASURES" as const,
  measures: "Заменён участок водовода на ул. Ленина.",
  stages: "Подача воды восстановлена 28.11.2026 к 12:00.",
};

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : String(error);
  }
};
const messageOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};

/** The client with a count of the queries made through its models, to check a section is loaded in batches. */
function countingQueries(prisma: TPrismaClient) {
  const counter = { queries: 0 };
  const countCalls = (delegate: object) =>
    new Proxy(delegate, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          counter.queries++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const client = new Proxy(prisma, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "object" && value !== null && "findMany" in value ? countCalls(value) : value;
    },
  });
  return { client, counter };
}

beforeAll(async () => {
  t = await createTestDatabase();
  await t.prisma.socialNetwork.createMany({
    data: [{ code: "VK", name: "ВКонтакте", hosts: ["vk.com"], maxAnswerLength: 4096, sortOrder: 1 }],
  });
});
afterAll(async () => {
  await t.cleanup();
});

/**
 * A district of its own for each test, so every count below is exact: the coordinating
 * department, three departments and an abolished one, a topic with a department and one
 * without, and the people of each role.
 */
async function district(timeZone = "Europe/Moscow") {
  const municipalityId = (await createMunicipality(t.prisma, { timeZone })).id;
  const org = await createDepartment(t.prisma, municipalityId, { name: "Организационный отдел", isCoordinating: true });
  const zhkh = await createDepartment(t.prisma, municipalityId, { name: "Отдел ЖКХ" });
  const roads = await createDepartment(t.prisma, municipalityId, { name: "Отдел дорожного хозяйства" });
  const edu = await createDepartment(t.prisma, municipalityId, { name: "Отдел образования" });
  const closed = await createDepartment(t.prisma, municipalityId, { name: "Упразднённый отдел", active: false });
  const water = await t.prisma.topic.create({
    data: { municipalityId, name: "Водоснабжение", defaultDepartmentId: zhkh.id },
  });
  const roadsTopic = await t.prisma.topic.create({ data: { municipalityId, name: "Дороги" } });
  const closedTopic = await t.prisma.topic.create({
    data: { municipalityId, name: "Архив", defaultDepartmentId: closed.id },
  });
  const users = {
    coordinator: await createUser(t.prisma, { roles: ["COORDINATOR"], municipalityId, departmentId: org.id }),
    manager: await createUser(t.prisma, { roles: ["MANAGER"], municipalityId }),
    executor: await createUser(t.prisma, { roles: ["EXECUTOR"], municipalityId, departmentId: zhkh.id }),
    colleague: await createUser(t.prisma, { roles: ["EXECUTOR"], municipalityId, departmentId: zhkh.id }),
    retired: await createUser(t.prisma, {
      roles: ["EXECUTOR"],
      municipalityId,
      departmentId: zhkh.id,
      active: false,
    }),
    roadsExecutor: await createUser(t.prisma, { roles: ["EXECUTOR"], municipalityId, departmentId: roads.id }),
    head: await createUser(t.prisma, { roles: ["HEAD"], municipalityId }),
  };
  const as = async (user: { id: string }, at: Date = now) => createCaller(await contextFor(t.prisma, user, at));
  const intake = async (over: Record<string, unknown> = {}) =>
    (
      await (
        await as(users.coordinator)
      ).cases.intake({
        source: "CURATOR",
        url: `https://vk.com/wall-1_${Math.floor(Math.random() * 1e9)}`,
        text: "Нет воды в хуторе Ленинаван третий день",
        ...over,
      })
    ).caseId;
  const route = async (caseId: string, departmentId: string, at: Date = now) =>
    (await as(users.coordinator, at)).cases.transition({ caseId, event: "route", input: { departmentId } });
  const submit = async (caseId: string, executor: { id: string } = users.executor) =>
    (await as(executor)).cases.transition({ caseId, event: "submitDraft", draft });
  return {
    municipalityId,
    departments: { org, zhkh, roads, edu, closed },
    topics: { water, roadsTopic, closedTopic },
    users,
    as,
    intake,
    route,
    submit,
  };
}

describe("coordinator's inbox", () => {
  it("lists new cases most urgent first with the running routing clock, and counts them all", async () => {
    const d = await district();
    const fresh = await d.intake({ receivedAt: minutesAgo(5) });
    const late = await d.intake({ receivedAt: minutesAgo(40) });
    const soon = await d.intake({ receivedAt: minutesAgo(25), text: "  Яма\n\nна дороге   у школы  " });

    const inbox = await (await d.as(d.users.coordinator)).queues.inbox();
    expect(inbox.new.items.map((c) => c.id)).toEqual([late, soon, fresh]);
    expect(inbox.new.total).toBe(3);
    expect(inbox.new.items.map((c) => [c.clocks.current?.kind, c.clocks.current?.state])).toEqual([
      ["ROUTE", "OVERDUE"],
      ["ROUTE", "AT_RISK"],
      ["ROUTE", "ON_TIME"],
    ]);
    const row = inbox.new.items[1]!;
    expect(row.excerpt).toBe("Яма на дороге у школы");
    expect(row).not.toHaveProperty("text");
    expect(row.municipality.timeZone).toBe("Europe/Moscow");
    expect(row.clocks.answer?.kind).toBe("ANSWER");

    const firstTwo = await (await d.as(d.users.manager)).queues.inbox({ limit: 2 });
    expect(firstTwo.new.items.map((c) => c.id)).toEqual([late, soon]);
    expect(firstTwo.new.total).toBe(3);
  });

  it("suggests a department for each new case and says why", async () => {
    const d = await district();
    const { zhkh, roads, edu } = d.departments;
    // History: an earlier post routed to roads, and what was done for the settlement.
    const earlier = await d.intake({ receivedAt: daysAgo(10), text: "Яма на дороге у школы" });
    await d.route(earlier, roads.id);
    for (const [settlement, department, days] of [
      ["х. Ленинаван", edu.id, 20],
      ["Ленинаван", edu.id, 50],
      ["хутор Ленинаван", roads.id, 90],
      // Older than the 180-day window: no longer counts.
      ["Ленинаван", zhkh.id, 200],
      ["Ленинаван", zhkh.id, 201],
      ["Ленинаван", zhkh.id, 202],
    ] as const) {
      await d.route(await d.intake({ receivedAt: daysAgo(days), settlement }), department);
    }
    const bounced = await d.intake({ receivedAt: daysAgo(3), settlement: "Ленинаван" });
    await d.route(bounced, roads.id);
    await (
      await d.as(d.users.roadsExecutor)
    ).cases.transition({
      caseId: bounced,
      event: "notOurDepartment",
      input: { reason: "Вопрос водоснабжения" },
    });

    const repeat = await d.intake({ repeatOfId: earlier, topicId: d.topics.water.id });
    const byTopic = await d.intake({ topicId: d.topics.water.id });
    const byPlace = await d.intake({ settlement: "хутор  Ленинаван" });
    const nothing = await d.intake({ topicId: d.topics.closedTopic.id, settlement: "Чалтырь" });
    const earlierNumber = (await t.prisma.case.findUniqueOrThrow({ where: { id: earlier } })).number;

    const inbox = await (await d.as(d.users.coordinator)).queues.inbox();
    const suggestion = (id: string) => inbox.new.items.find((c) => c.id === id)?.suggestion;
    expect(suggestion(repeat)).toEqual({
      departmentId: roads.id,
      source: "REPEAT",
      reason: `как в публикации № ${earlierNumber}`,
    });
    expect(suggestion(byTopic)).toEqual({ departmentId: zhkh.id, source: "TOPIC", reason: "по теме «Водоснабжение»" });
    // The bounced case is back among the new ones; it was never handled by roads, so it does not count.
    expect(suggestion(byPlace)).toEqual({
      departmentId: edu.id,
      source: "SETTLEMENT_HISTORY",
      reason: "чаще всего по этому населённому пункту (2 из 3 за 180 дней)",
    });
    // The topic's department is abolished and nothing was handled in Chaltyr: no guess.
    expect(suggestion(nothing)).toBeNull();

    // Suggestions for the whole section take the same few queries as for a single case.
    const queriesFor = async (municipalityId: string) => {
      const { client, counter } = countingQueries(t.prisma);
      const options = { limit: 100, withAtCurator: true, withApproved: true };
      const loaded = await loadInbox(client, { municipalityIds: [municipalityId] }, options, now);
      return { queries: counter.queries, newCases: loaded.new.items.length };
    };
    const single = await district();
    await single.intake({ topicId: single.topics.roadsTopic.id, settlement: "Ленинаван" });
    const many = await queriesFor(d.municipalityId);
    const one = await queriesFor(single.municipalityId);
    expect([many.newCases, one.newCases]).toEqual([5, 1]);
    expect(one.queries).toBeGreaterThan(0);
    expect(many.queries).toBe(one.queries);
  });

  it("routes a case with its executor in one step, after which it leaves the inbox for the executor's desk", async () => {
    const d = await district();
    const caseId = await d.intake({ topicId: d.topics.water.id });
    const coordinator = await d.as(d.users.coordinator);
    const row = (await coordinator.queues.inbox()).new.items.find((c) => c.id === caseId)!;

    const options = await coordinator.queues.routingOptions();
    expect(options.map((o) => o.name)).toEqual(["Отдел дорожного хозяйства", "Отдел ЖКХ", "Отдел образования"]);
    const zhkh = options.find((o) => o.id === row.suggestion?.departmentId)!;
    expect(zhkh.executors.map((e) => e.id).sort()).toEqual([d.users.executor.id, d.users.colleague.id].sort());

    // An executor of another department is refused, in Russian, and nothing changes.
    expect(
      await messageOf(
        coordinator.cases.transition({
          caseId,
          event: "route",
          expectedVersion: row.version,
          input: { departmentId: zhkh.id, executorId: d.users.roadsExecutor.id },
        }),
      ),
    ).toBe("Исполнитель не найден в этом отделе");
    await coordinator.cases.transition({
      caseId,
      event: "route",
      expectedVersion: row.version,
      input: { departmentId: zhkh.id, executorId: d.users.colleague.id },
    });
    // A second coordinator acting on the same row a moment later is told it changed.
    expect(
      await codeOf(
        coordinator.cases.transition({
          caseId,
          event: "route",
          expectedVersion: row.version,
          input: { departmentId: zhkh.id },
        }),
      ),
    ).toBe("CONFLICT");

    expect((await coordinator.queues.inbox()).new.items.map((c) => c.id)).not.toContain(caseId);
    const work = await (await d.as(d.users.colleague)).queues.work();
    expect(work.todo.items.map((c) => [c.id, c.status, c.mine])).toEqual([[caseId, "ASSIGNED", true]]);
    const colleagueOfColleague = await (await d.as(d.users.executor)).queues.work();
    expect(colleagueOfColleague.todo.items.map((c) => [c.id, c.mine])).toEqual([[caseId, false]]);
  });

  it("also lists drafts to forward and answers to post, each section to those who act on it", async () => {
    const d = await district();
    const toForward = await d.intake({ receivedAt: minutesAgo(60) });
    const atCurator = await d.intake({ receivedAt: minutesAgo(90) });
    const toPost = await d.intake({ receivedAt: minutesAgo(120) });
    const curator = await createUser(t.prisma, {
      roles: ["CURATOR"],
      municipalityId: null,
      curates: [d.municipalityId],
    });
    for (const id of [toForward, atCurator, toPost]) {
      await d.route(id, d.departments.zhkh.id);
      await d.submit(id);
    }
    for (const id of [atCurator, toPost]) {
      await (await d.as(d.users.manager)).cases.transition({ caseId: id, event: "forward" });
    }
    await (await d.as(curator)).cases.transition({ caseId: toPost, event: "approve" });

    const inbox = await (await d.as(d.users.coordinator)).queues.inbox();
    expect(inbox.new.total).toBe(0);
    expect(inbox.new.items).toEqual([]);
    expect(inbox.review.items.map((c) => [c.id, c.clocks.current?.kind])).toEqual([[toForward, "FORWARD"]]);
    expect(inbox.atCurator?.items.map((c) => c.id)).toEqual([atCurator]);
    expect(inbox.approved?.items.map((c) => [c.id, c.clocks.current?.kind])).toEqual([[toPost, "ANSWER"]]);
    expect([inbox.review.total, inbox.atCurator?.total, inbox.approved?.total]).toEqual([1, 1, 1]);

    // The manager neither posts nor records the curator's decisions.
    const managers = await (await d.as(d.users.manager)).queues.inbox();
    expect(managers.review.items.map((c) => c.id)).toEqual([toForward]);
    expect(managers.atCurator).toBeNull();
    expect(managers.approved).toBeNull();

    // Another district's coordinator sees none of it.
    const other = await district();
    const theirs = await (await other.as(other.users.coordinator)).queues.inbox();
    expect([theirs.new.total, theirs.review.total, theirs.atCurator?.total, theirs.approved?.total]).toEqual([
      0, 0, 0, 0,
    ]);
  });

  it("is refused to those who do not route", async () => {
    const d = await district();
    for (const user of [d.users.executor, d.users.head]) {
      const caller = await d.as(user);
      expect(await codeOf(caller.queues.inbox())).toBe("FORBIDDEN");
      expect(await codeOf(caller.queues.routingOptions())).toBe("FORBIDDEN");
    }
  });
});

describe("executor's workspace", () => {
  it("puts the department's drafts to write and to rework first, most urgent first, with why it came back", async () => {
    const d = await district();
    const curator = await createUser(t.prisma, {
      roles: ["CURATOR"],
      municipalityId: null,
      curates: [d.municipalityId],
    });
    const assigned = await d.intake({ receivedAt: minutesAgo(30) });
    const rework = await d.intake({ receivedAt: minutesAgo(300) });
    const inReview = await d.intake({ receivedAt: minutesAgo(200) });
    const otherDepartment = await d.intake();
    await d.route(assigned, d.departments.zhkh.id);
    await d.route(inReview, d.departments.zhkh.id);
    await d.submit(inReview);
    await d.route(rework, d.departments.zhkh.id);
    await d.submit(rework);
    await (await d.as(d.users.coordinator)).cases.transition({ caseId: rework, event: "forward" });
    await (
      await d.as(curator)
    ).cases.transition({
      caseId: rework,
      event: "reject",
      input: { comment: "Укажите сроки замены труб" },
    });
    await d.route(otherDepartment, d.departments.roads.id);

    const work = await (await d.as(d.users.executor)).queues.work();
    expect(work.hasDepartment).toBe(true);
    // Rework has 30 minutes, the draft 20 hours: rework first.
    expect(work.todo.items.map((c) => [c.id, c.status, c.clocks.current?.kind])).toEqual([
      [rework, "REWORK", "REWORK"],
      [assigned, "ASSIGNED", "DRAFT"],
    ]);
    expect(work.todo.items[0]?.lastReturn).toMatchObject({
      stage: "CURATOR",
      comment: "Укажите сроки замены труб",
      onBehalfOfCurator: false,
    });
    expect(work.todo.items[1]?.lastReturn).toBeNull();
    expect(work.todo.total).toBe(2);
    expect(work.waiting.items.map((c) => [c.id, c.status])).toEqual([[inReview, "INTERNAL_REVIEW"]]);
    expect(work.waiting.total).toBe(1);

    const roads = await (await d.as(d.users.roadsExecutor)).queues.work();
    expect(roads.todo.items.map((c) => c.id)).toEqual([otherDepartment]);
  });

  it("is empty for an executor not attached to a department, and refused to those who do not draft", async () => {
    const d = await district();
    await d.route(await d.intake(), d.departments.zhkh.id);
    const loose = await createUser(t.prisma, { roles: ["EXECUTOR"], municipalityId: d.municipalityId });
    const work = await (await d.as(loose)).queues.work();
    expect(work).toMatchObject({ hasDepartment: false, todo: { items: [], total: 0 }, waiting: { total: 0 } });
    expect(await codeOf((await d.as(d.users.coordinator)).queues.work())).toBe("FORBIDDEN");
  });
});

describe("curator's approval queue", () => {
  it("lists drafts at the curator across its municipalities with the draft's text and the earlier remarks", async () => {
    const a = await district();
    const b = await district("Asia/Yekaterinburg");
    const notCurated = await district();
    const curator = await createUser(t.prisma, {
      roles: ["CURATOR"],
      municipalityId: null,
      curates: [a.municipalityId, b.municipalityId],
    });
    const toCurator = async (d: typeof a, receivedAt: Date, returnFirst = false) => {
      const id = await d.intake({ receivedAt, text: "Не вывозят мусор с улицы Садовой" });
      await d.route(id, d.departments.zhkh.id);
      await d.submit(id);
      if (returnFirst) {
        await (
          await d.as(d.users.manager)
        ).cases.transition({
          caseId: id,
          event: "returnForRework",
          input: { comment: "Добавьте сроки вывоза" },
        });
        await d.submit(id);
      }
      await (await d.as(d.users.coordinator)).cases.transition({ caseId: id, event: "forward" });
      return id;
    };
    const inA = await toCurator(a, minutesAgo(60), true);
    const inB = await toCurator(b, minutesAgo(600));
    await toCurator(notCurated, minutesAgo(900));
    const stillInDepartment = await a.intake();
    await a.route(stillInDepartment, a.departments.zhkh.id);

    const queue = await (await a.as(curator)).queues.curator();
    expect(queue.onBehalfOfCurator).toBe(false);
    expect(queue.total).toBe(2);
    // At the curator the 24-hour clock runs: the one received first is due first.
    expect(queue.items.map((c) => [c.id, c.clocks.current?.kind, c.municipality.timeZone])).toEqual([
      [inB, "ANSWER", "Asia/Yekaterinburg"],
      [inA, "ANSWER", "Europe/Moscow"],
    ]);
    const item = queue.items[1]!;
    expect(item.text).toBe("Не вывозят мусор с улицы Садовой");
    expect(item.draft).toMatchObject({ version: 2, kind: "MEASURES", attachments: 0 });
    expect(item.draft?.text).toContain("Заменён участок водовода на ул. Ленина.");
    expect(item.previousComments).toMatchObject([
      { stage: "INTERNAL", outcome: "RETURNED", comment: "Добавьте сроки вывоза", draftVersion: 1 },
    ]);
  });

  it("takes the curator's decision from the queue: approve, or return only with a remark", async () => {
    const d = await district();
    const curator = await createUser(t.prisma, {
      roles: ["CURATOR"],
      municipalityId: null,
      curates: [d.municipalityId],
    });
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const id = await d.intake({ receivedAt: minutesAgo(100 - i) });
      await d.route(id, d.departments.zhkh.id);
      await d.submit(id);
      await (await d.as(d.users.coordinator)).cases.transition({ caseId: id, event: "forward" });
      ids.push(id);
    }
    const [toApprove, toReturn] = ids as [string, string];
    const caller = await d.as(curator);
    const version = (id: string, q: Awaited<ReturnType<typeof caller.queues.curator>>) =>
      q.items.find((c) => c.id === id)!.version;
    let queue = await caller.queues.curator();

    expect(
      await messageOf(
        caller.cases.transition({ caseId: toReturn, event: "reject", expectedVersion: version(toReturn, queue) }),
      ),
    ).toBe("Укажите, что нужно доработать в проекте ответа");
    await caller.cases.transition({ caseId: toApprove, event: "approve", expectedVersion: version(toApprove, queue) });
    queue = await caller.queues.curator();
    expect(queue.items.map((c) => c.id)).toEqual([toReturn]);
    await caller.cases.transition({
      caseId: toReturn,
      event: "reject",
      expectedVersion: version(toReturn, queue),
      input: { comment: "Приложите фото" },
    });
    expect((await caller.queues.curator()).items).toEqual([]);
    expect((await t.prisma.case.findUniqueOrThrow({ where: { id: toReturn } })).status).toBe("REWORK");
  });

  it("lets a coordinator record the curator's decision on its behalf, with the curator's words", async () => {
    const d = await district();
    const caseId = await d.intake();
    await d.route(caseId, d.departments.zhkh.id);
    await d.submit(caseId);
    const coordinator = await d.as(d.users.coordinator);
    await coordinator.cases.transition({ caseId, event: "forward" });

    const queue = await coordinator.queues.curator();
    expect(queue.onBehalfOfCurator).toBe(true);
    expect(queue.items.map((c) => c.id)).toEqual([caseId]);
    expect(await messageOf(coordinator.cases.transition({ caseId, event: "approve" }))).toBe(
      "Решение вносится за куратора: укажите комментарий куратора",
    );
    await coordinator.cases.transition({
      caseId,
      event: "approve",
      input: { comment: "Согласовано куратором по телефону" },
    });
    const decision = await t.prisma.reviewDecision.findFirstOrThrow({ where: { caseId, stage: "CURATOR" } });
    expect(decision).toMatchObject({ outcome: "APPROVED", onBehalfOfCurator: true });
    expect((await coordinator.queues.curator()).items).toEqual([]);
  });

  it("is refused to those who neither approve nor record approvals", async () => {
    const d = await district();
    for (const user of [d.users.manager, d.users.executor, d.users.head]) {
      expect(await codeOf((await d.as(user)).queues.curator())).toBe("FORBIDDEN");
    }
  });
});

describe("the case list's period filter", () => {
  it("takes whole days in the municipality's zone, the last second of the last day included", async () => {
    const d = await district("Europe/Moscow");
    // Moscow is UTC+3: 26.11 23:59:59.5 local is 20:59:59.5 UTC.
    const lastMoment = await d.intake({ receivedAt: new Date("2026-11-26T20:59:59.500Z") });
    const firstMoment = await d.intake({ receivedAt: new Date("2026-11-24T21:00:00.000Z") });
    const dayAfter = await d.intake({ receivedAt: new Date("2026-11-26T21:00:00.000Z") });
    const dayBefore = await d.intake({ receivedAt: new Date("2026-11-24T20:59:59.000Z") });
    const caller = await d.as(d.users.coordinator);
    const ids = async (from: string, to: string) => {
      const { start, end } = localDayRange({ from, to }, "Europe/Moscow");
      const page = await caller.cases.list({ receivedFrom: start ?? undefined, receivedTo: end ?? undefined });
      return page.items.map((c) => c.id).sort();
    };
    expect(await ids("2026-11-25", "2026-11-26")).toEqual([lastMoment, firstMoment].sort());
    expect(await ids("2026-11-27", "2026-11-27")).toEqual([dayAfter]);
    expect(await ids("2026-11-24", "2026-11-24")).toEqual([dayBefore]);
  });
});
