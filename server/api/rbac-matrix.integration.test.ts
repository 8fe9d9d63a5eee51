import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../db/generated/client";
import { createTestDatabase, type TTestDatabase } from "../testing/db";
import { startVkApiServer, type TVkApiServer } from "../testing/vk-api-server";
import { appRouter } from "./root";
import {
  ACTOR_INFO,
  ACTORS,
  AUTH_SECRET,
  MATRIX_DRAFT,
  NOW,
  seedMatrixWorld,
  VK_CITIZENS,
  VK_GROUP_A,
  VK_GROUP_B,
  VK_TOKEN_A,
  VK_TOKEN_B,
  type TActor,
  type TMatrixWorld,
  type TSignedActor,
} from "./rbac-matrix.fixtures";

/**
 * The RBAC matrix (issue 9): every tRPC procedure × every role of municipality A (two executors:
 * of department X, which owns the cases, and of department Y), anonymous, and every role of
 * municipality B. The expectations below are written from the regulation (DOMAIN.md "Who uses
 * it", the status table) and server/domain/auth/permissions.ts read as a spec, never computed
 * from it, so the code can disagree with them and fail.
 *
 * Outcomes: "OK" — passed authorisation and succeeded; UNAUTHORIZED / FORBIDDEN / NOT_FOUND —
 * refused; "BAD_REQUEST (refused)" — refused, but the code words the refusal as a bad input
 * (another municipality's object named in a form field). A refused mutation must leave the rows
 * of `unchanged` as they were.
 */

type TOutcome = "OK" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "BAD_REQUEST (refused)";

interface TRow {
  path: string;
  /** A further row of the same procedure: the event of cases.transition, or a special object. */
  variant?: string;
  /** The roles that pass authorisation for the object used (see `target`). */
  roles: readonly Role[];
  /**
   * "own": acts on the caller's own data or municipality, so a person of B with the role is
   * allowed (and must get nothing of A). "A": names an object of municipality A, so a person of
   * B with the role is refused as NOT_FOUND (the code hides that it exists).
   */
  target: "own" | "A";
  /** Actors whose outcome is not what `roles` and `target` give, with the reason in a comment. */
  except?: Partial<Record<TSignedActor, TOutcome>>;
  /** The input; `allowed` cells of mutations get fresh objects, refused ones the shared objects. */
  input?: (f: TMatrixWorld, cell: { actor: TActor; allowed: boolean }) => unknown;
  /** What a refused call must not change. */
  unchanged?: (f: TMatrixWorld, input: never) => Promise<unknown>;
  /** Objects of A these actors must find in the result; every other allowed actor must not. */
  sees?: { by: readonly TSignedActor[]; ids: (f: TMatrixWorld) => string[] };
}

const EVERY_ROLE: readonly Role[] = ["CURATOR", "COORDINATOR", "MANAGER", "EXECUTOR", "DEPUTY_HEAD", "HEAD", "ADMIN"];
/** "case.view": everyone who works on publications; the IT administrator does not. */
const CASE_READERS: readonly Role[] = ["CURATOR", "COORDINATOR", "MANAGER", "EXECUTOR", "DEPUTY_HEAD", "HEAD"];
const A_CASE_READERS_OF_X = ["curator", "coordinator", "manager", "executor", "deputyHead", "head"] as const;

/** Executors see only their department's cases: another department's case does not exist for them. */
const OTHER_DEPARTMENT_HIDDEN = { executorOther: "NOT_FOUND" } as const;
/**
 * cases.transition is a case.view procedure: the case's municipality is checked before the
 * event's own rule, so every reader of B is told NOT_FOUND, whatever the event.
 */
const B_CASE_READERS_NOT_FOUND = {
  curatorB: "NOT_FOUND",
  coordinatorB: "NOT_FOUND",
  managerB: "NOT_FOUND",
  executorB: "NOT_FOUND",
  deputyHeadB: "NOT_FOUND",
  headB: "NOT_FOUND",
} as const;

/** Everybody but `owner` is told the object does not exist. */
function onlyOwner(owner: TSignedActor): Partial<Record<TSignedActor, TOutcome>> {
  return Object.fromEntries(
    ACTORS.filter((a): a is TSignedActor => a !== "anonymous" && a !== owner).map((a) => [a, "NOT_FOUND"]),
  );
}

