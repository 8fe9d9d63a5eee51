import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { ACCOUNT_OWNER_KINDS } from "../../../domain/accounts/account-rules";
import { canRecordOn } from "../../../domain/routine/access";
import { ROUTINE_HISTORY_WEEKS } from "../../../domain/routine/compliance";
import { resolveRoutineAccess } from "../../../services/routine/access";
import { loadRoutineCompliance } from "../../../services/routine/compliance";
import {
  deleteRoutinePost,
  listRoutinePosts,
  recordRoutinePost,
  type TRoutineActor,
} from "../../../services/routine/posts";
import type { TSessionUser } from "../../../auth/session-user";
import { createTRPCRouter, protectedProcedure } from "../../trpc";
import { ZRoutinePostDelete, ZRoutinePostRecord, ZRoutinePosts } from "./routine.schema";

/**
 * п.6, routine posts: the register of what the official accounts published, week by week.
 * Rights are per account (server/domain/routine/access.ts), so the procedures check them in the
 * services rather than by a single permission.
 */
const procedure = protectedProcedure.use(({ ctx, next }) => {
  const municipality = ctx.user.municipality;
  if (!municipality) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Пользователь не привязан к муниципальному образованию" });
  }
  return next({ ctx: { ...ctx, municipality } });
});

const actorOf = (ctx: { user: TSessionUser; municipality: { id: string }; ip: string }): TRoutineActor => ({
  userId: ctx.user.id,
  roles: ctx.user.roles,
  municipalityId: ctx.municipality.id,
  ip: ctx.ip,
});

const ZWeekStatus = z.enum(["MET", "SHORT", "IN_PROGRESS", "FUTURE"]);

const ZOverviewOut = z.object({
  timeZone: z.string(),
  minimum: z.number(),
  canRecordAll: z.boolean(),
  weeks: z.array(
    z.object({
      key: z.string(),
      year: z.number(),
      week: z.number(),
      monday: z.string(),
      sunday: z.string(),
      start: z.date(),
      end: z.date(),
      current: z.boolean(),
    }),
  ),
  accounts: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      url: z.string(),
      ownerKind: z.enum(ACCOUNT_OWNER_KINDS),
      network: z.object({ id: z.string(), code: z.string(), name: z.string() }),
      department: z.object({ id: z.string(), name: z.string() }).nullable(),
      responsible: z.object({ id: z.string(), fullName: z.string() }).nullable(),
      canRecord: z.boolean(),
      cells: z.array(z.object({ key: z.string(), count: z.number(), status: ZWeekStatus, current: z.boolean() })),
      summary: z.object({
        endedWeeks: z.number(),
        weeksMet: z.number(),
        posts: z.number(),
        share: z.number().nullable(),
      }),
    }),
  ),
});

const ZPostOut = z.object({
  id: z.string(),
  accountId: z.string(),
  url: z.string(),
  title: z.string().nullable(),
  publishedAt: z.date(),
  source: z.enum(["MANUAL", "CONNECTOR"]),
  createdAt: z.date(),
  recordedBy: z.object({ id: z.string(), fullName: z.string() }).nullable(),
});

export const routineRouter = createTRPCRouter({
  /** The 12-week grid of the municipality's active accounts, with what the person may do. */
  overview: procedure.output(ZOverviewOut).query(async ({ ctx }) => {
    const access = await resolveRoutineAccess(ctx.db, {
      id: ctx.user.id,
      roles: ctx.user.roles,
      municipalityId: ctx.municipality.id,
    });
    if (!access.canView) throw new TRPCError({ code: "FORBIDDEN", message: "Недостаточно прав для этого действия" });
    const compliance = await loadRoutineCompliance(
      ctx.db,
      ctx.municipality.id,
      { weeks: ROUTINE_HISTORY_WEEKS },
      ctx.now(),
    );
    return {
      timeZone: compliance.timeZone,
      minimum: compliance.minimum,
      canRecordAll: access.canRecordAll,
      weeks: compliance.weeks,
      accounts: compliance.accounts.map((a) => ({ ...a, canRecord: canRecordOn(access, a) })),
    };
  }),
  posts: procedure
    .input(ZRoutinePosts)
    .output(
      z.object({ items: z.array(ZPostOut.extend({ canDelete: z.boolean() })), nextCursor: z.string().nullable() }),
    )
    .query(({ ctx, input }) => listRoutinePosts(ctx.db, actorOf(ctx), input)),
  record: procedure
    .input(ZRoutinePostRecord)
    .output(ZPostOut)
    .mutation(({ ctx, input }) => recordRoutinePost(ctx.db, actorOf(ctx), input, ctx.now())),
  remove: procedure
    .input(ZRoutinePostDelete)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteRoutinePost(ctx.db, actorOf(ctx), input, ctx.now())),
});
