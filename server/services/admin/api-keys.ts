import type { TPrismaClient } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { generateApiKey, hashApiKey } from "../../auth/api-key";
import { ServiceError } from "../errors";
import { endOfLocalDay } from "../../domain/time/zone";
import { audit, type TAdminActor } from "./users";

/** What the curator's system may do with a key. */
export const API_KEY_SCOPES = ["cases:read", "cases:write"] as const;

const API_KEY_SELECT = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
  createdBy: { select: { fullName: true } },
} satisfies Prisma.ApiKeySelect;

export type TApiKeyRow = Prisma.ApiKeyGetPayload<{ select: typeof API_KEY_SELECT }>;

export function listApiKeys(prisma: TPrismaClient, municipalityId: string): Promise<TApiKeyRow[]> {
  return prisma.apiKey.findMany({
    where: { municipalityId },
    select: API_KEY_SELECT,
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
  });
}

/** Creates a key; the secret is in the result and nowhere else, ever. */
export async function createApiKey(
  prisma: TPrismaClient,
  actor: TAdminActor,
  input: { name: string; expiresOn: string | null },
): Promise<{ key: TApiKeyRow; secret: string }> {
  let expiresAt: Date | null = null;
  if (input.expiresOn) {
    const municipality = await prisma.municipality.findUniqueOrThrow({ where: { id: actor.municipalityId } });
    expiresAt = endOfLocalDay(input.expiresOn, municipality.timeZone);
    if (!expiresAt) throw new ServiceError("BAD_REQUEST", "Такой даты нет в календаре", "expiresOn");
    if (expiresAt <= actor.now)
      throw new ServiceError("BAD_REQUEST", "Срок действия должен быть в будущем", "expiresOn");
  }
  const { secret, prefix, hash } = generateApiKey();
  return prisma.$transaction(async (tx) => {
    const key = await tx.apiKey.create({
      data: {
        municipalityId: actor.municipalityId,
        name: input.name,
        prefix,
        hash,
        scopes: [...API_KEY_SCOPES],
        createdById: actor.userId,
        createdAt: actor.now,
        expiresAt,
      },
      select: API_KEY_SELECT,
    });
    await audit(tx, actor, "apiKey.create", key.id, { name: key.name, prefix }, "ApiKey");
    return { key, secret };
  });
}

export async function revokeApiKey(prisma: TPrismaClient, actor: TAdminActor, input: { id: string }) {
  return prisma.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id: input.id, municipalityId: actor.municipalityId } });
    if (!key) throw new ServiceError("NOT_FOUND", "Ключ не найден");
    if (key.revokedAt) throw new ServiceError("CONFLICT", "Ключ уже отозван");
    const revoked = await tx.apiKey.update({
      where: { id: key.id },
      data: { revokedAt: actor.now },
      select: API_KEY_SELECT,
    });
    await audit(tx, actor, "apiKey.revoke", key.id, { name: key.name }, "ApiKey");
    return revoked;
  });
}

/**
 * The municipality a presented key acts for, or null for an unknown, revoked or expired key.
 * `lastUsedAt` is refreshed at most once a minute, so a busy client does not write on every call.
 */
export async function authenticateApiKey(
  prisma: TPrismaClient,
  secret: string,
  now: Date,
): Promise<{ keyId: string; municipalityId: string; scopes: string[] } | null> {
  const key = await prisma.apiKey.findUnique({ where: { hash: hashApiKey(secret) } });
  if (!key || key.revokedAt || (key.expiresAt && key.expiresAt <= now)) return null;
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > 60_000) {
    await prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
  }
  return { keyId: key.id, municipalityId: key.municipalityId, scopes: key.scopes };
}
