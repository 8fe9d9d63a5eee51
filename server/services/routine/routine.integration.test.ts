import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createCaller } from "../../api/root";
import { createTestDatabase, type TTestDatabase } from "../../testing/db";
import { contextFor, createDepartment, createMunicipality, createUser } from "../../testing/factories";
import { loadRoutineCompliance } from "./compliance";

let t: TTestDatabase;
let vkId: string;
let okId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  vkId = (
    await t.prisma.socialNetwork.upsert({
      where: { code: "VK" },
      update: {},
      create: { code: "VK", name: "ВКонтакте", hosts: ["vk.com", "vk.ru", "m.vk.com"], sortOrder: 0 },
    })
  ).id;
  okId = (
    await t.prisma.socialNetwork.upsert({
      where: { code: "OK" },
      update: {},
      create: { code: "OK", name: "Одноклассники", hosts: ["ok.ru"], sortOrder: 1 },
    })
  ).id;
});
afterAll(async () => {
  await t.cleanup();
});

// Friday 27 November 2026, 12:00 Moscow time: ISO week 2026-W48 (23–29 November).
const NOW = new Date("2026-11-27T09:00:00Z");

/** A municipality with its people and three official accounts, one of them switched off. */
async function createWorld() {
  const municipality = await createMunicipality(t.prisma);
  const municipalityId = municipality.id;
  const org = await createDepartment(t.prisma, municipalityId, { isCoordinating: true });
  const people = {
    coordinator: await createUser(t.prisma, { roles: ["COORDINATOR"], municipalityId, departmentId: org.id }),
    manager: await createUser(t.prisma, { roles: ["MANAGER"], municipalityId }),
    admin: await createUser(t.prisma, { roles: ["ADMIN"], municipalityId }),
    head: await createUser(t.prisma, { roles: ["HEAD"], municipalityId }),
    deputy: await createUser(t.prisma, { roles: ["DEPUTY_HEAD"], municipalityId }),
    press: await createUser(t.prisma, { roles: ["EXECUTOR"], municipalityId, departmentId: org.id }),
    executor: await createUser(t.prisma, { roles: ["EXECUTOR"], municipalityId, departmentId: org.id }),
    curator: await createUser(t.prisma, { roles: ["CURATOR"], municipalityId: null, curates: [municipalityId] }),
  };
  const tag = municipalityId.slice(-8);
  const account = (networkId: string, url: string, name: string, over: { responsibleId?: string; active?: boolean }) =>
    t.prisma.socialAccount.create({
      data: { municipalityId, networkId, url, name, ownerKind: "LEGAL_ENTITY", ...over },
    });
  const accounts = {
    vk: await account(vkId, `https://vk.com/adm_${tag}`, "Администрация района", { responsibleId: people.press.id }),
    ok: await account(okId, `https://ok.ru/adm.${tag}`, "Администрация района", {
      responsibleId: people.coordinator.id,
    }),
    old: await account(vkId, `https://vk.com/old_${tag}`, "Старая страница", { active: false }),
  };
  return { municipalityId, people, accounts };
}

async function callerFor(user: { id: string } | null, now = NOW) {
  return createCaller(await contextFor(t.prisma, user, now));
}

async function expectRefusal(promise: Promise<unknown>, code: TRPCError["code"], field?: string, message?: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const e = error as TRPCError;
  expect(e.code).toBe(code);
  if (message) expect(e.message).toMatch(message);
  if (field) {
    const cause = e.cause;
    expect(cause instanceof ZodError ? cause.issues[0]?.path[0] : (cause as { field?: string }).field).toBe(field);
  }
}

const postsOf = (accountId: string) =>
  t.prisma.routinePost.findMany({ where: { accountId }, orderBy: { publishedAt: "asc" } });

