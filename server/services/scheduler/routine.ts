import { sendRoutineRemindersAt } from "../routine/reminders";
import type { TTickContext, TTickMunicipality } from "./context";

/**
 * п.6: on Thursday or later (in the municipality's zone) reminds the responsible person of every
 * active official account that has fewer routine posts this ISO week than the municipality's
 * minimum, once per account and week (server/services/routine/reminders.ts). Returns the number
 * of reminders written.
 */
export async function sendRoutineReminders(ctx: TTickContext, m: TTickMunicipality): Promise<number> {
  return sendRoutineRemindersAt(ctx.prisma, m, ctx.now);
}
