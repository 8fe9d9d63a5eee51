import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TSessionUser } from "../../auth/session-user";
import { percentileCont } from "../../domain/analytics/stats";
import type { TFigure, TMonthlyMetrics } from "../../domain/analytics/types";
import { createTestDatabase, type TTestDatabase } from "../../testing/db";
import { contextFor } from "../../testing/factories";
import { ServiceError } from "../errors";
import { markTransaction } from "./bounds";
import { computeMonthlyMetrics } from "./metrics";
import { listFigureCases, loadAnalyticsReport } from "./report";
import { createAnalyticsWorld, plus, runCase, type TAnalyticsWorld } from "./test-fixtures";

/**
 * March 2026 in a Moscow district (A), worked through the portal's own services, and a
 * Vladivostok district (B) that the same curator curates. Every expected number below was
 * computed by hand from this list (times UTC; Moscow is UTC+3, March is
 * [28 Feb 21:00, 31 Mar 21:00) UTC).
 *
 * A, received in March (7):
 *  C1 VK  Вода   28.02 21:30 (00:30 MSK 1 March → March)  → ЖКХ +10, draft +180, fwd +200, approve +300, post +360
 *  C2 VK  Вода   03.03 07:00  → ЖКХ +45 (ROUTE_LATE), draft +120, returned +140, draft +160, fwd +180, approve +240, post +300
 *  C3 OK  Дороги 05.03 07:00 own monitoring → Обр. +15, draft +1260 (DRAFT_LATE), fwd +1270, curator rejects +1320,
 *                draft +1380 (REWORK_LATE), fwd +1390, approve +1410, post +1500 (ANSWER_LATE)
 *  C4 VK  —      10.03 07:00 repeated (of C1), significant → ЖКХ +20, draft +240, fwd +255, approve +360, post +480
 *  C5 VK  Вода   31.03 20:30 (23:30 MSK 31 March → March) → ЖКХ +10; nothing more
 *  C6 OK  Дороги 20.03 07:00 never touched; the scan on 22.03 records ROUTE_, DRAFT_ and ANSWER_LATE (ORG)
 *  C7 VK  Вода   25.03 07:00 → Обр. +5, cancelled +60
 * A, not received in March:
 *  C8 VK  Дороги 28.02 20:30 (23:30 MSK 28 Feb → February) → ЖКХ +10 (still February), draft +330, fwd +340,
 *                approve +400, post +510: all of that in March
 *  C9 VK  —      31.03 21:30 (00:30 MSK 1 April → April), untouched
 * B (Asia/Vladivostok, UTC+10; March is [28 Feb 14:00, 31 Mar 14:00) UTC):
 *  B1 VK  10.03 00:00 → ЖКХ +10, draft +100, fwd +110, approve +200, post +300
 *  B2 VK  31.03 15:00 (01:00 on 1 April there → April), untouched
 *  B3 VK  28.02 15:30 (01:30 on 1 March there → March), untouched; scanned on 05.03: three violations
 */

let t: TTestDatabase;
let a: TAnalyticsWorld;
let b: TAnalyticsWorld;
const ids: Record<string, string> = {};