describe("recording routine posts (п.6)", () => {
  it("the coordinator records a post; the time typed is Moscow time", async () => {
    const w = await createWorld();
    const caller = await callerFor(w.people.coordinator);
    const post = await caller.routine.record({
      accountId: w.accounts.vk.id,
      publishedAt: "2026-11-24T10:15",
      url: " https://vk.com/wall-123_45 ",
      title: "Итоги заседания Собрания депутатов",
    });
    expect(post).toMatchObject({
      url: "https://vk.com/wall-123_45",
      title: "Итоги заседания Собрания депутатов",
      publishedAt: new Date("2026-11-24T07:15:00Z"),
      source: "MANUAL",
      recordedBy: { id: w.people.coordinator.id },
    });
    // The manager and the administrator record too.
    for (const person of [w.people.manager, w.people.admin]) {
      const more = await (
        await callerFor(person)
      ).routine.record({
        accountId: w.accounts.ok.id,
        publishedAt: "2026-11-25T09:00",
        url: `https://ok.ru/group/1/topic/${person.id}`,
        title: "Новости района",
      });
      expect(more.recordedBy?.id).toBe(person.id);
    }
  });

  it("the same link twice, however spelt, is refused and nothing is doubled", async () => {
    const w = await createWorld();
    const caller = await callerFor(w.people.coordinator);
    const input = {
      accountId: w.accounts.vk.id,
      publishedAt: "2026-11-24T10:15",
      url: "https://vk.com/wall-123_45",
      title: "Итоги заседания",
    };
    await caller.routine.record(input);
    await expectRefusal(
      caller.routine.record(input),
      "CONFLICT",
      "url",
      /Эта публикация уже отмечена \(24\.11\.2026, 10:15\)/,
    );
    await expectRefusal(
      caller.routine.record({ ...input, url: "https://m.vk.com/wall-123_45?utm_source=share" }),
      "CONFLICT",
      "url",
    );
    // At once from two browsers: one of the two is recorded.
    const racing = { ...input, url: "https://vk.com/wall-123_46" };
    const results = await Promise.allSettled([caller.routine.record(racing), caller.routine.record(racing)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await postsOf(w.accounts.vk.id)).map((p) => p.url)).toEqual([
      "https://vk.com/wall-123_45",
      "https://vk.com/wall-123_46",
    ]);
  });

  it("refuses a link off the account's network, a date that is not one or not yet, and a switched-off account", async () => {
    const w = await createWorld();
    const other = await createWorld();
    const caller = await callerFor(w.people.coordinator);
    const valid = {
      accountId: w.accounts.vk.id,
      publishedAt: "2026-11-24T10:15",
      url: "https://vk.com/wall-1_1",
      title: "Новости района",
    };
    await expectRefusal(
      caller.routine.record({ ...valid, url: "https://ok.ru/group/1/topic/2" }),
      "BAD_REQUEST",
      "url",
      /Ссылка ведёт в сеть «Одноклассники», а выбрана «ВКонтакте»/,
    );
    await expectRefusal(
      caller.routine.record({ ...valid, url: "https://example.ru/news/1" }),
      "BAD_REQUEST",
      "url",
      /сайт сети «ВКонтакте»/,
    );
    await expectRefusal(caller.routine.record({ ...valid, url: "" }), "BAD_REQUEST", "url");
    await expectRefusal(
      caller.routine.record({ ...valid, publishedAt: "31.11.2026 10:00" }),
      "BAD_REQUEST",
      "publishedAt",
    );
    await expectRefusal(
      caller.routine.record({ ...valid, publishedAt: "2026-11-28T10:00" }),
      "BAD_REQUEST",
      "publishedAt",
      /ещё не наступило/,
    );
    await expectRefusal(
      caller.routine.record({ ...valid, publishedAt: "2016-11-24T10:00" }),
      "BAD_REQUEST",
      "publishedAt",
      /не старше года/,
    );
    await expectRefusal(caller.routine.record({ ...valid, title: " " }), "BAD_REQUEST", "title");
    await expectRefusal(
      caller.routine.record({ ...valid, accountId: w.accounts.old.id }),
      "BAD_REQUEST",
      "accountId",
      /отключён/,
    );
    await expectRefusal(
      caller.routine.record({ ...valid, accountId: other.accounts.vk.id }),
      "BAD_REQUEST",
      "accountId",
    );
    expect(await t.prisma.routinePost.count({ where: { account: { municipalityId: w.municipalityId } } })).toBe(0);
    expect(await t.prisma.routinePost.count({ where: { account: { municipalityId: other.municipalityId } } })).toBe(0);
  });
});

