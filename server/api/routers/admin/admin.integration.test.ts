import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "../../../testing/db";
import { contextFor, createDepartment, createMunicipality, createUser } from "../../../testing/factories";
import { loadSessionUser } from "../../../auth/session-user";
import { verifyCredentials } from "../../../services/auth/sign-in";
import { ROLES } from "../../../domain/auth/roles";
import { createCaller } from "../../root";

let t: TTestDatabase;
let municipalityId: string;
let otherMunicipalityId: string;
let admin: { id: string };
let educationId: string;
const now = new Date("2026-11-27T09:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  municipalityId = (await createMunicipality(t.prisma, { name: "Мясниковский район" })).id;
  otherMunicipalityId = (await createMunicipality(t.prisma, { name: "Аксайский район" })).id;
  educationId = (await createDepartment(t.prisma, municipalityId, { name: "Отдел образования" })).id;
  admin = await createUser(t.prisma, { roles: ["ADMIN"], municipalityId, username: "admin" });
});
afterAll(async () => {
  await t.cleanup();
});

async function callerFor(user: { id: string } | null, at = now) {
  return createCaller(await contextFor(t.prisma, user, at));
}

/** Everything a refused call could have touched. */
async function snapshot() {
  const [users, departments, settings, audit] = await Promise.all([
    t.prisma.user.findMany({ orderBy: { id: "asc" } }),
    t.prisma.department.findMany({ orderBy: { id: "asc" } }),
    t.prisma.municipality.findMany({ orderBy: { id: "asc" } }),
    t.prisma.auditLog.count(),
  ]);
  return { users, departments, settings, audit };
}

async function expectCode(promise: Promise<unknown>, code: TRPCError["code"]) {
  await expect(promise).rejects.toSatisfy((e: unknown) => e instanceof TRPCError && e.code === code);
}

const validUser = {
  username: "ivanov",
  fullName: "Иванов Иван Иванович",
  email: "ivanov@example.test",
  position: "",
  roles: ["EXECUTOR" as const],
  departmentId: null as string | null,
  password: "Shkola2026",
};

/** Every administration procedure with a plausible input. */
function allAdminCalls(caller: Awaited<ReturnType<typeof callerFor>>, targetId: string) {
  return [
    () => caller.admin.users.list(),
    () => caller.admin.users.create({ ...validUser, username: "sneaky", departmentId: educationId }),
    () =>
      caller.admin.users.update({
        id: targetId,
        fullName: "Взломщик Взломщиков",
        email: "",
        position: "",
        roles: ["ADMIN"],
        departmentId: null,
      }),
    () => caller.admin.users.setActive({ id: targetId, active: false }),
    () => caller.admin.users.resetPassword({ id: targetId, password: "Vzlom12345" }),
    () => caller.admin.departments.list(),
    () => caller.admin.departments.create({ name: "Отдел-призрак", shortName: "", isCoordinating: true }),
    () =>
      caller.admin.departments.update({
        id: educationId,
        name: "Переименованный",
        shortName: "",
        isCoordinating: true,
      }),
    () => caller.admin.departments.setActive({ id: educationId, active: false }),
    () => caller.admin.settings.get(),
    () =>
      caller.admin.settings.update({
        name: "Захвачено",
        timeZone: "Europe/Moscow",
        slaRouteMinutes: 1,
        slaDraftMinutes: 2,
        slaForwardMinutes: 1,
        slaReworkMinutes: 1,
        slaAnswerMinutes: 3,
      }),
  ];
}

