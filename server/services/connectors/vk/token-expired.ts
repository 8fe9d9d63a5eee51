import { createHash } from "node:crypto";
import type { TPrismaClient } from "../../../db/client";
import { VK_TOKEN_INVALID_MESSAGE } from "../../../domain/connectors/vk-errors";
import { notifyOncePlain } from "../../notifications/plain";

export const VK_CONNECTOR_PAGE = "/admin/connectors/vk";
const KIND = "CONNECTOR_ERROR";

/**
 * Identifies one stored token without revealing it: each entry of a token encrypts it afresh,
 * so a new key (even the same one entered again) gets a new fingerprint and, when it dies too,
 * a new notification.
 */
export function tokenFingerprint(tokenEncrypted: string): string {
  return createHash("sha256").update(tokenEncrypted).digest("hex").slice(0, 16);
}

/**
 * VK said the community's key is dead (error 5). In one transaction: the connector becomes
 * TOKEN_EXPIRED, which stops every further call with that key (the tick skips it, posting refuses
 * it) until an administrator enters a new one, and each active ADMIN of the municipality is
 * told once per stored key (the dedupe key holds the key's fingerprint). Nothing happens when
 * the key was replaced while the failing call was on its way: the new key is not condemned for
 * the old one. Returns whether the connector was marked.
 */
export async function reportVkTokenExpired(
  prisma: TPrismaClient,
  connector: { id: string; municipalityId: string; tokenEncrypted: string },
  message: string,
  now: Date,
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const marked = await tx.vkConnector.updateMany({
      where: { id: connector.id, tokenEncrypted: connector.tokenEncrypted },
      data: { status: "TOKEN_EXPIRED", lastError: message, lastErrorAt: now },
    });
    if (marked.count === 0) return false;
    const admins = await tx.user.findMany({
      where: { active: true, roles: { has: "ADMIN" }, municipalityId: connector.municipalityId },
      select: { id: true },
    });
    const fingerprint = tokenFingerprint(connector.tokenEncrypted);
    await notifyOncePlain(
      tx,
      admins.map((admin) => ({
        dedupe: `vk-token:${connector.id}:${fingerprint}`,
        userId: admin.id,
        kind: KIND,
        title: VK_TOKEN_INVALID_MESSAGE,
        body:
          "Подключение к ВКонтакте остановлено: записи официальных аккаунтов не загружаются, ответы не размещаются. " +
          "Создайте новый ключ доступа в настройках сообщества (Управление → Работа с API) и введите его на странице подключения.",
        link: VK_CONNECTOR_PAGE,
      })),
      now,
    );
    return true;
  });
}
