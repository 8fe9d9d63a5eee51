import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "../../../testing/db";
import { contextFor } from "../../../testing/factories";
import { startVkApiServer, type TVkApiServer } from "../../../testing/vk-api-server";
import { connectorKeyFrom, decryptToken } from "../../../services/connectors/token-cipher";
import { createVkWorld, unixSeconds } from "../../../services/connectors/vk/test-fixtures";
import { runTick } from "../../../services/scheduler/tick";
import { createCaller } from "../../root";

const now = new Date("2026-11-27T09:00:00Z");
const hours = (h: number) => new Date(now.getTime() + h * 3600_000);
const AUTH_SECRET = "vk-router-test-auth-secret-0123456789abcdef";
const GROUP = 3001;
const TOKEN = "vk1.a.router-test-community-key-0123456789WXYZ";
const tokenOf = (group: number) => `vk1.a.router-test-key-of-${group}-0123456789`;
const CITIZENS_WALL = -3002;

let t: TTestDatabase;
let vk: TVkApiServer;
let w: Awaited<ReturnType<typeof createVkWorld>>;
let other: Awaited<ReturnType<typeof createVkWorld>>;
let caseId: string;
let otherCaseId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  vk = await startVkApiServer({
    communities: [
      { id: GROUP, name: "Администрация района", posts: [{ id: 1, date: unixSeconds(hours(-2)), text: "Новость" }] },
      { id: GROUP + 100, name: "Администрация поселения" },
      {
        id: GROUP + 200,
        name: "Администрация города",
        posts: [{ id: 9, date: unixSeconds(hours(-2)), text: "Новость" }],
      },
      { id: -CITIZENS_WALL, name: "Подслушано" },
    ],
    tokens: { [TOKEN]: GROUP, [tokenOf(GROUP + 100)]: GROUP + 100, [tokenOf(GROUP + 200)]: GROUP + 200 },
  });
  vk.addPost(CITIZENS_WALL, { id: 5, date: unixSeconds(hours(-5)), text: "Нет света", fromId: 42 });
  // The transport builds its VK dependencies from the server's configuration: this database,
  // this secret (the encryption key derives from it) and the local VK.
  Object.assign(process.env, { DATABASE_URL: t.url, AUTH_SECRET, VK_API_BASE_URL: vk.url });
  delete process.env.CONNECTOR_ENCRYPTION_KEY;
  w = await createVkWorld(t.prisma, GROUP);
  other = await createVkWorld(t.prisma, GROUP + 100);
  caseId = await w.approvedCase(`https://vk.com/wall${CITIZENS_WALL}_5`, hours(-3));
  otherCaseId = await other.approvedCase(`https://vk.com/wall${CITIZENS_WALL}_5`, hours(-3));
});
afterAll(async () => {
  await vk.close();
  await t.cleanup();
});

const callerFor = async (user: { id: string }, at = now) => createCaller(await contextFor(t.prisma, user, at));

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  return "OK";
}

