import type { Prisma } from "../../db/generated/client";
import { readEmailPreferences, wantsEmail } from "../../domain/notifications/preferences";
import { isEmailConfigured } from "../email/config";

/**
 * Notifications that are about no case (a routine-post reminder, a dead connector key): like
 * server/services/cases/notify.ts `notifyUsers`, with the link given instead of `/cases/<id>`.
 * The same rule queues the e-mail: a mail server configured, an address, and the person wanting
 * that kind by e-mail. The dedupe key `<dedupe>:<userId>` is unique, so a repeat writes nothing.
 */
export interface TPlainNotice {
  dedupe: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  link: string;
}

/** Writes the notices whose keys are new; returns how many were written. */
export async function notifyOncePlain(prisma: Prisma.TransactionClient, notices: readonly TPlainNotice[], now: Date) {
  if (notices.length === 0) return 0;
  const keyOf = (n: TPlainNotice) => `${n.dedupe}:${n.userId}`;
  const existing = new Set(
    (
      await prisma.notification.findMany({
        where: { dedupeKey: { in: notices.map(keyOf) } },
        select: { dedupeKey: true },
      })
    ).map((r) => r.dedupeKey),
  );
  const fresh = notices.filter((n) => !existing.has(keyOf(n)));
  if (fresh.length === 0) return 0;
  const emailing = isEmailConfigured();
  const recipients = emailing
    ? await prisma.user.findMany({
        where: { id: { in: [...new Set(fresh.map((n) => n.userId))] } },
        select: { id: true, email: true, emailPreferences: true },
      })
    : [];
  const byId = new Map(recipients.map((u) => [u.id, u]));
  const written = await prisma.notification.createMany({
    data: fresh.map((n) => {
      const user = byId.get(n.userId);
      const email =
        emailing && Boolean(user?.email) && wantsEmail(readEmailPreferences(user?.emailPreferences ?? null), n.kind);
      return {
        userId: n.userId,
        caseId: null,
        kind: n.kind,
        title: n.title,
        body: n.body,
        link: n.link,
        dedupeKey: keyOf(n),
        createdAt: now,
        ...(email ? { emailStatus: "PENDING" as const, emailNextAttemptAt: now } : {}),
      };
    }),
    skipDuplicates: true,
  });
  return written.count;
}
