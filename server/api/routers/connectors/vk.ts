import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { caseActorOf, readerOf } from "../../../services/cases/actors";
import {
  checkVkConnector,
  configureVkConnector,
  disableVkConnector,
  getVkConnectorView,
  syncVkNow,
} from "../../../services/connectors/vk/connector";
import { vkDepsFromEnv } from "../../../services/connectors/vk/deps";
import { ConnectorError } from "../../../services/connectors/vk/errors";
import { getVkAvailability, postApprovedAnswerToVk } from "../../../services/connectors/vk/post-answer";
import { createTRPCRouter, municipalAdminProcedure, permissionProcedure } from "../../trpc";
import { ZVkCaseInput, ZVkConfigure } from "./vk.schema";

/** VK's refusals reach the client with a precise code and the Russian reason. */
async function mapConnectorErrors<T extends { ok: boolean; error?: { cause?: unknown } }>(result: Promise<T>) {
  const r = await result;
  const cause = r.error?.cause;
  if (!r.ok && cause instanceof ConnectorError)
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  return r;
}

const adminProcedure = municipalAdminProcedure("admin.accounts").use(({ next }) => mapConnectorErrors(next()));

const actorOf = (ctx: { user: { id: string }; municipality: { id: string }; ip: string; now: () => Date }) => ({
  userId: ctx.user.id,
  municipalityId: ctx.municipality.id,
  ip: ctx.ip,
  now: ctx.now(),
});

const ZStatus = z.enum(["NOT_CHECKED", "OK", "TOKEN_EXPIRED", "ERROR"]);

/** Never the token: its last four characters at most. */
const ZConnectorView = z.object({
  configured: z.boolean(),
  enabled: z.boolean(),
  tokenHint: z.string().nullable(),
  status: ZStatus.nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: z.date().nullable(),
  lastSyncAt: z.date().nullable(),
  updatedAt: z.date().nullable(),
  accounts: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      url: z.string(),
      communityId: z.number().nullable(),
      syncedAt: z.date().nullable(),
    }),
  ),
});

export const vkConnectorRouter = createTRPCRouter({
  status: adminProcedure.output(ZConnectorView).query(({ ctx }) => getVkConnectorView(ctx.db, ctx.municipality.id)),

  configure: adminProcedure
    .input(ZVkConfigure)
    .output(ZConnectorView)
    .mutation(({ ctx, input }) => configureVkConnector(ctx.db, actorOf(ctx), input, vkDepsFromEnv().encryptionKey)),

  check: adminProcedure
    .output(
      z.object({
        status: ZStatus,
        message: z.string(),
        community: z.object({ id: z.number(), name: z.string() }).nullable(),
        warnings: z.array(z.string()),
      }),
    )
    .mutation(({ ctx }) => checkVkConnector(ctx.db, actorOf(ctx), vkDepsFromEnv())),

  disable: adminProcedure.output(ZConnectorView).mutation(({ ctx }) => disableVkConnector(ctx.db, actorOf(ctx))),

  syncNow: adminProcedure
    .output(
      z.object({ posts: z.number(), accounts: z.number(), failures: z.array(z.string()), tokenExpired: z.boolean() }),
    )
    .mutation(({ ctx }) => syncVkNow(ctx.db, actorOf(ctx), vkDepsFromEnv())),

  /** For the case page: whether to offer "Разместить ответ во ВКонтакте". */
  availability: permissionProcedure("case.view")
    .input(ZVkCaseInput)
    .output(z.object({ enabled: z.boolean(), reason: z.string().nullable() }))
    .query(({ ctx, input }) =>
      getVkAvailability(ctx.db, { ...readerOf(ctx.user), roles: ctx.user.roles }, input.caseId),
    ),

  postAnswer: permissionProcedure("case.post")
    .use(({ next }) => mapConnectorErrors(next()))
    .input(ZVkCaseInput)
    .output(z.object({ caseId: z.string(), status: z.literal("POSTED"), answerUrl: z.string(), version: z.number() }))
    .mutation(({ ctx, input }) =>
      postApprovedAnswerToVk(ctx.db, caseActorOf(ctx.user), input.caseId, ctx.now(), vkDepsFromEnv()),
    ),
});
