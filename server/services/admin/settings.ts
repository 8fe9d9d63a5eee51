import type { TPrismaClient } from "../../db/client";
import { ACTIVITY_MESSAGES, isActivitySettingValid } from "../../domain/settings/activity-settings";
import { checkSlaSettings } from "../../domain/settings/sla-settings";
import { isValidTimeZone } from "../../domain/time/zone";
import { ServiceError } from "../errors";
import type { TMunicipalitySettings } from "../../api/routers/admin/settings.schema";
import { audit, type TAdminActor } from "./users";

/** The five clock lengths of a municipality. */
export const SLA_SELECT = {
  slaRouteMinutes: true,
  slaDraftMinutes: true,
  slaForwardMinutes: true,
  slaReworkMinutes: true,
  slaAnswerMinutes: true,
} as const;

const SETTINGS_SELECT = {
  id: true,
  name: true,
  timeZone: true,
  ...SLA_SELECT,
  reminderPercents: true,
  alertEscalationMinutes: true,
  surgeThreshold: true,
  surgeWindowHours: true,
  routineWeeklyMinimum: true,
  updatedAt: true,
  region: { select: { name: true } },
} as const;

export async function getSettings(prisma: TPrismaClient, municipalityId: string) {
  const m = await prisma.municipality.findUnique({ where: { id: municipalityId }, select: SETTINGS_SELECT });
  if (!m) throw new ServiceError("NOT_FOUND", "Муниципальное образование не найдено");
  return m;
}

/**
 * New clock lengths apply to cases received from now on: each case keeps the lengths copied
 * into it when it was created. The surge settings (п.13) apply to publications registered from
 * now on; the routine minimum (п.6) to how weeks are judged from now on. A setting left out of
 * the input keeps its value. The audit row holds the settings before and after.
 */
export async function updateSettings(prisma: TPrismaClient, actor: TAdminActor, input: TMunicipalitySettings) {
  if (!isValidTimeZone(input.timeZone)) {
    throw new ServiceError("BAD_REQUEST", "Неизвестный часовой пояс", "timeZone");
  }
  const problem = checkSlaSettings(input)[0];
  if (problem) throw new ServiceError("BAD_REQUEST", problem.message, problem.field);
  for (const field of ["surgeThreshold", "surgeWindowHours", "routineWeeklyMinimum"] as const) {
    const value = input[field];
    if (value !== undefined && !isActivitySettingValid(field, value)) {
      throw new ServiceError("BAD_REQUEST", ACTIVITY_MESSAGES[field], field);
    }
  }
  return prisma.$transaction(async (tx) => {
    const before = await tx.municipality.findUnique({ where: { id: actor.municipalityId }, select: SETTINGS_SELECT });
    if (!before) throw new ServiceError("NOT_FOUND", "Муниципальное образование не найдено");
    const after = await tx.municipality.update({
      where: { id: actor.municipalityId },
      data: {
        ...input,
        ...(input.reminderPercents ? { reminderPercents: [...input.reminderPercents].sort((x, y) => x - y) } : {}),
      },
      select: SETTINGS_SELECT,
    });
    const { updatedAt: _b, region: _rb, ...b } = before;
    const { updatedAt: _a, region: _ra, ...a } = after;
    await audit(tx, actor, "settings.update", actor.municipalityId, { before: b, after: a }, "Municipality");
    return after;
  });
}
