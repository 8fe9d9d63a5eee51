import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "../../../testing/db";
import { contextFor, createDepartment, createMunicipality, createUser } from "../../../testing/factories";
import { createCaller } from "../../root";

let t: TTestDatabase;
const users: Record<string, { id: string }> = {};
const now = new Date("2026-11-27T09:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  await t.prisma.socialNetwork.create({
    data: { code: "VK", name: "ВКонтакте", hosts: ["vk.com"], maxAnswerLength: 4096, sortOrder: 1 },
  });
  const municipalityId = (await createMunicipality(t.prisma)).id;
  await createDepartment(t.prisma, municipalityId, { isCoordinating: true });
  users.coordinator = await createUser(t.prisma, { roles: ["COORDINATOR"], municipalityId });
  users.manager = await createUser(t.prisma, { roles: ["MANAGER"], municipalityId });
  users.head = await createUser(t.prisma, { roles: ["HEAD"], municipalityId });
});
afterAll(async () => {
  await t.cleanup();
});

const as = async (name: string, at: Date = now) => createCaller(await contextFor(t.prisma, users[name] ?? null, at));

describe("notifications over tRPC", () => {
  it("shows the coordinators the notice a registration writes, and marks it read for that person only", async () => {
    const { caseId } = await (
      await as("manager")
    ).cases.intake({
      source: "OWN_MONITORING",
      url: "https://vk.com/wall-7_70",
      text: "Во дворе дома № 5 третий день не вывозят мусор",
    });
    const coordinator = await as("coordinator");
    expect(await coordinator.notifications.unreadCount()).toEqual({ count: 1 });
    const { items } = await coordinator.notifications.list({});
    expect(items).toHaveLength(1);
    const notice = items[0]!;
    expect(notice).toMatchObject({ kind: "CASE_RECEIVED", link: `/cases/${caseId}`, caseId, readAt: null });
    expect(notice.title).toMatch(/^Новая публикация № \d+$/);
    expect(notice.createdAt).toEqual(now);

    // The head was not notified, and cannot mark the coordinator's notice read either.
    const head = await as("head");
    expect(await head.notifications.list({})).toEqual({ items: [], nextCursor: null });
    await expect(head.notifications.markRead({ id: notice.id })).rejects.toSatisfy(
      (e: unknown) => e instanceof TRPCError && e.code === "NOT_FOUND" && e.message === "Уведомление не найдено",
    );
    expect(await coordinator.notifications.unreadCount()).toEqual({ count: 1 });

    const readAt = new Date(now.getTime() + 5 * 60_000);
    expect(await (await as("coordinator", readAt)).notifications.markRead({ id: notice.id })).toEqual({
      id: notice.id,
      readAt,
    });
    expect(await coordinator.notifications.unreadCount()).toEqual({ count: 0 });
    // The manager's copy of the same event is still unread.
    expect(await (await as("manager")).notifications.unreadCount()).toEqual({ count: 1 });
  });

  it("marks all read with nothing to pass, and refuses a malformed request with 400", async () => {
    const manager = await as("manager");
    expect((await manager.notifications.markAllRead()).count).toBeGreaterThanOrEqual(1);
    expect(await manager.notifications.unreadCount()).toEqual({ count: 0 });
    await expect(manager.notifications.list({ limit: 0 })).rejects.toSatisfy(
      (e: unknown) => e instanceof TRPCError && e.code === "BAD_REQUEST",
    );
    await expect(manager.notifications.markRead({ id: "" })).rejects.toSatisfy(
      (e: unknown) => e instanceof TRPCError && e.code === "BAD_REQUEST",
    );
  });
});
