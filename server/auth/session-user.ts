import type { TPrismaClient } from "../db/client";
import type { TRole } from "../domain/auth/roles";

/** The signed-in person as every page and procedure sees them: loaded fresh per request. */
export interface TSessionUser {
  id: string;
  username: string;
  fullName: string;
  position: string | null;
  email: string | null;
  roles: TRole[];
  municipality: { id: string; name: string; timeZone: string } | null;
  department: { id: string; name: string } | null;
  /** Municipalities a curator may see; for everyone else, their own. */
  municipalityIds: string[];
  /** Zone to show times in: the municipality's, or the first curated one's. */
  timeZone: string;
}

/**
 * Loads the user behind a session token. Roles and activity come from the database, not the
 * token, so deactivating someone or changing their roles takes effect on their next request;
 * a token issued before the last password change is refused.
 */
export async function loadSessionUser(
  prisma: TPrismaClient,
  token: { userId: string; authAt: number },
): Promise<TSessionUser | null> {
  const user = await prisma.user.findUnique({
    where: { id: token.userId },
    include: {
      municipality: { select: { id: true, name: true, timeZone: true } },
      department: { select: { id: true, name: true } },
      curatedMunicipalities: { select: { municipality: { select: { id: true, timeZone: true } } } },
    },
  });
  if (!user || !user.active) return null;
  // Second precision: JWT times are whole seconds.
  if (Math.floor(user.passwordChangedAt.getTime() / 1000) > token.authAt) return null;
  const curated = user.curatedMunicipalities.map((c) => c.municipality);
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    position: user.position,
    email: user.email,
    roles: user.roles,
    municipality: user.municipality,
    department: user.department,
    municipalityIds: user.municipality ? [user.municipality.id] : curated.map((m) => m.id),
    timeZone: user.municipality?.timeZone ?? curated[0]?.timeZone ?? "Europe/Moscow",
  };
}