const at = (iso: string) => new Date(iso);
/** After March, in April: March is judged as of its end. */
const APRIL_10 = at("2026-04-10T09:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  b = await createAnalyticsWorld(t.prisma, { name: "Владивостокский район", timeZone: "Asia/Vladivostok" });
  a = await createAnalyticsWorld(t.prisma, { name: "Мясниковский район", curates: [b.municipalityId] });
  const { water, roads } = a.topics;

  const c1 = at("2026-02-28T21:30:00Z");
  ids.c1 = await a.receive(c1, { topicId: water.id });
  await runCase(a, ids.c1, c1, { route: { at: 10, to: "zhkh" }, submit: 180, forward: 200, approve: 300, post: 360 });

  const c2 = at("2026-03-03T07:00:00Z");
  ids.c2 = await a.receive(c2, { topicId: water.id });
  await runCase(a, ids.c2, c2, { route: { at: 45, to: "zhkh" }, submit: 120 });
  await a.act(a.people.coordinator, ids.c2, "returnForRework", plus(c2, 140), { comment: "Добавьте сроки" });
  await runCase(a, ids.c2, c2, { submit: 160, forward: 180, approve: 240, post: 300 });

  const c3 = at("2026-03-05T07:00:00Z");
  ids.c3 = await a.receive(c3, { network: "OK", source: "OWN_MONITORING", topicId: roads.id });
  await runCase(a, ids.c3, c3, { route: { at: 15, to: "edu" } });
  await a.act(a.people.executorEdu, ids.c3, "submitDraft", plus(c3, 1260));
  await a.act(a.people.coordinator, ids.c3, "forward", plus(c3, 1270));
  await a.act(a.people.curator, ids.c3, "reject", plus(c3, 1320), { comment: "Укажите даты ремонта" });
  await a.act(a.people.executorEdu, ids.c3, "submitDraft", plus(c3, 1380));
  await runCase(a, ids.c3, c3, { forward: 1390, approve: 1410, post: 1500 });

  const c4 = at("2026-03-10T07:00:00Z");
  ids.c4 = await a.receive(c4, { repeatOfId: ids.c1, significant: true, significanceReason: "Жалоба повторная" });
  await runCase(a, ids.c4, c4, { route: { at: 20, to: "zhkh" }, submit: 240, forward: 255, approve: 360, post: 480 });

  const c5 = at("2026-03-31T20:30:00Z");
  ids.c5 = await a.receive(c5, { topicId: water.id });
  await runCase(a, ids.c5, c5, { route: { at: 10, to: "zhkh" } });

  ids.c6 = await a.receive(at("2026-03-20T07:00:00Z"), { network: "OK", topicId: roads.id });

  const c7 = at("2026-03-25T07:00:00Z");
  ids.c7 = await a.receive(c7, { topicId: water.id });
  await runCase(a, ids.c7, c7, { route: { at: 5, to: "edu" } });
  await a.act(a.people.coordinator, ids.c7, "cancel", plus(c7, 60), { reason: "Публикация удалена автором" });

  const c8 = at("2026-02-28T20:30:00Z");
  ids.c8 = await a.receive(c8, { topicId: roads.id });
  await runCase(a, ids.c8, c8, { route: { at: 10, to: "zhkh" }, submit: 330, forward: 340, approve: 400, post: 510 });

  ids.c9 = await a.receive(at("2026-03-31T21:30:00Z"));
  await a.scan(at("2026-03-22T00:00:00Z"));

  const b1 = at("2026-03-10T00:00:00Z");
  ids.b1 = await b.receive(b1);
  await runCase(b, ids.b1, b1, { route: { at: 10, to: "zhkh" }, submit: 100, forward: 110, approve: 200, post: 300 });
  ids.b2 = await b.receive(at("2026-03-31T15:00:00Z"));
  ids.b3 = await b.receive(at("2026-02-28T15:30:00Z"));
  await b.scan(at("2026-03-05T00:00:00Z"));

  // Routine posts (п.6), minimum 2 a week. March judges the weeks ending on its Sundays:
  // 23.02–01.03, 02–08, 09–15, 16–22, 23–29 March.
  const vk = a.networkId("VK");
  const ok = a.networkId("OK");
  const account = (name: string, networkId: string, createdAt: string, active = true) =>
    t.prisma.socialAccount.create({
      data: {
        municipalityId: a.municipalityId,
        networkId,
        name,
        url: `https://example.test/${a.municipalityId}/${name}`,
        ownerKind: "LEGAL_ENTITY",
        active,
        createdAt: at(createdAt),
      },
    });
  const admin = await account("Администрация", vk, "2026-01-01T00:00:00Z");
  const head = await account("Глава района", ok, "2026-03-12T00:00:00Z");
  const old = await account("Старая страница", vk, "2026-01-01T00:00:00Z", false);
  let n = 0;
  const post = (accountId: string, publishedAt: string) =>
    t.prisma.routinePost.create({
      data: { accountId, url: `https://example.test/post/${++n}`, publishedAt: at(publishedAt) },
    });
  for (const when of [
    "2026-02-22T20:30:00Z", // Sunday 22 Feb 23:30 MSK: February's week
    "2026-02-24T10:00:00Z",
    "2026-03-01T20:00:00Z", // Sunday 1 March 23:00 MSK: the week of 23 Feb → 2 posts, met
    "2026-03-03T10:00:00Z", // 1 post, short
    "2026-03-10T10:00:00Z",
    "2026-03-11T10:00:00Z",
    "2026-03-12T10:00:00Z", // 3, met
    "2026-03-17T10:00:00Z",
    "2026-03-19T10:00:00Z", // 2, met
    // 23–29 March: none, short
    "2026-03-29T21:30:00Z", // Monday 30 March 00:30 MSK: April's week
  ]) {
    await post(admin.id, when);
  }
  // Registered on 12 March: judged from the week of 9 March on.
  for (const when of [
    "2026-03-13T10:00:00Z",
    "2026-03-13T12:00:00Z",
    "2026-03-17T10:00:00Z",
    "2026-03-18T10:00:00Z",
    "2026-03-24T10:00:00Z",
  ]) {
    await post(head.id, when);
  }
  for (const when of ["2026-03-03T10:00:00Z", "2026-03-04T10:00:00Z"]) await post(old.id, when);
});

