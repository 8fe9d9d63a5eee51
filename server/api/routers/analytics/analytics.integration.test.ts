import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RATING_FORMULA } from "../../../domain/analytics/rating";
import { createAnalyticsWorld, runCase, type TAnalyticsWorld } from "../../../services/analytics/test-fixtures";
import { createTestDatabase, type TTestDatabase } from "../../../testing/db";
import { contextFor, createUser } from "../../../testing/factories";
import { createCaller } from "../../root";

/**
 * The analytics procedures as a browser calls them. March 2026 in a Moscow district: two
 * publications, one answered in 5 h (first draft approved), one never touched (its 24 h ran out
 * on 21 March); a second district with its own head; a curator of both.
 */

let t: TTestDatabase;
let w: TAnalyticsWorld;
let other: TAnalyticsWorld;
let regionCurator: { id: string };
const now = new Date("2026-04-10T09:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  other = await createAnalyticsWorld(t.prisma, { name: "Соседний район" });
  w = await createAnalyticsWorld(t.prisma, { name: "Роутерный район" });
  const t0 = new Date("2026-03-10T07:00:00Z");
  const first = await w.receive(t0);
  await runCase(w, first, t0, { route: { at: 10, to: "zhkh" }, submit: 100, forward: 110, approve: 200, post: 300 });
  await w.receive(new Date("2026-03-20T07:00:00Z"));
  await w.scan(new Date("2026-03-22T00:00:00Z"));
  regionCurator = await createUser(t.prisma, {
    roles: ["CURATOR"],
    municipalityId: null,
    curates: [w.municipalityId, other.municipalityId],
  });
});
afterAll(async () => {
  await t.cleanup();
});

const as = async (user: { id: string }) => createCaller(await contextFor(t.prisma, user, now));

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("analytics.report", () => {
  it("gives the head the month of their municipality", async () => {
    const report = await (await as(w.people.head)).analytics.report({ month: "2026-03" });
    expect(report.scope).toEqual({
      municipalityIds: [w.municipalityId],
      title: "Роутерный район",
      timeZone: "Europe/Moscow",
    });
    expect(report.current.volume.received).toBe(2);
    expect(report.current.timeliness).toMatchObject({ answerDue: 2, answeredWithin24h: 1 });
    expect(report.trend).toHaveLength(12);
    // Timeliness 50, speed 300 min ≤ 8 h → 100, quality 100, overdue 1 of 1 → 0:
    // (40·50 + 20·100 + 25·100 + 15·0) / 100 = 65.
    expect(report.rating.score).toBe(65);
  });

  it("refuses bad input with a Russian message, and other people's municipalities", async () => {
    const head = await as(w.people.head);
    expect(await refusal(head.analytics.report({ month: "март" }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await refusal(head.analytics.report({ month: "2026-13" }))).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Месяц указывается в виде ГГГГ-ММ") as string,
    });
    expect(await refusal(head.analytics.report({ month: "2026-06" }))).toEqual({
      code: "BAD_REQUEST",
      message: "Месяц июнь 2026 ещё не наступил: анализа за него пока нет",
    });
    expect(await refusal(head.analytics.report({ month: "2026-03", municipalityId: other.municipalityId }))).toEqual({
      code: "NOT_FOUND",
      message: "Муниципальное образование не найдено",
    });
  });

  it("is closed to those without analytics.view", async () => {
    for (const user of [w.people.executorZhkh, w.people.admin]) {
      expect(await refusal((await as(user)).analytics.report({ month: "2026-03" }))).toMatchObject({
        code: "FORBIDDEN",
      });
    }
  });

  it("gives a curator either municipality, or both", async () => {
    const curator = await as(regionCurator);
    expect((await curator.analytics.municipalities()).map((m) => m.name)).toEqual([
      "Роутерный район",
      "Соседний район",
    ]);
    const both = await curator.analytics.report({ month: "2026-03", municipalityId: null });
    expect(both.scope.municipalityIds).toHaveLength(2);
    expect(both.current.volume.received).toBe(2);
    const neighbour = await curator.analytics.report({ month: "2026-03", municipalityId: other.municipalityId });
    expect(neighbour.current.volume.received).toBe(0);
  });
});

describe("analytics.figureCases", () => {
  it("lists the cases of a figure, as many as it counts", async () => {
    const head = await as(w.people.head);
    const page = await head.analytics.figureCases({ month: "2026-03", figure: "answeredLate" });
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      municipalityName: "Роутерный район",
      status: "NEW",
      networkName: "ВКонтакте",
      departmentName: null,
    });
    expect(page.items[0]?.receivedAt).toEqual(new Date("2026-03-20T07:00:00Z"));
    expect(page.nextCursor).toBeNull();
    expect(
      await refusal(head.analytics.figureCases({ month: "2026-03", figure: "nonsense" as "received" })),
    ).toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("analytics.municipalities", () => {
  it("offers everyone else only their own", async () => {
    expect(await (await as(w.people.deputy)).analytics.municipalities()).toEqual([
      { id: w.municipalityId, name: "Роутерный район", timeZone: "Europe/Moscow", regionName: "Тестовая область" },
    ]);
  });
});

describe("the rating formula", () => {
  it("shows the defaults until the administrator sets one, audited, and the report follows it", async () => {
    const head = await as(w.people.head);
    expect(await head.analytics.ratingFormula()).toEqual({
      municipalityId: w.municipalityId,
      formula: DEFAULT_RATING_FORMULA,
      isDefault: true,
      defaults: DEFAULT_RATING_FORMULA,
    });

    const admin = await as(w.people.admin);
    const onlyTimeliness = {
      weights: { timeliness: 1, speed: 0, quality: 0, overdue: 0 },
      speed: { fullPointsHours: 4, zeroPointsHours: 20 },
    };
    const saved = await admin.analytics.updateRatingFormula({ formula: onlyTimeliness });
    expect(saved).toMatchObject({ formula: onlyTimeliness, isDefault: false });
    expect(await admin.analytics.ratingFormula()).toMatchObject({ formula: onlyTimeliness });
    const audit = await t.prisma.auditLog.findFirst({
      where: { municipalityId: w.municipalityId, action: "settings.ratingFormula" },
    });
    expect(audit).toMatchObject({
      actorId: w.people.admin.id,
      entity: "Municipality",
      entityId: w.municipalityId,
      data: { before: null, after: onlyTimeliness },
    });
    // Only timeliness counts now: 1 of 2 answered in time → 50.
    expect((await head.analytics.report({ month: "2026-03" })).rating.score).toBe(50);

    await admin.analytics.updateRatingFormula({ formula: null });
    expect(await head.analytics.ratingFormula()).toMatchObject({ isDefault: true });
  });

  it("refuses a formula that cannot be computed, and others than the administrator", async () => {
    const admin = await as(w.people.admin);
    const zero = { weights: { timeliness: 0, speed: 0, quality: 0, overdue: 0 }, speed: DEFAULT_RATING_FORMULA.speed };
    expect(await refusal(admin.analytics.updateRatingFormula({ formula: zero }))).toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(
      await refusal((await as(w.people.head)).analytics.updateRatingFormula({ formula: DEFAULT_RATING_FORMULA })),
    ).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal((await as(w.people.executorZhkh)).analytics.ratingFormula())).toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
