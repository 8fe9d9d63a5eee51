import { z } from "zod";
import type { TSessionUser } from "../../../auth/session-user";
import { hasPermission } from "../../../domain/auth/permissions";
import { DECISION_KINDS } from "../../../domain/violations/decisions";
import { decideViolation, explainViolation, type TViolationActor } from "../../../services/violations/actions";
import {
  listMyViolations,
  listViolationFilterOptions,
  listViolations,
  type TViolationReader,
} from "../../../services/violations/register";
import { createTRPCRouter, permissionProcedure } from "../../trpc";
import { ZViolationDecide, ZViolationExplain, ZViolationList, ZViolationMine } from "./violations.schema";

function readerOf(user: TSessionUser): TViolationReader {
  return { municipalityIds: user.municipalityIds, timeZone: user.timeZone };
}

function actorOf(user: TSessionUser, ip: string): TViolationActor {
  return {
    userId: user.id,
    roles: user.roles,
    departmentId: user.department?.id ?? null,
    municipalityIds: user.municipalityIds,
    ip,
  };
}

/** The violations register (п.12): the deputy head and the head read it, the deputy head decides. */
export const violationsRouter = createTRPCRouter({
  list: permissionProcedure("violations.view")
    .input(ZViolationList)
    .query(async ({ ctx, input }) => {
      const result = await listViolations(ctx.db, readerOf(ctx.user), input, ctx.now());
      // The page offers the decision form exactly when the call would be allowed.
      return { ...result, canDecide: hasPermission(ctx.user.roles, "violations.decide") };
    }),

  filterOptions: permissionProcedure("violations.view").query(({ ctx }) =>
    listViolationFilterOptions(ctx.db, readerOf(ctx.user)),
  ),

  /** Violations charged to me or to my department with nobody named. */
  mine: permissionProcedure("violations.explain")
    .input(ZViolationMine)
    .query(({ ctx, input }) => listMyViolations(ctx.db, actorOf(ctx.user, ctx.ip), input, ctx.now())),

  explain: permissionProcedure("violations.explain")
    .input(ZViolationExplain)
    .output(z.object({ id: z.string(), explainedAt: z.date() }))
    .mutation(({ ctx, input }) => explainViolation(ctx.db, actorOf(ctx.user, ctx.ip), input, ctx.now())),

  /** Adds a decision; the earlier ones stay (there is no procedure to change or delete anything). */
  decide: permissionProcedure("violations.decide")
    .input(ZViolationDecide)
    .output(
      z.object({
        id: z.string(),
        kind: z.enum(DECISION_KINDS),
        text: z.string().nullable(),
        createdAt: z.date(),
      }),
    )
    .mutation(({ ctx, input }) => decideViolation(ctx.db, actorOf(ctx.user, ctx.ip), input, ctx.now())),
});
