import type { TPrismaClient } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { checkLinkOnNetwork, sameLink } from "../../domain/accounts/account-rules";
import type { TRole } from "../../domain/auth/roles";
import { canRecordOn, type TRoutineAccess } from "../../domain/routine/access";
import { parseLocalDateTime } from "../../domain/time/local-input";
import { formatDateTime } from "../../domain/time/zone";
import type { TRoutinePostRecord } from "../../api/routers/routine/routine.schema";
import { audit } from "../admin/users";
import { isUniqueViolation, ServiceError } from "../errors";
import { resolveRoutineAccess } from "./access";

/**
 * Routine posts (п.6) recorded by hand: the account, when it was published (local time of the
 * municipality), the link and a title. A link is recorded once per account, whatever its
 * spelling; a post recorded by mistake may be deleted, with an audit row. Posts a connector
 * found (source CONNECTOR) are not deleted by hand: the connector would find them again.
 */

export interface TRoutineActor {
  userId: string;
  roles: readonly TRole[];
  municipalityId: string;
  ip?: string;
}

/** Posts dated more than this before now are refused as a typo in the year. */
const MAX_AGE_DAYS = 366;
/** Clocks of people's computers and the server differ a little. */
const CLOCK_SLACK_MS = 5 * 60_000;

export const ROUTINE_POST_SELECT = {
  id: true,
  accountId: true,
  url: true,
  title: true,
  publishedAt: true,
  source: true,
  createdAt: true,
  recordedBy: { select: { id: true, fullName: true } },
} satisfies Prisma.RoutinePostSelect;

export type TRoutinePostRow = Prisma.RoutinePostGetPayload<{ select: typeof ROUTINE_POST_SELECT }>;

async function loadAccessFor(prisma: TPrismaClient, actor: TRoutineActor): Promise<TRoutineAccess> {
  return resolveRoutineAccess(prisma, { id: actor.userId, roles: actor.roles, municipalityId: actor.municipalityId });
}

function refuseRecording(): never {
  throw new ServiceError(
    "FORBIDDEN",
    "Отмечать публикации этого аккаунта могут ответственный за аккаунт, координирующий отдел и управляющий делами",
  );
}

export async function recordRoutinePost(
  prisma: TPrismaClient,
  actor: TRoutineActor,
  input: TRoutinePostRecord,
  now: Date,
): Promise<TRoutinePostRow> {
  const access = await loadAccessFor(prisma, actor);
  try {
    return await prisma.$transaction(async (tx) => {
      const account = await tx.socialAccount.findFirst({
        where: { id: input.accountId, municipalityId: actor.municipalityId },
        select: {
          id: true,
          name: true,
          active: true,
          network: { select: { id: true, code: true, name: true, hosts: true } },
          municipality: { select: { timeZone: true } },
        },
      });
      if (!account) throw new ServiceError("BAD_REQUEST", "Выберите аккаунт из списка", "accountId");
      if (!canRecordOn(access, account)) refuseRecording();
      if (!account.active) {
        throw new ServiceError("BAD_REQUEST", `Аккаунт «${account.name}» отключён`, "accountId");
      }
      const timeZone = account.municipality.timeZone;

      const published = parseLocalDateTime(input.publishedAt, timeZone);
      if (!published.ok) {
        throw new ServiceError(
          "BAD_REQUEST",
          published.reason === "NONEXISTENT"
            ? "Такого времени не было: в эту ночь переводились часы"
            : "Укажите дату и время публикации",
          "publishedAt",
        );
      }
      if (published.at.getTime() > now.getTime() + CLOCK_SLACK_MS) {
        throw new ServiceError("BAD_REQUEST", "Время публикации ещё не наступило", "publishedAt");
      }
      if (published.at.getTime() < now.getTime() - MAX_AGE_DAYS * 24 * 3600_000) {
        throw new ServiceError("BAD_REQUEST", "Можно отметить публикацию не старше года", "publishedAt");
      }

      const networks = await tx.socialNetwork.findMany({ select: { id: true, code: true, name: true, hosts: true } });
      const url = checkLinkOnNetwork(input.url, account.network, networks, "post");
      if (!url.ok) throw new ServiceError("BAD_REQUEST", url.message, "url");

      // The same post pasted twice (from the app, then from the browser) is still one post.
      const recorded = await tx.routinePost.findMany({
        where: { accountId: account.id },
        select: { url: true, publishedAt: true },
      });
      const twin = recorded.find((p) => p.url === url.value || sameLink(p.url, url.value));
      if (twin) {
        throw new ServiceError(
          "CONFLICT",
          `Эта публикация уже отмечена (${formatDateTime(twin.publishedAt, timeZone)})`,
          "url",
        );
      }
      return tx.routinePost.create({
        data: {
          accountId: account.id,
          url: url.value,
          title: input.title,
          publishedAt: published.at,
          recordedById: actor.userId,
          source: "MANUAL",
          createdAt: now,
        },
        select: ROUTINE_POST_SELECT,
      });
    });
  } catch (error) {
    // Two people recording the same link at once: the unique (accountId, url) decides.
    if (isUniqueViolation(error)) throw new ServiceError("CONFLICT", "Эта публикация уже отмечена", "url");
    throw error;
  }
}