afterAll(async () => {
  await t.cleanup();
});

async function sessionOf(user: { id: string }, now = APRIL_10): Promise<TSessionUser> {
  const ctx = await contextFor(t.prisma, user, now);
  if (!ctx.user) throw new Error("no session");
  return ctx.user;
}

const rowsOf = (rows: readonly { key: string; label: string; count: number }[]) =>
  Object.fromEntries(rows.map((r) => [r.label, r.count]));

describe("the monthly figures of one municipality (March 2026, judged as of its end)", () => {
  let m: TMonthlyMetrics;
  beforeAll(async () => {
    m = await computeMonthlyMetrics(t.prisma, { municipalityIds: [a.municipalityId], month: "2026-03" }, APRIL_10);
  });

  it("takes the month in Moscow time: 00:30 on 1 March and 23:30 on 31 March are March's", () => {
    expect(m.from).toBe("2026-02-28T21:00:00.000Z");
    expect(m.to).toBe("2026-03-31T21:00:00.000Z");
    expect(m).toMatchObject({ month: "2026-03", municipalityIds: [a.municipalityId], final: false });
    // C1..C7; not C8 (23:30 on 28 Feb) nor C9 (00:30 on 1 April).
    expect(m.volume.received).toBe(7);
  });

  it("counts the volumes by network, source, topic and department, the repeated and the significant", () => {
    expect(m.volume.repeated).toBe(1);
    expect(m.volume.significant).toBe(1);
    expect(rowsOf(m.volume.byNetwork)).toEqual({ ВКонтакте: 5, Одноклассники: 2 });
    expect(m.volume.byNetwork[0]).toMatchObject({ key: a.networkId("VK"), count: 5 });
    expect(rowsOf(m.volume.bySource)).toEqual({ "От куратора": 6, "Собственный мониторинг": 1 });
    expect(m.volume.byTopic).toEqual([
      { key: a.topics.water.id, label: "Водоснабжение", count: 4 },
      { key: a.topics.roads.id, label: "Дороги", count: 2 },
      { key: "none", label: "Без темы", count: 1 },
    ]);
    expect(m.volume.byDepartment).toEqual([
      { key: a.departments.zhkh.id, label: a.departments.zhkh.name, count: 4 },
      { key: a.departments.edu.id, label: a.departments.edu.name, count: 2 },
      { key: "none", label: "Не распределена по отделам", count: 1 },
    ]);
  });

  it("judges the 24 hours: 3 of 5 answered in time", () => {
    // Judged: C1, C2, C4 (in time), C3 (posted late), C6 (never posted). Not: C5 (due 1 April,
    // not posted by the month's end), C7 (cancelled before its deadline).
    expect(m.timeliness).toMatchObject({ answerDue: 5, answeredWithin24h: 3, answeredWithin24hShare: 0.6 });
  });

  it("counts each clock's instances due in the month, met unless the violations log has them", () => {
    expect(m.timeliness.clocks).toEqual([
      // C1 C2 C3 C4 C6 C7 C8 (C8's 30 min end exactly at 00:00 on 1 March; C5's exactly at 00:00 on
      // 1 April: April's); late: C2, C6.
      { clock: "ROUTE", due: 7, met: 5, share: 5 / 7 },
      // C1 C2 C3 C4 C6 C8 (C7 cancelled before its draft was due); late: C3, C6.
      { clock: "DRAFT", due: 6, met: 4, share: 4 / 6 },
      // Submissions: C1, C2 ×2, C3 ×2, C4, C8 — each forwarded or returned within 30 min.
      { clock: "FORWARD", due: 7, met: 7, share: 1 },
      // Returns: C2 (resubmitted in 20 min), C3 (in 60 min: late).
      { clock: "REWORK", due: 2, met: 1, share: 0.5 },
      // C1 C2 C3 C4 C6 C8; late: C3, C6.
      { clock: "ANSWER", due: 6, met: 4, share: 4 / 6 },
    ]);
  });

  it("takes median and 90th percentile of the times, over the actions done in the month", () => {
    // Routed in March: C1 10, C2 45, C3 15, C4 20, C5 10, C7 5 → 5 10 10 15 20 45:
    // median (10 + 15) / 2 = 12.5; p90 at 0.9 × 5 = 4.5 → 20 + 0.5 × 25 = 32.5.
    expect(m.timeliness.timeToRoute).toEqual({ count: 6, medianMinutes: 12.5, p90Minutes: 32.5 });
    // First drafts in March: 120 180 240 330 (C8) 1260 → median 240; p90 at 3.6 → 330 + 0.6 × 930 = 888.
    expect(m.timeliness.timeToDraft).toEqual({ count: 5, medianMinutes: 240, p90Minutes: 888 });
    // Posted in March: 300 360 480 510 (C8) 1500 → median 480; p90 → 510 + 0.6 × 990 = 1104.
    expect(m.timeliness.timeToAnswer).toEqual({ count: 5, medianMinutes: 480, p90Minutes: 1104 });
    // The SQL's percentile_cont is the domain's definition.
    expect(percentileCont([5, 10, 10, 15, 20, 45], 0.9)).toBeCloseTo(32.5, 10);
    expect(percentileCont([300, 360, 480, 510, 1500], 0.9)).toBeCloseTo(1104, 10);
  });

  it("measures first-pass approval and the rework rounds", () => {
    // First drafts settled in March: C1, C4, C8 approved by the curator as sent; C2 returned
    // internally, C3 rejected by the curator.
    expect(m.quality).toEqual({
      firstSubmissions: 5,
      approvedAtFirst: 3,
      approvedAtFirstShare: 0.6,
      reworkRounds: 2,
      reworkedCases: 2,
      returnsByDepartment: [
        // One each: sorted by name.
        { key: a.departments.zhkh.id, label: a.departments.zhkh.name, count: 1 },
        { key: a.departments.edu.id, label: a.departments.edu.name, count: 1 },
      ].sort((x, y) => x.label.localeCompare(y.label, "ru")),
    });
  });

  it("lists the violations by type, department and executor", () => {
    expect(m.violations.total).toBe(7);
    expect(Object.fromEntries(m.violations.byType.map((r) => [r.key, r.count]))).toEqual({
      ROUTE_LATE: 2,
      DRAFT_LATE: 2,
      ANSWER_LATE: 2,
      REWORK_LATE: 1,
    });
    // Routing, posting and a never-routed case's draft go to the coordinating department (п.12).
    expect(m.violations.byDepartment).toEqual([
      { key: a.departments.org.id, label: a.departments.org.name, count: 5 },
      { key: a.departments.edu.id, label: a.departments.edu.name, count: 2 },
    ]);
    expect(m.violations.byExecutor).toEqual([
      {
        userId: a.people.executorEdu.id,
        fullName: a.people.executorEdu.fullName,
        departmentName: a.departments.edu.name,
        count: 2,
      },
    ]);
  });

  it("reconstructs the cases open and overdue at the month's end", () => {
    // C5 (received 23:30 on the 31st, due 1 April) and C6 (due 21 March).
    expect(m.monthEnd).toEqual({ open: 2, overdue: 1 });
  });

  it("judges routine posting on the weeks ending in the month", () => {
    expect(m.routine.weeklyMinimum).toBe(2);
    expect(m.routine.accounts).toEqual([
      expect.objectContaining({ label: "Администрация (ВКонтакте)", weeks: 5, weeksMet: 3, posts: 8 }),
      expect.objectContaining({ label: "Глава района (Одноклассники)", weeks: 3, weeksMet: 2, posts: 5 }),
    ]);
    expect(m.routine).toMatchObject({ weeks: 8, weeksMet: 5, share: 5 / 8 });
  });

  it("gives every department its row", () => {
    const row = (id: string) => m.departments.find((d) => d.departmentId === id);
    expect(m.departments).toHaveLength(3);
    expect(row(a.departments.zhkh.id)).toEqual({
      departmentId: a.departments.zhkh.id,
      name: a.departments.zhkh.name,
      received: 4, // C1 C2 C4 C5
      answerDue: 3, // C5 not yet due
      answeredWithin24h: 3,
      answeredWithin24hShare: 1,
      firstSubmissions: 4, // C1 C2 C4 C8
      approvedAtFirst: 3,
      approvedAtFirstShare: 0.75,
      returns: 1,
      violations: 0,
      medianDraftMinutes: 210, // 120 180 240 330
    });
    expect(row(a.departments.edu.id)).toMatchObject({
      received: 2,
      answerDue: 1,
      answeredWithin24h: 0,
      answeredWithin24hShare: 0,
      firstSubmissions: 1,
      approvedAtFirst: 0,
      returns: 1,
      violations: 2,
      medianDraftMinutes: 1260,
    });
    expect(row(a.departments.org.id)).toMatchObject({
      received: 0,
      answerDue: 0,
      answeredWithin24hShare: null,
      firstSubmissions: 0,
      approvedAtFirstShare: null,
      violations: 5,
      medianDraftMinutes: null,
    });
  });

  it("while the month runs, judges it as of now", async () => {
    // 5 March, 12:00 UTC: C1, C2 and C3 received; C3 still open, not yet overdue.
    const now = at("2026-03-05T12:00:00Z");
    const live = await computeMonthlyMetrics(t.prisma, { municipalityIds: [a.municipalityId], month: "2026-03" }, now);
    expect(live.volume.received).toBe(3);
    expect(live.monthEnd).toEqual({ open: 1, overdue: 0 });
    expect(live.timeliness).toMatchObject({ answerDue: 2, answeredWithin24h: 2 });
    // C2's late routing is the only violation so far.
    expect(live.violations.total).toBe(1);
    // Weeks over by then: 23.02–01.03 only (the next ends on Sunday 8 March).
    expect(live.routine).toMatchObject({ weeks: 1, weeksMet: 1 });
    expect(live.computedAt).toBe(now.toISOString());
  });
});

