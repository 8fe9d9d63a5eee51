import { z } from "zod";
import { createTRPCRouter, municipalAdminProcedure } from "../../trpc";
import { getSettings, updateSettings } from "../../../services/admin/settings";
import { ZMunicipalitySettings } from "./settings.schema";
import { actorOf } from "./users";

const ZSettingsOut = ZMunicipalitySettings.extend({
  reminderPercents: z.array(z.number().int()),
  alertEscalationMinutes: z.number().int(),
  surgeThreshold: z.number().int(),
  surgeWindowHours: z.number().int(),
  routineWeeklyMinimum: z.number().int(),
  id: z.string(),
  updatedAt: z.date(),
  region: z.object({ name: z.string() }),
});

export const settingsRouter = createTRPCRouter({
  get: municipalAdminProcedure("admin.settings")
    .output(ZSettingsOut)
    .query(({ ctx }) => getSettings(ctx.db, ctx.municipality.id)),
  update: municipalAdminProcedure("admin.settings")
    .input(ZMunicipalitySettings)
    .output(ZSettingsOut)
    .mutation(({ ctx, input }) => updateSettings(ctx.db, actorOf(ctx), input)),
});
