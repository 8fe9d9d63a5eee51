import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "../../../testing/db";
import { fakeVkTime, startVkApiServer, type TVkApiServer } from "../../../testing/vk-api-server";
import { applyTransition } from "../../cases/transition";
import { ServiceError } from "../../errors";
import { connectorKeyFrom } from "../token-cipher";
import { checkVkConnector, configureVkConnector, getVkConnectorView, syncVkNow } from "./connector";
import { createVkDeps, type TVkDeps } from "./deps";
import { ConnectorError } from "./errors";
import { getVkAvailability, postApprovedAnswerToVk } from "./post-answer";
import { createVkWorld, unixSeconds } from "./test-fixtures";
import { syncVkConnector } from "./tick";

const now = new Date("2026-11-27T09:00:00Z");
const hours = (h: number) => new Date(now.getTime() + h * 3600_000);
const KEY = connectorKeyFrom({ AUTH_SECRET: "vk-connector-test-auth-secret-0123456789" });

/** Communities and their keys on the fake VK; each test world gets its own. */
const GROUPS = { main: 1001, expired: 1002, posting: 1003, throttled: 1004, race: 1005 } as const;
const tokenOf = (group: number) => `vk1.a.community-${group}-key-abcdefghijklmnop${group}`;
/** A local public's wall where citizens write the publications the cases are about. */
const CITIZENS_WALL = -2002;

let t: TTestDatabase;
let vk: TVkApiServer;
let time: ReturnType<typeof fakeVkTime>;
let deps: TVkDeps;

beforeAll(async () => {
  t = await createTestDatabase();
  time = fakeVkTime();
  vk = await startVkApiServer({
    communities: [
      { id: GROUPS.main, name: "Администрация района" },
      { id: GROUPS.expired, name: "Администрация поселения" },
      { id: GROUPS.posting, name: "Администрация города" },
      { id: GROUPS.throttled, name: "Администрация села" },
      { id: GROUPS.race, name: "Администрация хутора" },
      { id: -CITIZENS_WALL, name: "Подслушано в районе" },
    ],
    tokens: Object.fromEntries(Object.values(GROUPS).map((g) => [tokenOf(g), g])),
    clock: time.clock,
  });
  deps = createVkDeps({ baseUrl: vk.url, encryptionKey: KEY, clock: time.clock, sleep: time.sleep, random: () => 0.5 });
});
afterAll(async () => {
  await vk.close();
  await t.cleanup();
});

async function worldWithConnector(group: number) {
  const w = await createVkWorld(t.prisma, group);
  const admin = { userId: w.users.admin.id, municipalityId: w.municipalityId, now };
  await configureVkConnector(t.prisma, admin, { token: tokenOf(group), enabled: true }, KEY);
  return { ...w, admin };
}

