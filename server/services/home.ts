import type { TPrismaClient } from "../db/client";

/** What a home page shows about the municipalities a person works in (a curator: several). */
export function getHomeOverview(prisma: TPrismaClient, municipalityIds: string[]) {
  return prisma.municipality.findMany({
    where: { id: { in: municipalityIds } },
    select: {
      id: true,
      name: true,
      timeZone: true,
      slaRouteMinutes: true,
      slaDraftMinutes: true,
      slaForwardMinutes: true,
      slaReworkMinutes: true,
      slaAnswerMinutes: true,
      _count: { select: { users: { where: { active: true } }, departments: { where: { active: true } } } },
    },
    orderBy: { name: "asc" },
  });
}