describe("administration: who may", () => {
  it("refuses every procedure without a session (UNAUTHORIZED) and changes nothing", async () => {
    const before = await snapshot();
    const caller = await callerFor(null);
    for (const call of allAdminCalls(caller, admin.id)) await expectCode(call(), "UNAUTHORIZED");
    await expectCode(caller.me.get(), "UNAUTHORIZED");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses every procedure to every role but ADMIN (FORBIDDEN) and changes nothing", async () => {
    for (const role of ROLES.filter((r) => r !== "ADMIN")) {
      const user = await createUser(t.prisma, {
        roles: [role],
        municipalityId: role === "CURATOR" ? null : municipalityId,
        curates: role === "CURATOR" ? [municipalityId] : undefined,
        departmentId: role === "EXECUTOR" ? educationId : null,
      });
      const before = await snapshot();
      const caller = await callerFor(user);
      for (const call of allAdminCalls(caller, admin.id)) await expectCode(call(), "FORBIDDEN");
      expect(await snapshot(), role).toEqual(before);
    }
  });

  it("refuses a deactivated administrator's session", async () => {
    const former = await createUser(t.prisma, { roles: ["ADMIN"], municipalityId, active: false });
    const caller = await callerFor(former);
    await expectCode(caller.admin.users.list(), "UNAUTHORIZED");
  });

  it("keeps each municipality's administrator to its own people and departments", async () => {
    const stranger = await createUser(t.prisma, {
      roles: ["EXECUTOR"],
      municipalityId: otherMunicipalityId,
      departmentId: (await createDepartment(t.prisma, otherMunicipalityId)).id,
    });
    const foreignDepartment = await createDepartment(t.prisma, otherMunicipalityId, { name: "Чужой отдел" });
    const caller = await callerFor(admin);
    const before = await snapshot();
    await expectCode(caller.admin.users.setActive({ id: stranger.id, active: false }), "NOT_FOUND");
    await expectCode(caller.admin.users.resetPassword({ id: stranger.id, password: "Chuzhoy12345" }), "NOT_FOUND");
    await expectCode(caller.admin.departments.setActive({ id: foreignDepartment.id, active: false }), "NOT_FOUND");
    await expectCode(
      caller.admin.users.create({ ...validUser, username: "cross", departmentId: foreignDepartment.id }),
      "BAD_REQUEST",
    );
    expect(await snapshot()).toEqual(before);
    const listed = await caller.admin.users.list();
    expect(listed.map((u) => u.id)).not.toContain(stranger.id);
  });
});

describe("administration: users", () => {
  it("creates an executor with a hashed password who can then sign in; the audit log records it", async () => {
    const caller = await callerFor(admin);
    const created = await caller.admin.users.create({
      ...validUser,
      username: "Petrov",
      email: "Petrov@Example.test",
      departmentId: educationId,
    });
    expect(created).toMatchObject({
      username: "petrov",
      email: "petrov@example.test",
      roles: ["EXECUTOR"],
      department: { id: educationId },
    });
    expect(created).not.toHaveProperty("passwordHash");
    const row = await t.prisma.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.municipalityId).toBe(municipalityId);
    const signIn = await verifyCredentials(t.prisma, { login: "petrov", password: "Shkola2026", ip: "10.9.9.9", now });
    expect(signIn.ok).toBe(true);
    expect(
      await t.prisma.auditLog.count({ where: { action: "user.create", entityId: created.id, actorId: admin.id } }),
    ).toBe(1);
  });

  it("names each bad field in Russian and saves nothing", async () => {
    const caller = await callerFor(admin);
    const before = await snapshot();
    const error = await caller.admin.users
      .create({ ...validUser, username: "Иван Петров", fullName: "И", email: "not-an-email", roles: [] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    const messages = JSON.stringify((error as TRPCError).cause);
    for (const text of [
      "Укажите фамилию, имя и отчество",
      "Неверный адрес электронной почты",
      "Назначьте хотя бы одну роль",
      "Логин:",
    ]) {
      expect(messages).toContain(text);
    }
    await expectCode(
      caller.admin.users.create({ ...validUser, username: "weak", departmentId: educationId, password: "short" }),
      "BAD_REQUEST",
    );
    await expectCode(caller.admin.users.create({ ...validUser, username: "nodept" }), "BAD_REQUEST");
    await expectCode(
      caller.admin.users.create({ ...validUser, username: "mixed", roles: ["CURATOR", "HEAD"] }),
      "BAD_REQUEST",
    );
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a taken login or e-mail with CONFLICT", async () => {
    const caller = await callerFor(admin);
    await expectCode(
      caller.admin.users.create({ ...validUser, username: "ADMIN", email: "", departmentId: educationId }),
      "CONFLICT",
    );
    await createUser(t.prisma, { roles: ["HEAD"], municipalityId, email: "taken@example.test" });
    await expectCode(
      caller.admin.users.create({
        ...validUser,
        username: "newone",
        email: "taken@example.test",
        departmentId: educationId,
      }),
      "CONFLICT",
    );
  });

  it("does not let the administrator lock themselves out", async () => {
    const caller = await callerFor(admin);
    await expectCode(caller.admin.users.setActive({ id: admin.id, active: false }), "BAD_REQUEST");
    await expectCode(
      caller.admin.users.update({
        id: admin.id,
        fullName: "Админ Админович",
        email: "",
        position: "",
        roles: ["HEAD"],
        departmentId: null,
      }),
      "BAD_REQUEST",
    );
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).roles).toEqual(["ADMIN"]);
  });

  it("ends a person's sessions when the password is reset, and their roles follow edits at once", async () => {
    const person = await createUser(t.prisma, { roles: ["EXECUTOR"], municipalityId, departmentId: educationId });
    const tokenAuthAt = Math.floor(now.getTime() / 1000);
    const adminLater = await callerFor(admin, new Date(now.getTime() + 5 * 60_000));

    await adminLater.admin.users.update({
      id: person.id,
      fullName: "Новиков Пётр",
      email: "",
      position: "",
      roles: ["EXECUTOR", "MANAGER"],
      departmentId: educationId,
    });
    const session = await loadSessionUser(t.prisma, { userId: person.id, authAt: tokenAuthAt });
    expect(session?.roles).toEqual(["EXECUTOR", "MANAGER"]);

    await adminLater.admin.users.resetPassword({ id: person.id, password: "NovyParol1" });
    expect(await loadSessionUser(t.prisma, { userId: person.id, authAt: tokenAuthAt })).toBeNull();
    expect(await loadSessionUser(t.prisma, { userId: person.id, authAt: tokenAuthAt + 10 * 60 })).not.toBeNull();
  });

  it("lists the municipality's curators with its staff", async () => {
    const curator = await createUser(t.prisma, {
      roles: ["CURATOR"],
      municipalityId: null,
      curates: [municipalityId, otherMunicipalityId],
    });
    const listed = await (await callerFor(admin)).admin.users.list({ query: curator.username, includeInactive: true });
    expect(listed.map((u) => u.id)).toEqual([curator.id]);
  });
});

