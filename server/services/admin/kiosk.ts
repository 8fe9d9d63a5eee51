import type { TPrismaClient } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { generateKioskToken, hashKioskToken, isKioskTokenShape } from "../../auth/kiosk-token";
import { ServiceError } from "../errors";
import { notifyKioskRevoked } from "../wall/notify-change";
import { audit, type TAdminActor } from "./users";

/**
 * Kiosk links: the wall screen of one municipality, read-only, for a TV nobody signs in on.
 * The token is shown once when the link is made and stored only as its SHA-256; revoking a link
 * refuses it at once and disconnects the screens showing it.
 */

const KIOSK_SELECT = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdBy: { select: { fullName: true } },
} satisfies Prisma.KioskTokenSelect;

export type TKioskTokenRow = Prisma.KioskTokenGetPayload<{ select: typeof KIOSK_SELECT }>;

/** Where a kiosk link opens the wall. */
export function kioskPath(token: string): string {
  return `/wall/k/${token}`;
}

export function listKioskTokens(prisma: TPrismaClient, municipalityId: string): Promise<TKioskTokenRow[]> {
  return prisma.kioskToken.findMany({
    where: { municipalityId },
    select: KIOSK_SELECT,
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
  });
}

/** Makes a link; the token is in the result and nowhere else, ever. */
export async function createKioskToken(
  prisma: TPrismaClient,
  actor: TAdminActor,
  input: { name: string },
): Promise<{ kiosk: TKioskTokenRow; token: string; path: string }> {
  const { token, prefix, hash } = generateKioskToken();
  return prisma.$transaction(async (tx) => {
    const kiosk = await tx.kioskToken.create({
      data: {
        municipalityId: actor.municipalityId,
        name: input.name,
        prefix,
        hash,
        createdById: actor.userId,
        createdAt: actor.now,
      },
      select: KIOSK_SELECT,
    });
    await audit(tx, actor, "kioskToken.create", kiosk.id, { name: kiosk.name, prefix }, "KioskToken");
    return { kiosk, token, path: kioskPath(token) };
  });
}

export async function revokeKioskToken(prisma: TPrismaClient, actor: TAdminActor, input: { id: string }) {
  return prisma.$transaction(async (tx) => {
    const kiosk = await tx.kioskToken.findFirst({ where: { id: input.id, municipalityId: actor.municipalityId } });
    if (!kiosk) throw new ServiceError("NOT_FOUND", "Ссылка не найдена");
    if (kiosk.revokedAt) throw new ServiceError("CONFLICT", "Ссылка уже отозвана");
    const revoked = await tx.kioskToken.update({
      where: { id: kiosk.id },
      data: { revokedAt: actor.now },
      select: KIOSK_SELECT,
    });
    await audit(tx, actor, "kioskToken.revoke", kiosk.id, { name: kiosk.name }, "KioskToken");
    await notifyKioskRevoked(tx, kiosk.id);
    return revoked;
  });
}

export interface TKioskAccess {
  kioskTokenId: string;
  municipalityId: string;
}

/**
 * The municipality a presented token shows, or null for anything but a live link. The lookup is
 * by the token's hash (unique), so no comparison of secrets takes time that depends on them.
 * `lastUsedAt` is written at most once a minute: a screen reconnecting all day does not write
 * on every connection.
 */
export async function authenticateKioskToken(
  prisma: TPrismaClient,
  token: string,
  now: Date,
): Promise<TKioskAccess | null> {
  if (!isKioskTokenShape(token)) return null;
  const kiosk = await prisma.kioskToken.findUnique({
    where: { hash: hashKioskToken(token) },
    select: { id: true, municipalityId: true, revokedAt: true, lastUsedAt: true },
  });
  if (!kiosk || kiosk.revokedAt) return null;
  if (!kiosk.lastUsedAt || now.getTime() - kiosk.lastUsedAt.getTime() > 60_000) {
    await prisma.kioskToken.update({ where: { id: kiosk.id }, data: { lastUsedAt: now } });
  }
  return { kioskTokenId: kiosk.id, municipalityId: kiosk.municipalityId };
}

/** Whether a link that was good is still good (an open screen checks from time to time). */
export async function isKioskTokenLive(prisma: TPrismaClient, kioskTokenId: string): Promise<boolean> {
  const kiosk = await prisma.kioskToken.findUnique({ where: { id: kioskTokenId }, select: { revokedAt: true } });
  return Boolean(kiosk && !kiosk.revokedAt);
}
