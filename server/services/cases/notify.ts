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
  await notifyUsersMany(tx, [params]);
}

/**
 * `notifyUsers` for several notices at once: one look-up of the recipients' e-mail settings and
 * one insert for them all, however many there are (the scheduler's reminders of a batch).
 */
export async function notifyUsersMany(
  tx: Prisma.TransactionClient,
  notices: readonly (TNotice & { userIds: readonly string[] })[],
) {
  const ids = [...new Set(notices.flatMap((n) => n.userIds))];
  if (ids.length === 0) return;
  const users = isEmailConfigured()
    ? await tx.user.findMany({ where: { id: { in: ids } }, select: RECIPIENT_SELECT })
    : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  // Every id asked for gets its row, as before e-mail existed; an unknown id still fails on the
  // foreign key rather than being dropped quietly.
  const recipientOf = (id: string) => byId.get(id) ?? { id, email: null, emailPreferences: null };
  await writeNotificationRows(
    tx,
    notices.flatMap((notice) => notice.userIds.map((id) => notificationRow(recipientOf(id), notice))),
  );
}

async function writeNotifications(tx: Prisma.TransactionClient, recipients: TRecipient[], notice: TNotice) {
  await writeNotificationRows(
    tx,
    recipients.map((user) => notificationRow(user, notice)),
  );
}

function notificationRow(user: TRecipient, notice: TNotice): Prisma.NotificationCreateManyInput {
  const email =
    isEmailConfigured() && Boolean(user.email) && wantsEmail(readEmailPreferences(user.emailPreferences), notice.kind);
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
}

async function writeNotificationRows(tx: Prisma.TransactionClient, rows: Prisma.NotificationCreateManyInput[]) {
  if (rows.length === 0) return;
  await tx.notification.createMany({ data: rows, skipDuplicates: true });
}
