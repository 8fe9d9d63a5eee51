import type { TPrismaClient } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { checkRoleCombination } from "../../domain/auth/roles";
import { checkPasswordStrength } from "../../domain/auth/credentials";
import { hashPassword } from "../../auth/password";
import { isUniqueViolation, ServiceError } from "../errors";
import type { TUserCreate, TUserUpdate } from "../../api/routers/admin/users.schema";

/** Who is acting, in which municipality, and when. */
export interface TAdminActor {
  userId: string;
  municipalityId: string;
  ip?: string;
  now: Date;
}

const USER_SELECT = {
  id: true,
  username: true,
  email: true,
  fullName: true,
  position: true,
  roles: true,
  active: true,
  lastLoginAt: true,
  createdAt: true,
  municipalityId: true,
  department: { select: { id: true, name: true } },
} satisfies Prisma.UserSelect;

export type TAdminUserRow = Prisma.UserGetPayload<{ select: typeof USER_SELECT }>;

/** The municipality's people, and the curators who curate it. Password hashes never leave. */
export function listUsers(
  prisma: TPrismaClient,
  municipalityId: string,
  filter: { query?: string; includeInactive: boolean },
): Promise<TAdminUserRow[]> {
  const q = filter.query?.trim();
  return prisma.user.findMany({
    where: {
      OR: [{ municipalityId }, { curatedMunicipalities: { some: { municipalityId } } }],
      ...(filter.includeInactive ? {} : { active: true }),
      ...(q
        ? {
            AND: [
              {
                OR: [
                  { fullName: { contains: q, mode: "insensitive" } },
                  { username: { contains: q, mode: "insensitive" } },
                  { email: { contains: q, mode: "insensitive" } },
                ],
              },
            ],
          }
        : {}),
    },
    select: USER_SELECT,
    orderBy: [{ active: "desc" }, { fullName: "asc" }],
  });
}

async function findManagedUser(prisma: Prisma.TransactionClient | TPrismaClient, actor: TAdminActor, id: string) {
  const user = await prisma.user.findFirst({
    where: {
      id,
      OR: [
        { municipalityId: actor.municipalityId },
        { curatedMunicipalities: { some: { municipalityId: actor.municipalityId } } },
      ],
    },
    include: { curatedMunicipalities: { select: { municipalityId: true } } },
  });
  if (!user) throw new ServiceError("NOT_FOUND", "Пользователь не найден");
  // A curator of other municipalities too: a new password or a block from one district would
  // take over or lock an account that reads and decides the other districts' cases.
  if (user.curatedMunicipalities.some((c) => c.municipalityId !== actor.municipalityId)) {
    throw new ServiceError(
      "FORBIDDEN",
      "Куратор работает и с другими муниципальными образованиями: его учётной записью управляет региональное правительство",
    );
  }
  return user;
}

async function checkAssignment(
  prisma: Prisma.TransactionClient,
  actor: TAdminActor,
  input: { roles: TUserCreate["roles"]; departmentId: string | null },
): Promise<{ municipalityId: string | null; departmentId: string | null }> {
  const roleProblem = checkRoleCombination(input.roles);
  if (roleProblem) throw new ServiceError("BAD_REQUEST", roleProblem, "roles");
  // A curator belongs to the regional government: no municipality, no department.
  if (input.roles.includes("CURATOR")) return { municipalityId: null, departmentId: null };
  if (input.departmentId) {
    const department = await prisma.department.findFirst({
      where: { id: input.departmentId, municipalityId: actor.municipalityId },
    });
    if (!department) throw new ServiceError("BAD_REQUEST", "Отдел не найден", "departmentId");
    if (!department.active)
      throw new ServiceError("BAD_REQUEST", "Отдел упразднён: выберите действующий", "departmentId");
  } else if (input.roles.includes("EXECUTOR")) {
    throw new ServiceError("BAD_REQUEST", "Исполнитель должен быть закреплён за отделом (п.5)", "departmentId");
  }
  return { municipalityId: actor.municipalityId, departmentId: input.departmentId };
}

