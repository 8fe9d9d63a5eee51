import type { TPrismaClient } from "../db/client";
import { registerCase, type TIntakeInput } from "../services/cases/intake";
import { applyTransition, type TCaseActor } from "../services/cases/transition";
import { createMunicipality, createUser } from "./factories";

/**
 * A municipality as the wall sees it, for the wall's integration tests: a coordinating
 * department, two that answer publications and a closed one, the people who move cases, and
 * shortcuts that move them through the real case services.
 */
export async function createWallMunicipality(prisma: TPrismaClient, overrides: { timeZone?: string } = {}) {
  for (const n of [
    { code: "VK", name: "ВКонтакте", hosts: ["vk.com", "vk.ru"] },
    { code: "OK", name: "Одноклассники", hosts: ["ok.ru"] },
  ]) {
    await prisma.socialNetwork.upsert({ where: { code: n.code }, update: {}, create: { ...n, maxAnswerLength: 4096 } });
  }
  const municipality = await createMunicipality(prisma, overrides);
  const municipalityId = municipality.id;
  const department = (
    name: string,
    shortName: string | null,
    extra: { isCoordinating?: boolean; active?: boolean } = {},
  ) => prisma.department.create({ data: { municipalityId, name, shortName, ...extra } });
  const org = await department("Отдел по организационным вопросам", "Орготдел", { isCoordinating: true });
  const zhkh = await department("Отдел жилищно-коммунального хозяйства", "ЖКХ");
  const edu = await department("Отдел образования", null);
  const closed = await department("Упразднённый отдел", null, { active: false });

  const ids = [municipalityId];
  const actor = (u: { id: string; roles: TCaseActor["roles"]; departmentId: string | null }): TCaseActor => ({
    userId: u.id,
    roles: u.roles,
    departmentId: u.departmentId,
    municipalityIds: ids,
  });
  const coordinatorUser = await createUser(prisma, { roles: ["COORDINATOR"], municipalityId, departmentId: org.id });
  const coordinator = actor(coordinatorUser);
  const executor = actor(await createUser(prisma, { roles: ["EXECUTOR"], municipalityId, departmentId: zhkh.id }));
  const curator = actor(await createUser(prisma, { roles: ["CURATOR"], municipalityId: null, curates: ids }));

  let seq = 0;
  /** Registers a publication received at `receivedAt` (its T0, also the time of intake). */
  const intake = async (receivedAt: Date, over: Partial<TIntakeInput> = {}) =>
    (
      await registerCase(
        prisma,
        { userId: coordinator.userId, municipalityId, via: "UI" },
        {
          source: "CURATOR",
          url: `https://vk.com/wall-1_${++seq}`,
          text: "Во дворе дома № 5 по улице Ленина третий день не вывозят мусор, контейнеры переполнены",
          receivedAt,
          ...over,
        },
        receivedAt,
      )
    ).caseId;

  const route = (caseId: string, departmentId: string, at: Date) =>
    applyTransition(prisma, coordinator, { caseId, event: "route", input: { departmentId } }, at);

  /** Routes to ЖКХ, drafts, forwards, approves a minute apart from `from`, then posts at `postedAt`. */
  const answer = async (caseId: string, from: Date, postedAt: Date) => {
    const step = (minutes: number) => new Date(from.getTime() + minutes * 60_000);
    await route(caseId, zhkh.id, step(1));
    await applyTransition(
      prisma,
      executor,
      {
        caseId,
        event: "submitDraft",
        draft: { kind: "MEASURES", measures: "Мусор вывезен.", stages: "График восстановлен с 28.11.2026." },
      },
      step(2),
    );
    await applyTransition(prisma, coordinator, { caseId, event: "forward" }, step(3));
    await applyTransition(prisma, curator, { caseId, event: "approve", input: { comment: "Согласовано" } }, step(4));
    await applyTransition(
      prisma,
      coordinator,
      { caseId, event: "post", input: { answerUrl: `https://vk.com/wall-1_${seq}?reply=1` } },
      postedAt,
    );
  };

  return {
    municipalityId,
    departments: { org, zhkh, edu, closed },
    coordinatorUser,
    coordinator,
    executor,
    curator,
    intake,
    route,
    answer,
  };
}
