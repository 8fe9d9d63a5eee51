import { z } from "zod";
import { CONFIGURABLE_KINDS, NOTIFICATION_KIND_ORDER } from "../../../domain/notifications/kinds";

/**
 * The choice of e-mailed kinds. Only the kinds a person may change: sending an always-on kind
 * (п.13) or an unknown one is a malformed request, not something to ignore quietly.
 */
export const ZSetEmailPreferences = z.object({
  choices: z.partialRecord(z.enum(CONFIGURABLE_KINDS), z.boolean()),
});
export type TSetEmailPreferences = z.infer<typeof ZSetEmailPreferences>;

export const ZEmailPreferencesView = z.object({
  email: z.string().nullable(),
  mailConfigured: z.boolean(),
  choices: z.record(z.enum(NOTIFICATION_KIND_ORDER), z.boolean()),
});
