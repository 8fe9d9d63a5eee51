import { randomUUID } from "node:crypto";
import type { TPrismaClient } from "../db/client";
import type { Role } from "../db/generated/client";
import type { TSessionUser } from "../auth/session-user";
import { registerCase } from "../services/cases/intake";
import { applyTransition, type TCaseActor } from "../services/cases/transition";
import { configureVkConnector } from "../services/connectors/vk/connector";
import { connectorKeyFrom } from "../services/connectors/token-cipher";
import { caseActorOf } from "../services/cases/actors";
import { contextFor, createDepartment, createMunicipality, createUser } from "../testing/factories";
import { createCaller } from "./root";
import type { TContext } from "./trpc";

/**
 * The world of the RBAC matrix (rbac-matrix.integration.test.ts): municipality A with a person
 * of every role (two executors, of departments X and Y), municipality B with a person of every
 * role, and in A the objects the procedures act on. Refused calls use the shared objects (and
 * must leave them as they were); allowed mutations get fresh objects from the `make*` helpers.
 */

export const NOW = new Date("2026-11-27T09:00:00Z");
export const AUTH_SECRET = "rbac-matrix-test-auth-secret-0123456789abcdef";
export const VK_GROUP_A = 3001;
export const VK_GROUP_B = 3101;
export const VK_CITIZENS = 3002;
export const VK_TOKEN_A = "vk1.a.rbac-matrix-key-of-a-0123456789ABCDEF";
export const VK_TOKEN_B = "vk1.a.rbac-matrix-key-of-b-0123456789ABCDEF";
/** A wall post of the citizens' community: the publication every VK case answers. */
export const VK_POST_URL = `https://vk.com/wall-${VK_CITIZENS}_5`;

export const ACTORS = [
  "anonymous",
  "curator",
  "coordinator",
  "manager",
  "executor",
  "executorOther",
  "deputyHead",
  "head",
  "admin",
  "curatorB",
  "coordinatorB",
  "managerB",
  "executorB",
  "deputyHeadB",
  "headB",
  "adminB",
] as const;
export type TActor = (typeof ACTORS)[number];
export type TSignedActor = Exclude<TActor, "anonymous">;

/** Who each actor is: role and municipality ("executor" is of department X, "executorOther" of Y). */
export const ACTOR_INFO = {
  curator: { role: "CURATOR", municipality: "A" },
  coordinator: { role: "COORDINATOR", municipality: "A" },
  manager: { role: "MANAGER", municipality: "A" },
  executor: { role: "EXECUTOR", municipality: "A" },
  executorOther: { role: "EXECUTOR", municipality: "A" },
  deputyHead: { role: "DEPUTY_HEAD", municipality: "A" },
  head: { role: "HEAD", municipality: "A" },
  admin: { role: "ADMIN", municipality: "A" },
  curatorB: { role: "CURATOR", municipality: "B" },
  coordinatorB: { role: "COORDINATOR", municipality: "B" },
  managerB: { role: "MANAGER", municipality: "B" },
  executorB: { role: "EXECUTOR", municipality: "B" },
  deputyHeadB: { role: "DEPUTY_HEAD", municipality: "B" },
  headB: { role: "HEAD", municipality: "B" },
  adminB: { role: "ADMIN", municipality: "B" },
} as const satisfies Record<TSignedActor, { role: Role; municipality: "A" | "B" }>;

const DRAFT = {
  kind: "MEASURES" as const,
  greeting: "Здравствуйте!",
  measures: "Бригада заменила лампы уличного освещения на улице Ленина.",
  stages: "Работы завершены 27.11.2026.",
  refusalReason: null,
  legalReferences: [],
  closing: null,
};
export { DRAFT as MATRIX_DRAFT };

export type TMatrixWorld = Awaited<ReturnType<typeof seedMatrixWorld>>;

