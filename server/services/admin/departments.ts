import type { TPrismaClient } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { isUniqueViolation, ServiceError } from "../errors";
import type { TDepartmentCreate, TDepartmentUpdate } from "../../api/routers/admin/departments.schema";
import { audit, type TAdminActor } from "./users";

const DEPARTMENT_SELECT = {
  id: true,
  name: true,
  shortName: true,
  isCoordinating: true,
  active: true,
  createdAt: true,
  _count: { select: { users: { where: { active: true } } } },
} satisfies Prisma.DepartmentSelect;

export type TDepartmentRow = Prisma.DepartmentGetPayload<{ select: typeof DEPARTMENT_SELECT }>;

export function listDepartments(prisma: TPrismaClient, municipalityId: string): Promise<TDepartmentRow[]> {
  return prisma.department.findMany({
    where: { municipalityId },
    select: DEPARTMENT_SELECT,
    orderBy: [{ active: "desc" }, { isCoordinating: "desc" }, { name: "asc" }],
  });
}

function nameTaken(error: unknown): never {
  if (isUniqueViolation(error)) throw new ServiceError("CONFLICT", "Отдел с таким названием уже есть", "name");
  throw error;
}

/** Only one department coordinates (п.2); marking another moves the mark. */
async function clearOtherCoordinating(tx: Prisma.TransactionClient, municipalityId: string, exceptId?: string) {
  await tx.department.updateMany({
    where: { municipalityId, isCoordinating: true, ...(exceptId ? { id: { not: exceptId } } : {}) },
    data: { isCoordinating: false },
  });
}

export async function createDepartment(prisma: TPrismaClient, actor: TAdminActor, input: TDepartmentCreate) {
  try {
    return await prisma.$transaction(async (tx) => {
      if (input.isCoordinating) await clearOtherCoordinating(tx, actor.municipalityId);
      const department = await tx.department.create({
        data: { ...input, municipalityId: actor.municipalityId },
        select: DEPARTMENT_SELECT,
      });
      await audit(tx, actor, "department.create", department.id, { name: department.name }, "Department");
      return department;
    });
  } catch (error) {
    nameTaken(error);
  }
}

export async function updateDepartment(prisma: TPrismaClient, actor: TAdminActor, input: TDepartmentUpdate) {
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await tx.department.findFirst({ where: { id: input.id, municipalityId: actor.municipalityId } });
      if (!before) throw new ServiceError("NOT_FOUND", "Отдел не найден");
      if (input.isCoordinating) await clearOtherCoordinating(tx, actor.municipalityId, input.id);
      const department = await tx.department.update({
        where: { id: input.id },
        data: { name: input.name, shortName: input.shortName, isCoordinating: input.isCoordinating },
        select: DEPARTMENT_SELECT,
      });
      await audit(
        tx,
        actor,
        "department.update",
        department.id,
        { before: before.name, after: department.name },
        "Department",
      );
      return department;
    });
  } catch (error) {
    nameTaken(error);
  }
}

export async function setDepartmentActive(
  prisma: TPrismaClient,
  actor: TAdminActor,
  input: { id: string; active: boolean },
) {
  return prisma.$transaction(async (tx) => {
    const department = await tx.department.findFirst({ where: { id: input.id, municipalityId: actor.municipalityId } });
    if (!department) throw new ServiceError("NOT_FOUND", "Отдел не найден");
    if (!input.active) {
      const people = await tx.user.count({ where: { departmentId: department.id, active: true } });
      if (people > 0) {
        throw new ServiceError(
          "CONFLICT",
          `В отделе есть действующие сотрудники (${people}): сначала переведите их в другой отдел`,
        );
      }
      const openCases = await tx.case.count({
        where: { departmentId: department.id, status: { notIn: ["POSTED", "DECLINED", "CANCELLED"] } },
      });
      if (openCases > 0) {
        throw new ServiceError(
          "CONFLICT",
          `За отделом числятся незакрытые публикации (${openCases}): сначала передайте их другому отделу`,
        );
      }
    }
    const updated = await tx.department.update({
      where: { id: department.id },
      data: { active: input.active },
      select: DEPARTMENT_SELECT,
    });
    await audit(
      tx,
      actor,
      input.active ? "department.activate" : "department.deactivate",
      department.id,
      null,
      "Department",
    );
    return updated;
  });
}
