import type { TPrismaClient } from "../../db/client";
import { createDepartment, createMunicipality, createUser } from "../../testing/factories";
import { registerCase, type TIntakeInput } from "../cases/intake";

/**
 * A municipality with everyone the scheduler writes to, for the scheduler's integration tests:
 * a coordinator and the manager (routing, forwarding, the 24-hour clock), an executor of a
 * department, the deputy head (violations, escalations) and the head (alerts), and a curator.
 */
export async function createSchedulerWorld(prisma: TPrismaClient, options: { timeZone?: string } = {}) {
  await prisma.socialNetwork.upsert({
    where: { code: "VK" },
    update: {},
    create: { code: "VK", name: "ВКонтакте", hosts: ["vk.com"], maxAnswerLength: 4096 },
  });
  const municipality = await createMunicipality(prisma, { timeZone: options.timeZone ?? "Europe/Moscow" });
  const municipalityId = municipality.id;
  const coordinating = await createDepartment(prisma, municipalityId, { isCoordinating: true });
  const roads = await createDepartment(prisma, municipalityId, { name: `Дороги ${municipalityId.slice(-6)}` });
  const people = {
    coordinator: await createUser(prisma, { roles: ["COORDINATOR"], municipalityId, departmentId: coordinating.id }),
    manager: await createUser(prisma, { roles: ["MANAGER"], municipalityId }),
    executor: await createUser(prisma, { roles: ["EXECUTOR"], municipalityId, departmentId: roads.id }),
    deputy: await createUser(prisma, { roles: ["DEPUTY_HEAD"], municipalityId }),
    head: await createUser(prisma, { roles: ["HEAD"], municipalityId }),
    curator: await createUser(prisma, { roles: ["CURATOR"], municipalityId: null, curates: [municipalityId] }),
  };
  let posts = 0;
  /** A publication received (T0) at `receivedAt`, registered by the coordinator. */
  const receive = async (receivedAt: Date, over: Partial<TIntakeInput> = {}) => {
    posts += 1;
    const { caseId } = await registerCase(
      prisma,
      { userId: people.coordinator.id, municipalityId, via: "UI" },
      {
        source: "CURATOR",
        url: `https://vk.com/wall-${municipalityId.slice(-6)}_${posts}`,
        text: "Третий день не вывозят мусор с площадки у дома № 5",
        receivedAt,
        ...over,
      },
      receivedAt,
    );
    return caseId;
  };
  return { municipalityId, coordinatingId: coordinating.id, roadsId: roads.id, people, receive };
}

/** Minutes after `t0`, as a Date. */
export const minutesAfter = (t0: Date, minutes: number) => new Date(t0.getTime() + minutes * 60_000);
