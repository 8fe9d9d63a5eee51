import { randomUUID } from "node:crypto";
import type { TPrismaClient } from "../db/client";
import type { Role } from "../db/generated/client";
import { hashPassword } from "../auth/password";
import { loadSessionUser } from "../auth/session-user";
import { REGULATION_SLA } from "../domain/settings/sla-settings";
import type { TContext } from "../api/trpc";

const unique = () => randomUUID().slice(0, 8);

// Hashing with Argon2 takes tens of milliseconds: hash the factories' password once.
let defaultHash: Promise<string> | undefined;
export const FACTORY_PASSWORD = "Parol2026";

export async function createMunicipality(prisma: TPrismaClient, overrides: { name?: string; timeZone?: string } = {}) {
  const region = await prisma.region.upsert({
    where: { name: "Тестовая область" },
    update: {},
    create: { name: "Тестовая область" },
  });
  return prisma.municipality.create({
    data: {
      regionId: region.id,
      name: overrides.name ?? `Район ${unique()}`,
      timeZone: overrides.timeZone ?? "Europe/Moscow",
      ...REGULATION_SLA,
    },
  });
}

export function createDepartment(
  prisma: TPrismaClient,
  municipalityId: string,
  overrides: { name?: string; isCoordinating?: boolean; active?: boolean } = {},
) {
  return prisma.department.create({
    data: {
      municipalityId,
      name: overrides.name ?? `Отдел ${unique()}`,
      isCoordinating: overrides.isCoordinating ?? false,
      active: overrides.active ?? true,
    },
  });
}

export async function createUser(
  prisma: TPrismaClient,
  input: {
    roles: Role[];
    municipalityId: string | null;
    departmentId?: string | null;
    username?: string;
    email?: string | null;
    password?: string;
    active?: boolean;
    curates?: string[];
  },
) {
  const passwordHash = input.password
    ? await hashPassword(input.password)
    : await (defaultHash ??= hashPassword(FACTORY_PASSWORD));
  const username = input.username ?? `user-${unique()}`;
  return prisma.user.create({
    data: {
      username,
      email: input.email === undefined ? `${username}@example.test` : input.email,
      fullName: `Тестов ${username}`,
      roles: input.roles,
      passwordHash,
      // Well before any test's `now`, so sessions issued at `now` are valid.
      passwordChangedAt: new Date("2026-01-01T00:00:00Z"),
      active: input.active ?? true,
      municipalityId: input.municipalityId,
      departmentId: input.departmentId ?? null,
      ...(input.curates
        ? { curatedMunicipalities: { create: input.curates.map((municipalityId) => ({ municipalityId })) } }
        : {}),
    },
  });
}

/** A tRPC context as the route handler builds it, for `createCaller`. */
export async function contextFor(
  prisma: TPrismaClient,
  user: { id: string } | null,
  now: Date = new Date("2026-11-27T09:00:00Z"),
): Promise<TContext> {
  const sessionUser = user
    ? await loadSessionUser(prisma, { userId: user.id, authAt: Math.floor(now.getTime() / 1000) })
    : null;
  return { db: prisma, user: sessionUser, ip: "203.0.113.7", now: () => now };
}