describe("a curator's region: both districts, each in its own zone", () => {
  it("adds up the two districts' months", async () => {
    const m = await computeMonthlyMetrics(
      t.prisma,
      { municipalityIds: [a.municipalityId, b.municipalityId], month: "2026-03" },
      APRIL_10,
    );
    // B's March is [28 Feb 14:00, 31 Mar 14:00) UTC: B1 and B3, not B2.
    expect(m.volume.received).toBe(9);
    expect(m.from).toBe("2026-02-28T14:00:00.000Z");
    expect(m.to).toBe("2026-03-31T21:00:00.000Z");
    // B1 in time, B3 never answered.
    expect(m.timeliness).toMatchObject({ answerDue: 7, answeredWithin24h: 4 });
    expect(m.violations.total).toBe(10);
    expect(m.monthEnd).toEqual({ open: 3, overdue: 2 });
    // Department names say whose they are.
    expect(m.departments.map((d) => d.name)).toContain(`${b.departments.zhkh.name} — Владивостокский район`);
  });

  it("gives the same figures computed in halves side by side as in one statement", async () => {
    // Outside a transaction the districts are computed apart and added up; the month-closing
    // transaction computes them in one statement.
    const input = { municipalityIds: [a.municipalityId, b.municipalityId], month: "2026-03" };
    const apart = await computeMonthlyMetrics(t.prisma, input, APRIL_10);
    const together = await t.prisma.$transaction((tx) => computeMonthlyMetrics(markTransaction(tx), input, APRIL_10));
    expect(apart.timeliness.timeToAnswer.count).toBeGreaterThan(0);
    expect(apart).toEqual(together);
  });

  it("is what the curator's report shows without a chosen municipality", async () => {
    const curator = await sessionOf(a.people.curator);
    const report = await loadAnalyticsReport(t.prisma, curator, { month: "2026-03" }, APRIL_10);
    expect(report.scope.municipalityIds.sort()).toEqual([a.municipalityId, b.municipalityId].sort());
    expect(report.scope.title).toBe("Тестовая область: муниципальные образования (2)");
    expect(report.current.volume.received).toBe(9);
    const one = await loadAnalyticsReport(
      t.prisma,
      curator,
      { month: "2026-03", municipalityId: b.municipalityId },
      APRIL_10,
    );
    expect(one.scope).toEqual({
      municipalityIds: [b.municipalityId],
      title: "Владивостокский район",
      timeZone: "Asia/Vladivostok",
    });
    expect(one.current.volume.received).toBe(2);
  });
});

