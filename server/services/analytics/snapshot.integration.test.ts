import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TMonthlyMetrics } from "../../domain/analytics/types";
import { createTestDatabase, type TTestDatabase } from "../../testing/db";
import { contextFor, createUser } from "../../testing/factories";
import { runTick } from "../scheduler/tick";
import { computeMonthlyMetrics } from "./metrics";
import { loadAnalyticsReport } from "./report";
import { storeMonthlySnapshot } from "./snapshot";
import { createAnalyticsWorld, runCase, type TAnalyticsWorld } from "./test-fixtures";

/**
 * A month's figures are stored when the scheduler closes it, and the report of that month never
 * changes afterwards. March 2026 in Moscow (UTC+3): S1 received 10 March 07:00 and answered in
 * 5 h; S2 received 20 March 07:00 and never touched (the scan at the close records its three
 * violations: route, draft, answer). The month closes at the first tick after 00:00 MSK on
 * 1 April (31 March 21:00 UTC).
 */

let t: TTestDatabase;
let w: TAnalyticsWorld;
let second: TAnalyticsWorld;
const CLOSING_TICK = new Date("2026-03-31T21:05:00Z");
const LATER = new Date("2026-04-03T09:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  w = await createAnalyticsWorld(t.prisma, { name: "Снимок-район" });
  const s1 = new Date("2026-03-10T07:00:00Z");
  const c1 = await w.receive(s1);
  await runCase(w, c1, s1, { route: { at: 10, to: "zhkh" }, submit: 100, forward: 110, approve: 200, post: 300 });
  await w.receive(new Date("2026-03-20T07:00:00Z"));
  // A second district with one publication in March, closed by the same tick.
  second = await createAnalyticsWorld(t.prisma, { name: "Второй район" });
  await second.receive(new Date("2026-03-12T07:00:00Z"));
});

afterAll(async () => {
  await t.cleanup();
});

const storedOf = async () =>
  t.prisma.monthlyReport.findUnique({
    where: { municipalityId_month: { municipalityId: w.municipalityId, month: "2026-03" } },
  });

describe("the snapshot of a closed month", () => {
  it("is stored by the tick that closes the month, in the closing transaction", async () => {
    const result = await runTick(t.prisma, { now: CLOSING_TICK, trigger: "timer", lock: false });
    expect(result).toMatchObject({ skipped: false, monthsClosed: 2, errors: [] });
    const stored = await storedOf();
    expect(stored).toMatchObject({ final: true, computedAt: CLOSING_TICK });
    const data = stored?.data as unknown as TMonthlyMetrics;
    expect(data).toMatchObject({
      month: "2026-03",
      final: true,
      computedAt: CLOSING_TICK.toISOString(),
      from: "2026-02-28T21:00:00.000Z",
      to: "2026-03-31T21:00:00.000Z",
      volume: { received: 2 },
      timeliness: { answerDue: 2, answeredWithin24h: 1, answeredWithin24hShare: 0.5 },
      violations: { total: 3 },
      monthEnd: { open: 1, overdue: 1 },
    });
    // Only the month just ended: February was never closed, and has no snapshot.
    expect(await t.prisma.monthlyReport.count({ where: { municipalityId: w.municipalityId } })).toBe(1);
  });

  it("is what the report shows, however the data changes afterwards", async () => {
    const before = (await storedOf())?.data as unknown as TMonthlyMetrics;
    // A publication of 25 March delivered late, on 2 April, and S2 finally routed.
    const late = new Date("2026-03-25T07:00:00Z");
    await w.receive(late, { receivedAt: late });
    const s2 = await t.prisma.case.findFirstOrThrow({
      where: { municipalityId: w.municipalityId, receivedAt: new Date("2026-03-20T07:00:00Z") },
    });
    await w.act(w.people.coordinator, s2.id, "route", new Date("2026-04-02T08:00:00Z"), {
      departmentId: w.departments.zhkh.id,
    });

    // Computed afresh, March now has three publications …
    const live = await computeMonthlyMetrics(
      t.prisma,
      { municipalityIds: [w.municipalityId], month: "2026-03" },
      LATER,
    );
    expect(live.volume.received).toBe(3);

    // … but its report is the stored one, and so is its point on the trend.
    const head = (await contextFor(t.prisma, w.people.head, LATER)).user;
    if (!head) throw new Error("no session");
    const report = await loadAnalyticsReport(t.prisma, head, { month: "2026-03" }, LATER);
    expect(report.current).toEqual(before);
    expect(report.current.final).toBe(true);
    expect(report.trend.at(-1)).toEqual({
      month: "2026-03",
      received: 2,
      answeredWithin24hShare: 0.5,
      violations: 3,
      approvedAtFirstShare: 1,
    });
    // February, never closed, is computed live as of its end.
    expect(report.previous).toMatchObject({ month: "2026-02", final: false });

    // The running month is live.
    const april = await loadAnalyticsReport(t.prisma, head, { month: "2026-04" }, LATER);
    expect(april.current).toMatchObject({ final: false, computedAt: LATER.toISOString() });
    expect(april.previous).toEqual(before);
  });

  it("gives the trend its closed months, for one district and for a curator's two", async () => {
    // In May, March is neither the month shown nor the previous one: its point comes from the
    // snapshots (2 + 1), not from the data as it is now (3 + 1, with the late delivery).
    const may = new Date("2026-05-02T09:00:00Z");
    const head = (await contextFor(t.prisma, w.people.head, may)).user;
    if (!head) throw new Error("no session");
    const own = await loadAnalyticsReport(t.prisma, head, { month: "2026-05" }, may);
    expect(own.trend.find((p) => p.month === "2026-03")?.received).toBe(2);

    const curator = await createUser(t.prisma, {
      roles: ["CURATOR"],
      municipalityId: null,
      curates: [w.municipalityId, second.municipalityId],
    });
    const session = (await contextFor(t.prisma, curator, may)).user;
    if (!session) throw new Error("no session");
    const region = await loadAnalyticsReport(t.prisma, session, { month: "2026-05" }, may);
    expect(region.trend.find((p) => p.month === "2026-03")).toEqual({
      month: "2026-03",
      received: 3,
      // S1 in time, S2 and the second district's case never answered: 1 of 3.
      answeredWithin24hShare: 1 / 3,
      violations: 6,
      approvedAtFirstShare: 1,
    });
    // A month the report shows is computed live, and its point on the trend is its own.
    const march = await loadAnalyticsReport(t.prisma, session, { month: "2026-03" }, may);
    expect(march.current.volume.received).toBe(4);
    expect(march.trend.at(-1)?.received).toBe(4);
  });

  it("is never overwritten", async () => {
    const before = await storedOf();
    await t.prisma.$transaction((tx) =>
      storeMonthlySnapshot(tx, {
        municipalityId: w.municipalityId,
        month: "2026-03",
        timeZone: "Europe/Moscow",
        closedAt: LATER,
      }),
    );
    const after = await storedOf();
    expect(after).toEqual(before);
    expect((after?.data as unknown as TMonthlyMetrics).volume.received).toBe(2);
  });
});