describe("the connector's key", () => {
  it("is stored encrypted: no row or audit record holds it, the page sees only its last 4 characters", async () => {
    const w = await worldWithConnector(GROUPS.main);
    const token = tokenOf(GROUPS.main);
    const row = await t.prisma.vkConnector.findUniqueOrThrow({ where: { municipalityId: w.municipalityId } });
    expect(row.tokenEncrypted).toMatch(/^v1:/);
    expect(row).toMatchObject({ enabled: true, status: "NOT_CHECKED", tokenHint: token.slice(-4) });
    const everything = JSON.stringify([
      await t.prisma.vkConnector.findMany(),
      await t.prisma.auditLog.findMany({ where: { municipalityId: w.municipalityId } }),
    ]);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(token.slice(0, 20));
    const view = await getVkConnectorView(t.prisma, w.municipalityId);
    expect(JSON.stringify(view)).not.toContain(token.slice(0, -4));
    expect(view).toMatchObject({ configured: true, enabled: true, tokenHint: token.slice(-4), status: "NOT_CHECKED" });
  });

  it("is checked with groups.getById: OK, with the community it belongs to", async () => {
    const w = await createVkWorld(t.prisma, GROUPS.main);
    const admin = { userId: w.users.admin.id, municipalityId: w.municipalityId, now };
    await expect(configureVkConnector(t.prisma, admin, { token: null, enabled: true }, KEY)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      field: "token",
    });
    await configureVkConnector(t.prisma, admin, { token: tokenOf(GROUPS.main), enabled: true }, KEY);
    // An account the connector cannot read: no community number anywhere.
    await t.prisma.socialAccount.create({
      data: {
        municipalityId: w.municipalityId,
        networkId: w.account.networkId,
        name: "Глава района",
        url: "https://vk.com/glava_rayona",
        ownerKind: "OFFICIAL_REPRESENTATIVE",
      },
    });
    const result = await checkVkConnector(t.prisma, admin, deps);
    expect(result).toMatchObject({ status: "OK", community: { id: GROUPS.main, name: "Администрация района" } });
    expect(result.message).toContain("Администрация района");
    expect(result.warnings).toEqual([expect.stringContaining("«Глава района»")]);
    expect(vk.calls.at(-1)).toMatchObject({ method: "groups.getById", tokenInBody: true, tokenInUrl: false });
    expect(vk.calls.at(-1)!.params.v).toBe("5.199");
    const row = await t.prisma.vkConnector.findUniqueOrThrow({ where: { municipalityId: w.municipalityId } });
    expect(row.status).toBe("OK");
  });
});

