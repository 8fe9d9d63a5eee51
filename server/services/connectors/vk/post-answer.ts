import type { TPrismaClient } from "../../../db/client";
import { hasPermission } from "../../../domain/auth/permissions";
import type { TRole } from "../../../domain/auth/roles";
import { CASE_STATUS_LABELS } from "../../../domain/cases/case-types";
import { parseVkPostLink, vkCommentUrl } from "../../../domain/connectors/vk-links";
import { readerScope, type TCaseReader } from "../../cases/queries";
import { applyTransition, type TCaseActor } from "../../cases/transition";
import { ServiceError } from "../../errors";
import { decryptToken, TokenDecryptError } from "../token-cipher";
import { VkApiError } from "./client";
import { vkClientFor, vkTokenAad, type TVkDeps } from "./deps";
import { CONNECTOR_CODE_OF, ConnectorError } from "./errors";
import { reportVkTokenExpired } from "./token-expired";

/** The timeline event of a comment VK took whose case could not be marked posted. */
export const VK_COMMENT_UNRECORDED_EVENT = "VK_COMMENT_POSTED";

const NOT_CONNECTED = "Размещение через ВКонтакте не подключено: разместите ответ вручную и укажите ссылку на него";
const KEY_DEAD =
  "Ключ доступа сообщества ВКонтакте недействителен или истёк: администратор должен ввести новый ключ. До тех пор разместите ответ вручную и укажите ссылку на него";

/** Cases whose answer this process is posting now: a second click must not post a second comment. */
const postingNow = new Set<string>();

export interface TVkPostResult {
  caseId: string;
  status: "POSTED";
  /** The comment's link, recorded on the case as the posted answer. */
  answerUrl: string;
  version: number;
}

/**
 * Posts the curator-approved answer under the publication in VK, as a comment from the
 * community whose key the connector holds (wall.createComment with from_group), then fires the
 * case's `post` transition with the comment's link: the case becomes POSTED with the link, the
 * time and who posted it, a timeline event and everything else `applyTransition` does (п.8).
 *
 * Nothing changes on the case when VK fails: the person gets VK's reason in Russian. When VK
 * took the comment but the transition is refused (a colleague marked the case posted or
 * cancelled it meanwhile), the comment's link is not lost: it is written on the case's timeline
 * (VK_COMMENT_POSTED, with the link) and returned in the CONFLICT's message.
 */
