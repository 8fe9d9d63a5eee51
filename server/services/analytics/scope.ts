import type { TSessionUser } from "../../auth/session-user";
import { hasPermission } from "../../domain/auth/permissions";
import { ServiceError } from "../errors";
import { loadMunicipalities, type TAnalyticsDb, type TAnalyticsMunicipality } from "./bounds";

/** Whose figures a report covers, and how it is titled. */
export interface TAnalyticsScope {
  municipalities: TAnalyticsMunicipality[];
  /** One municipality: closed months come from their stored snapshots. */
  single: boolean;
  title: string;
  timeZone: string;
}

/**
 * The municipalities a viewer's report covers. Everyone but a curator sees their own
 * municipality; a curator one of those it curates or, without a choice, all of them. Naming a
 * municipality the viewer may not see is refused as not found, so nothing tells whether it
 * exists.
 */
export async function resolveScope(
  db: TAnalyticsDb,
  user: TSessionUser,
  municipalityId: string | null | undefined,
): Promise<TAnalyticsScope> {
  if (!hasPermission(user.roles, "analytics.view")) {
    throw new ServiceError("FORBIDDEN", "Недостаточно прав для просмотра анализа");
  }
  let ids: string[];
  if (municipalityId) {
    if (!user.municipalityIds.includes(municipalityId)) {
      throw new ServiceError("NOT_FOUND", "Муниципальное образование не найдено", "municipalityId");
    }
    ids = [municipalityId];
  } else if (user.municipality) {
    ids = [user.municipality.id];
  } else {
    ids = [...user.municipalityIds];
  }
  if (ids.length === 0) {
    throw new ServiceError("FORBIDDEN", "Пользователь не привязан к муниципальному образованию");
  }
  const municipalities = await loadMunicipalities(db, ids);
  if (municipalities.length === 0) throw new ServiceError("NOT_FOUND", "Муниципальное образование не найдено");
  const first = municipalities[0] as TAnalyticsMunicipality;
  if (municipalities.length === 1) {
    return { municipalities, single: true, title: first.name, timeZone: first.timeZone };
  }
  const regions = new Set(municipalities.map((m) => m.region.id));
  return {
    municipalities,
    single: false,
    title:
      regions.size === 1
        ? `${first.region.name}: муниципальные образования (${municipalities.length})`
        : `Курируемые муниципальные образования (${municipalities.length})`,
    timeZone: user.timeZone,
  };
}

/** The municipalities a viewer may choose between on the analytics pages. */
export async function listAnalyticsMunicipalities(db: TAnalyticsDb, user: TSessionUser) {
  if (!hasPermission(user.roles, "analytics.view")) {
    throw new ServiceError("FORBIDDEN", "Недостаточно прав для просмотра анализа");
  }
  const municipalities = await loadMunicipalities(db, user.municipalityIds);
  return municipalities.map((m) => ({ id: m.id, name: m.name, timeZone: m.timeZone, regionName: m.region.name }));
}