export async function seedMatrixWorld(db: TPrismaClient) {
  const vkNetwork = await db.socialNetwork.upsert({
    where: { code: "VK" },
    update: {},
    create: { code: "VK", name: "ВКонтакте", hosts: ["vk.com"], maxAnswerLength: 4096, sortOrder: 1 },
  });
  const otherNetwork = await db.socialNetwork.upsert({
    where: { code: "OTHER" },
    update: {},
    create: { code: "OTHER", name: "Другая", hosts: [], maxAnswerLength: null, sortOrder: 99 },
  });

  const mA = await createMunicipality(db, { name: `Район А ${randomUUID().slice(0, 6)}` });
  const mB = await createMunicipality(db, { name: `Район Б ${randomUUID().slice(0, 6)}` });
  const coordDeptA = await createDepartment(db, mA.id, { isCoordinating: true });
  const deptX = await createDepartment(db, mA.id, { name: "Отдел ЖКХ" });
  const deptY = await createDepartment(db, mA.id, { name: "Отдел образования" });
  const spareDeptA = await createDepartment(db, mA.id, { name: "Отдел архива" });
  const coordDeptB = await createDepartment(db, mB.id, { isCoordinating: true });
  const deptB = await createDepartment(db, mB.id, { name: "Отдел ЖКХ района Б" });

  const mk = (roles: Role[], municipalityId: string | null, departmentId: string | null = null, curates?: string[]) =>
    createUser(db, { roles, municipalityId, departmentId, ...(curates ? { curates } : {}) });
  const users = {
    curator: await mk(["CURATOR"], null, null, [mA.id]),
    coordinator: await mk(["COORDINATOR"], mA.id, coordDeptA.id),
    manager: await mk(["MANAGER"], mA.id),
    executor: await mk(["EXECUTOR"], mA.id, deptX.id),
    executorOther: await mk(["EXECUTOR"], mA.id, deptY.id),
    deputyHead: await mk(["DEPUTY_HEAD"], mA.id),
    head: await mk(["HEAD"], mA.id),
    admin: await mk(["ADMIN"], mA.id),
    curatorB: await mk(["CURATOR"], null, null, [mB.id]),
    coordinatorB: await mk(["COORDINATOR"], mB.id, coordDeptB.id),
    managerB: await mk(["MANAGER"], mB.id),
    executorB: await mk(["EXECUTOR"], mB.id, deptB.id),
    deputyHeadB: await mk(["DEPUTY_HEAD"], mB.id),
    headB: await mk(["HEAD"], mB.id),
    adminB: await mk(["ADMIN"], mB.id),
  } satisfies Record<TSignedActor, { id: string }>;
  /** An executor of A the administrators' procedures change (never one of the actors). */
  const spareUserA = await mk(["EXECUTOR"], mA.id, deptX.id);
  /** The regional government's curator of both A and B: neither district's administrator owns it. */
  const sharedCurator = await mk(["CURATOR"], null, null, [mA.id, mB.id]);

  const contexts = {} as Record<TActor, TContext>;
  contexts.anonymous = await contextFor(db, null, NOW);
  for (const actor of Object.keys(users) as TSignedActor[]) contexts[actor] = await contextFor(db, users[actor], NOW);
  const callers = Object.fromEntries(
    Object.entries(contexts).map(([actor, ctx]) => [actor, createCaller(ctx)]),
  ) as Record<TActor, ReturnType<typeof createCaller>>;
  const session = (actor: TSignedActor) => contexts[actor].user as TSessionUser;
  const caseActor = (actor: TSignedActor): TCaseActor => caseActorOf(session(actor));

  /** Ids that must never reach a person of the other municipality. */
  const idsOfA = new Set<string>([mA.id, coordDeptA.id, deptX.id, deptY.id, spareDeptA.id, spareUserA.id]);
  const idsOfB = new Set<string>([mB.id, coordDeptB.id, deptB.id]);
  for (const [actor, user] of Object.entries(users)) {
    (ACTOR_INFO[actor as TSignedActor].municipality === "A" ? idsOfA : idsOfB).add(user.id);
  }

  type TStatus = "NEW" | "ASSIGNED" | "INTERNAL_REVIEW" | "AT_CURATOR" | "APPROVED";
  /** A case of A in `status`, driven there through the real workflow; routed to department X. */
  async function makeCase(status: TStatus, options: { receivedAt?: Date; url?: string } = {}): Promise<string> {
    const { caseId } = await registerCase(
      db,
      { userId: users.coordinator.id, municipalityId: mA.id, via: "UI" },
      {
        source: "CURATOR",
        url: options.url ?? VK_POST_URL,
        text: "Не горят фонари на улице Ленина",
        receivedAt: options.receivedAt ?? NOW,
      },
      NOW,
    );
    idsOfA.add(caseId);
    const steps: [TStatus, TSignedActor, Parameters<typeof applyTransition>[2]][] = [
      ["ASSIGNED", "coordinator", { caseId, event: "route", input: { departmentId: deptX.id } }],
      ["INTERNAL_REVIEW", "executor", { caseId, event: "submitDraft", draft: DRAFT }],
      ["AT_CURATOR", "coordinator", { caseId, event: "forward" }],
      ["APPROVED", "curator", { caseId, event: "approve" }],
    ];
    const order: TStatus[] = ["NEW", "ASSIGNED", "INTERNAL_REVIEW", "AT_CURATOR", "APPROVED"];
    for (const [reached, actor, command] of steps) {
      if (order.indexOf(reached) > order.indexOf(status)) break;
      await applyTransition(db, caseActor(actor), command, NOW);
    }
    return caseId;
  }

  let seq = 0;
  const next = () => ++seq;

  async function makeViolation(): Promise<string> {
    const v = await db.violation.create({
      data: {
        municipalityId: mA.id,
        caseId: cases.assigned,
        type: "DRAFT_LATE",
        clockStartedAt: new Date(NOW.getTime() - (48 + next()) * 3600_000),
        dueAt: new Date(NOW.getTime() - 3600_000),
        detectedAt: new Date(NOW.getTime() - 3600_000),
        responsibleUserId: users.executor.id,
        responsibleDepartmentId: deptX.id,
      },
    });
    idsOfA.add(v.id);
    return v.id;
  }

  /** An alert to the head of A: only the head may read or acknowledge it. */
  async function makeNotification(): Promise<string> {
    const n = await db.notification.create({
      data: {
        userId: users.head.id,
        kind: "SIGNIFICANT_ALERT",
        title: "Социально значимая публикация",
        body: "Массовое отключение света",
        dedupeKey: `rbac-matrix:${randomUUID()}`,
        createdAt: new Date(NOW.getTime() - 60_000),
      },
    });
    idsOfA.add(n.id);
    return n.id;
  }

  async function makeRoutinePost(): Promise<string> {
    const p = await db.routinePost.create({
      data: {
        accountId: account.id,
        url: `https://vk.com/wall-${VK_GROUP_A}_${1000 + next()}`,
        title: "Новости администрации",
        publishedAt: new Date(NOW.getTime() - 24 * 3600_000),
        source: "MANUAL",
      },
    });
    idsOfA.add(p.id);
    return p.id;
  }

  async function makeApiKey(): Promise<string> {
    const k = await db.apiKey.create({
      data: { municipalityId: mA.id, name: "Система куратора", prefix: "ok_test", hash: randomUUID(), scopes: [] },
    });
    idsOfA.add(k.id);
    return k.id;
  }

  async function makeKiosk(): Promise<string> {
    const k = await db.kioskToken.create({
      data: { municipalityId: mA.id, name: "Телевизор в орготделе", prefix: "kiosk", hash: randomUUID() },
    });
    idsOfA.add(k.id);
    return k.id;
  }

  async function makeDepartment(): Promise<string> {
    const d = await createDepartment(db, mA.id);
    idsOfA.add(d.id);
    return d.id;
  }

  async function makeUser(): Promise<string> {
    const u = await mk(["EXECUTOR"], mA.id, deptX.id);
    idsOfA.add(u.id);
    return u.id;
  }

  async function makeAccount(): Promise<string> {
    const n = next();
    const a = await db.socialAccount.create({
      data: {
        municipalityId: mA.id,
        networkId: otherNetwork.id,
        name: `Страница поселения ${n}`,
        url: `https://poselenie-${n}.example.ru/`,
        ownerKind: "LEGAL_ENTITY",
      },
    });
    idsOfA.add(a.id);
    return a.id;
  }

  const account = await db.socialAccount.create({
    data: {
      municipalityId: mA.id,
      networkId: vkNetwork.id,
      name: "Администрация района",
      url: `https://vk.com/club${VK_GROUP_A}`,
      ownerKind: "LEGAL_ENTITY",
      externalId: String(VK_GROUP_A),
    },
  });
  idsOfA.add(account.id);

  const cases = {
    earlier: await makeCase("NEW", { receivedAt: new Date(NOW.getTime() - 48 * 3600_000) }),
    new: await makeCase("NEW"),
    assigned: await makeCase("ASSIGNED"),
    review: await makeCase("INTERNAL_REVIEW"),
    atCurator: await makeCase("AT_CURATOR"),
    approved: await makeCase("APPROVED"),
  };
  const caseB = await registerCase(
    db,
    { userId: users.coordinatorB.id, municipalityId: mB.id, via: "UI" },
    { source: "CURATOR", url: VK_POST_URL, text: "Яма на дороге в районе Б", receivedAt: NOW },
    NOW,
  );
  idsOfB.add(caseB.caseId);

  const batch = await db.importBatch.create({
    data: {
      municipalityId: mA.id,
      fileName: "publications.csv",
      fileSha256: randomUUID(),
      format: "csv",
      createdById: users.coordinator.id,
      totalRows: 0,
      imported: 0,
      duplicates: 0,
      skipped: 0,
      report: {},
    },
  });
  idsOfA.add(batch.id);

  await configureVkConnector(
    db,
    { userId: users.admin.id, municipalityId: mA.id, now: NOW },
    { token: VK_TOKEN_A, enabled: true },
    connectorKeyFrom({ AUTH_SECRET }),
  );

  return {
    db,
    mA: mA.id,
    mB: mB.id,
    deptX: deptX.id,
    deptY: deptY.id,
    spareDeptA: spareDeptA.id,
    spareUserA: spareUserA.id,
    sharedCurator: sharedCurator.id,
    vkNetwork: vkNetwork.id,
    otherNetwork: otherNetwork.id,
    users,
    callers,
    cases,
    caseB: caseB.caseId,
    account: account.id,
    batch: batch.id,
    violation: await makeViolation(),
    notification: await makeNotification(),
    routinePost: await makeRoutinePost(),
    apiKey: await makeApiKey(),
    kiosk: await makeKiosk(),
    spareAccount: await makeAccount(),
    idsOfA,
    idsOfB,
    next,
    makeCase,
    makeViolation,
    makeNotification,
    makeRoutinePost,
    makeApiKey,
    makeKiosk,
    makeDepartment,
    makeUser,
    makeAccount,
  };
}