describe("the report", () => {
  it("holds the month, the previous one, a year before, the trend, the rating and the surges", async () => {
    const surge = await t.prisma.surge.create({
      data: {
        municipalityId: a.municipalityId,
        kind: "TOPIC",
        key: a.topics.water.id,
        label: "Водоснабжение",
        firstCaseAt: at("2026-03-12T08:00:00Z"),
        lastCaseAt: at("2026-03-12T15:00:00Z"),
        caseCount: 3,
        alertedAt: at("2026-03-12T15:00:00Z"),
      },
    });
    await t.prisma.surge.create({
      data: {
        municipalityId: a.municipalityId,
        kind: "SETTLEMENT",
        key: "хутор",
        label: "Хутор",
        firstCaseAt: at("2026-02-12T08:00:00Z"),
        lastCaseAt: at("2026-02-12T15:00:00Z"),
        caseCount: 3,
        alertedAt: at("2026-02-12T15:00:00Z"),
      },
    });
    const head = await sessionOf(a.people.head);
    const report = await loadAnalyticsReport(t.prisma, head, { month: "2026-03" }, APRIL_10);
    expect(report.scope).toEqual({
      municipalityIds: [a.municipalityId],
      title: "Мясниковский район",
      timeZone: "Europe/Moscow",
    });
    expect(report.current.volume.received).toBe(7);
    // February: C8 (23:30 MSK on 28 Feb); a year before: nothing, zeros.
    expect(report.previous?.month).toBe("2026-02");
    expect(report.previous?.volume.received).toBe(1);
    expect(report.yearAgo?.month).toBe("2025-03");
    expect(report.yearAgo?.volume.received).toBe(0);
    expect(report.yearAgo?.timeliness.answeredWithin24hShare).toBeNull();

    // Twelve months ending at March; its point is the month's headline.
    expect(report.trend.map((p) => p.month)).toEqual([
      "2025-04",
      "2025-05",
      "2025-06",
      "2025-07",
      "2025-08",
      "2025-09",
      "2025-10",
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
    ]);
    expect(report.trend.at(-1)).toEqual({
      month: "2026-03",
      received: 7,
      answeredWithin24hShare: 0.6,
      violations: 7,
      approvedAtFirstShare: 0.6,
    });
    // February: C8 received; nothing was judged by February's end (its 24 h ran into March).
    expect(report.trend.at(-2)).toEqual({
      month: "2026-02",
      received: 1,
      answeredWithin24hShare: null,
      violations: 0,
      approvedAtFirstShare: null,
    });
    expect(report.trend[0]).toEqual({
      month: "2025-04",
      received: 0,
      answeredWithin24hShare: null,
      violations: 0,
      approvedAtFirstShare: null,
    });

    // Default formula: timeliness 60, speed 480 min = 8 h → 100, quality 60, overdue 1 of 2 → 50:
    // (40·60 + 20·100 + 25·60 + 15·50) / 100 = 66.5.
    expect(report.rating.score).toBe(66.5);
    expect(report.rating.departments[0]?.departmentId).toBe(a.departments.zhkh.id);

    expect(report.surges).toEqual([
      { id: surge.id, label: "Водоснабжение", kind: "TOPIC", firstCaseAt: "2026-03-12T08:00:00.000Z", caseCount: 3 },
    ]);
  });

  it("reaches back before the years one may ask for without failing", async () => {
    const head = await sessionOf(a.people.head);
    const report = await loadAnalyticsReport(t.prisma, head, { month: "2000-03" }, APRIL_10);
    expect(report.yearAgo).toMatchObject({ month: "1999-03", volume: { received: 0 } });
    expect(report.trend[0]?.month).toBe("1999-04");
  });

  it("refuses a month that has not begun, and what is not a month", async () => {
    const head = await sessionOf(a.people.head);
    const refusal = await loadAnalyticsReport(t.prisma, head, { month: "2026-05" }, APRIL_10).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ServiceError);
    expect(refusal).toMatchObject({
      code: "BAD_REQUEST",
      message: "Месяц май 2026 ещё не наступил: анализа за него пока нет",
    });
    await expect(loadAnalyticsReport(t.prisma, head, { month: "2026-13" }, APRIL_10)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      field: "month",
    });
  });

  it("shows nobody another municipality's figures", async () => {
    const head = await sessionOf(a.people.head);
    await expect(
      loadAnalyticsReport(t.prisma, head, { month: "2026-03", municipalityId: b.municipalityId }, APRIL_10),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "Муниципальное образование не найдено" });
    await expect(
      listFigureCases(
        t.prisma,
        head,
        { month: "2026-03", municipalityId: b.municipalityId, figure: "received" },
        APRIL_10,
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const executor = await sessionOf(a.people.executorZhkh);
    await expect(loadAnalyticsReport(t.prisma, executor, { month: "2026-03" }, APRIL_10)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("drill-down: the cases behind a figure", () => {
  let m: TMonthlyMetrics;
  let head: TSessionUser;
  beforeAll(async () => {
    m = await computeMonthlyMetrics(t.prisma, { municipalityIds: [a.municipalityId], month: "2026-03" }, APRIL_10);
    head = await sessionOf(a.people.head);
  });
  const list = (figure: TFigure, key: string | null = null, extra: { cursor?: string | null; limit?: number } = {}) =>
    listFigureCases(t.prisma, head, { month: "2026-03", figure, key, ...extra }, APRIL_10);

  it("selects as many cases as the figure counted", async () => {
    const zhkh = a.departments.zhkh.id;
    const dept = (id: string) => m.departments.find((d) => d.departmentId === id);
    const checks: [TFigure, string | null, number][] = [
      ["received", null, m.volume.received],
      ["byNetwork", a.networkId("VK"), m.volume.byNetwork.find((r) => r.key === a.networkId("VK"))?.count ?? -1],
      ["bySource", "OWN_MONITORING", 1],
      ["byTopic", "none", m.volume.byTopic.find((r) => r.key === "none")?.count ?? -1],
      ["byDepartment", a.departments.edu.id, 2],
      ["repeated", null, m.volume.repeated],
      ["significant", null, m.volume.significant],
      ["answeredWithin24h", null, m.timeliness.answeredWithin24h],
      ["answeredWithin24h", zhkh, dept(zhkh)?.answeredWithin24h ?? -1],
      ["answeredLate", null, m.timeliness.answerDue - m.timeliness.answeredWithin24h],
      ["clockMissed", "ROUTE", 2],
      ["firstPassApproved", null, m.quality.approvedAtFirst],
      ["firstPassApproved", zhkh, dept(zhkh)?.approvedAtFirst ?? -1],
      ["reworked", null, m.quality.reworkedCases],
      ["returnsByDepartment", zhkh, 1],
      ["violationsByType", "ROUTE_LATE", 2],
      ["violationsByDepartment", a.departments.org.id, 3], // C2, C3, C6: five violations on three cases
      ["openAtMonthEnd", null, m.monthEnd.open],
      ["overdueAtMonthEnd", null, m.monthEnd.overdue],
    ];
    for (const [figure, key, expected] of checks) {
      expect({ figure, key, total: (await list(figure, key)).total }).toEqual({ figure, key, total: expected });
    }
    // Counted per violation, listed per case: C3's two violations are one case.
    expect(m.violations.byExecutor[0]?.count).toBe(2);
    expect((await list("violationsByExecutor", a.people.executorEdu.id)).total).toBe(1);
  });

  it("lists the right cases with what a person needs to recognise them", async () => {
    const open = await list("overdueAtMonthEnd");
    expect(open.items).toEqual([
      {
        id: ids.c6,
        number: expect.any(Number) as number,
        municipalityName: "Мясниковский район",
        receivedAt: at("2026-03-20T07:00:00Z"),
        status: "NEW",
        networkName: "Одноклассники",
        departmentName: null,
        excerpt: expect.stringContaining("не вывозят мусор") as string,
      },
    ]);
    expect((await list("answeredLate")).items.map((i) => i.id).sort()).toEqual([ids.c3, ids.c6].sort());
    expect((await list("clockMissed", "REWORK")).items.map((i) => i.id)).toEqual([ids.c3]);
  });

  it("pages newest first without losing or repeating a case", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list("received", null, { cursor, limit: 3 });
      expect(page.total).toBe(7);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([ids.c5, ids.c7, ids.c6, ids.c4, ids.c3, ids.c2, ids.c1]);
    await expect(list("received", null, { cursor: "garbage" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
