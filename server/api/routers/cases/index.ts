import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { createTRPCRouter, permissionProcedure, protectedProcedure } from "../../trpc";
import { hasPermission } from "../../../domain/auth/permissions";
import { ATTACHMENT_PURPOSES, type TAttachmentPurpose } from "../../../domain/attachments/file-types";
import { decideUpload } from "../../../domain/attachments/policy";
import { listAvailableEvents } from "../../../domain/cases/status-machine";
import { registerCase } from "../../../services/cases/intake";
import { countCasesByStatus, getCase, listCases } from "../../../services/cases/queries";
import { applyTransition } from "../../../services/cases/transition";
import { saveWorkingDraft } from "../../../services/cases/working-draft";
import { findRepeatCandidates, linkRepeat, markSignificant } from "../../../services/cases/flags";
import { suggestRoutingForCases } from "../../../services/queues/routing";
import { caseActorOf, readerOf } from "../../../services/cases/actors";
import { ZCaseIntake, ZCaseList, ZCaseTransition, ZLinkRepeat, ZMarkSignificant, ZSaveDraft } from "./cases.schema";

// Kept importable from the router for the transport's other files.
export { caseActorOf, readerOf };

const viewProcedure = permissionProcedure("case.view");

export const casesRouter = createTRPCRouter({
  /** Networks for the intake form, with their answer length limits. */
  networks: protectedProcedure.query(({ ctx }) =>
    ctx.db.socialNetwork.findMany({
      where: { active: true },
      select: { code: true, name: true, maxAnswerLength: true },
      orderBy: { sortOrder: "asc" },
    }),
  ),

  intake: permissionProcedure("case.create")
    .input(ZCaseIntake)
    .output(z.object({ caseId: z.string(), created: z.boolean() }))
    .mutation(({ ctx, input }) => {
      const { municipalityId: requested, ...fields } = input;
      // A curator of a single municipality registers into it without naming it.
      const municipalityId =
        requested ??
        ctx.user.municipality?.id ??
        (ctx.user.municipalityIds.length === 1 ? ctx.user.municipalityIds[0] : undefined);
      if (!municipalityId || !ctx.user.municipalityIds.includes(municipalityId)) {
        throw new TRPCError({ code: "BAD_REQUEST", message: "Укажите муниципальное образование" });
      }
      return registerCase(ctx.db, { userId: ctx.user.id, municipalityId, via: "UI" }, fields, ctx.now());
    }),

  list: viewProcedure
    .input(ZCaseList)
    .query(({ ctx, input }) =>
      listCases(ctx.db, readerOf(ctx.user), { ...input, cursor: input.cursor ?? undefined }, ctx.now()),
    ),

  /** Active departments to route to, each with its active executors (п.5) to name one at once. */
  departments: permissionProcedure("case.route").query(async ({ ctx }) => {
    const departments = await ctx.db.department.findMany({
      where: { municipalityId: { in: ctx.user.municipalityIds }, active: true, isCoordinating: false },
      select: {
        id: true,
        name: true,
        users: {
          where: { active: true, roles: { has: "EXECUTOR" } },
          select: { id: true, fullName: true },
          orderBy: [{ fullName: "asc" }, { id: "asc" }],
        },
      },
      orderBy: { name: "asc" },
    });
    return departments.map(({ users, ...d }) => ({ ...d, executors: users }));
  }),

  /** The municipality's list of legal acts a justified refusal cites (п.9 b). */
  legalActs: permissionProcedure("case.draft").query(({ ctx }) =>
    ctx.db.legalAct.findMany({
      where: { municipalityId: { in: ctx.user.municipalityIds }, active: true },
      select: { id: true, title: true, citation: true },
      orderBy: { citation: "asc" },
    }),
  ),

  /** What the list can be filtered by: the departments and networks of the reader's municipalities. */
  filterOptions: viewProcedure.query(async ({ ctx }) => ({
    departments: await ctx.db.department.findMany({
      where: { municipalityId: { in: ctx.user.municipalityIds }, active: true },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    networks: await ctx.db.socialNetwork.findMany({
      where: { active: true },
      select: { code: true, name: true },
      orderBy: { sortOrder: "asc" },
    }),
  })),

  counts: viewProcedure.query(({ ctx }) => countCasesByStatus(ctx.db, readerOf(ctx.user))),

  get: viewProcedure.input(z.object({ id: z.string().min(1).max(64) })).query(async ({ ctx, input }) => {
    const user = ctx.user;
    const c = await getCase(ctx.db, readerOf(user), input.id, ctx.now(), {
      drafterDepartmentId: hasPermission(user.roles, "case.draft") ? (user.department?.id ?? null) : null,
    });
    if (!c) throw new TRPCError({ code: "NOT_FOUND", message: "Публикация не найдена" });
    const actor = { roles: user.roles, departmentId: user.department?.id ?? null };
    const caseState = { status: c.status, departmentId: c.department?.id ?? null };
    // The same suggestion as the coordinator's inbox: the repeat's department, the topic's, or
    // the department that most often handled the topic or the settlement.
    const suggestion =
      c.status === "NEW" && hasPermission(user.roles, "case.route")
        ? ((await suggestRoutingForCases(ctx.db, [c], ctx.now())).get(c.id) ?? null)
        : null;
    return {
      ...c,
      suggestedDepartmentId: suggestion?.departmentId ?? c.suggestedDepartmentId,
      routingSuggestionReason: suggestion?.reason ?? null,
      // What this person may do now: the page offers exactly these.
      actions: listAvailableEvents({
        status: c.status,
        actorRoles: user.roles,
        actor: { userId: user.id, departmentId: actor.departmentId },
        caseDepartmentId: caseState.departmentId,
      }),
      canMarkSignificant: hasPermission(user.roles, "case.markSignificant") && !c.significant,
      /** Whose files this person may remove (their own, by the attachment policy). */
      currentUserId: user.id,
      /** Which uploads the endpoint would accept from this person now, by the same policy. */
      uploads: Object.fromEntries(
        ATTACHMENT_PURPOSES.map((purpose) => [purpose, decideUpload({ purpose, actor, case: caseState }).allowed]),
      ) as Record<TAttachmentPurpose, boolean>,
    };
  }),

  /**
   * Keeps the executor's unfinished answer between sessions (п.10 gives 20 hours). Allowed
   * exactly when submitting the draft would be; completeness is checked on submission only.
   */
  saveDraft: permissionProcedure("case.draft")
    .input(ZSaveDraft)
    .output(z.object({ caseId: z.string(), version: z.number().int(), savedAt: z.date() }))
    .mutation(({ ctx, input }) =>
      saveWorkingDraft(ctx.db, caseActorOf(ctx.user), { caseId: input.caseId, draft: input.draft }, ctx.now()),
    ),

  transition: permissionProcedure("case.view")
    .input(ZCaseTransition)
    .mutation(({ ctx, input }) =>
      applyTransition(
        ctx.db,
        caseActorOf(ctx.user),
        {
          caseId: input.caseId,
          event: input.event,
          input: input.input,
          draft: input.draft,
          expectedVersion: input.expectedVersion,
        },
        ctx.now(),
      ),
    ),

  markSignificant: permissionProcedure("case.markSignificant")
    .input(ZMarkSignificant)
    .mutation(({ ctx, input }) => markSignificant(ctx.db, caseActorOf(ctx.user), input, ctx.now())),

  repeatCandidates: permissionProcedure("case.route")
    .input(z.object({ caseId: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => findRepeatCandidates(ctx.db, caseActorOf(ctx.user), input.caseId)),

  linkRepeat: permissionProcedure("case.route")
    .input(ZLinkRepeat)
    .mutation(({ ctx, input }) => linkRepeat(ctx.db, caseActorOf(ctx.user), input, ctx.now())),
});