const caseRow = (f: TMatrixWorld, id: string) =>
  f.db.case.findUniqueOrThrow({
    where: { id },
    select: {
      status: true,
      version: true,
      departmentId: true,
      executorId: true,
      significant: true,
      repeatOfId: true,
      postedAnswerUrl: true,
      _count: { select: { events: true, drafts: true, reviewDecisions: true } },
    },
  });

const draftsOf = (f: TMatrixWorld, caseId: string) =>
  f.db.answerDraft.findMany({ where: { caseId }, orderBy: { id: "asc" } });

type TCaseKey = keyof TMatrixWorld["cases"];
const STATUS_OF: Record<TCaseKey, Parameters<TMatrixWorld["makeCase"]>[0]> = {
  earlier: "NEW",
  new: "NEW",
  assigned: "ASSIGNED",
  review: "INTERNAL_REVIEW",
  atCurator: "AT_CURATOR",
  approved: "APPROVED",
};

/** One event of the workflow on a case of department X in the status the event needs. */
function transition(
  event: string,
  on: TCaseKey,
  roles: readonly Role[],
  fields: Record<string, string> | ((f: TMatrixWorld) => Record<string, string>),
  except: Partial<Record<TSignedActor, TOutcome>> = {},
): TRow {
  return {
    path: "cases.transition",
    variant: event,
    roles,
    target: "A",
    except: { ...B_CASE_READERS_NOT_FOUND, ...except },
    input: async (f, { allowed }) => ({
      caseId: allowed ? await f.makeCase(STATUS_OF[on]) : f.cases[on],
      event,
      input: typeof fields === "function" ? fields(f) : fields,
      ...(event === "submitDraft" ? { draft: MATRIX_DRAFT } : {}),
    }),
    unchanged: (f, input: { caseId: string }) => caseRow(f, input.caseId),
  };
}

const settingsInput = async (f: TMatrixWorld, municipalityId: string, rename: boolean) => {
  const m = await f.db.municipality.findUniqueOrThrow({ where: { id: municipalityId } });
  return {
    name: rename ? `${m.name} (переименован ${f.next()})` : m.name,
    timeZone: m.timeZone,
    slaRouteMinutes: m.slaRouteMinutes,
    slaDraftMinutes: m.slaDraftMinutes,
    slaForwardMinutes: m.slaForwardMinutes,
    slaReworkMinutes: m.slaReworkMinutes,
    slaAnswerMinutes: m.slaAnswerMinutes,
  };
};

const PASSWORD = "Zvezda-Rostov-2026";

