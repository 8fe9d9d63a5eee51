import type { TPrismaClient } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { checkNetworkHosts } from "../../domain/accounts/account-rules";
import type { TNetworkUpdate } from "../../api/routers/admin/accounts.schema";
import { audit, type TAdminActor } from "../admin/users";
import { ServiceError } from "../errors";

/**
 * Social networks are data (DOMAIN.md): their names, the host names that identify their links
 * (publication intake, account and routine-post links) and the answer length limit the editor
 * shows. The code is fixed: connectors and imports refer to it.
 *
 * The table is shared by every municipality of the deployment, so an edit here applies to all
 * of them; the audit row names the administrator and their municipality.
 */

export const NETWORK_SELECT = {
  id: true,
  code: true,
  name: true,
  hosts: true,
  maxAnswerLength: true,
  sortOrder: true,
  active: true,
  _count: { select: { accounts: true } },
} satisfies Prisma.SocialNetworkSelect;

export type TNetworkRow = Prisma.SocialNetworkGetPayload<{ select: typeof NETWORK_SELECT }>;

export function listNetworks(prisma: TPrismaClient): Promise<TNetworkRow[]> {
  return prisma.socialNetwork.findMany({ select: NETWORK_SELECT, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] });
}

export async function updateNetwork(prisma: TPrismaClient, actor: TAdminActor, input: TNetworkUpdate) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.socialNetwork.findUnique({ where: { id: input.id } });
    if (!before) throw new ServiceError("NOT_FOUND", "Социальная сеть не найдена");
    const others = await tx.socialNetwork.findMany({
      where: { id: { not: before.id } },
      select: { name: true, hosts: true },
    });
    const hosts = checkNetworkHosts(input.hosts, others);
    if (!hosts.ok) throw new ServiceError("BAD_REQUEST", hosts.message, "hosts");
    const taken = others.find((n) => n.name.trim().toLowerCase() === input.name.toLowerCase());
    if (taken) throw new ServiceError("CONFLICT", `Сеть «${taken.name}» уже есть`, "name");
    const data = {
      name: input.name,
      hosts: hosts.value,
      maxAnswerLength: input.maxAnswerLength,
      active: input.active,
    };
    const network = await tx.socialNetwork.update({ where: { id: before.id }, data, select: NETWORK_SELECT });
    await audit(
      tx,
      actor,
      "network.update",
      network.id,
      {
        code: before.code,
        before: {
          name: before.name,
          hosts: before.hosts,
          maxAnswerLength: before.maxAnswerLength,
          active: before.active,
        },
        after: data,
      },
      "SocialNetwork",
    );
    return network;
  });
}