describe("reading the walls into routine posts", () => {
  it("counts the community's own recent posts once, leaving citizens' posts and old ones out", async () => {
    const w = await worldWithConnector(GROUPS.main);
    const owner = -GROUPS.main;
    // 120 posts over the last 5 days (two pages), one 20 days old, a citizen's post, a pinned old one.
    for (let i = 1; i <= 120; i += 1) {
      vk.addPost(owner, { id: i, date: unixSeconds(hours(-i)), text: `Новость № ${i}\nПодробности` });
    }
    vk.addPost(owner, { id: 500, date: unixSeconds(hours(-20 * 24)), text: "Старая новость" });
    vk.addPost(owner, { id: 501, date: unixSeconds(hours(-3)), text: "Жалоба жителя", fromId: 777 });
    vk.addPost(owner, { id: 502, date: unixSeconds(hours(-30 * 24)), text: "Закреплённая", isPinned: true });
    // Staff recorded post 7 by hand, through its mobile link.
    await t.prisma.routinePost.create({
      data: {
        accountId: w.account.id,
        url: `https://m.vk.com/wall${owner}_7`,
        title: "Вручную",
        publishedAt: hours(-7),
        recordedById: w.users.admin.id,
      },
    });

    const before = vk.calls.length;
    const { ctx, m } = await w.tickFor(now);
    const recorded = await syncVkConnector(ctx, m, deps);
    expect(recorded).toBe(119);
    expect(ctx.errors).toEqual([]);
    const calls = vk.calls.slice(before);
    expect(calls.map((c) => [c.method, c.params.offset, c.params.count, c.params.filter])).toEqual([
      ["wall.get", "0", "100", "owner"],
      ["wall.get", "100", "100", "owner"],
    ]);
    const posts = await t.prisma.routinePost.findMany({
      where: { accountId: w.account.id, source: "CONNECTOR" },
      orderBy: { publishedAt: "desc" },
    });
    expect(posts).toHaveLength(119);
    expect(posts[0]).toMatchObject({
      externalId: "1",
      url: `https://vk.com/wall${owner}_1`,
      title: "Новость № 1",
      publishedAt: new Date(unixSeconds(hours(-1)) * 1000),
      recordedById: null,
    });
    expect(posts.map((p) => p.externalId)).not.toContain("7");
    expect(posts.map((p) => p.externalId)).not.toContain("501");
    const account = await t.prisma.socialAccount.findUniqueOrThrow({ where: { id: w.account.id } });
    expect(account.syncedAt).toEqual(now);
    const connector = await t.prisma.vkConnector.findUniqueOrThrow({ where: { municipalityId: w.municipalityId } });
    expect(connector).toMatchObject({ status: "OK", lastSyncAt: now });

    // Within the hour: no call at all. An hour later: only what is new, nothing doubled.
    const quiet = vk.calls.length;
    expect(await syncVkConnector((await w.tickFor(hours(0.5))).ctx, m, deps)).toBe(0);
    expect(vk.calls.length).toBe(quiet);
    vk.addPost(owner, { id: 121, date: unixSeconds(hours(0.7)), text: "Свежая новость" });
    const later = await w.tickFor(hours(1));
    expect(await syncVkConnector(later.ctx, later.m, deps)).toBe(1);
    expect(vk.calls.slice(quiet).map((c) => c.params.offset)).toEqual(["0"]);
    expect(await t.prisma.routinePost.count({ where: { accountId: w.account.id } })).toBe(121);

    // "Загрузить сейчас" ignores the hour and still doubles nothing.
    const again = await syncVkNow(t.prisma, { ...w.admin, now: hours(1.1) }, deps);
    expect(again).toEqual({ posts: 0, accounts: 1, failures: [], tokenExpired: false });
  });

  it("retries a 429 and VK's rate-limit error with backoff, keeping to the rate limit", async () => {
    const w = await worldWithConnector(GROUPS.throttled);
    vk.addPost(-GROUPS.throttled, { id: 1, date: unixSeconds(hours(-2)), text: "Новость" });
    vk.failNext({ http: 429 }, { method: "wall.get" });
    vk.failNext({ error: 6, message: "Too many requests per second" }, { method: "wall.get" });
    const sleepsBefore = time.sleeps.length;
    const before = vk.calls.length;
    const { ctx, m } = await w.tickFor(now);
    expect(await syncVkConnector(ctx, m, deps)).toBe(1);
    const calls = vk.calls.slice(before);
    expect(calls.map((c) => c.outcome)).toEqual(["http 429", "error 6", "ok"]);
    // The pauses: 750 ms, then 1 500 ms (equal jitter at 0.5), each at least the limiter's 400 ms.
    expect(calls.slice(1).map((c, i) => c.at - calls[i]!.at)).toEqual([750, 1500]);
    expect(time.sleeps.slice(sleepsBefore)).toEqual([750, 1500]);
    expect(ctx.errors).toEqual([]);
  });

  it("gives up on an account after four refused calls, records the error, and tries again next hour", async () => {
    const w = await worldWithConnector(GROUPS.throttled);
    vk.failNext({ error: 29, message: "Rate limit reached" }, { times: 4, method: "wall.get" });
    const { ctx, m } = await w.tickFor(now);
    expect(await syncVkConnector(ctx, m, deps)).toBe(0);
    expect(ctx.errors).toEqual([expect.stringContaining("исчерпан лимит")]);
    const connector = await t.prisma.vkConnector.findUniqueOrThrow({ where: { municipalityId: w.municipalityId } });
    expect(connector).toMatchObject({ status: "ERROR", lastSyncAt: now, lastErrorAt: now });
    expect(connector.lastError).toContain(w.account.name);
    const next = await w.tickFor(hours(1));
    expect(await syncVkConnector(next.ctx, next.m, deps)).toBe(1);
    expect((await t.prisma.vkConnector.findUniqueOrThrow({ where: { id: connector.id } })).status).toBe("OK");
  });
});

