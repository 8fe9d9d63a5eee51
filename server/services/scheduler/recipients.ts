import type { TPrismaClient } from "../../db/client";
import type { TRole } from "../../domain/auth/roles";
import type { TAudience } from "../../domain/scheduler/audience";

/**
 * The people an audience names, within a municipality. The same people `notifyRoles` writes to
 * (active users holding one of the roles, of the municipality, of the department when one is
 * given; curators by the municipalities they curate), resolved here because the scheduler must
 * know the user ids to tell which of its notifications already exist before writing any.
 * Cached for one tick: a tick asks about the same few groups for many cases.
 */
export class RecipientDirectory {
  private readonly cache = new Map<string, Promise<string[]>>();

  constructor(private readonly prisma: TPrismaClient) {}

  async resolve(municipalityId: string, audiences: readonly TAudience[]): Promise<string[]> {
    const groups = await Promise.all(audiences.map((a) => this.resolveOne(municipalityId, a)));
    return [...new Set(groups.flat())].sort();
  }

  private resolveOne(municipalityId: string, audience: TAudience): Promise<string[]> {
    if (audience.kind === "users") return this.activeUsers(audience.userIds);
    const key = `${municipalityId}|${[...audience.roles].sort().join(",")}|${audience.departmentId ?? ""}`;
    let found = this.cache.get(key);
    if (!found) {
      found = this.byRoles(municipalityId, audience.roles, audience.departmentId);
      this.cache.set(key, found);
    }
    return found;
  }

  private async activeUsers(ids: readonly string[]): Promise<string[]> {
    const missing = ids.filter((id) => !this.cache.has(`user|${id}`));
    if (missing.length > 0) {
      const rows = this.prisma.user.findMany({ where: { id: { in: missing }, active: true }, select: { id: true } });
      for (const id of missing)
        this.cache.set(
          `user|${id}`,
          rows.then((r) => (r.some((u) => u.id === id) ? [id] : [])),
        );
    }
    const groups = await Promise.all(ids.map((id) => this.cache.get(`user|${id}`) ?? Promise.resolve([])));
    return groups.flat();
  }

  private async byRoles(
    municipalityId: string,
    roles: readonly TRole[],
    departmentId: string | null,
  ): Promise<string[]> {
    const users = await this.prisma.user.findMany({
      where: {
        active: true,
        roles: { hasSome: [...roles] },
        ...(departmentId ? { departmentId } : {}),
        OR: roles.includes("CURATOR")
          ? [{ municipalityId }, { curatedMunicipalities: { some: { municipalityId } } }]
          : [{ municipalityId }],
      },
      select: { id: true },
    });
    return users.map((u) => u.id);
  }
}