describe("administration: departments and settings", () => {
  it("keeps one coordinating department and refuses to abolish one with people", async () => {
    const caller = await callerFor(admin);
    const first = await caller.admin.departments.create({
      name: "Отдел по организационным вопросам",
      shortName: "",
      isCoordinating: true,
    });
    const second = await caller.admin.departments.create({
      name: "Общий отдел",
      shortName: "Общий",
      isCoordinating: true,
    });
    const coordinating = await t.prisma.department.findMany({ where: { municipalityId, isCoordinating: true } });
    expect(coordinating.map((d) => d.id)).toEqual([second.id]);
    expect(first.isCoordinating).toBe(true);

    await expectCode(
      caller.admin.departments.create({ name: "Общий отдел", shortName: "", isCoordinating: false }),
      "CONFLICT",
    );
    await expectCode(caller.admin.departments.setActive({ id: educationId, active: false }), "CONFLICT");
    expect((await t.prisma.department.findUniqueOrThrow({ where: { id: educationId } })).active).toBe(true);
    const emptied = await caller.admin.departments.setActive({ id: first.id, active: false });
    expect(emptied.active).toBe(false);
  });

  it("saves valid clock lengths, refuses impossible ones without touching the saved ones", async () => {
    const caller = await callerFor(admin);
    const valid = {
      name: "Мясниковский район",
      timeZone: "Europe/Moscow",
      slaRouteMinutes: 20,
      slaDraftMinutes: 1200,
      slaForwardMinutes: 30,
      slaReworkMinutes: 30,
      slaAnswerMinutes: 1440,
    };
    await caller.admin.settings.update(valid);
    await expectCode(caller.admin.settings.update({ ...valid, slaDraftMinutes: 1440 }), "BAD_REQUEST");
    await expectCode(caller.admin.settings.update({ ...valid, timeZone: "Europe/Rostov" }), "BAD_REQUEST");
    await expectCode(caller.admin.settings.update({ ...valid, slaRouteMinutes: 1.5 }), "BAD_REQUEST");
    await expectCode(caller.admin.settings.update({ ...valid, reminderPercents: [50, 50] }), "BAD_REQUEST");
    await expectCode(caller.admin.settings.update({ ...valid, reminderPercents: [100] }), "BAD_REQUEST");
    const saved = await caller.admin.settings.get();
    expect(saved).toMatchObject({ ...valid, reminderPercents: [50, 75], alertEscalationMinutes: 30 });
    // The scheduler's settings are saved with the clocks, the reminders in order.
    await caller.admin.settings.update({ ...valid, reminderPercents: [90, 25], alertEscalationMinutes: 15 });
    expect(await caller.admin.settings.get()).toMatchObject({ reminderPercents: [25, 90], alertEscalationMinutes: 15 });
    const audit = await t.prisma.auditLog.findMany({ where: { action: "settings.update" } });
    expect(audit).toHaveLength(2);
  });
});