describe("who may do what", () => {
  it("the person responsible for an account records on it, and only on it", async () => {
    const w = await createWorld();
    const caller = await callerFor(w.people.press);
    const overview = await caller.routine.overview();
    expect(overview.canRecordAll).toBe(false);
    expect(overview.accounts.map((a) => [a.id, a.canRecord])).toEqual([
      [w.accounts.vk.id, true],
      [w.accounts.ok.id, false],
    ]);
    await caller.routine.record({
      accountId: w.accounts.vk.id,
      publishedAt: "2026-11-26T18:00",
      url: "https://vk.com/wall-1_7",
      title: "Новости района",
    });
    await expectRefusal(
      caller.routine.record({
        accountId: w.accounts.ok.id,
        publishedAt: "2026-11-26T18:00",
        url: "https://ok.ru/group/1/topic/7",
        title: "Новости района",
      }),
      "FORBIDDEN",
    );
    expect(await t.prisma.routinePost.count({ where: { accountId: w.accounts.ok.id } })).toBe(0);
  });

  it("the head and the deputy head see the register without recording; others see nothing", async () => {
    const w = await createWorld();
    for (const person of [w.people.head, w.people.deputy]) {
      const caller = await callerFor(person);
      const overview = await caller.routine.overview();
      expect(overview.canRecordAll).toBe(false);
      expect(overview.accounts.every((a) => !a.canRecord)).toBe(true);
      await expectRefusal(
        caller.routine.record({
          accountId: w.accounts.vk.id,
          publishedAt: "2026-11-26T18:00",
          url: "https://vk.com/wall-1_8",
          title: "Новости района",
        }),
        "FORBIDDEN",
      );
    }
    for (const person of [w.people.executor, w.people.curator]) {
      const caller = await callerFor(person);
      await expectRefusal(caller.routine.overview(), "FORBIDDEN");
      await expectRefusal(caller.routine.posts({ accountId: w.accounts.vk.id }), "FORBIDDEN");
      await expectRefusal(
        caller.routine.record({
          accountId: w.accounts.vk.id,
          publishedAt: "2026-11-26T18:00",
          url: "https://vk.com/wall-1_9",
          title: "Новости района",
        }),
        "FORBIDDEN",
      );
    }
    await expectRefusal((await callerFor(null)).routine.overview(), "UNAUTHORIZED");
    expect(await t.prisma.routinePost.count({ where: { account: { municipalityId: w.municipalityId } } })).toBe(0);
  });
});

/** A post at a Moscow wall-clock time, written directly. */
async function seedPost(accountId: string, moscow: string, n: number, source: "MANUAL" | "CONNECTOR" = "MANUAL") {
  const at = new Date(`${moscow}:00+03:00`);
  return t.prisma.routinePost.create({
    data: { accountId, url: `https://vk.com/wall-1_${n}`, title: `Новость ${n}`, publishedAt: at, source },
  });
}

describe("the 12-week grid", () => {
  it("counts each account's posts by ISO week in Moscow time and marks the current week", async () => {
    const w = await createWorld();
    const vk = w.accounts.vk.id;
    let n = 0;
    // 2026-W37 (7–13 September) is the first of the twelve; W36 is before them.
    await seedPost(vk, "2026-09-06T12:00", ++n);
    await seedPost(vk, "2026-09-08T12:00", ++n);
    await seedPost(vk, "2026-09-10T12:00", ++n);
    // W47: one on Sunday 22 November at 23:30 Moscow time (20:30 UTC) still counts in W47.
    await seedPost(vk, "2026-11-17T09:00", ++n);
    await seedPost(vk, "2026-11-22T23:30", ++n);
    // Monday 23 November 00:30 Moscow (Sunday 21:30 UTC) is W48, the current week.
    await seedPost(vk, "2026-11-23T00:30", ++n);
    // W46: only one.
    await seedPost(vk, "2026-11-12T10:00", ++n);
    await seedPost(w.accounts.old.id, "2026-11-12T10:00", ++n);

    const overview = await (await callerFor(w.people.coordinator)).routine.overview();
    expect(overview.minimum).toBe(2);
    expect(overview.timeZone).toBe("Europe/Moscow");
    expect(overview.weeks.map((x) => x.key)).toEqual([
      "2026-W37",
      "2026-W38",
      "2026-W39",
      "2026-W40",
      "2026-W41",
      "2026-W42",
      "2026-W43",
      "2026-W44",
      "2026-W45",
      "2026-W46",
      "2026-W47",
      "2026-W48",
    ]);
    expect(overview.weeks.map((x) => x.current)).toEqual([...Array<boolean>(11).fill(false), true]);
    // The switched-off account is not in the grid.
    expect(overview.accounts.map((a) => a.id)).toEqual([vk, w.accounts.ok.id]);
    const cells = overview.accounts[0]!.cells;
    expect(cells.map((c) => c.count)).toEqual([2, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 1]);
    expect(cells.map((c) => c.status)).toEqual([
      "MET",
      "SHORT",
      "SHORT",
      "SHORT",
      "SHORT",
      "SHORT",
      "SHORT",
      "SHORT",
      "SHORT",
      "SHORT",
      "MET",
      "IN_PROGRESS",
    ]);
    expect(overview.accounts[0]!.summary).toEqual({ endedWeeks: 11, weeksMet: 2, posts: 6, share: 2 / 11 });
    expect(overview.accounts[1]!.cells.every((c) => c.count === 0)).toBe(true);
  });

  it("follows the municipality's minimum and shares its figures with other callers", async () => {
    const w = await createWorld();
    await t.prisma.municipality.update({ where: { id: w.municipalityId }, data: { routineWeeklyMinimum: 3 } });
    let n = 100;
    for (const day of [
      "2026-11-16T10:00",
      "2026-11-18T10:00",
      "2026-11-24T10:00",
      "2026-11-25T10:00",
      "2026-11-26T10:00",
    ]) {
      await seedPost(w.accounts.vk.id, day, ++n);
    }
    const compliance = await loadRoutineCompliance(
      t.prisma,
      w.municipalityId,
      { weeks: 2, includeInactive: true },
      NOW,
    );
    expect(compliance.minimum).toBe(3);
    expect(compliance.weeks.map((x) => x.key)).toEqual(["2026-W47", "2026-W48"]);
    expect(compliance.accounts.map((a) => a.name)).toEqual([
      "Администрация района",
      "Старая страница",
      "Администрация района",
    ]);
    const vk = compliance.accounts.find((a) => a.id === w.accounts.vk.id)!;
    expect(vk.cells).toEqual([
      { key: "2026-W47", count: 2, status: "SHORT", current: false },
      { key: "2026-W48", count: 3, status: "MET", current: true },
    ]);
    // The weeks of November 2026 in Moscow, for the monthly analysis: W44 (26 October – 1 November)
    // to W49 (30 November – 6 December), which has not begun at NOW.
    const november = await loadRoutineCompliance(
      t.prisma,
      w.municipalityId,
      { from: new Date("2026-10-31T21:00:00Z"), to: new Date("2026-11-30T21:00:00Z") },
      NOW,
    );
    expect(november.weeks.map((x) => x.key)).toEqual([
      "2026-W44",
      "2026-W45",
      "2026-W46",
      "2026-W47",
      "2026-W48",
      "2026-W49",
    ]);
    const inNovember = november.accounts.find((a) => a.id === w.accounts.vk.id)!;
    expect(inNovember.cells.map((c) => [c.count, c.status])).toEqual([
      [0, "SHORT"],
      [0, "SHORT"],
      [0, "SHORT"],
      [2, "SHORT"],
      [3, "MET"],
      [0, "FUTURE"],
    ]);
    expect(inNovember.summary).toEqual({ endedWeeks: 4, weeksMet: 0, posts: 5, share: 0 });
  });
});