describe("an expired key", () => {
  it("is reported: TOKEN_EXPIRED, each ADMIN told once, and no call is made with it until it is replaced", async () => {
    const w = await worldWithConnector(GROUPS.expired);
    const outsider = await t.prisma.user.findFirstOrThrow({ where: { id: w.users.coordinator.id } });
    vk.addPost(-GROUPS.expired, { id: 1, date: unixSeconds(hours(-2)), text: "Новость" });
    vk.revokeToken(tokenOf(GROUPS.expired));

    const before = vk.calls.length;
    const first = await w.tickFor(now);
    expect(await syncVkConnector(first.ctx, first.m, deps)).toBe(0);
    expect(vk.calls.slice(before).map((c) => c.outcome)).toEqual(["error 5"]);
    const connector = await t.prisma.vkConnector.findUniqueOrThrow({ where: { municipalityId: w.municipalityId } });
    expect(connector).toMatchObject({ status: "TOKEN_EXPIRED", lastErrorAt: now });
    expect(connector.lastError).toMatch(/^Ключ доступа сообщества ВКонтакте недействителен или истёк/);
    const notices = await t.prisma.notification.findMany({
      where: { kind: "CONNECTOR_ERROR", user: { municipalityId: w.municipalityId } },
    });
    expect(notices.map((n) => n.userId).sort()).toEqual([w.users.admin.id, w.users.admin2.id].sort());
    expect(notices[0]).toMatchObject({
      title: "Ключ доступа сообщества ВКонтакте недействителен или истёк",
      link: "/admin/connectors/vk",
      caseId: null,
    });
    expect(notices.some((n) => n.userId === outsider.id)).toBe(false);

    // Later ticks, "sync now" and posting an answer make no call with the dead key, and tell nobody again.
    const quiet = vk.calls.length;
    for (const h of [1, 2, 30]) {
      const later = await w.tickFor(hours(h));
      expect(await syncVkConnector(later.ctx, later.m, deps)).toBe(0);
    }
    await expect(syncVkNow(t.prisma, w.admin, deps)).rejects.toMatchObject({ code: "CONFLICT" });
    vk.addPost(CITIZENS_WALL, { id: 91, date: unixSeconds(hours(-5)), text: "Нет света", fromId: 555 });
    const caseId = await w.approvedCase(`https://vk.com/wall${CITIZENS_WALL}_91`, hours(-3));
    expect(
      await getVkAvailability(t.prisma, { municipalityIds: [w.municipalityId], roles: ["COORDINATOR"] }, caseId),
    ).toEqual({
      enabled: false,
      reason: "Ключ доступа сообщества ВКонтакте недействителен или истёк",
    });
    await expect(postApprovedAnswerToVk(t.prisma, w.actors.coordinator, caseId, now, deps)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/недействителен или истёк/) as unknown,
    });
    expect(vk.calls.length).toBe(quiet);
    expect(
      await t.prisma.notification.count({
        where: { kind: "CONNECTOR_ERROR", user: { municipalityId: w.municipalityId } },
      }),
    ).toBe(2);

    // A new key: waiting for a check, read again at the next tick.
    vk.addToken(`${tokenOf(GROUPS.expired)}-new`, GROUPS.expired);
    await configureVkConnector(t.prisma, w.admin, { token: `${tokenOf(GROUPS.expired)}-new`, enabled: true }, KEY);
    const renewed = await t.prisma.vkConnector.findUniqueOrThrow({ where: { id: connector.id } });
    expect(renewed).toMatchObject({ status: "NOT_CHECKED", lastError: null });
    const next = await w.tickFor(hours(31));
    expect(await syncVkConnector(next.ctx, next.m, deps)).toBe(1);
  });

  it("found by a check sets TOKEN_EXPIRED with the reason", async () => {
    const w = await createVkWorld(t.prisma, GROUPS.expired);
    const admin = { userId: w.users.admin.id, municipalityId: w.municipalityId, now };
    await configureVkConnector(t.prisma, admin, { token: "vk1.a.never-issued-by-vk-0000000000", enabled: true }, KEY);
    const result = await checkVkConnector(t.prisma, admin, deps);
    expect(result).toMatchObject({ status: "TOKEN_EXPIRED", community: null });
    expect(result.message).toMatch(/недействителен или истёк/);
  });
});

