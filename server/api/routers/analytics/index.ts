import { z } from "zod";
import type { TAnalyticsReport } from "../../../domain/analytics/types";
import { listFigureCases, loadAnalyticsReport } from "../../../services/analytics/report";
import { getRatingFormula, updateRatingFormula } from "../../../services/analytics/rating-formula";
import { listAnalyticsMunicipalities } from "../../../services/analytics/scope";
import { createTRPCRouter, municipalAdminProcedure, permissionProcedure, protectedProcedure } from "../../trpc";
import {
  ZAnalyticsInput,
  ZAnalyticsMunicipalities,
  ZFigureCasesInput,
  ZFigureCasesOutput,
  ZRatingFormulaInput,
  ZRatingFormulaUpdate,
  ZRatingFormulaView,
} from "./analytics.schema";

const viewer = permissionProcedure("analytics.view");

/** The monthly analysis (п.13): the report, its drill-down, the scope to choose, the rating formula. */
export const analyticsRouter = createTRPCRouter({
  report: viewer
    .input(ZAnalyticsInput)
    .output(z.custom<TAnalyticsReport>())
    .query(({ ctx, input }) => loadAnalyticsReport(ctx.db, ctx.user, input, ctx.now())),
  figureCases: viewer
    .input(ZFigureCasesInput)
    .output(ZFigureCasesOutput)
    .query(({ ctx, input }) => listFigureCases(ctx.db, ctx.user, input, ctx.now())),
  municipalities: viewer
    .output(ZAnalyticsMunicipalities)
    .query(({ ctx }) => listAnalyticsMunicipalities(ctx.db, ctx.user)),
  // Also the administrator's, who sets it (the service checks analytics.view or admin.settings).
  ratingFormula: protectedProcedure
    .input(ZRatingFormulaInput)
    .output(ZRatingFormulaView)
    .query(({ ctx, input }) => getRatingFormula(ctx.db, ctx.user, input?.municipalityId)),
  updateRatingFormula: municipalAdminProcedure("admin.settings")
    .input(ZRatingFormulaUpdate)
    .output(ZRatingFormulaView)
    .mutation(({ ctx, input }) =>
      updateRatingFormula(
        ctx.db,
        { userId: ctx.user.id, municipalityId: ctx.municipality.id, ip: ctx.ip, now: ctx.now() },
        input.formula,
      ),
    ),
});
