import type { TPrismaClient } from "../../db/client";
import type { TRole } from "../../domain/auth/roles";
import { routineAccessOf, type TRoutineAccess } from "../../domain/routine/access";

/** The signed-in person's rights on the routine-post register (server/domain/routine/access.ts). */
export async function resolveRoutineAccess(
  prisma: TPrismaClient,
  person: { id: string; roles: readonly TRole[]; municipalityId: string | null },
): Promise<TRoutineAccess> {
  if (!person.municipalityId) return routineAccessOf({ roles: person.roles, hasMunicipality: false }, []);
  const own = await prisma.socialAccount.findMany({
    where: { municipalityId: person.municipalityId, responsibleId: person.id, active: true },
    select: { id: true },
  });
  return routineAccessOf(
    { roles: person.roles, hasMunicipality: true },
    own.map((a) => a.id),
  );
}
