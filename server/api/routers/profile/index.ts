import { createTRPCRouter, protectedProcedure } from "../../trpc";
import { getEmailPreferences, setEmailPreferences } from "../../../services/email/preferences";
import { ZEmailPreferencesView, ZSetEmailPreferences } from "./profile.schema";

/** The signed-in person's own settings. */
export const profileRouter = createTRPCRouter({
  /** Which notifications come by e-mail, and to which address. */
  emailPreferences: protectedProcedure
    .output(ZEmailPreferencesView)
    .query(({ ctx }) => getEmailPreferences(ctx.db, ctx.user.id)),

  setEmailPreferences: protectedProcedure
    .input(ZSetEmailPreferences)
    .output(ZEmailPreferencesView)
    .mutation(({ ctx, input }) => setEmailPreferences(ctx.db, ctx.user.id, input.choices)),
});
