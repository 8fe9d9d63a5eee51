import type { TPrismaClient } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { nextEmailAttempt } from "../../domain/notifications/backoff";
import { renderNotificationEmail } from "../../domain/notifications/email";
import { isAlwaysEmailed } from "../../domain/notifications/kinds";
import { readEmailPreferences, wantsEmail } from "../../domain/notifications/preferences";
import type { TMailTransport } from "./transport";

/**
 * Sends the notification e-mails that are due, a batch per call (the scheduler's tick calls it).
 *
 * Rows are claimed with `FOR UPDATE SKIP LOCKED` and leased for EMAIL_LEASE_MS by pushing their
 * next attempt into the future, so two server instances never send the same e-mail; the run
 * stops before the lease runs out. A failed send is recorded on its row (`emailError`) and tried
 * again later with the backoff of `server/domain/notifications/backoff.ts`, FAILED after the
 * last attempt. Sending never throws: one broken address or a mail server that does not answer
 * costs at most one message's timeout, and the whole call at most its time budget.
 */

/** How long a claimed row belongs to this run; the time budget stays well inside it. */
export const EMAIL_LEASE_MS = 2 * 60_000;
const LEASE_MARGIN_MS = 30_000;
export const DEFAULT_DELIVERY_BUDGET_MS = 30_000;
export const DEFAULT_MESSAGE_TIMEOUT_MS = 10_000;
const ERROR_MAX = 500;

export interface TDeliverOptions {
  /** The tick's time: which rows are due, and when failed ones are tried again. */
  now: Date;
  transport: TMailTransport;
  /** Most rows claimed in one call. */
  limit?: number;
  /** Time budget of the call in (real) milliseconds; capped below the lease. */
  deadlineMs?: number;
  /** Longest wait for one message. */
  messageTimeoutMs?: number;
}

export interface TDeliveryReport {
  /** Accepted by the mail server: SENT. */
  sent: number;
  /** Failed and scheduled again: still PENDING, `emailNextAttemptAt` in the future. */
  retried: number;
  /** Failed for the last time: FAILED. */
  failed: number;
  /** Not sent because the person no longer wants it, has no address or is deactivated: NONE. */
  skipped: number;
  /** Claimed but not tried before the budget ran out: due again at once, attempts unchanged. */
  deferred: number;
}

const DELIVERY_SELECT = {
  id: true,
  kind: true,
  title: true,
  body: true,
  link: true,
  createdAt: true,
  emailAttempts: true,
  user: {
    select: {
      email: true,
      active: true,
      emailPreferences: true,
      municipality: { select: { name: true, timeZone: true } },
    },
  },
  case: { select: { municipality: { select: { name: true, timeZone: true } } } },
} satisfies Prisma.NotificationSelect;

type TDeliveryRow = Prisma.NotificationGetPayload<{ select: typeof DELIVERY_SELECT }>;