/** The matrix. Order matters only for vk.*: the connector is disabled last. */
const MATRIX: TRow[] = [
  // ── me, notifications, profile: every signed-in person, their own data only.
  { path: "me.get", roles: EVERY_ROLE, target: "own" },
  { path: "notifications.list", roles: EVERY_ROLE, target: "own", input: () => ({}) },
  { path: "notifications.unreadCount", roles: EVERY_ROLE, target: "own" },
  {
    path: "notifications.markRead",
    roles: EVERY_ROLE,
    target: "own",
    // The head's alert: anybody else's attempt is "not found", never a hint that it exists.
    except: onlyOwner("head"),
    input: async (f, { allowed }) => ({ id: allowed ? await f.makeNotification() : f.notification }),
    unchanged: (f, input: { id: string }) => f.db.notification.findUniqueOrThrow({ where: { id: input.id } }),
  },
  { path: "notifications.markAllRead", roles: EVERY_ROLE, target: "own", input: () => ({}) },
  {
    path: "notifications.acknowledge",
    roles: EVERY_ROLE,
    target: "own",
    except: onlyOwner("head"),
    input: async (f, { allowed }) => ({ id: allowed ? await f.makeNotification() : f.notification }),
    unchanged: (f, input: { id: string }) => f.db.notification.findUniqueOrThrow({ where: { id: input.id } }),
  },
  { path: "profile.emailPreferences", roles: EVERY_ROLE, target: "own" },
  { path: "profile.setEmailPreferences", roles: EVERY_ROLE, target: "own", input: () => ({ choices: {} }) },

  // ── cases (п.2–п.11)
  { path: "cases.networks", roles: EVERY_ROLE, target: "own" },
  {
    path: "cases.intake",
    roles: ["CURATOR", "COORDINATOR", "MANAGER"],
    target: "A",
    // A's municipality named in the form by someone of B: refused as a bad choice of municipality.
    except: {
      curatorB: "BAD_REQUEST (refused)",
      coordinatorB: "BAD_REQUEST (refused)",
      managerB: "BAD_REQUEST (refused)",
    },
    input: (f) => ({
      municipalityId: f.mA,
      source: "OWN_MONITORING",
      url: "https://vk.com/wall-3002_77",
      text: "Во дворе дома № 5 не убран снег",
    }),
    unchanged: (f) => f.db.case.count({ where: { municipalityId: f.mA } }),
  },
  {
    path: "cases.list",
    roles: CASE_READERS,
    target: "own",
    input: () => ({ limit: 200 }),
    // executorOther is allowed the list but must not find department X's case in it.
    sees: { by: A_CASE_READERS_OF_X, ids: (f) => [f.cases.assigned] },
  },
  {
    path: "cases.departments",
    roles: ["COORDINATOR", "MANAGER"],
    target: "own",
    sees: { by: ["coordinator", "manager"], ids: (f) => [f.deptX] },
  },
  { path: "cases.legalActs", roles: ["EXECUTOR"], target: "own" },
  {
    path: "cases.filterOptions",
    roles: CASE_READERS,
    target: "own",
    sees: { by: [...A_CASE_READERS_OF_X, "executorOther"], ids: (f) => [f.deptX] },
  },
  { path: "cases.counts", roles: CASE_READERS, target: "own" },
  {
    path: "cases.get",
    roles: CASE_READERS,
    target: "A",
    except: OTHER_DEPARTMENT_HIDDEN,
    input: (f) => ({ id: f.cases.assigned }),
  },
  {
    path: "cases.saveDraft",
    roles: ["EXECUTOR"],
    target: "A",
    // Within the municipality the case is found, but it is another department's (п.5).
    except: { executorOther: "FORBIDDEN" },
    input: (f) => ({ caseId: f.cases.assigned, draft: MATRIX_DRAFT }),
    unchanged: (f, input: { caseId: string }) => draftsOf(f, input.caseId),
  },
  transition("route", "new", ["COORDINATOR", "MANAGER"], (f) => ({ departmentId: f.deptX })),
  transition("submitDraft", "assigned", ["EXECUTOR"], {}, { executorOther: "FORBIDDEN" }),
  transition("forward", "review", ["COORDINATOR", "MANAGER"], {}),
  transition("returnForRework", "review", ["COORDINATOR", "MANAGER"], { comment: "Добавьте сроки работ" }),
  // The coordinator records the curator's decision on its behalf, with the curator's words.
  transition("approve", "atCurator", ["CURATOR", "COORDINATOR"], { comment: "Согласовано куратором" }),
  transition("reject", "atCurator", ["CURATOR", "COORDINATOR"], { comment: "Уточните адрес" }),
  transition("post", "approved", ["COORDINATOR"], { answerUrl: "https://vk.com/wall-3002_5?reply=9" }),
  transition(
    "notOurDepartment",
    "assigned",
    ["EXECUTOR"],
    { reason: "Вопрос дорожного хозяйства" },
    { executorOther: "FORBIDDEN" },
  ),
  transition("decline", "new", ["COORDINATOR"], { reason: "Федеральная трасса: вне компетенции" }),
  transition("cancel", "new", ["COORDINATOR"], { reason: "Дубль публикации" }),
  {
    path: "cases.markSignificant",
    roles: ["CURATOR", "COORDINATOR", "MANAGER", "DEPUTY_HEAD"],
    target: "A",
    input: async (f, { allowed }) => ({
      caseId: allowed ? await f.makeCase("NEW") : f.cases.new,
      reason: "Угроза жизни и здоровью людей",
    }),
    unchanged: (f, input: { caseId: string }) => caseRow(f, input.caseId),
  },
  {
    path: "cases.repeatCandidates",
    roles: ["COORDINATOR", "MANAGER"],
    target: "A",
    input: (f) => ({ caseId: f.cases.new }),
  },
  {
    path: "cases.linkRepeat",
    roles: ["COORDINATOR", "MANAGER"],
    target: "A",
    input: async (f, { allowed }) => ({
      caseId: allowed ? await f.makeCase("NEW") : f.cases.new,
      repeatOfId: f.cases.earlier,
    }),
    unchanged: (f, input: { caseId: string }) => caseRow(f, input.caseId),
  },

  // ── queues: each role's work
  {
    path: "queues.inbox",
    roles: ["COORDINATOR", "MANAGER"],
    target: "own",
    input: () => ({}),
    sees: { by: ["coordinator", "manager"], ids: (f) => [f.cases.new] },
  },
  {
    path: "queues.routingOptions",
    roles: ["COORDINATOR", "MANAGER"],
    target: "own",
    sees: { by: ["coordinator", "manager"], ids: (f) => [f.deptX] },
  },
  {
    path: "queues.work",
    roles: ["EXECUTOR"],
    target: "own",
    input: () => ({}),
    sees: { by: ["executor"], ids: (f) => [f.cases.assigned] },
  },
  {
    path: "queues.curator",
    roles: ["CURATOR", "COORDINATOR"],
    target: "own",
    input: () => ({}),
    sees: { by: ["curator", "coordinator"], ids: (f) => [f.cases.atCurator] },
  },

  // ── violations (п.12)
  {
    path: "violations.list",
    roles: ["DEPUTY_HEAD", "HEAD"],
    target: "own",
    input: () => ({}),
    sees: { by: ["deputyHead", "head"], ids: (f) => [f.violation] },
  },
  { path: "violations.filterOptions", roles: ["DEPUTY_HEAD", "HEAD"], target: "own" },
  {
    path: "violations.mine",
    roles: ["COORDINATOR", "MANAGER", "EXECUTOR"],
    target: "own",
    input: () => ({}),
    sees: { by: ["executor"], ids: (f) => [f.violation] },
  },
  {
    path: "violations.explain",
    roles: ["COORDINATOR", "MANAGER", "EXECUTOR"],
    target: "A",
    // Charged to the executor of X: only they explain it.
    except: { coordinator: "FORBIDDEN", manager: "FORBIDDEN", executorOther: "FORBIDDEN" },
    input: async (f, { allowed }) => ({
      violationId: allowed ? await f.makeViolation() : f.violation,
      explanation: "Проект задержан из-за выезда на место",
    }),
    unchanged: (f, input: { violationId: string }) =>
      f.db.violation.findUniqueOrThrow({ where: { id: input.violationId } }),
  },
  {
    path: "violations.decide",
    roles: ["DEPUTY_HEAD"],
    target: "A",
    input: (f) => ({ violationId: f.violation, kind: "REMARK", text: "Замечание исполнителю" }),
    unchanged: (f, input: { violationId: string }) =>
      f.db.violationDecision.count({ where: { violationId: input.violationId } }),
  },

  // ── analytics (п.13)
  {
    path: "analytics.report",
    roles: ["CURATOR", "COORDINATOR", "MANAGER", "DEPUTY_HEAD", "HEAD"],
    target: "A",
    input: (f) => ({ month: "2026-11", municipalityId: f.mA }),
  },
  {
    path: "analytics.figureCases",
    roles: ["CURATOR", "COORDINATOR", "MANAGER", "DEPUTY_HEAD", "HEAD"],
    target: "A",
    input: (f) => ({ month: "2026-11", municipalityId: f.mA, figure: "received" }),
  },
  {
    path: "analytics.municipalities",
    roles: ["CURATOR", "COORDINATOR", "MANAGER", "DEPUTY_HEAD", "HEAD"],
    target: "own",
    sees: { by: ["curator", "coordinator", "manager", "deputyHead", "head"], ids: (f) => [f.mA] },
  },
  {
    path: "analytics.ratingFormula",
    // The administrator sets it, so reads it too.
    roles: ["CURATOR", "COORDINATOR", "MANAGER", "DEPUTY_HEAD", "HEAD", "ADMIN"],
    target: "A",
    input: (f) => ({ municipalityId: f.mA }),
  },
  {
    path: "analytics.updateRatingFormula",
    roles: ["ADMIN"],
    target: "own",
    input: () => ({ formula: null }),
    unchanged: (f) => f.db.municipality.findUniqueOrThrow({ where: { id: f.mA }, select: { ratingFormula: true } }),
  },

  // ── routine posts (п.6): rights per account, so the curator (no municipality) sees nothing
  {
    path: "routine.overview",
    roles: ["COORDINATOR", "MANAGER", "ADMIN", "DEPUTY_HEAD", "HEAD"],
    target: "own",
    sees: { by: ["coordinator", "manager", "admin", "deputyHead", "head"], ids: (f) => [f.account] },
  },
  {
    path: "routine.posts",
    roles: ["COORDINATOR", "MANAGER", "ADMIN", "DEPUTY_HEAD", "HEAD"],
    target: "A",
    input: (f) => ({ accountId: f.account }),
  },
  {
    path: "routine.record",
    roles: ["COORDINATOR", "MANAGER", "ADMIN"],
    target: "A",
    // A's account is looked up in the caller's municipality first: "choose an account from
    // the list", whatever the role of the person of B.
    except: {
      coordinatorB: "BAD_REQUEST (refused)",
      managerB: "BAD_REQUEST (refused)",
      adminB: "BAD_REQUEST (refused)",
      executorB: "BAD_REQUEST (refused)",
      deputyHeadB: "BAD_REQUEST (refused)",
      headB: "BAD_REQUEST (refused)",
    },
    input: (f) => ({
      accountId: f.account,
      publishedAt: "2026-11-26T10:00",
      url: `https://vk.com/wall-${VK_GROUP_A}_${5000 + f.next()}`,
      title: "Приём граждан главой района",
    }),
    unchanged: (f) => f.db.routinePost.count({ where: { accountId: f.account } }),
  },
  {
    path: "routine.remove",
    roles: ["COORDINATOR", "MANAGER", "ADMIN"],
    target: "A",
    // The post is looked up in the caller's municipality before the rights are checked.
    except: { executorB: "NOT_FOUND", deputyHeadB: "NOT_FOUND", headB: "NOT_FOUND" },
    input: async (f, { allowed }) => ({ id: allowed ? await f.makeRoutinePost() : f.routinePost }),
    unchanged: (f, input: { id: string }) => f.db.routinePost.count({ where: { id: input.id } }),
  },

  // ── imports
  {
    path: "imports.history",
    roles: ["COORDINATOR", "MANAGER"],
    target: "own",
    input: () => ({}),
    sees: { by: ["coordinator", "manager"], ids: (f) => [f.batch] },
  },
  { path: "imports.batch", roles: ["COORDINATOR", "MANAGER"], target: "A", input: (f) => ({ id: f.batch }) },

  // ── administration (IT sector): own municipality only
  {
    path: "admin.users.list",
    roles: ["ADMIN"],
    target: "own",
    input: () => ({}),
    sees: { by: ["admin"], ids: (f) => [f.users.executor.id, f.users.curator.id] },
  },
  {
    path: "admin.users.create",
    roles: ["ADMIN"],
    target: "A",
    // A's department named by B's administrator: refused as an unknown department.
    except: { adminB: "BAD_REQUEST (refused)" },
    input: (f) => ({
      username: `matrix-user-${f.next()}`,
      password: PASSWORD,
      fullName: "Новиков Пётр Ильич",
      email: "",
      position: "Ведущий специалист",
      roles: ["EXECUTOR"],
      departmentId: f.deptX,
    }),
    unchanged: (f) => f.db.user.count({ where: { departmentId: f.deptX } }),
  },
  {
    path: "admin.users.update",
    roles: ["ADMIN"],
    target: "A",
    input: async (f, { allowed }) => ({
      id: allowed ? await f.makeUser() : f.spareUserA,
      fullName: "Переименованный Сотрудник",
      email: "",
      position: "",
      roles: ["EXECUTOR", "COORDINATOR"],
      departmentId: f.deptY,
    }),
    unchanged: (f, input: { id: string }) => f.db.user.findUniqueOrThrow({ where: { id: input.id } }),
  },
  {
    path: "admin.users.setActive",
    roles: ["ADMIN"],
    target: "A",
    input: async (f, { allowed }) => ({ id: allowed ? await f.makeUser() : f.spareUserA, active: false }),
    unchanged: (f, input: { id: string }) => f.db.user.findUniqueOrThrow({ where: { id: input.id } }),
  },
  {
    path: "admin.users.resetPassword",
    roles: ["ADMIN"],
    target: "A",
    input: async (f, { allowed }) => ({ id: allowed ? await f.makeUser() : f.spareUserA, password: PASSWORD }),
    unchanged: (f, input: { id: string }) => f.db.user.findUniqueOrThrow({ where: { id: input.id } }),
  },
  // A curator of several municipalities belongs to the regional government: one district's
  // administrator must not take the account over (a new password) or lock it for the others.
  ...(["update", "setActive", "resetPassword"] as const).map((procedure): TRow => ({
    path: `admin.users.${procedure}`,
    variant: "shared curator",
    // No role: both districts' administrators are refused too (FORBIDDEN, not hidden: they list it).
    roles: [],
    target: "own",
    input: (f) => ({
      id: f.sharedCurator,
      ...(procedure === "update"
        ? { fullName: "Захватов Захват", email: "", position: "", roles: ["CURATOR"], departmentId: null }
        : procedure === "setActive"
          ? { active: false }
          : { password: PASSWORD }),
    }),
    unchanged: (f) => f.db.user.findUniqueOrThrow({ where: { id: f.sharedCurator } }),
  })),
  {
    path: "admin.departments.list",
    roles: ["ADMIN"],
    target: "own",
    sees: { by: ["admin"], ids: (f) => [f.deptX] },
  },
  {
    path: "admin.departments.create",
    roles: ["ADMIN"],
    target: "own",
    input: (f) => ({ name: `Отдел культуры ${f.next()}`, shortName: "", isCoordinating: false }),
    unchanged: (f) => f.db.department.count({ where: { municipalityId: f.mA } }),
  },
  {
    path: "admin.departments.update",
    roles: ["ADMIN"],
    target: "A",
    input: async (f, { allowed }) => ({
      id: allowed ? await f.makeDepartment() : f.spareDeptA,
      name: `Отдел спорта ${f.next()}`,
      shortName: "",
      isCoordinating: true,
    }),
    unchanged: (f, input: { id: string }) => f.db.department.findUniqueOrThrow({ where: { id: input.id } }),
  },
  {
    path: "admin.departments.setActive",
    roles: ["ADMIN"],
    target: "A",
    input: async (f, { allowed }) => ({ id: allowed ? await f.makeDepartment() : f.spareDeptA, active: false }),
    unchanged: (f, input: { id: string }) => f.db.department.findUniqueOrThrow({ where: { id: input.id } }),
  },
  { path: "admin.settings.get", roles: ["ADMIN"], target: "own", sees: { by: ["admin"], ids: (f) => [f.mA] } },
  {
    path: "admin.settings.update",
    roles: ["ADMIN"],
    target: "own",
    // Each administrator saves their own municipality's settings; everybody else tries A's.
    input: (f, { actor }) => settingsInput(f, actor === "adminB" ? f.mB : f.mA, actor !== "adminB"),
    unchanged: (f) => f.db.municipality.findUniqueOrThrow({ where: { id: f.mA } }),
  },
  {
    path: "admin.apiKeys.list",
    roles: ["ADMIN"],
    target: "own",
    sees: { by: ["admin"], ids: (f) => [f.apiKey] },
  },
  {
    path: "admin.apiKeys.create",
    roles: ["ADMIN"],
    target: "own",
    input: () => ({ name: "Система куратора", expiresOn: null }),
    unchanged: (f) => f.db.apiKey.count({ where: { municipalityId: f.mA } }),
  },
  {
    path: "admin.apiKeys.revoke",
    roles: ["ADMIN"],
    target: "A",
    input: async (f, { allowed }) => ({ id: allowed ? await f.makeApiKey() : f.apiKey }),
    unchanged: (f, input: { id: string }) => f.db.apiKey.findUniqueOrThrow({ where: { id: input.id } }),
  },
  { path: "admin.kiosk.list", roles: ["ADMIN"], target: "own", sees: { by: ["admin"], ids: (f) => [f.kiosk] } },
  {
    path: "admin.kiosk.create",
    roles: ["ADMIN"],
    target: "own",
    input: () => ({ name: "Телевизор в приёмной" }),
    unchanged: (f) => f.db.kioskToken.count({ where: { municipalityId: f.mA } }),
  },
  {
    path: "admin.kiosk.revoke",
    roles: ["ADMIN"],
    target: "A",
    input: async (f, { allowed }) => ({ id: allowed ? await f.makeKiosk() : f.kiosk }),
    unchanged: (f, input: { id: string }) => f.db.kioskToken.findUniqueOrThrow({ where: { id: input.id } }),
  },
  { path: "admin.accounts.list", roles: ["ADMIN"], target: "own", sees: { by: ["admin"], ids: (f) => [f.account] } },
  {
    path: "admin.accounts.options",
    roles: ["ADMIN"],
    target: "own",
    sees: { by: ["admin"], ids: (f) => [f.deptX, f.users.executor.id] },
  },
  {
    path: "admin.accounts.create",
    roles: ["ADMIN"],
    target: "A",
    // A's department named by B's administrator: refused as an unknown department.
    except: { adminB: "BAD_REQUEST (refused)" },
    input: (f) => ({
      networkId: f.otherNetwork,
      url: `https://selo-${f.next()}.example.ru/`,
      name: "Страница сельского поселения",
      ownerKind: "LEGAL_ENTITY",
      ownerName: "",
      departmentId: f.deptX,
      responsibleId: null,
      externalId: "",
    }),
    unchanged: (f) => f.db.socialAccount.count({ where: { municipalityId: f.mA } }),
  },
  {
    path: "admin.accounts.update",
    roles: ["ADMIN"],
    target: "A",
    input: async (f, { allowed }) => ({
      id: allowed ? await f.makeAccount() : f.spareAccount,
      networkId: f.otherNetwork,
      url: `https://pereimenovano-${f.next()}.example.ru/`,
      name: "Переименованная страница",
      ownerKind: "OFFICIAL_REPRESENTATIVE",
      ownerName: "Глава поселения",
      departmentId: null,
      responsibleId: null,
      externalId: "",
    }),
    unchanged: (f, input: { id: string }) => f.db.socialAccount.findUniqueOrThrow({ where: { id: input.id } }),
  },
  {
    path: "admin.accounts.setActive",
    roles: ["ADMIN"],
    target: "A",
    input: async (f, { allowed }) => ({ id: allowed ? await f.makeAccount() : f.spareAccount, active: false }),
    unchanged: (f, input: { id: string }) => f.db.socialAccount.findUniqueOrThrow({ where: { id: input.id } }),
  },
  { path: "admin.accounts.networks", roles: ["ADMIN"], target: "own" },
  {
    // Networks are one list for the whole deployment: any municipality's administrator edits it.
    path: "admin.accounts.updateNetwork",
    roles: ["ADMIN"],
    target: "own",
    input: (f) => ({ id: f.otherNetwork, name: "Другая сеть", hosts: [], maxAnswerLength: null, active: true }),
    unchanged: (f, input: { id: string }) => f.db.socialNetwork.findUniqueOrThrow({ where: { id: input.id } }),
  },

  // ── VK connector: the administrator's own municipality; the case page's posting for the coordinator
  { path: "vk.status", roles: ["ADMIN"], target: "own", sees: { by: ["admin"], ids: (f) => [f.account] } },
  {
    path: "vk.configure",
    roles: ["ADMIN"],
    target: "own",
    input: (_f, { actor }) => ({ token: actor === "adminB" ? VK_TOKEN_B : VK_TOKEN_A, enabled: true }),
    unchanged: (f) => f.db.vkConnector.findUniqueOrThrow({ where: { municipalityId: f.mA } }),
  },
  {
    path: "vk.check",
    roles: ["ADMIN"],
    target: "own",
    unchanged: (f) => f.db.vkConnector.findUniqueOrThrow({ where: { municipalityId: f.mA } }),
  },
  {
    path: "vk.syncNow",
    roles: ["ADMIN"],
    target: "own",
    unchanged: (f) => f.db.vkConnector.findUniqueOrThrow({ where: { municipalityId: f.mA } }),
  },
  {
    path: "vk.availability",
    roles: CASE_READERS,
    target: "A",
    except: OTHER_DEPARTMENT_HIDDEN,
    input: (f) => ({ caseId: f.cases.approved }),
  },
  {
    path: "vk.postAnswer",
    roles: ["COORDINATOR"],
    target: "A",
    input: async (f, { allowed }) => ({ caseId: allowed ? await f.makeCase("APPROVED") : f.cases.approved }),
    unchanged: (f, input: { caseId: string }) => caseRow(f, input.caseId),
  },
  {
    path: "vk.disable",
    roles: ["ADMIN"],
    target: "own",
    unchanged: (f) => f.db.vkConnector.findUniqueOrThrow({ where: { municipalityId: f.mA } }),
  },
];