describe("vk router", () => {
  it("lets the municipality's ADMIN configure the connector, and never returns the key", async () => {
    const admin = await callerFor(w.users.admin);
    expect(await admin.vk.status()).toMatchObject({ configured: false, enabled: false, tokenHint: null, status: null });
    expect(await codeOf(admin.vk.configure({ token: "short", enabled: true }))).toBe("BAD_REQUEST");
    expect(await codeOf(admin.vk.configure({ token: `${TOKEN} with spaces`, enabled: true }))).toBe("BAD_REQUEST");

    const saved = await admin.vk.configure({ token: ` ${TOKEN} `, enabled: true });
    expect(saved).toMatchObject({ configured: true, enabled: true, tokenHint: "WXYZ", status: "NOT_CHECKED" });
    expect(JSON.stringify(saved)).not.toContain(TOKEN.slice(0, -4));
    expect(saved.accounts).toEqual([expect.objectContaining({ id: w.account.id, communityId: GROUP, syncedAt: null })]);
    const row = await t.prisma.vkConnector.findUniqueOrThrow({ where: { municipalityId: w.municipalityId } });
    expect(row.tokenEncrypted).not.toContain(TOKEN);
    expect(decryptToken(row.tokenEncrypted, connectorKeyFrom({ AUTH_SECRET }), `vk:${w.municipalityId}`)).toBe(TOKEN);

    // Switching off and on keeps the key.
    expect(await admin.vk.disable()).toMatchObject({ enabled: false, tokenHint: "WXYZ" });
    expect(await admin.vk.configure({ token: "", enabled: true })).toMatchObject({ enabled: true, tokenHint: "WXYZ" });

    const check = await admin.vk.check();
    expect(check).toMatchObject({ status: "OK", community: { id: GROUP, name: "Администрация района" }, warnings: [] });
    expect((await admin.vk.status()).status).toBe("OK");
  });

  it("refuses the connector's administration to everyone but ADMIN", async () => {
    for (const user of [w.users.coordinator, w.users.executor, w.users.curator]) {
      const caller = await callerFor(user);
      expect(await codeOf(caller.vk.status())).toBe("FORBIDDEN");
      expect(await codeOf(caller.vk.configure({ token: TOKEN, enabled: false }))).toBe("FORBIDDEN");
      expect(await codeOf(caller.vk.check())).toBe("FORBIDDEN");
      expect(await codeOf(caller.vk.disable())).toBe("FORBIDDEN");
      expect(await codeOf(caller.vk.syncNow())).toBe("FORBIDDEN");
    }
    expect(
      (await t.prisma.vkConnector.findUniqueOrThrow({ where: { municipalityId: w.municipalityId } })).enabled,
    ).toBe(true);
  });

  it("tells the case page whether to offer posting, within the person's municipality only", async () => {
    const coordinator = await callerFor(w.users.coordinator);
    expect(await coordinator.vk.availability({ caseId })).toEqual({ enabled: true, reason: null });
    expect(await (await callerFor(w.users.executor)).vk.availability({ caseId })).toMatchObject({ enabled: false });
    expect(await codeOf(coordinator.vk.availability({ caseId: otherCaseId }))).toBe("NOT_FOUND");
    expect(await codeOf((await callerFor(w.users.admin)).vk.availability({ caseId }))).toBe("FORBIDDEN");
    // The other municipality has no connector.
    expect(await (await callerFor(other.users.coordinator)).vk.availability({ caseId: otherCaseId })).toMatchObject({
      enabled: false,
      reason: "Подключение к ВКонтакте не настроено или выключено",
    });
  });

  it("refuses posting to an EXECUTOR and to another municipality's coordinator, without calling VK", async () => {
    const calls = vk.calls.length;
    expect(await codeOf((await callerFor(w.users.executor)).vk.postAnswer({ caseId }))).toBe("FORBIDDEN");
    expect(await codeOf((await callerFor(other.users.coordinator)).vk.postAnswer({ caseId }))).toBe("NOT_FOUND");
    expect(await codeOf((await callerFor(w.users.curator)).vk.postAnswer({ caseId }))).toBe("FORBIDDEN");
    expect(vk.calls.length).toBe(calls);
    expect((await t.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("APPROVED");
  });

  it("answers a VK refusal with a precise code and the Russian reason, changing nothing", async () => {
    // Each test calls VK with a connector of its own, so no call waits for the real rate limiter.
    await (await callerFor(other.users.admin)).vk.configure({ token: tokenOf(GROUP + 100), enabled: true });
    vk.failNext({ error: 15, message: "Access denied" }, { method: "groups.getById" });
    const error = await (
      await callerFor(other.users.coordinator)
    ).vk
      .postAnswer({ caseId: otherCaseId })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
    expect((error as TRPCError).message).toMatch(/^Ответ не размещён во ВКонтакте: ВКонтакте запретил доступ/);
    expect((await t.prisma.case.findUniqueOrThrow({ where: { id: otherCaseId } })).status).toBe("APPROVED");
  });

  it("is called by the scheduler's tick, which records the community's posts", async () => {
    const admin = await callerFor(w.users.admin);
    await admin.vk.disable();
    expect(await codeOf(admin.vk.syncNow())).toBe("CONFLICT");
    await (await callerFor(other.users.admin)).vk.disable();
    const third = await createVkWorld(t.prisma, GROUP + 200);
    await (await callerFor(third.users.admin)).vk.configure({ token: tokenOf(GROUP + 200), enabled: true });

    const calls = vk.calls.length;
    const result = await runTick(t.prisma, { now, trigger: "timer", lock: false, monthClosedHooks: [] });
    expect(result).toMatchObject({ skipped: false, connectorPosts: 1, errors: [] });
    expect(
      await t.prisma.routinePost.findMany({
        where: { accountId: third.account.id },
        select: { externalId: true, source: true, url: true },
      }),
    ).toEqual([{ externalId: "9", source: "CONNECTOR", url: `https://vk.com/wall-${GROUP + 200}_9` }]);
    expect(vk.calls.slice(calls)).toEqual([
      expect.objectContaining({ method: "wall.get", tokenInUrl: false, tokenValid: true, outcome: "ok" }),
    ]);
  });
});
