import { randomBytes } from "node:crypto";
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

/** A notice to the active people of a municipality holding one of `roles` (of `departmentId`, when given). */
export interface TRoleNotice extends TNotice {
  municipalityId: string;
  roles: Role[];
  departmentId?: string | null;
}

export async function notifyRoles(tx: Prisma.TransactionClient, params: TRoleNotice) {
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
  await writeNotificationRows(
    tx,
    users.map((user) => notificationRow(user, params)),
  );
}

/**
 * `notifyRoles` for several notices at once (the scheduler's violations of a batch of cases,
 * across municipalities): one read of everyone who may receive any of them, and one insert. Who
 * gets each notice is decided as `notifyRoles` decides it in its query (keep the two alike):
 * the active users of its municipality holding one of its roles (of its department, when
 * given), and its municipality's curators when the roles name CURATOR.
 */
export async function notifyRolesMany(tx: Prisma.TransactionClient, notices: readonly TRoleNotice[]) {
  if (notices.length === 0) return;
  const municipalityIds = [...new Set(notices.map((n) => n.municipalityId))];
  const roles = [...new Set(notices.flatMap((n) => n.roles))];
  const curators = roles.includes("CURATOR");
  const users = await tx.user.findMany({
    where: {
      active: true,
      roles: { hasSome: roles },
      OR: curators
        ? [
            { municipalityId: { in: municipalityIds } },
            { curatedMunicipalities: { some: { municipalityId: { in: municipalityIds } } } },
          ]
        : [{ municipalityId: { in: municipalityIds } }],
    },
    select: {
      ...RECIPIENT_SELECT,
      roles: true,
      departmentId: true,
      municipalityId: true,
      ...(curators ? { curatedMunicipalities: { select: { municipalityId: true } } } : {}),
    },
  });
  const rows = notices.flatMap((notice) =>
    users
      .filter(
        (u) =>
          u.roles.some((r) => notice.roles.includes(r)) &&
          (!notice.departmentId || u.departmentId === notice.departmentId) &&
          (u.municipalityId === notice.municipalityId ||
            (notice.roles.includes("CURATOR") &&
              (u.curatedMunicipalities ?? []).some((a) => a.municipalityId === notice.municipalityId))),
      )
      .map((u) => notificationRow(u, notice)),
  );
  await insertNotificationRows(tx, rows);
}

export async function notifyUsers(
  tx: Prisma.TransactionClient,
  params: { userIds: string[]; caseId: string; kind: string; title: string; body: string; dedupe: string; now: Date },
) {
  await writeNotificationRows(tx, await notificationRowsFor(tx, [params]));
}

/**
 * `notifyUsers` for several notices at once: one look-up of the recipients' e-mail settings and
 * one insert for them all, however many there are (the scheduler's reminders of a batch).
 */
export async function notifyUsersMany(
  tx: Prisma.TransactionClient,
  notices: readonly (TNotice & { userIds: readonly string[] })[],
) {
  await insertNotificationRows(tx, await notificationRowsFor(tx, notices));
}

async function notificationRowsFor(
  tx: Prisma.TransactionClient,
  notices: readonly (TNotice & { userIds: readonly string[] })[],
): Promise<TNotificationRow[]> {
  const ids = [...new Set(notices.flatMap((n) => n.userIds))];
  if (ids.length === 0) return [];
  const users = isEmailConfigured()
    ? await tx.user.findMany({ where: { id: { in: ids } }, select: RECIPIENT_SELECT })
    : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  // Every id asked for gets its row, as before e-mail existed; an unknown id still fails on the
  // foreign key rather than being dropped quietly.
  const recipientOf = (id: string) => byId.get(id) ?? { id, email: null, emailPreferences: null };
  return notices.flatMap((notice) => notice.userIds.map((id) => notificationRow(recipientOf(id), notice)));
}

type TNotificationRow = Prisma.NotificationCreateManyInput & {
  caseId: string;
  link: string;
  createdAt: Date;
  emailNextAttemptAt?: Date;
};

function notificationRow(user: TRecipient, notice: TNotice): TNotificationRow {
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

async function writeNotificationRows(tx: Prisma.TransactionClient, rows: TNotificationRow[]) {
  if (rows.length === 0) return;
  await tx.notification.createMany({ data: rows, skipDuplicates: true });
}

/**
 * `writeNotificationRows` for the bulk paths (hundreds of rows: the scheduler's reminders and
 * violations of a batch). Prisma's createMany spends ≈ 0.3 ms a row in the client (750 rows:
 * 200–500 ms); one statement with an array per column takes 40–70 ms for the same rows. The
 * same row and the same ON CONFLICT DO NOTHING as createMany's skipDuplicates; the ids are
 * made here (`newRowId`), as Prisma makes them (the table has no default for them). Times go as UTC instants and are stored
 * as UTC, as Prisma stores them, whatever the session's time zone.
 */
async function insertNotificationRows(tx: Prisma.TransactionClient, rows: readonly TNotificationRow[]) {
  if (rows.length === 0) return;
  const column = <T>(pick: (row: TNotificationRow) => T) => rows.map(pick);
  await tx.$executeRaw`
    INSERT INTO "Notification"
      ("id", "userId", "caseId", "kind", "title", "body", "link", "dedupeKey", "createdAt", "emailStatus", "emailNextAttemptAt")
    SELECT r.id, r.user_id, r.case_id, r.kind, r.title, r.body, r.link, r.dedupe_key,
      r.created_at AT TIME ZONE 'UTC', r.email_status::"EmailStatus", r.next_attempt_at AT TIME ZONE 'UTC'
    FROM unnest(
      ${column(() => newRowId())}::text[], ${column((r) => r.userId)}::text[],
      ${column((r) => r.caseId)}::text[], ${column((r) => r.kind)}::text[], ${column((r) => r.title)}::text[],
      ${column((r) => r.body)}::text[], ${column((r) => r.link)}::text[], ${column((r) => r.dedupeKey)}::text[],
      ${column((r) => r.createdAt.toISOString())}::timestamptz[], ${column((r) => r.emailStatus ?? "NONE")}::text[],
      ${column((r) => r.emailNextAttemptAt?.toISOString() ?? null)}::timestamptz[]
    ) AS r(id, user_id, case_id, kind, title, body, link, dedupe_key, created_at, email_status, next_attempt_at)
    ON CONFLICT DO NOTHING`;
}

/**
 * An id for a row written by hand-made SQL, where Prisma's cuid() is not there to make it: a
 * letter, the time in base 36 and 80 random bits, so ids sort roughly by creation as cuids do.
 */
export function newRowId(): string {
  return `c${Date.now().toString(36)}${randomBytes(10).toString("hex")}`;
}