const REFUSALS: readonly TOutcome[] = ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST (refused)"];

function expectedOutcome(row: TRow, actor: TActor): TOutcome {
  if (actor === "anonymous") return "UNAUTHORIZED";
  const override = row.except?.[actor];
  if (override) return override;
  const info = ACTOR_INFO[actor];
  if (!row.roles.includes(info.role)) return "FORBIDDEN";
  if (row.target === "A" && info.municipality === "B") return "NOT_FOUND";
  return "OK";
}

const rowName = (row: TRow) => (row.variant ? `${row.path}[${row.variant}]` : row.path);

const cells = MATRIX.flatMap((row) =>
  ACTORS.map((actor) => {
    const expected = expectedOutcome(row, actor);
    const verdict = REFUSALS.includes(expected) ? `refused (${expected.replace(" (refused)", "")})` : "allowed";
    return { row, actor, expected, title: `${rowName(row)} × ${actor} → ${verdict}` };
  }),
);

async function callProcedure(
  caller: unknown,
  path: string,
  input: unknown,
): Promise<{ code: string; message: string; result: unknown }> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  try {
    const result = await (fn as (input?: unknown) => Promise<unknown>)(input);
    return { code: "OK", message: "", result };
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, message: error.message, result: undefined };
    throw error;
  }
}