function conflictOf(error: unknown): never {
  if (isUniqueViolation(error, "username")) throw new ServiceError("CONFLICT", "Этот логин уже занят", "username");
  if (isUniqueViolation(error, "email"))
    throw new ServiceError("CONFLICT", "Этот адрес электронной почты уже используется", "email");
  throw error;
}

export async function createUser(prisma: TPrismaClient, actor: TAdminActor, input: TUserCreate) {
  const weak = checkPasswordStrength(input.password, input.username);
  if (weak) throw new ServiceError("BAD_REQUEST", weak, "password");
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const placement = await checkAssignment(tx, actor, input);
      const user = await tx.user.create({
        data: {
          username: input.username,
          email: input.email,
          fullName: input.fullName,
          position: input.position,
          roles: input.roles,
          passwordHash,
          passwordChangedAt: actor.now,
          ...placement,
          ...(input.roles.includes("CURATOR")
            ? { curatedMunicipalities: { create: { municipalityId: actor.municipalityId } } }
            : {}),
        },
        select: USER_SELECT,
      });
      await audit(tx, actor, "user.create", user.id, { username: user.username, roles: user.roles });
      return user;
    });
  } catch (error) {
    conflictOf(error);
  }
}

export async function updateUser(prisma: TPrismaClient, actor: TAdminActor, input: TUserUpdate) {
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await findManagedUser(tx, actor, input.id);
      if (before.id === actor.userId && !input.roles.includes("ADMIN")) {
        throw new ServiceError("BAD_REQUEST", "Нельзя снять роль администратора с самого себя", "roles");
      }
      if (before.roles.includes("CURATOR") !== input.roles.includes("CURATOR")) {
        throw new ServiceError(
          "BAD_REQUEST",
          "Куратора нельзя превратить в сотрудника администрации и наоборот: создайте отдельную учётную запись",
          "roles",
        );
      }
      const placement = await checkAssignment(tx, actor, input);
      const user = await tx.user.update({
        where: { id: input.id },
        data: {
          fullName: input.fullName,
          email: input.email,
          position: input.position,
          roles: input.roles,
          ...placement,
        },
        select: USER_SELECT,
      });
      await audit(tx, actor, "user.update", user.id, {
        before: { roles: before.roles, departmentId: before.departmentId },
        after: { roles: user.roles, departmentId: user.department?.id ?? null },
      });
      return user;
    });
  } catch (error) {
    conflictOf(error);
  }
}

export async function setUserActive(prisma: TPrismaClient, actor: TAdminActor, input: { id: string; active: boolean }) {
  return prisma.$transaction(async (tx) => {
    const user = await findManagedUser(tx, actor, input.id);
    if (user.id === actor.userId && !input.active) {
      throw new ServiceError("BAD_REQUEST", "Нельзя заблокировать собственную учётную запись");
    }
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { active: input.active },
      select: USER_SELECT,
    });
    await audit(tx, actor, input.active ? "user.activate" : "user.deactivate", user.id, null);
    return updated;
  });
}

/** Sets a new password; sessions signed in before it stop working. */
export async function resetUserPassword(
  prisma: TPrismaClient,
  actor: TAdminActor,
  input: { id: string; password: string },
) {
  const user = await findManagedUser(prisma, actor, input.id);
  const weak = checkPasswordStrength(input.password, user.username);
  if (weak) throw new ServiceError("BAD_REQUEST", weak, "password");
  const passwordHash = await hashPassword(input.password);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: actor.now } });
    await tx.loginThrottle.deleteMany({ where: { key: `account:${user.username}` } });
    await audit(tx, actor, "user.resetPassword", user.id, null);
  });
  return { id: user.id };
}

export async function audit(
  tx: Prisma.TransactionClient,
  actor: TAdminActor,
  action: string,
  entityId: string,
  data: Prisma.InputJsonValue | null,
  entity = "User",
) {
  await tx.auditLog.create({
    data: {
      at: actor.now,
      actorId: actor.userId,
      municipalityId: actor.municipalityId,
      action,
      entity,
      entityId,
      ...(data === null ? {} : { data }),
      ip: actor.ip ?? null,
    },
  });
}