describe("posting an approved answer", () => {
  it("comments from the community and marks the case POSTED with the comment's link", async () => {
    const w = await worldWithConnector(GROUPS.posting);
    vk.addPost(CITIZENS_WALL, { id: 77, date: unixSeconds(hours(-5)), text: "Темно на улице Ленина", fromId: 555 });
    const caseId = await w.approvedCase(`https://m.vk.com/club2002?w=wall${CITIZENS_WALL}_77`, hours(-3));
    const reader = { municipalityIds: [w.municipalityId] };
    expect(await getVkAvailability(t.prisma, { ...reader, roles: ["COORDINATOR"] }, caseId)).toEqual({
      enabled: true,
      reason: null,
    });
    expect(await getVkAvailability(t.prisma, { ...reader, roles: ["EXECUTOR"] }, caseId)).toMatchObject({
      enabled: false,
    });

    const result = await postApprovedAnswerToVk(t.prisma, w.actors.coordinator, caseId, now, deps);
    const comment = vk.comments.at(-1)!;
    expect(comment).toMatchObject({
      ownerId: CITIZENS_WALL,
      postId: 77,
      fromGroup: GROUPS.posting,
      byCommunity: GROUPS.posting,
    });
    expect(comment.message).toBe("Заменены три светильника на улице Ленина.\n\nОсвещение восстановлено 27.11.2026.");
    const link = `https://vk.com/wall${CITIZENS_WALL}_77?reply=${comment.id}`;
    expect(result).toMatchObject({ caseId, status: "POSTED", answerUrl: link });

    const c = await t.prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { events: true } });
    expect(c).toMatchObject({
      status: "POSTED",
      postedAnswerUrl: link,
      postedAt: now,
      postedById: w.users.coordinator.id,
    });
    const posted = c.events.find((e) => e.type === "POSTED");
    expect(posted).toMatchObject({ fromStatus: "APPROVED", toStatus: "POSTED", actorId: w.users.coordinator.id });
    expect(posted!.data).toMatchObject({ via: "VK", answerUrl: link, vkCommentId: comment.id });

    // Once posted, a second click posts nothing.
    const comments = vk.comments.length;
    await expect(postApprovedAnswerToVk(t.prisma, w.actors.coordinator, caseId, now, deps)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(vk.comments.length).toBe(comments);
  });

  it("changes nothing on the case when VK refuses, and says why in Russian", async () => {
    const w = await worldWithConnector(GROUPS.posting);
    vk.addPost(CITIZENS_WALL, { id: 78, date: unixSeconds(hours(-5)), text: "Яма", fromId: 556, commentsClosed: true });
    const caseId = await w.approvedCase(`https://vk.com/wall${CITIZENS_WALL}_78`, hours(-3));
    const before = await t.prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { events: true } });

    const error = await postApprovedAnswerToVk(t.prisma, w.actors.coordinator, caseId, now, deps).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
    expect((error as Error).message).toMatch(/^Ответ не размещён во ВКонтакте: .*комментари/);
    const after = await t.prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { events: true } });
    expect(after).toMatchObject({ status: "APPROVED", postedAnswerUrl: null, version: before.version });
    expect(after.events).toHaveLength(before.events.length);
  });

  it("does not repeat a comment whose fate VK left unknown, and says to check first", async () => {
    const w = await worldWithConnector(GROUPS.posting);
    vk.addPost(CITIZENS_WALL, { id: 79, date: unixSeconds(hours(-5)), text: "Мусор", fromId: 557 });
    const caseId = await w.approvedCase(`https://vk.com/wall${CITIZENS_WALL}_79`, hours(-3));
    vk.failNext({ http: 502 }, { method: "wall.createComment" });
    const before = vk.calls.filter((c) => c.method === "wall.createComment").length;
    await expect(postApprovedAnswerToVk(t.prisma, w.actors.coordinator, caseId, now, deps)).rejects.toMatchObject({
      code: "BAD_GATEWAY",
      message: expect.stringMatching(/проверьте, не появился ли ответ/) as unknown,
    });
    expect(vk.calls.filter((c) => c.method === "wall.createComment").length).toBe(before + 1);
    expect((await t.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("APPROVED");
  });

  it("keeps the comment's link when a colleague marked the case posted meanwhile", async () => {
    const w = await worldWithConnector(GROUPS.race);
    vk.addPost(CITIZENS_WALL, { id: 80, date: unixSeconds(hours(-5)), text: "Автобус", fromId: 558 });
    const caseId = await w.approvedCase(`https://vk.com/wall${CITIZENS_WALL}_80`, hours(-3));
    // While VK takes the comment, a colleague posts by hand and records the link.
    const racing = createVkDeps({
      baseUrl: vk.url,
      encryptionKey: KEY,
      clock: time.clock,
      sleep: time.sleep,
      random: () => 0.5,
      fetch: async (input, init) => {
        const url = input instanceof Request ? input.url : input.toString();
        if (url.endsWith("/wall.createComment")) {
          await applyTransition(
            t.prisma,
            w.actors.coordinator,
            { caseId, event: "post", input: { answerUrl: `https://vk.com/wall${CITIZENS_WALL}_80?reply=1` } },
            now,
          );
        }
        return fetch(input, init);
      },
    });
    const error = await postApprovedAnswerToVk(t.prisma, w.actors.coordinator, caseId, now, racing).catch(
      (e: unknown) => e,
    );
    const comment = vk.comments.at(-1)!;
    const link = `https://vk.com/wall${CITIZENS_WALL}_80?reply=${comment.id}`;
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect((error as Error).message).toContain(link);
    const c = await t.prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { events: true } });
    expect(c.postedAnswerUrl).toBe(`https://vk.com/wall${CITIZENS_WALL}_80?reply=1`);
    const kept = c.events.find((e) => e.type === "VK_COMMENT_POSTED");
    expect(kept).toMatchObject({ actorId: w.users.coordinator.id, fromStatus: null, toStatus: null });
    expect(kept!.data).toMatchObject({ via: "VK", answerUrl: link });
  });

  it("refuses without calling VK: not approved, not connected, another municipality, no right", async () => {
    const w = await worldWithConnector(GROUPS.posting);
    const other = await createVkWorld(t.prisma, GROUPS.posting);
    vk.addPost(CITIZENS_WALL, { id: 81, date: unixSeconds(hours(-5)), text: "Снег", fromId: 559 });
    const caseId = await w.approvedCase(`https://vk.com/wall${CITIZENS_WALL}_81`, hours(-3));
    const otherCase = await other.approvedCase(`https://vk.com/wall${CITIZENS_WALL}_81`, hours(-3));
    const calls = vk.calls.length;

    await expect(postApprovedAnswerToVk(t.prisma, w.actors.coordinator, otherCase, now, deps)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(postApprovedAnswerToVk(t.prisma, w.actors.executor, caseId, now, deps)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    // The other municipality has no connector.
    await expect(
      postApprovedAnswerToVk(t.prisma, other.actors.coordinator, otherCase, now, deps),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/не подключено/) as unknown,
    });
    await t.prisma.vkConnector.update({ where: { municipalityId: w.municipalityId }, data: { enabled: false } });
    await expect(postApprovedAnswerToVk(t.prisma, w.actors.coordinator, caseId, now, deps)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await t.prisma.vkConnector.update({ where: { municipalityId: w.municipalityId }, data: { enabled: true } });
    const fresh = await w.approvedCase(`https://vk.com/wall${CITIZENS_WALL}_81`, hours(-3));
    await applyTransition(
      t.prisma,
      w.actors.coordinator,
      { caseId: fresh, event: "cancel", input: { reason: "Дубль" } },
      now,
    );
    await expect(postApprovedAnswerToVk(t.prisma, w.actors.coordinator, fresh, now, deps)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/Аннулирована|статусе/) as unknown,
    });
    expect(vk.calls.length).toBe(calls);
  });
});