let t: TTestDatabase;
let vk: TVkApiServer;
let f: TMatrixWorld;

beforeAll(async () => {
  t = await createTestDatabase();
  vk = await startVkApiServer({
    communities: [
      { id: VK_GROUP_A, name: "Администрация района А" },
      { id: VK_GROUP_B, name: "Администрация района Б" },
      { id: VK_CITIZENS, name: "Подслушано" },
    ],
    tokens: { [VK_TOKEN_A]: VK_GROUP_A, [VK_TOKEN_B]: VK_GROUP_B },
  });
  vk.addPost(-VK_CITIZENS, { id: 5, date: Math.floor(NOW.getTime() / 1000) - 3 * 3600, text: "Нет света", fromId: 42 });
  // The VK procedures build their dependencies from the server's configuration: this database,
  // this secret (the connector's key derives from it) and the local VK.
  Object.assign(process.env, { DATABASE_URL: t.url, AUTH_SECRET, VK_API_BASE_URL: vk.url });
  delete process.env.CONNECTOR_ENCRYPTION_KEY;
  f = await seedMatrixWorld(t.prisma);
});
afterAll(async () => {
  await vk.close();
  await t.cleanup();
});

describe("the RBAC matrix", () => {
  it("lists every procedure of the router, and nothing else", () => {
    const listed = new Set(MATRIX.map((row) => row.path));
    const procedures = Object.keys(appRouter._def.procedures);
    expect(
      procedures.filter((p) => !listed.has(p)),
      "procedures missing from MATRIX",
    ).toEqual([]);
    expect(
      [...listed].filter((p) => !procedures.includes(p)),
      "MATRIX rows of no procedure",
    ).toEqual([]);
    expect(MATRIX.filter((r) => r.path === "cases.transition").map((r) => r.variant)).toEqual([
      "route",
      "submitDraft",
      "forward",
      "returnForRework",
      "approve",
      "reject",
      "post",
      "notOurDepartment",
      "decline",
      "cancel",
    ]);
  });

  it.each(cells)("$title", async ({ row, actor, expected }) => {
    const allowed = !REFUSALS.includes(expected);
    const input = await row.input?.(f, { actor, allowed });
    const unchanged = row.unchanged as ((w: TMatrixWorld, i: unknown) => Promise<unknown>) | undefined;
    const before = !allowed && unchanged ? await unchanged(f, input) : undefined;

    const outcome = await callProcedure(f.callers[actor], row.path, input);

    const code = expected === "BAD_REQUEST (refused)" ? "BAD_REQUEST" : expected;
    expect(outcome.code, outcome.message).toBe(code);
    if (!allowed && unchanged) expect(await unchanged(f, input)).toEqual(before);
    if (outcome.code !== "OK") return;

    // Nothing of the other municipality, whatever the procedure returns.
    const json = JSON.stringify(outcome.result) ?? "";
    const foreign = actor !== "anonymous" && ACTOR_INFO[actor].municipality === "B" ? f.idsOfA : f.idsOfB;
    expect(
      [...foreign].filter((id) => json.includes(id)),
      "ids of the other municipality",
    ).toEqual([]);
    if (row.sees && actor !== "anonymous") {
      const ids = row.sees.ids(f);
      const found = ids.filter((id) => json.includes(id));
      expect(found, "objects of A in the result").toEqual(row.sees.by.includes(actor) ? ids : []);
    }
  });
});
