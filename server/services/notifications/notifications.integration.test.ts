import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "../../testing/db";
import { createMunicipality, createUser } from "../../testing/factories";
import { ServiceError } from "../errors";
import {
  countUnreadNotifications,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "./notifications";

let t: TTestDatabase;
let municipalityId: string;
const now = new Date("2026-11-27T09:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

beforeAll(async () => {
  t = await createTestDatabase();
  municipalityId = (await createMunicipality(t.prisma)).id;
});
afterAll(async () => {
  await t.cleanup();
});

let seq = 0;
async function person() {
  return createUser(t.prisma, { roles: ["COORDINATOR"], municipalityId });
}
async function notify(
  userId: string,
  over: { createdAt?: Date; readAt?: Date | null; link?: string | null; title?: string } = {},
) {
  seq += 1;
  return t.prisma.notification.create({
    data: {
      userId,
      kind: "CASE_RECEIVED",
      title: over.title ?? `Новая публикация № ${seq}`,
      body: "Направьте публикацию в ответственный отдел в течение 30 минут (п.7).",
      link: over.link === undefined ? "/cases/c1" : over.link,
      dedupeKey: `test:${seq}:${userId}`,
      createdAt: over.createdAt ?? minutesAgo(seq),
      readAt: over.readAt ?? null,
    },
  });
}

async function errorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
}

describe("listing notifications", () => {
  it("shows a person only their own, newest first, page by page until the last", async () => {
    const me = await person();
    const other = await person();
    const oldest = await notify(me.id, { createdAt: minutesAgo(30), title: "Самое старое" });
    const middle = await notify(me.id, { createdAt: minutesAgo(20), readAt: minutesAgo(5) });
    const newest = await notify(me.id, { createdAt: minutesAgo(10), title: "Самое новое" });
    await notify(other.id, { createdAt: minutesAgo(1), title: "Чужое" });

    const first = await listNotifications(t.prisma, me.id, { limit: 2 });
    expect(first.items.map((n) => n.id)).toEqual([newest.id, middle.id]);
    expect(first.items[0]).toMatchObject({ title: "Самое новое", link: "/cases/c1", readAt: null });
    expect(first.items[1]?.readAt).toEqual(minutesAgo(5));
    expect(first.nextCursor).toBe(middle.id);

    const second = await listNotifications(t.prisma, me.id, { limit: 2, cursor: first.nextCursor });
    expect(second.items.map((n) => n.title)).toEqual(["Самое старое"]);
    expect(second.items[0]?.id).toBe(oldest.id);
    expect(second.nextCursor).toBeNull();
  });

  it("pages through notifications created at the same instant without repeating or losing any", async () => {
    const me = await person();
    const at = minutesAgo(3);
    const created = await Promise.all([1, 2, 3, 4, 5].map(() => notify(me.id, { createdAt: at })));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listNotifications>> = await listNotifications(t.prisma, me.id, {
        limit: 2,
        cursor,
      });
      seen.push(...page.items.map((n) => n.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(new Set(created.map((n) => n.id)));
  });

  it("keeps paging right when an item already shown is marked read meanwhile", async () => {
    const me = await person();
    const a = await notify(me.id, { createdAt: minutesAgo(3) });
    const b = await notify(me.id, { createdAt: minutesAgo(2) });
    const c = await notify(me.id, { createdAt: minutesAgo(1) });
    const first = await listNotifications(t.prisma, me.id, { limit: 1, unreadOnly: true });
    expect(first.items.map((n) => n.id)).toEqual([c.id]);
    await markNotificationRead(t.prisma, me.id, c.id, now);
    const second = await listNotifications(t.prisma, me.id, { limit: 5, unreadOnly: true, cursor: first.nextCursor });
    expect(second.items.map((n) => n.id)).toEqual([b.id, a.id]);
  });

  it("lists only unread ones when asked", async () => {
    const me = await person();
    const unread = await notify(me.id);
    await notify(me.id, { readAt: minutesAgo(1) });
    const page = await listNotifications(t.prisma, me.id, { unreadOnly: true });
    expect(page.items.map((n) => n.id)).toEqual([unread.id]);
  });

  it("refuses another person's notification as a cursor, in Russian", async () => {
    const me = await person();
    const other = await person();
    const theirs = await notify(other.id);
    const error = await errorOf(listNotifications(t.prisma, me.id, { cursor: theirs.id }));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: "Список уведомлений устарел: обновите страницу" });
  });

  it("never hands out a link that leaves the portal", async () => {
    const me = await person();
    for (const link of ["https://evil.example/x", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", null]) {
      await notify(me.id, { link });
    }
    await notify(me.id, { link: "/cases/abc" });
    const links = (await listNotifications(t.prisma, me.id, { limit: 10 })).items.map((n) => n.link);
    expect(links.filter((l) => l !== null)).toEqual(["/cases/abc"]);
    expect(links).toHaveLength(6);
  });
});

describe("marking notifications read", () => {
  it("counts unread ones and marks one read, keeping the first reading time", async () => {
    const me = await person();
    const n = await notify(me.id);
    await notify(me.id);
    await notify(me.id, { readAt: minutesAgo(1) });
    expect(await countUnreadNotifications(t.prisma, me.id)).toBe(2);

    expect(await markNotificationRead(t.prisma, me.id, n.id, now)).toEqual({ id: n.id, readAt: now });
    expect(await countUnreadNotifications(t.prisma, me.id)).toBe(1);
    const later = new Date(now.getTime() + 60_000);
    expect(await markNotificationRead(t.prisma, me.id, n.id, later)).toEqual({ id: n.id, readAt: now });
  });

  it("answers NOT_FOUND for another person's notification and leaves it unread", async () => {
    const me = await person();
    const other = await person();
    const theirs = await notify(other.id);
    const error = await errorOf(markNotificationRead(t.prisma, me.id, theirs.id, now));
    expect(error).toMatchObject({ code: "NOT_FOUND", message: "Уведомление не найдено" });
    expect((await t.prisma.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
    await expect(markNotificationRead(t.prisma, me.id, "no-such-id", now)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("marks all of a person's unread notifications read and nobody else's", async () => {
    const me = await person();
    const other = await person();
    await notify(me.id);
    await notify(me.id);
    const earlier = await notify(me.id, { readAt: minutesAgo(50) });
    await notify(other.id);

    expect(await markAllNotificationsRead(t.prisma, me.id, {}, now)).toEqual({ count: 2 });
    expect(await countUnreadNotifications(t.prisma, me.id)).toBe(0);
    expect(await countUnreadNotifications(t.prisma, other.id)).toBe(1);
    expect((await t.prisma.notification.findUniqueOrThrow({ where: { id: earlier.id } })).readAt).toEqual(
      minutesAgo(50),
    );
  });

  it("leaves unread what arrived after the newest one the person was shown", async () => {
    const me = await person();
    const shown = await notify(me.id, { createdAt: minutesAgo(10) });
    const older = await notify(me.id, { createdAt: minutesAgo(20) });
    const arrivedLater = await notify(me.id, { createdAt: minutesAgo(1) });

    expect(await markAllNotificationsRead(t.prisma, me.id, { upTo: shown.createdAt }, now)).toEqual({ count: 2 });
    const unread = await listNotifications(t.prisma, me.id, { unreadOnly: true });
    expect(unread.items.map((n) => n.id)).toEqual([arrivedLater.id]);
    expect(unread.items.map((n) => n.id)).not.toContain(older.id);
  });
});