export async function postApprovedAnswerToVk(
  prisma: TPrismaClient,
  actor: TCaseActor,
  caseId: string,
  now: Date,
  deps: TVkDeps,
): Promise<TVkPostResult> {
  const c = await prisma.case.findFirst({
    where: { id: caseId, municipalityId: { in: [...actor.municipalityIds] } },
    select: { id: true, municipalityId: true, status: true, postUrl: true, network: { select: { code: true } } },
  });
  if (!c) throw new ServiceError("NOT_FOUND", "Публикация не найдена");
  if (!hasPermission(actor.roles, "case.post")) {
    throw new ServiceError("FORBIDDEN", "У вас нет права размещать ответы");
  }
  if (c.status !== "APPROVED") {
    throw new ServiceError(
      "CONFLICT",
      `Разместить можно только согласованный ответ; публикация в статусе «${CASE_STATUS_LABELS[c.status]}»`,
    );
  }
  if (c.network.code !== "VK") throw new ServiceError("BAD_REQUEST", "Публикация не во ВКонтакте");
  const post = parseVkPostLink(c.postUrl);
  if (!post) {
    throw new ServiceError(
      "BAD_REQUEST",
      "Ссылка на публикацию не указывает на запись ВКонтакте (вида vk.com/wall-123_456): разместите ответ вручную",
    );
  }
  const approved = await prisma.reviewDecision.findFirst({
    where: { caseId: c.id, stage: "CURATOR", outcome: "APPROVED" },
    orderBy: { createdAt: "desc" },
    select: { draft: { select: { text: true } } },
  });
  const text = approved?.draft.text.trim() ?? "";
  if (text === "") throw new ServiceError("CONFLICT", "Нет согласованного текста ответа");

  const connector = await prisma.vkConnector.findUnique({ where: { municipalityId: c.municipalityId } });
  if (!connector?.enabled) throw new ServiceError("CONFLICT", NOT_CONNECTED);
  if (connector.status === "TOKEN_EXPIRED") throw new ServiceError("CONFLICT", KEY_DEAD);
  let token: string;
  try {
    token = decryptToken(connector.tokenEncrypted, deps.encryptionKey, vkTokenAad(c.municipalityId));
  } catch (error) {
    if (error instanceof TokenDecryptError) throw new ServiceError("CONFLICT", error.message);
    throw error;
  }

  if (postingNow.has(c.id)) {
    throw new ServiceError("CONFLICT", "Ответ по этой публикации уже размещается: дождитесь результата");
  }
  postingNow.add(c.id);
  let commentId: number;
  try {
    const client = vkClientFor(deps, connector.id, token);
    const community = await client.getCommunity();
    commentId = await client.createComment({
      ownerId: post.ownerId,
      postId: post.postId,
      message: text,
      fromGroup: community.id,
    });
  } catch (error) {
    if (!(error instanceof VkApiError)) throw error;
    if (error.failure.kind === "TOKEN") {
      await reportVkTokenExpired(prisma, connector, error.message, now);
      throw new ConnectorError(CONNECTOR_CODE_OF.TOKEN, `Ответ не размещён. ${KEY_DEAD}`);
    }
    const unsure = error.failure.kind === "TRANSIENT" && error.method === "wall.createComment";
    throw new ConnectorError(
      CONNECTOR_CODE_OF[error.failure.kind],
      unsure
        ? `ВКонтакте не подтвердил размещение ответа (${error.message}). Прежде чем повторить, откройте публикацию и проверьте, не появился ли ответ.`
        : `Ответ не размещён во ВКонтакте: ${error.message}`,
    );
  } finally {
    postingNow.delete(c.id);
  }

  const answerUrl = vkCommentUrl(post.ownerId, post.postId, commentId);
  try {
    const moved = await applyTransition(
      prisma,
      actor,
      { caseId: c.id, event: "post", input: { answerUrl }, eventData: { via: "VK", vkCommentId: commentId } },
      now,
    );
    return { caseId: c.id, status: "POSTED", answerUrl, version: moved.version };
  } catch (error) {
    const reason = error instanceof ServiceError ? error.message : "внутренняя ошибка";
    await prisma.caseEvent
      .create({
        data: {
          caseId: c.id,
          at: now,
          actorId: actor.userId,
          type: VK_COMMENT_UNRECORDED_EVENT,
          comment: `Ответ размещён во ВКонтакте, но публикация не отмечена как отвеченная: ${reason}`,
          data: { via: "VK", answerUrl, vkCommentId: commentId },
        },
      })
      .catch(() => undefined);
    throw new ServiceError(
      "CONFLICT",
      `Ответ размещён во ВКонтакте (${answerUrl}), но отметить размещение не удалось: ${reason}. Ссылка записана в ход работы; проверьте состояние публикации.`,
    );
  }
}

export interface TVkAvailability {
  /** The button "Разместить ответ во ВКонтакте" may be offered on this case now. */
  enabled: boolean;
  /** Why not, in Russian; null when enabled. */
  reason: string | null;
}

/**
 * Whether posting through VK is offered on a case: the municipality's connector on and its key
 * not known to be dead, the case approved, in VK with a link to a wall post, and the person
 * allowed to post answers. Another municipality's case is NOT_FOUND.
 */
export async function getVkAvailability(
  prisma: TPrismaClient,
  reader: TCaseReader & { roles: readonly TRole[] },
  caseId: string,
): Promise<TVkAvailability> {
  const c = await prisma.case.findFirst({
    where: { AND: [{ id: caseId }, readerScope(reader)] },
    select: { municipalityId: true, status: true, postUrl: true, network: { select: { code: true } } },
  });
  if (!c) throw new ServiceError("NOT_FOUND", "Публикация не найдена");
  const connector = await prisma.vkConnector.findUnique({
    where: { municipalityId: c.municipalityId },
    select: { enabled: true, status: true },
  });
  const reason = !connector?.enabled
    ? "Подключение к ВКонтакте не настроено или выключено"
    : connector.status === "TOKEN_EXPIRED"
      ? "Ключ доступа сообщества ВКонтакте недействителен или истёк"
      : c.network.code !== "VK"
        ? "Публикация не во ВКонтакте"
        : c.status !== "APPROVED"
          ? "Ответ ещё не согласован"
          : parseVkPostLink(c.postUrl) === null
            ? "Ссылка на публикацию не указывает на запись ВКонтакте"
            : !hasPermission(reader.roles, "case.post")
              ? "Нет права размещать ответы"
              : null;
  return { enabled: reason === null, reason };
}