export interface TRoutinePostPage {
  items: (TRoutinePostRow & { canDelete: boolean })[];
  nextCursor: string | null;
}

/** An account's posts, newest first, a page at a time. */
export async function listRoutinePosts(
  prisma: TPrismaClient,
  actor: TRoutineActor,
  input: { accountId: string; cursor?: string | null; limit?: number },
): Promise<TRoutinePostPage> {
  const access = await loadAccessFor(prisma, actor);
  if (!access.canView) throw new ServiceError("FORBIDDEN", "Недостаточно прав для этого действия");
  const account = await prisma.socialAccount.findFirst({
    where: { id: input.accountId, municipalityId: actor.municipalityId },
    select: { id: true },
  });
  if (!account) throw new ServiceError("NOT_FOUND", "Аккаунт не найден");
  const limit = Math.min(Math.max(input.limit ?? 20, 1), 100);
  const rows = await prisma.routinePost.findMany({
    where: { accountId: account.id },
    select: ROUTINE_POST_SELECT,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const mayRecord = canRecordOn(access, account);
  const items = rows.slice(0, limit).map((p) => ({ ...p, canDelete: mayRecord && p.source === "MANUAL" }));
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

export async function deleteRoutinePost(
  prisma: TPrismaClient,
  actor: TRoutineActor,
  input: { id: string },
  now: Date,
): Promise<{ id: string }> {
  const access = await loadAccessFor(prisma, actor);
  return prisma.$transaction(async (tx) => {
    const post = await tx.routinePost.findFirst({
      where: { id: input.id, account: { municipalityId: actor.municipalityId } },
      select: {
        id: true,
        accountId: true,
        url: true,
        title: true,
        publishedAt: true,
        source: true,
        recordedById: true,
      },
    });
    if (!post) throw new ServiceError("NOT_FOUND", "Публикация не найдена");
    if (!canRecordOn(access, { id: post.accountId })) refuseRecording();
    if (post.source !== "MANUAL") {
      throw new ServiceError("CONFLICT", "Эту публикацию нашло подключение к соцсети: её нельзя удалить вручную");
    }
    await tx.routinePost.delete({ where: { id: post.id } });
    await audit(
      tx,
      { userId: actor.userId, municipalityId: actor.municipalityId, ip: actor.ip, now },
      "routine.delete",
      post.id,
      {
        accountId: post.accountId,
        url: post.url,
        title: post.title,
        publishedAt: post.publishedAt.toISOString(),
        recordedById: post.recordedById,
      },
      "RoutinePost",
    );
    return { id: post.id };
  });
}
