import type { TPrismaClient } from "../../db/client";
import type { TRole } from "../../domain/auth/roles";
import type { TAudience } from "../../domain/scheduler/audience";

/** An active user who may be told about a municipality's cases: one of its people, or a curator of it. */
interface TPerson {
  id: string;
  roles: TRole[];
  departmentId: string | null;
  municipalityId: string | null;
}

/**
 * The people an audience names, within a municipality. The same people `notifyRoles` writes to
 * (active users holding one of the roles, of the municipality, of the department when one is
 * given; curators by the municipalities they curate), resolved here because the scheduler must
 * know the user ids to tell which of its notifications already exist before writing any.
 *
 * A municipality has a few dozen active people, and a tick asks about its groups (and its
 * executors one by one) for every case with a reminder: they are read once per municipality
 * and tick, with its curators, and every audience is picked from them in memory. Only a named
 * user who is not among them (another municipality's, or inactive) costs a query of its own.
 */
export class RecipientDirectory {
  private readonly people = new Map<string, Promise<TPerson[]>>();
  private readonly others = new Map<string, Promise<boolean>>();

  constructor(private readonly prisma: TPrismaClient) {}

  async resolve(municipalityId: string, audiences: readonly TAudience[]): Promise<string[]> {
    const people = await this.peopleOf(municipalityId);
    const groups = await Promise.all(
      audiences.map((a) =>
        a.kind === "users"
          ? this.activeUsers(people, a.userIds)
          : Promise.resolve(byRoles(people, municipalityId, a.roles, a.departmentId)),
      ),
    );
    return [...new Set(groups.flat())].sort();
  }

  /**
   * Reads the people of several municipalities in one query, for a step about to resolve
   * audiences in many of them (a region's reminders); the same people `peopleOf` would read.
   */
  async preload(municipalityIds: readonly string[]): Promise<void> {
    const ids = [...new Set(municipalityIds)].filter((id) => !this.people.has(id));
    if (ids.length === 0) return;
    const users = await this.prisma.user.findMany({
      where: {
        active: true,
        OR: [{ municipalityId: { in: ids } }, { curatedMunicipalities: { some: { municipalityId: { in: ids } } } }],
      },
      select: {
        id: true,
        roles: true,
        departmentId: true,
        municipalityId: true,
        curatedMunicipalities: { where: { municipalityId: { in: ids } }, select: { municipalityId: true } },
      },
    });
    for (const id of ids) {
      const people = users
        .filter((u) => u.municipalityId === id || u.curatedMunicipalities.some((a) => a.municipalityId === id))
        .map(({ curatedMunicipalities: _curated, ...person }) => person);
      this.people.set(id, Promise.resolve(people));
    }
  }

  private peopleOf(municipalityId: string): Promise<TPerson[]> {
    let found = this.people.get(municipalityId);
    if (!found) {
      found = this.prisma.user.findMany({
        where: {
          active: true,
          OR: [{ municipalityId }, { curatedMunicipalities: { some: { municipalityId } } }],
        },
        select: { id: true, roles: true, departmentId: true, municipalityId: true },
      });
      this.people.set(municipalityId, found);
    }
    return found;
  }

  private async activeUsers(people: readonly TPerson[], ids: readonly string[]): Promise<string[]> {
    const known = new Set(people.map((p) => p.id));
    const checks = ids.map(async (id) => {
      if (known.has(id)) return [id];
      let active = this.others.get(id);
      if (!active) {
        active = this.prisma.user
          .findFirst({ where: { id, active: true }, select: { id: true } })
          .then((u) => u !== null);
        this.others.set(id, active);
      }
      return (await active) ? [id] : [];
    });
    return (await Promise.all(checks)).flat();
  }
}

/** The active people of the municipality holding one of `roles` (of the department, when given); curators by curation. */
function byRoles(
  people: readonly TPerson[],
  municipalityId: string,
  roles: readonly TRole[],
  departmentId: string | null,
): string[] {
  const curators = roles.includes("CURATOR");
  return people
    .filter(
      (p) =>
        p.roles.some((r) => roles.includes(r)) &&
        (!departmentId || p.departmentId === departmentId) &&
        // Everyone read for the municipality either belongs to it or curates it.
        (p.municipalityId === municipalityId || curators),
    )
    .map((p) => p.id);
}
