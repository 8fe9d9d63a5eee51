import type { TPrismaClient } from "../../../db/client";
import type { TCaseActor } from "../../cases/transition";
import { applyTransition } from "../../cases/transition";
import { registerCase } from "../../cases/intake";
import { createDepartment, createMunicipality, createUser } from "../../../testing/factories";
import type { TTickContext } from "../../scheduler/context";
import { TICK_MUNICIPALITY_SELECT } from "../../scheduler/context";
import { RecipientDirectory } from "../../scheduler/recipients";

/**
 * A municipality for the VK connector's integration tests: its official VK community (an
 * account with the community's id), every role that touches the connector, and a way to bring a
 * publication in VK to APPROVED the way people do (route, draft, forward, the curator's approval).
 */
export async function createVkWorld(prisma: TPrismaClient, communityId: number) {
  await prisma.socialNetwork.upsert({
    where: { code: "VK" },
    update: {},
    create: { code: "VK", name: "ВКонтакте", hosts: ["vk.com", "vk.ru", "m.vk.com"], maxAnswerLength: 4096 },
  });
  const municipality = await createMunicipality(prisma);
  const municipalityId = municipality.id;
  const network = await prisma.socialNetwork.findUniqueOrThrow({ where: { code: "VK" } });
  const coordinating = await createDepartment(prisma, municipalityId, { isCoordinating: true });
  const zhkh = await createDepartment(prisma, municipalityId, { name: `ЖКХ ${municipalityId.slice(-6)}` });
  const users = {
    admin: await createUser(prisma, { roles: ["ADMIN"], municipalityId }),
    admin2: await createUser(prisma, { roles: ["ADMIN"], municipalityId }),
    coordinator: await createUser(prisma, { roles: ["COORDINATOR"], municipalityId, departmentId: coordinating.id }),
    executor: await createUser(prisma, { roles: ["EXECUTOR"], municipalityId, departmentId: zhkh.id }),
    curator: await createUser(prisma, { roles: ["CURATOR"], municipalityId: null, curates: [municipalityId] }),
  };
  const account = await prisma.socialAccount.create({
    data: {
      municipalityId,
      networkId: network.id,
      name: `Администрация ${municipalityId.slice(-6)}`,
      // A short name, as most communities have: the connector goes by the recorded id.
      url: `https://vk.com/adm_${municipalityId.slice(-8)}`,
      ownerKind: "LEGAL_ENTITY",
      externalId: String(communityId),
    },
  });
  const actor = (u: { id: string; roles: TCaseActor["roles"]; departmentId: string | null }): TCaseActor => ({
    userId: u.id,
    roles: u.roles,
    departmentId: u.departmentId,
    municipalityIds: [municipalityId],
  });
  const actors = {
    coordinator: actor(users.coordinator),
    executor: actor(users.executor),
    curator: actor(users.curator),
  };

  /** A publication at `url`, received at `t0`, approved by the curator an hour later. */
  async function approvedCase(url: string, t0: Date) {
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    const { caseId } = await registerCase(
      prisma,
      { userId: users.coordinator.id, municipalityId, via: "UI" },
      { source: "CURATOR", url, text: "Когда починят освещение на улице Ленина?", receivedAt: t0 },
      t0,
    );
    await applyTransition(
      prisma,
      actors.coordinator,
      { caseId, event: "route", input: { departmentId: zhkh.id, executorId: users.executor.id } },
      at(10),
    );
    await applyTransition(
      prisma,
      actors.executor,
      {
        caseId,
        event: "submitDraft",
        draft: {
          kind: "MEASURES",
          measures: "Заменены три светильника на улице Ленина.",
          stages: "Освещение восстановлено 27.11.2026.",
        },
      },
      at(30),
    );
    await applyTransition(prisma, actors.coordinator, { caseId, event: "forward" }, at(40));
    await applyTransition(prisma, actors.curator, { caseId, event: "approve" }, at(60));
    return caseId;
  }

  /** The tick's context and municipality, as runTick gives them to syncVkConnector. */
  async function tickFor(now: Date) {
    const ctx: TTickContext = { prisma, now, batchSize: 200, recipients: new RecipientDirectory(prisma), errors: [] };
    const m = await prisma.municipality.findUniqueOrThrow({
      where: { id: municipalityId },
      select: TICK_MUNICIPALITY_SELECT,
    });
    return { ctx, m };
  }

  return { municipalityId, users, actors, account, approvedCase, tickFor };
}

/** Unix seconds of a Date, as VK gives post dates. */
export const unixSeconds = (d: Date) => Math.floor(d.getTime() / 1000);
