import type { Prisma, Role } from "../../db/generated/client";

/**
 * In-app notifications for the people who must act next. Delivery by e-mail comes with the
 * scheduler; here each row is written in the transaction of the change that caused it, and its
 * dedupe key makes a retried change write it once.
 */
export async function notifyRoles(
  tx: Prisma.TransactionClient,
  params: {
    municipalityId: string;
    roles: Role[];
    departmentId?: string | null;
    caseId: string;
    kind: string;
    title: string;
    body: string;
    dedupe: string;
    now: Date;
  },
) {
  const users = await tx.user.findMany({
    where: {
      active: true,
      roles: { hasSome: params.roles },
      ...(params.departmentId ? { departmentId: params.departmentId } : {}),
      OR: params.roles.includes("CURATOR")
        ? [
            { municipalityId: params.municipalityId },
            { curatedMunicipalities: { some: { municipalityId: params.municipalityId } } },
          ]
        : [{ municipalityId: params.municipalityId }],
    },
    select: { id: true },
  });
  await notifyUsers(tx, { ...params, userIds: users.map((u) => u.id) });
}

export async function notifyUsers(
  tx: Prisma.TransactionClient,
  params: { userIds: string[]; caseId: string; kind: string; title: string; body: string; dedupe: string; now: Date },
) {
  if (params.userIds.length === 0) return;
  await tx.notification.createMany({
    data: params.userIds.map((userId) => ({
      userId,
      caseId: params.caseId,
      kind: params.kind,
      title: params.title,
      body: params.body,
      link: `/cases/${params.caseId}`,
      dedupeKey: `${params.dedupe}:${userId}`,
      createdAt: params.now,
    })),
    skipDuplicates: true,
  });
}
