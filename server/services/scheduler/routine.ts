import type { TTickContext, TTickMunicipality } from "./context";

/**
 * п.6: on Thursday (in the municipality's zone) reminds the responsible person of every active
 * official account that has fewer routine posts this ISO week than the municipality's minimum.
 * Returns the number of reminders written. Being written (issue 8).
 */
export async function sendRoutineReminders(ctx: TTickContext, m: TTickMunicipality): Promise<number> {
  void ctx;
  void m;
  return 0;
}
