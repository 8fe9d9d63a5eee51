import type { TSessionUser } from "../../auth/session-user";
import type { TPrismaClient } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import {
  DEFAULT_RATING_FORMULA,
  effectiveRatingFormula,
  ZRatingFormula,
  type TRatingFormula,
} from "../../domain/analytics/rating";
import { hasPermission } from "../../domain/auth/permissions";
import { audit, type TAdminActor } from "../admin/users";
import { ServiceError } from "../errors";
import type { TAnalyticsDb } from "./bounds";

export interface TRatingFormulaView {
  municipalityId: string;
  formula: TRatingFormula;
  /** True when the municipality uses the defaults (nothing stored). */
  isDefault: boolean;
  defaults: TRatingFormula;
}

/**
 * The formula a municipality's rating is computed by: its own, or the defaults. Readable by
 * those who view the analysis (for one of their municipalities) and by the administrator who
 * sets it (their own).
 */
export async function getRatingFormula(
  db: TAnalyticsDb,
  user: TSessionUser,
  municipalityId: string | null | undefined,
): Promise<TRatingFormulaView> {
  if (!hasPermission(user.roles, "analytics.view") && !hasPermission(user.roles, "admin.settings")) {
    throw new ServiceError("FORBIDDEN", "Недостаточно прав для просмотра формулы рейтинга");
  }
  const id = municipalityId ?? user.municipality?.id ?? user.municipalityIds[0];
  if (!id || !user.municipalityIds.includes(id)) {
    throw new ServiceError("NOT_FOUND", "Муниципальное образование не найдено", "municipalityId");
  }
  const m = await db.municipality.findUnique({ where: { id }, select: { id: true, ratingFormula: true } });
  if (!m) throw new ServiceError("NOT_FOUND", "Муниципальное образование не найдено");
  return { municipalityId: m.id, ...effectiveRatingFormula(m.ratingFormula), defaults: DEFAULT_RATING_FORMULA };
}

/**
 * Sets the administrator's own municipality's formula (null: back to the defaults), with an
 * audit row of the values before and after, in one transaction.
 */
export async function updateRatingFormula(
  prisma: TPrismaClient,
  actor: TAdminActor,
  formula: TRatingFormula | null,
): Promise<TRatingFormulaView> {
  const parsed = formula === null ? null : ZRatingFormula.safeParse(formula);
  if (parsed && !parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ServiceError("BAD_REQUEST", issue?.message ?? "Неверная формула рейтинга", issue?.path.join("."));
  }
  const value = parsed ? parsed.data : null;
  return prisma.$transaction(async (tx) => {
    const before = await tx.municipality.findUnique({
      where: { id: actor.municipalityId },
      select: { ratingFormula: true },
    });
    if (!before) throw new ServiceError("NOT_FOUND", "Муниципальное образование не найдено");
    await tx.municipality.update({
      where: { id: actor.municipalityId },
      data: { ratingFormula: value === null ? Prisma.DbNull : value },
    });
    await audit(
      tx,
      actor,
      "settings.ratingFormula",
      actor.municipalityId,
      { before: (before.ratingFormula ?? null) as Prisma.InputJsonValue, after: value },
      "Municipality",
    );
    return {
      municipalityId: actor.municipalityId,
      ...effectiveRatingFormula(value),
      defaults: DEFAULT_RATING_FORMULA,
    };
  });
}
