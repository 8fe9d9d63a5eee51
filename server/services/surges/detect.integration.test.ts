import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TPrismaClient } from "../../db/client";
import { createCaller } from "../../api/root";
import { createTestDatabase, type TTestDatabase } from "../../testing/db";
import { contextFor, createDepartment, createMunicipality, createUser } from "../../testing/factories";
import { registerCase, type TIntakeInput } from "../cases/intake";
import { applyTransition } from "../cases/transition";
import { detectSurges } from "./detect";

let t: TTestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.cleanup();
});

const t0 = new Date("2026-11-27T06:00:00Z");
const hoursAfter = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);

/** A municipality with its head, deputy head, coordinator and manager, two topics, VK. */
async function createWorld(prisma: TPrismaClient) {
  await prisma.socialNetwork.upsert({
    where: { code: "VK" },
    update: {},
    create: { code: "VK", name: "ВКонтакте", hosts: ["vk.com"], maxAnswerLength: 4096 },
  });
  const municipality = await createMunicipality(prisma);
  const municipalityId = municipality.id;
  const coordinating = await createDepartment(prisma, municipalityId, { isCoordinating: true });
  const people = {
    head: await createUser(prisma, { roles: ["HEAD"], municipalityId }),
    deputy: await createUser(prisma, { roles: ["DEPUTY_HEAD"], municipalityId }),
    coordinator: await createUser(prisma, { roles: ["COORDINATOR"], municipalityId, departmentId: coordinating.id }),
    manager: await createUser(prisma, { roles: ["MANAGER"], municipalityId }),
    admin: await createUser(prisma, { roles: ["ADMIN"], municipalityId }),
  };
  const roads = await prisma.topic.create({ data: { municipalityId, name: "Дороги" } });
  const water = await prisma.topic.create({ data: { municipalityId, name: "Водоснабжение" } });
  let posts = 0;
  /** A publication with T0 `receivedAt`, registered by the coordinator at `now` (T0 by default). */
  const receive = async (receivedAt: Date, over: Partial<TIntakeInput> = {}, now: Date = receivedAt) => {
    posts += 1;
    const { caseId } = await registerCase(
      prisma,
      { userId: people.coordinator.id, municipalityId, via: "UI" },
      {
        source: "CURATOR",
        url: `https://vk.com/wall-${municipalityId.slice(-6)}_${posts}`,
        text: "Яма на дороге у школы, машины объезжают по встречной",
        receivedAt,
        ...over,
      },
      now,
    );
    return caseId;
  };
  const alerts = () =>
    prisma.notification.findMany({
      where: { kind: "SURGE_ALERT", user: { municipalityId } },
      orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
    });
  const surges = () => prisma.surge.findMany({ where: { municipalityId }, orderBy: { firstCaseAt: "asc" } });
  return { municipalityId, people, roads, water, receive, alerts, surges };
}

