import type { TPrismaClient } from "../../db/client";
import type { Role } from "../../db/generated/client";
import type { TCaseEvent, TTransitionInput } from "../../domain/cases/status-machine";
import { createDepartment, createMunicipality, createUser } from "../../testing/factories";
import { registerCase, type TIntakeInput } from "../cases/intake";
import { applyTransition, type TCaseActor } from "../cases/transition";
import { RecipientDirectory } from "../scheduler/recipients";
import { scanViolations } from "../scheduler/violations";

/**
 * A municipality for the analytics tests, run through the portal's own services (intake,
 * transitions, the scheduler's violation scan) at injected times, so every deadline, violation
 * and review decision is what real work would have written:
 * - departments: the coordinating one (ORG), ЖКХ and Образование;
 * - people: a coordinator (ORG), an executor of each department, the head, the deputy head,
 *   an administrator, and a curator (of this municipality and any `curates` given);
 * - networks VK and OK, topics "Водоснабжение" and "Дороги".
 * Surge detection is switched off (threshold 1000) so no surge is raised by the fixture itself.
 */
export async function createAnalyticsWorld(
  prisma: TPrismaClient,
  options: { name?: string; timeZone?: string; curates?: string[] } = {},
) {
  for (const n of [
    { code: "VK", name: "ВКонтакте", hosts: ["vk.com"], maxAnswerLength: 4096, sortOrder: 1 },
    { code: "OK", name: "Одноклассники", hosts: ["ok.ru"], maxAnswerLength: 4096, sortOrder: 2 },
  ]) {
    await prisma.socialNetwork.upsert({ where: { code: n.code }, update: {}, create: n });
  }
  const networks = await prisma.socialNetwork.findMany({ where: { code: { in: ["VK", "OK"] } } });
  const networkId = (code: string) => networks.find((n) => n.code === code)?.id as string;

  const municipality = await createMunicipality(prisma, {
    ...(options.name ? { name: options.name } : {}),
    timeZone: options.timeZone ?? "Europe/Moscow",
  });
  const municipalityId = municipality.id;
  await prisma.municipality.update({ where: { id: municipalityId }, data: { surgeThreshold: 1000 } });
  const suffix = municipalityId.slice(-6);
  const org = await createDepartment(prisma, municipalityId, { name: `Орготдел ${suffix}`, isCoordinating: true });
  const zhkh = await createDepartment(prisma, municipalityId, { name: `ЖКХ ${suffix}` });
  const edu = await createDepartment(prisma, municipalityId, { name: `Образование ${suffix}` });
  const water = await prisma.topic.create({ data: { municipalityId, name: "Водоснабжение" } });
  const roads = await prisma.topic.create({ data: { municipalityId, name: "Дороги" } });

  const person = async (roles: Role[], departmentId: string | null, curates?: string[]) => {
    const user = await createUser(prisma, {
      roles,
      municipalityId: roles.includes("CURATOR") ? null : municipalityId,
      departmentId,
      ...(curates ? { curates } : {}),
    });
    const actor: TCaseActor = {
      userId: user.id,
      roles,
      departmentId,
      municipalityIds: curates ?? [municipalityId],
    };
    return { ...user, actor };
  };
  const people = {
    coordinator: await person(["COORDINATOR"], org.id),
    executorZhkh: await person(["EXECUTOR"], zhkh.id),
    executorEdu: await person(["EXECUTOR"], edu.id),
    head: await person(["HEAD"], null),
    deputy: await person(["DEPUTY_HEAD"], null),
    admin: await person(["ADMIN"], null),
    curator: await person(["CURATOR"], null, [municipalityId, ...(options.curates ?? [])]),
  };

  let posts = 0;
  /** A publication received (T0) at `receivedAt`, registered by the coordinator at that moment. */
  const receive = async (receivedAt: Date, over: Partial<TIntakeInput> & { network?: "VK" | "OK" } = {}) => {
    posts += 1;
    const network = over.network ?? "VK";
    const url =
      network === "VK" ? `https://vk.com/wall-${suffix}_${posts}` : `https://ok.ru/group/${suffix}/topic/${posts}`;
    const { caseId } = await registerCase(
      prisma,
      { userId: people.coordinator.id, municipalityId, via: "UI" },
      { source: "CURATOR", url, text: `Публикация № ${posts}: не вывозят мусор у дома № 5`, receivedAt, ...over },
      receivedAt,
    );
    return caseId;
  };

  const draft = {
    kind: "MEASURES" as const,
    measures: "Мусор вывезен, площадка убрана.",
    stages: "Вывоз по графику со следующей недели.",
  };
  /** One event of the state machine on a case at `at`, by `who`. */
  const act = async (
    who: { actor: TCaseActor },
    caseId: string,
    event: TCaseEvent,
    at: Date,
    input?: TTransitionInput,
  ) => {
    await applyTransition(
      prisma,
      who.actor,
      { caseId, event, ...(input ? { input } : {}), ...(event === "submitDraft" ? { draft } : {}) },
      at,
    );
  };

  /** The scheduler's violation scan of this municipality at `now` (clocks run out untouched). */
  const scan = (now: Date) =>
    scanViolations(
      { prisma, now, batchSize: 100, recipients: new RecipientDirectory(prisma), errors: [] },
      {
        id: municipalityId,
        name: municipality.name,
        timeZone: municipality.timeZone,
        reminderPercents: [50, 75],
        alertEscalationMinutes: 30,
        routineWeeklyMinimum: 2,
      },
    );

  const networkIdOfCase = async (caseId: string) =>
    (await prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { network: { select: { code: true } } } }))
      .network.code;

  return {
    municipality,
    municipalityId,
    networkIdOfCase,
    departments: { org, zhkh, edu },
    topics: { water, roads },
    networkId,
    people,
    receive,
    act,
    scan,
  };
}

export type TAnalyticsWorld = Awaited<ReturnType<typeof createAnalyticsWorld>>;

/** `minutes` after `t0`. */
export const plus = (t0: Date, minutes: number) => new Date(t0.getTime() + minutes * 60_000);

/**
 * A case's whole way at minutes after its T0: routed, drafted, forwarded, approved by the
 * curator, posted. Each step is [minutes after T0]; leave a step out to stop there.
 */
export async function runCase(
  w: TAnalyticsWorld,
  caseId: string,
  t0: Date,
  steps: {
    route?: { at: number; to: "zhkh" | "edu" };
    submit?: number;
    forward?: number;
    approve?: number;
    post?: number;
  },
) {
  const executor = (to: "zhkh" | "edu") => (to === "zhkh" ? w.people.executorZhkh : w.people.executorEdu);
  const to = steps.route?.to ?? "zhkh";
  if (steps.route) {
    await w.act(w.people.coordinator, caseId, "route", plus(t0, steps.route.at), {
      departmentId: w.departments[to].id,
      executorId: executor(to).id,
    });
  }
  if (steps.submit !== undefined) await w.act(executor(to), caseId, "submitDraft", plus(t0, steps.submit));
  if (steps.forward !== undefined) await w.act(w.people.coordinator, caseId, "forward", plus(t0, steps.forward));
  if (steps.approve !== undefined) await w.act(w.people.curator, caseId, "approve", plus(t0, steps.approve));
  if (steps.post !== undefined) {
    const network = await w.networkIdOfCase(caseId);
    const answerUrl =
      network === "OK" ? `https://ok.ru/group/answer/${caseId}` : `https://vk.com/wall-answer_${caseId}`;
    await w.act(w.people.coordinator, caseId, "post", plus(t0, steps.post), { answerUrl });
  }
}