export async function deliverPendingEmails(prisma: TPrismaClient, options: TDeliverOptions): Promise<TDeliveryReport> {
  const { now, transport } = options;
  const limit = Math.max(1, Math.floor(options.limit ?? 50));
  const budgetMs = Math.min(options.deadlineMs ?? DEFAULT_DELIVERY_BUDGET_MS, EMAIL_LEASE_MS - LEASE_MARGIN_MS);
  const messageTimeoutMs = options.messageTimeoutMs ?? DEFAULT_MESSAGE_TIMEOUT_MS;
  const startedAt = performance.now();
  const remainingMs = () => budgetMs - (performance.now() - startedAt);
  const report: TDeliveryReport = { sent: 0, retried: 0, failed: 0, skipped: 0, deferred: 0 };

  const rows = await claimDueRows(prisma, now, limit);
  for (const [index, row] of rows.entries()) {
    const left = remainingMs();
    if (left <= 0) {
      report.deferred = await releaseRows(
        prisma,
        rows.slice(index).map((r) => r.id),
        now,
      );
      break;
    }
    const address = row.user.email;
    if (!address || !row.user.active || !wantsEmail(readEmailPreferences(row.user.emailPreferences), row.kind)) {
      // Chosen when the row was written, changed since: the person's current wish wins.
      await settle(prisma, row.id, {
        emailStatus: "NONE",
        emailNextAttemptAt: null,
        emailError: !address
          ? "У пользователя не указан адрес электронной почты"
          : !row.user.active
            ? "Пользователь заблокирован"
            : "Пользователь отключил уведомления этого вида по почте",
      });
      report.skipped += 1;
      continue;
    }
    const mail = renderNotificationEmail(row, {
      appUrl: transport.appUrl,
      municipality: row.case?.municipality ?? row.user.municipality ?? null,
    });
    const attempts = row.emailAttempts + 1;
    try {
      await transport.send(
        { to: address, ...mail, urgent: isAlwaysEmailed(row.kind) },
        { timeoutMs: Math.min(messageTimeoutMs, left) },
      );
      await settle(prisma, row.id, {
        emailStatus: "SENT",
        emailAttempts: attempts,
        emailNextAttemptAt: null,
        emailError: null,
      });
      report.sent += 1;
    } catch (error) {
      const next = nextEmailAttempt(attempts, now);
      await settle(prisma, row.id, {
        emailStatus: next.status,
        emailAttempts: attempts,
        emailNextAttemptAt: next.status === "PENDING" ? next.at : null,
        emailError: describeSendError(error),
      });
      if (next.status === "PENDING") report.retried += 1;
      else report.failed += 1;
    }
  }
  return report;
}

/**
 * One statement claims and leases the due rows: rows another run has locked are skipped, and
 * a row another run has just leased no longer matches once its lock is released, so each row
 * goes to one run only.
 */
async function claimDueRows(prisma: TPrismaClient, now: Date, limit: number): Promise<TDeliveryRow[]> {
  const leaseUntil = new Date(now.getTime() + EMAIL_LEASE_MS);
  const claimed = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE "Notification" SET "emailNextAttemptAt" = ${leaseUntil}
    WHERE "id" IN (
      SELECT "id" FROM "Notification"
      WHERE "emailStatus" = 'PENDING' AND "emailNextAttemptAt" <= ${now}
      ORDER BY "emailNextAttemptAt", "id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id"`;
  if (claimed.length === 0) return [];
  return prisma.notification.findMany({
    where: { id: { in: claimed.map((c) => c.id) } },
    select: DELIVERY_SELECT,
    // Oldest first: the order people would expect them in their mailbox.
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** Claimed rows left untried go back to due, for the next run. */
async function releaseRows(prisma: TPrismaClient, ids: string[], now: Date): Promise<number> {
  const { count } = await prisma.notification.updateMany({
    where: { id: { in: ids }, emailStatus: "PENDING" },
    data: { emailNextAttemptAt: now },
  });
  return count;
}

async function settle(prisma: TPrismaClient, id: string, data: Prisma.NotificationUpdateManyMutationInput) {
  // Only a row still pending is ours to settle.
  await prisma.notification.updateMany({ where: { id, emailStatus: "PENDING" }, data });
}

/** The mail server's own words when it gave any (e.g. "451 4.3.0 Try again later"). */
export function describeSendError(error: unknown): string {
  let message = "unknown error";
  if (error instanceof Error) {
    const response = (error as { response?: unknown }).response;
    const code = (error as { code?: unknown }).code;
    message = typeof response === "string" && response ? response : error.message;
    if (typeof code === "string" && code && !message.includes(code)) message = `${code}: ${message}`;
  } else if (typeof error === "string") {
    message = error;
  }
  const line = message.replace(/\s+/g, " ").trim();
  return line.length > ERROR_MAX ? `${line.slice(0, ERROR_MAX - 1)}…` : line;
}