describe("the list of an account's posts and deleting a mistake", () => {
  it("lists newest first, a page at a time, and deletes a post recorded by mistake with an audit row", async () => {
    const w = await createWorld();
    const vk = w.accounts.vk.id;
    const posts = [];
    for (let i = 1; i <= 5; i++) posts.push(await seedPost(vk, `2026-11-2${i}T10:00`, 200 + i));
    const found = await seedPost(vk, "2026-11-26T11:00", 300, "CONNECTOR");
    const caller = await callerFor(w.people.coordinator);
    const first = await caller.routine.posts({ accountId: vk, limit: 4 });
    expect(first.items.map((p) => p.id)).toEqual([found.id, posts[4]!.id, posts[3]!.id, posts[2]!.id]);
    expect(first.items.map((p) => p.canDelete)).toEqual([false, true, true, true]);
    const second = await caller.routine.posts({ accountId: vk, limit: 4, cursor: first.nextCursor });
    expect(second.items.map((p) => p.id)).toEqual([posts[1]!.id, posts[0]!.id]);
    expect(second.nextCursor).toBeNull();

    await expectRefusal(caller.routine.remove({ id: found.id }), "CONFLICT", undefined, /нельзя удалить вручную/);
    await expectRefusal((await callerFor(w.people.head)).routine.remove({ id: posts[0]!.id }), "FORBIDDEN");
    const stranger = await createWorld();
    await expectRefusal(
      (await callerFor(stranger.people.coordinator)).routine.remove({ id: posts[0]!.id }),
      "NOT_FOUND",
    );
    expect(await t.prisma.routinePost.count({ where: { accountId: vk } })).toBe(6);

    expect(await caller.routine.remove({ id: posts[0]!.id })).toEqual({ id: posts[0]!.id });
    expect(await t.prisma.routinePost.count({ where: { accountId: vk } })).toBe(5);
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { entityId: posts[0]!.id } });
    expect(audit).toMatchObject({
      action: "routine.delete",
      entity: "RoutinePost",
      actorId: w.people.coordinator.id,
      municipalityId: w.municipalityId,
      data: { accountId: vk, url: "https://vk.com/wall-1_201", title: "Новость 201" },
    });
    // The head reads the list, without delete buttons.
    const asHead = await (await callerFor(w.people.head)).routine.posts({ accountId: vk });
    expect(asHead.items.every((p) => !p.canDelete)).toBe(true);
  });
});
