import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CASE_STATUSES } from "../server/domain/cases/case-types";
import { createTestDatabase, type TTestDatabase } from "../server/testing/db";
import { createSeededRandom, seedDemoHistory } from "./demo-history";
import { seedDemo } from "./seed";

let t: TTestDatabase;
let municipalityId: string;
let created: number;
let seconds: number;
const now = new Date("2026-03-15T09:00:00Z");
const MINUTE = 60_000;

beforeAll(async () => {
  t = await createTestDatabase();
  ({ municipalityId } = await seedDemo(t.prisma));
  const started = performance.now();
  const result = await seedDemoHistory(t.prisma, { now, count: 40, random: createSeededRandom(20260315) });
  seconds = (performance.now() - started) / 1000;
  created = result.created;
  console.info(`demo history: ${created} cases in ${seconds.toFixed(1)} s (${t.embedded ? "PGlite" : "PostgreSQL"})`);
}, 300_000);
afterAll(async () => {
  await t.cleanup();
});

const loadCases = () =>
  t.prisma.case.findMany({
    where: { municipalityId },
    include: { events: { orderBy: [{ at: "asc" }] }, violations: true, network: true, drafts: true },
    orderBy: { number: "asc" },
  });

describe("demo history", () => {
  it("generates the cases, every status at least once, all received within three months before now", async () => {
    expect(created).toBe(40);
    const cases = await loadCases();
    expect(cases).toHaveLength(40);
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(CASE_STATUSES));
    for (const c of cases) {
      expect(c.receivedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(c.receivedAt.getTime()).toBeGreaterThan(now.getTime() - 92 * 24 * 60 * MINUTE);
    }
    // The numbers follow the receipt time.
    const received = cases.map((c) => c.receivedAt.getTime());
    expect(received).toEqual([...received].sort((a, b) => a - b));
  });

  it("keeps every timeline a chain from CREATED, with events before now", async () => {
    for (const c of await loadCases()) {
      // Marks and violations are events without a change of status.
      const [first, ...rest] = c.events.filter((e) => e.toStatus !== null);
      expect(first).toMatchObject({ type: "CREATED", toStatus: "NEW" });
      let status = first!.toStatus;
      for (const e of rest) {
        expect(e.fromStatus).toBe(status);
        status = e.toStatus;
      }
      expect(status).toBe(c.status);
      for (const e of c.events) expect(e.at.getTime()).toBeLessThanOrEqual(now.getTime());
    }
  });

  it("freezes the deadlines from T0 and charges ANSWER_LATE exactly when the answer was posted late", async () => {
    const cases = await loadCases();
    for (const c of cases) {
      expect(c.routeDueAt.getTime()).toBe(c.receivedAt.getTime() + c.slaRouteMinutes * MINUTE);
      expect(c.draftDueAt.getTime()).toBe(c.receivedAt.getTime() + c.slaDraftMinutes * MINUTE);
      expect(c.answerDueAt.getTime()).toBe(c.receivedAt.getTime() + c.slaAnswerMinutes * MINUTE);
      if (c.status !== "POSTED") continue;
      const late = c.violations.some((v) => v.type === "ANSWER_LATE");
      expect(c.postedAt!.getTime() > c.answerDueAt.getTime()).toBe(late);
      expect(new URL(c.postedAnswerUrl!).hostname).toBe(new URL(c.postUrl).hostname);
    }
    // Late routing happens in the demo, and is charged.
    expect(cases.some((c) => c.violations.some((v) => v.type === "ROUTE_LATE"))).toBe(true);
  });

  it("varies what a demo should show: networks by their hosts, sources, repeats, bounces, rejections", async () => {
    const cases = await loadCases();
    for (const c of cases) {
      if (c.network.code === "OTHER") continue;
      expect(c.network.hosts).toContain(new URL(c.postUrl).hostname);
    }
    expect(new Set(cases.map((c) => c.network.code)).size).toBeGreaterThanOrEqual(4);
    expect(cases.filter((c) => c.source === "CURATOR").every((c) => /^ИНЦ-\d{4}-\d{6}$/.test(c.externalId ?? ""))).toBe(
      true,
    );
    for (const c of cases.filter((x) => x.repeatOfId)) {
      const earlier = cases.find((x) => x.id === c.repeatOfId)!;
      expect(earlier.number).toBeLessThan(c.number);
      expect([earlier.topicId, earlier.settlement]).toEqual([c.topicId, c.settlement]);
      expect(c.repeated).toBe(true);
    }
    expect(cases.some((c) => c.events.some((e) => e.type === "NOT_OUR_DEPARTMENT"))).toBe(true);
    expect(cases.some((c) => c.events.some((e) => e.type === "REJECTED"))).toBe(true);
    expect(new Set(cases.map((c) => c.departmentId).filter(Boolean)).size).toBeGreaterThanOrEqual(4);
  });

  it("adds nothing on a second run", async () => {
    const before = await t.prisma.case.count();
    const events = await t.prisma.caseEvent.count();
    const again = await seedDemoHistory(t.prisma, { now: new Date(now.getTime() + 60 * MINUTE), count: 40 });
    expect(again).toMatchObject({ created: 0, present: true });
    expect(await t.prisma.case.count()).toBe(before);
    expect(await t.prisma.caseEvent.count()).toBe(events);
  });
});