describe("surge of activity (п.13)", () => {
  it("three publications on one topic within 24 h: one alert to the head and one to the deputy head", async () => {
    const w = await createWorld(t.prisma);
    const first = await w.receive(hoursAfter(0), { topicId: w.roads.id });
    await w.receive(hoursAfter(5), { topicId: w.roads.id });
    // Another topic and a publication without one do not count.
    await w.receive(hoursAfter(6), { topicId: w.water.id });
    await w.receive(hoursAfter(7));
    expect(await w.alerts()).toEqual([]);

    await w.receive(hoursAfter(10), { topicId: w.roads.id });
    const alerts = await w.alerts();
    expect(alerts.map((a) => a.userId).sort()).toEqual([w.people.head.id, w.people.deputy.id].sort());
    const [surge] = await w.surges();
    expect(await w.surges()).toHaveLength(1);
    expect(surge).toMatchObject({
      kind: "TOPIC",
      key: w.roads.id,
      label: "Дороги",
      firstCaseAt: hoursAfter(0),
      lastCaseAt: hoursAfter(10),
      caseCount: 3,
      alertedAt: hoursAfter(10),
    });
    for (const alert of alerts) {
      expect(alert).toMatchObject({
        title: "Всплеск активности: 3 публикации на тему «Дороги» за 24 ч",
        body: "Поступили с 27.11.2026, 09:00 по 27.11.2026, 19:00. Порог всплеска: 3 публикации на одну тему или об одном населённом пункте за 24 ч (п.13).",
        caseId: first,
        link: `/cases/${first}`,
        dedupeKey: `surge:${surge!.id}:${alert.userId}`,
        createdAt: hoursAfter(10),
      });
    }
  });

  it("a fourth within the window extends the surge without a new alert; after the window only N again is a new one", async () => {
    const w = await createWorld(t.prisma);
    for (const h of [0, 5, 10]) await w.receive(hoursAfter(h), { topicId: w.roads.id });
    await w.receive(hoursAfter(20), { topicId: w.roads.id });
    expect(await w.alerts()).toHaveLength(2);
    expect(await w.surges()).toMatchObject([{ caseCount: 4, firstCaseAt: hoursAfter(0), lastCaseAt: hoursAfter(20) }]);

    // More than 24 h after the last one: two are not a surge, the third within a day is a new one.
    await w.receive(hoursAfter(50), { topicId: w.roads.id });
    await w.receive(hoursAfter(60), { topicId: w.roads.id });
    expect(await w.alerts()).toHaveLength(2);
    expect(await w.surges()).toHaveLength(1);
    await w.receive(hoursAfter(70), { topicId: w.roads.id });
    const surges = await w.surges();
    expect(surges).toMatchObject([
      { caseCount: 4, lastCaseAt: hoursAfter(20) },
      { caseCount: 3, firstCaseAt: hoursAfter(50), lastCaseAt: hoursAfter(70), alertedAt: hoursAfter(70) },
    ]);
    const alerts = await w.alerts();
    expect(alerts).toHaveLength(4);
    expect(alerts.filter((a) => a.dedupeKey.startsWith(`surge:${surges[1]!.id}:`))).toHaveLength(2);
  });

  it("matches a settlement however it is written", async () => {
    const w = await createWorld(t.prisma);
    await w.receive(hoursAfter(0), { settlement: "х. Лёвкин" });
    await w.receive(hoursAfter(1), { settlement: "  хутор   Левкин " });
    await w.receive(hoursAfter(1.5), { settlement: "Чалтырь" });
    expect(await w.alerts()).toEqual([]);
    await w.receive(hoursAfter(2), { settlement: "ЛЕВКИН" });
    expect(await w.surges()).toMatchObject([{ kind: "SETTLEMENT", key: "левкин", label: "х. Лёвкин", caseCount: 3 }]);
    expect((await w.alerts()).map((a) => a.title)).toEqual([
      "Всплеск активности: 3 публикации о населённом пункте «х. Лёвкин» за 24 ч",
      "Всплеск активности: 3 публикации о населённом пункте «х. Лёвкин» за 24 ч",
    ]);
  });

  it("a publication can start a surge of its topic and of its settlement at once, each alerted once", async () => {
    const w = await createWorld(t.prisma);
    for (const h of [0, 1, 2]) await w.receive(hoursAfter(h), { topicId: w.water.id, settlement: "с. Крым" });
    expect((await w.surges()).map((s) => s.kind).sort()).toEqual(["SETTLEMENT", "TOPIC"]);
    expect(await w.alerts()).toHaveLength(4);
  });

  it("two publications registered at the same moment make one surge", async () => {
    const w = await createWorld(t.prisma);
    await w.receive(hoursAfter(0), { topicId: w.roads.id });
    await Promise.all([1, 2, 3].map((h) => w.receive(hoursAfter(h), { topicId: w.roads.id }, hoursAfter(3))));
    expect(await w.surges()).toMatchObject([{ caseCount: 4 }]);
    expect(await w.alerts()).toHaveLength(2);
  });

  it("serialises detection per key: of two transactions that see only their own publication, the second extends", async () => {
    const w = await createWorld(t.prisma);
    await t.prisma.municipality.update({ where: { id: w.municipalityId }, data: { surgeThreshold: 2 } });
    await w.receive(hoursAfter(0), { topicId: w.roads.id });
    const network = await t.prisma.socialNetwork.findUniqueOrThrow({ where: { code: "VK" } });
    const template = await t.prisma.case.findFirstOrThrow({ where: { municipalityId: w.municipalityId } });
    // Both write their publication before either looks for a surge (on a real server); without
    // the lock each would count two and alert. The embedded database runs one at a time.
    let arrived = 0;
    let release: () => void = () => undefined;
    const bothWritten = new Promise<void>((resolve) => (release = resolve));
    const register = (number: number) =>
      t.prisma.$transaction(async (tx) => {
        const { id: _id, number: _n, externalId: _e, createdAt: _c, updatedAt: _u, ...rest } = template;
        const created = await tx.case.create({
          data: {
            ...rest,
            number,
            networkId: network.id,
            receivedAt: hoursAfter(1),
            postUrl: `${rest.postUrl}-${number}`,
          },
        });
        if (!t.embedded) {
          arrived += 1;
          if (arrived === 2) release();
          await bothWritten;
        }
        return detectSurges(tx, created, hoursAfter(1));
      });
    const outcomes = await Promise.all([register(100), register(101)]);
    expect(
      outcomes
        .flat()
        .map((o) => o.action)
        .sort(),
    ).toEqual(["extend", "start"]);
    expect(await w.surges()).toMatchObject([{ caseCount: 3 }]);
    expect(await w.alerts()).toHaveLength(2);
  });

  it("alerts nobody about old publications imported late", async () => {
    const w = await createWorld(t.prisma);
    const now = hoursAfter(240);
    for (const h of [0, 1, 2, 3]) await w.receive(hoursAfter(h), { topicId: w.roads.id, settlement: "Чалтырь" }, now);
    expect(await w.surges()).toEqual([]);
    expect(await w.alerts()).toEqual([]);
    // Nor do they add to a fresh one: today's publication is alone within its day.
    await w.receive(now, { topicId: w.roads.id });
    expect(await w.surges()).toEqual([]);
  });

  it("does not count cancelled duplicates", async () => {
    const w = await createWorld(t.prisma);
    const duplicate = await w.receive(hoursAfter(0), { topicId: w.roads.id });
    await applyTransition(
      t.prisma,
      {
        userId: w.people.coordinator.id,
        roles: ["COORDINATOR"],
        departmentId: null,
        municipalityIds: [w.municipalityId],
      },
      { caseId: duplicate, event: "cancel", input: { reason: "Дубликат публикации" } },
      hoursAfter(0.5),
    );
    await w.receive(hoursAfter(1), { topicId: w.roads.id });
    await w.receive(hoursAfter(2), { topicId: w.roads.id });
    expect(await w.surges()).toEqual([]);
    await w.receive(hoursAfter(3), { topicId: w.roads.id });
    expect(await w.surges()).toMatchObject([{ caseCount: 3, firstCaseAt: hoursAfter(1) }]);
  });

  it("follows the threshold and window saved in the settings", async () => {
    const w = await createWorld(t.prisma);
    const admin = createCaller(await contextFor(t.prisma, w.people.admin, t0));
    const settings = await admin.admin.settings.get();
    await admin.admin.settings.update({
      name: settings.name,
      timeZone: settings.timeZone,
      slaRouteMinutes: settings.slaRouteMinutes,
      slaDraftMinutes: settings.slaDraftMinutes,
      slaForwardMinutes: settings.slaForwardMinutes,
      slaReworkMinutes: settings.slaReworkMinutes,
      slaAnswerMinutes: settings.slaAnswerMinutes,
      surgeThreshold: 4,
      surgeWindowHours: 6,
    });
    // 0 h, 1 h, 2 h and 7 h: never four within 6 h.
    for (const h of [0, 1, 2, 7]) await w.receive(hoursAfter(h), { topicId: w.roads.id });
    expect(await w.surges()).toEqual([]);
    for (const h of [7.5, 8]) await w.receive(hoursAfter(h), { topicId: w.roads.id });
    expect(await w.surges()).toMatchObject([{ caseCount: 4, firstCaseAt: hoursAfter(2), lastCaseAt: hoursAfter(8) }]);
    expect((await w.alerts())[0]?.title).toBe("Всплеск активности: 4 публикации на тему «Дороги» за 6 ч");
  });
});
