import { TRPCError } from "@trpc/server";
import { createTRPCRouter, permissionProcedure, protectedProcedure } from "../../trpc";
import { hasPermission } from "../../../domain/auth/permissions";
import { loadCuratorQueue } from "../../../services/queues/curator";
import { loadInbox } from "../../../services/queues/inbox";
import { loadRoutingOptions } from "../../../services/queues/routing";
import { loadWork } from "../../../services/queues/work";
import { readerOf } from "../../../services/cases/actors";
import { ZQueueInput } from "./queues.schema";

/**
 * The curator's decisions: the curator itself, or a coordinator who records them on its behalf
 * (the curator often decides in its own system).
 */
const decisionProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (!hasPermission(ctx.user.roles, "case.approve") && !hasPermission(ctx.user.roles, "case.approveOnBehalf")) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Недостаточно прав для этого действия" });
  }
  return next();
});

/**
 * Each role's queue of what waits on it. The actions are the case workflow's own
 * (`cases.transition`), so a queue never offers what the case page would refuse.
 */
export const queuesRouter = createTRPCRouter({
  /** Coordinator's and manager's inbox: new cases to route, drafts to forward, answers to post. */
  inbox: permissionProcedure("case.route")
    .input(ZQueueInput)
    .query(({ ctx, input }) =>
      loadInbox(
        ctx.db,
        readerOf(ctx.user),
        {
          limit: input.limit,
          withAtCurator: hasPermission(ctx.user.roles, "case.approveOnBehalf"),
          withApproved: hasPermission(ctx.user.roles, "case.post"),
        },
        ctx.now(),
      ),
    ),

  /** Departments to route to, each with its executors. */
  routingOptions: permissionProcedure("case.route").query(({ ctx }) =>
    loadRoutingOptions(ctx.db, ctx.user.municipalityIds),
  ),

  /** The executor's department's cases. */
  work: permissionProcedure("case.draft")
    .input(ZQueueInput)
    .query(({ ctx, input }) =>
      loadWork(
        ctx.db,
        {
          userId: ctx.user.id,
          municipalityIds: ctx.user.municipalityIds,
          departmentId: ctx.user.department?.id ?? null,
        },
        { limit: input.limit },
        ctx.now(),
      ),
    ),

  /** Drafts at the curator across its municipalities, with the text to decide on. */
  curator: decisionProcedure.input(ZQueueInput).query(async ({ ctx, input }) => ({
    ...(await loadCuratorQueue(
      ctx.db,
      { municipalityIds: ctx.user.municipalityIds },
      { limit: input.limit },
      ctx.now(),
    )),
    // A coordinator's decision is recorded as the curator's, with the curator's words required.
    onBehalfOfCurator: !hasPermission(ctx.user.roles, "case.approve"),
  })),
});
