import type { TPrismaClient } from "../../../db/client";
import type { ConnectorStatus } from "../../../db/generated/client";
import { vkCommunityIdOf } from "../../../domain/connectors/vk-links";
import { audit, type TAdminActor } from "../../admin/users";
import { ServiceError } from "../../errors";
import { decryptToken, encryptToken, TokenDecryptError, tokenHintOf } from "../token-cipher";
import { VkApiError } from "./client";
import { vkClientFor, vkTokenAad, type TVkDeps } from "./deps";
import { syncVkWalls, type TVkSyncResult } from "./sync";

/**
 * The administrator's side of the VK connector (/admin/connectors/vk): one connector per
 * municipality, its community access key stored encrypted (token-cipher.ts) and never shown
 * again, only its last four characters.
 */

export interface TVkConnectorView {
  configured: boolean;
  enabled: boolean;
  tokenHint: string | null;
  status: ConnectorStatus | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  lastSyncAt: Date | null;
  updatedAt: Date | null;
  /** The active official VK accounts whose walls the connector reads (or cannot, without an id). */
  accounts: { id: string; name: string; url: string; communityId: number | null; syncedAt: Date | null }[];
}

export interface TVkCheckResult {
  status: ConnectorStatus;
  /** What the check found, for people. */
  message: string;
  /** The community the key belongs to, when VK answered. */
  community: { id: number; name: string } | null;
  /** Things that work but deserve attention. */
  warnings: string[];
}

const NOT_CONFIGURED = "Подключение к ВКонтакте не настроено: введите ключ доступа сообщества";

export async function getVkConnectorView(prisma: TPrismaClient, municipalityId: string): Promise<TVkConnectorView> {
  const [connector, accounts] = await Promise.all([
    prisma.vkConnector.findUnique({ where: { municipalityId } }),
    listVkAccounts(prisma, municipalityId),
  ]);
  return {
    configured: connector !== null,
    enabled: connector?.enabled ?? false,
    tokenHint: connector?.tokenHint ?? null,
    status: connector?.status ?? null,
    lastError: connector?.lastError ?? null,
    lastErrorAt: connector?.lastErrorAt ?? null,
    lastSyncAt: connector?.lastSyncAt ?? null,
    updatedAt: connector?.updatedAt ?? null,
    accounts: accounts.map((a) => ({
      id: a.id,
      name: a.name,
      url: a.url,
      communityId: vkCommunityIdOf(a),
      syncedAt: a.syncedAt,
    })),
  };
}

function listVkAccounts(prisma: TPrismaClient, municipalityId: string) {
  return prisma.socialAccount.findMany({
    where: { municipalityId, active: true, network: { code: "VK" } },
    select: { id: true, name: true, url: true, externalId: true, syncedAt: true },
    orderBy: { name: "asc" },
  });
}

/**
 * Saves the connector: a new key (encrypted; the connector then waits for a check) and/or the
 * on/off switch. The first save needs a key. The key is in no result, log or audit record.
 */
export async function configureVkConnector(
  prisma: TPrismaClient,
  actor: TAdminActor,
  input: { token: string | null; enabled: boolean },
  encryptionKey: Buffer,
): Promise<TVkConnectorView> {
  const token = input.token?.trim() || null;
  await prisma.$transaction(async (tx) => {
    const existing = await tx.vkConnector.findUnique({ where: { municipalityId: actor.municipalityId } });
    if (!existing && token === null) throw new ServiceError("BAD_REQUEST", "Введите ключ доступа сообщества", "token");
    const secret =
      token === null
        ? {}
        : {
            tokenEncrypted: encryptToken(token, encryptionKey, vkTokenAad(actor.municipalityId)),
            tokenHint: tokenHintOf(token),
            // A new key has not been tried yet, and the old key's problems are not its own.
            status: "NOT_CHECKED" as const,
            lastError: null,
            lastErrorAt: null,
          };
    const saved = existing
      ? await tx.vkConnector.update({ where: { id: existing.id }, data: { enabled: input.enabled, ...secret } })
      : await tx.vkConnector.create({
          data: {
            municipalityId: actor.municipalityId,
            enabled: input.enabled,
            tokenEncrypted: "",
            tokenHint: "",
            ...secret,
          },
        });
    await audit(
      tx,
      actor,
      "connector.vk.configure",
      saved.id,
      { enabled: input.enabled, tokenReplaced: token !== null, tokenHint: saved.tokenHint },
      "VkConnector",
    );
  });
  return getVkConnectorView(prisma, actor.municipalityId);
}

