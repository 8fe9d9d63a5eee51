import type { Prisma, Role } from "../../db/generated/client";
import { readEmailPreferences, wantsEmail } from "../../domain/notifications/preferences";
import { isEmailConfigured } from "../email/config";

/**
 * Notifications for the people who must act next. Each row is written in the transaction of the
 * change that caused it, and its dedupe key makes a retried change write it once.
 *
 * A row is also queued for e-mail (status PENDING, due at once) when a mail server is configured
 * and its recipient has an address and wants that kind by e-mail (`server/domain/notifications`);
 * `server/services/email/deliver.ts` sends it later, outside this transaction, so a slow or
 * absent mail server never holds up the change. Without SMTP_URL rows stay NONE: in-app only.
 */

interface TRecipient {
  id: string;
  email: string | null;
  emailPreferences: Prisma.JsonValue;
}

const RECIPIENT_SELECT = { id: true, email: true, emailPreferences: true } satisfies Prisma.UserSelect;

interface TNotice {
  caseId: string;
  kind: string;
  title: string;
  body: string;
  dedupe: string;
  now: Date;
}

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
    select: RECIPIENT_SELECT,
  });
  await writeNotifications(tx, users, params);
}

export async function notifyUsers(
  tx: Prisma.TransactionClient,
  params: { userIds: string[]; caseId: string; kind: string; title: string; body: string; dedupe: string; now: Date },
) {
  if (params.userIds.length === 0) return;
  const users = isEmailConfigured()
    ? await tx.user.findMany({ where: { id: { in: params.userIds } }, select: RECIPIENT_SELECT })
    : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  // Every id asked for gets its row, as before e-mail existed; an unknown id still fails on the
  // foreign key rather than being dropped quietly.
  const recipients = params.userIds.map((id) => byId.get(id) ?? { id, email: null, emailPreferences: null });
  await writeNotifications(tx, recipients, params);
}

async function writeNotifications(tx: Prisma.TransactionClient, recipients: TRecipient[], notice: TNotice) {
  if (recipients.length === 0) return;
  const emailing = isEmailConfigured();
  await tx.notification.createMany({
    data: recipients.map((user) => {
      const email =
        emailing && Boolean(user.email) && wantsEmail(readEmailPreferences(user.emailPreferences), notice.kind);
      return {
        userId: user.id,
        caseId: notice.caseId,
        kind: notice.kind,
        title: notice.title,
        body: notice.body,
        link: `/cases/${notice.caseId}`,
        dedupeKey: `${notice.dedupe}:${user.id}`,
        createdAt: notice.now,
        ...(email ? { emailStatus: "PENDING" as const, emailNextAttemptAt: notice.now } : {}),
      };
    }),
    skipDuplicates: true,
  });
}
