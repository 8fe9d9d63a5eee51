import type { TPrismaClient } from "../db/client";
import { SLA_SELECT } from "./admin/settings";

/** What a home page shows about the municipalities a person works in (a curator: several). */
export function getHomeOverview(prisma: TPrismaClient, municipalityIds: string[]) {
  return prisma.municipality.findMany({
    where: { id: { in: municipalityIds } },
    select: {
      id: true,
      name: true,
      timeZone: true,
      ...SLA_SELECT,
      _count: { select: { users: { where: { active: true } }, departments: { where: { active: true } } } },
    },
    orderBy: { name: "asc" },
  });
}