export async function disableVkConnector(prisma: TPrismaClient, actor: TAdminActor): Promise<TVkConnectorView> {
  await prisma.$transaction(async (tx) => {
    const existing = await tx.vkConnector.findUnique({ where: { municipalityId: actor.municipalityId } });
    if (!existing) throw new ServiceError("NOT_FOUND", NOT_CONFIGURED);
    await tx.vkConnector.update({ where: { id: existing.id }, data: { enabled: false } });
    await audit(tx, actor, "connector.vk.disable", existing.id, null, "VkConnector");
  });
  return getVkConnectorView(prisma, actor.municipalityId);
}

/**
 * "Проверить подключение": asks VK which community the key belongs to (groups.getById). OK when
 * VK answers; TOKEN_EXPIRED for a dead key; ERROR for anything else, with the reason in Russian.
 * Also says which official accounts the connector cannot read and whether the key's community is
 * among them (answers are posted on its behalf).
 */
export async function checkVkConnector(
  prisma: TPrismaClient,
  actor: TAdminActor,
  deps: TVkDeps,
): Promise<TVkCheckResult> {
  const connector = await prisma.vkConnector.findUnique({ where: { municipalityId: actor.municipalityId } });
  if (!connector) throw new ServiceError("NOT_FOUND", NOT_CONFIGURED);

  let result: TVkCheckResult;
  try {
    const token = decryptToken(connector.tokenEncrypted, deps.encryptionKey, vkTokenAad(actor.municipalityId));
    const community = await vkClientFor(deps, connector.id, token).getCommunity();
    const accounts = await listVkAccounts(prisma, actor.municipalityId);
    const warnings = accounts
      .filter((a) => vkCommunityIdOf(a) === null)
      .map(
        (a) =>
          `Аккаунт «${a.name}»: не указан числовой идентификатор сообщества (или ссылка вида vk.com/club123) — записи его стены не загружаются`,
      );
    if (!accounts.some((a) => vkCommunityIdOf(a) === community.id)) {
      warnings.push(
        `Сообщества «${community.name}» (id ${community.id}), которому принадлежит ключ, нет среди официальных аккаунтов ВКонтакте: ответы будут размещаться от его имени`,
      );
    }
    result = {
      status: "OK",
      message: `Подключение работает: ключ принадлежит сообществу «${community.name}» (id ${community.id})`,
      community: { id: community.id, name: community.name },
      warnings,
    };
  } catch (error) {
    if (error instanceof TokenDecryptError) {
      result = { status: "ERROR", message: error.message, community: null, warnings: [] };
    } else if (error instanceof VkApiError) {
      result = {
        status: error.failure.kind === "TOKEN" ? "TOKEN_EXPIRED" : "ERROR",
        message: error.message,
        community: null,
        warnings: [],
      };
    } else {
      throw error;
    }
  }
  const failed = result.status !== "OK";
  await prisma.vkConnector.updateMany({
    where: { id: connector.id, tokenEncrypted: connector.tokenEncrypted },
    data: {
      status: result.status,
      // A successful check is the administrator's confirmation that the last problem is gone.
      lastError: failed ? result.message : null,
      lastErrorAt: failed ? actor.now : null,
    },
  });
  return result;
}

/** "Загрузить записи сейчас": reads the walls at once, whenever the last reading was. */
export async function syncVkNow(prisma: TPrismaClient, actor: TAdminActor, deps: TVkDeps): Promise<TVkSyncResult> {
  const connector = await prisma.vkConnector.findUnique({ where: { municipalityId: actor.municipalityId } });
  if (!connector) throw new ServiceError("NOT_FOUND", NOT_CONFIGURED);
  if (!connector.enabled)
    throw new ServiceError("CONFLICT", "Подключение выключено: включите его, чтобы загрузить записи");
  if (connector.status === "TOKEN_EXPIRED") {
    throw new ServiceError(
      "CONFLICT",
      "Ключ доступа сообщества недействителен или истёк: введите новый ключ, затем загрузите записи",
    );
  }
  return syncVkWalls(prisma, connector, actor.now, deps);
}
