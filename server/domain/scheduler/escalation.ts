/**
 * п.13: a socially significant publication is reported to the head and the deputy head at once
 * (SIGNIFICANT_ALERT, one copy each). The head confirms with "Ознакомлен". A report the head
 * has not confirmed within the municipality's `alertEscalationMinutes` is repeated to the
 * deputy head and the manager (SIGNIFICANT_ESCALATION), once per publication.
 */

/** One recipient's copy of a case's alert. */
export interface TAlertCopy {
  /** The recipient is (now) a head of the administration. */
  recipientIsHead: boolean;
  createdAt: Date;
  acknowledgedAt: Date | null;
}

/** The regulation leaves the time open; the Municipality.alertEscalationMinutes default. */
export const DEFAULT_ALERT_ESCALATION_MINUTES = 30;

/**
 * Whether the alert of one case is due to be escalated at `now`: it went out at least
 * `escalationMinutes` ago and nobody it was meant for has confirmed it. It is meant for the
 * head; in a municipality without one (the post vacant) the copies that went out, the deputy
 * head's, stand in, so an alert nobody confirms never goes unnoticed. A confirmation given
 * after the time ran out but before the scheduler looked still counts: the head knows.
 */
export function isEscalationDue(params: {
  copies: readonly TAlertCopy[];
  escalationMinutes: number;
  now: Date;
}): boolean {
  const { copies, escalationMinutes, now } = params;
  if (copies.length === 0) return false;
  const heads = copies.filter((c) => c.recipientIsHead);
  const watchers = heads.length > 0 ? heads : copies;
  if (watchers.some((c) => c.acknowledgedAt !== null)) return false;
  const sentAt = Math.min(...copies.map((c) => c.createdAt.getTime()));
  return now.getTime() - sentAt >= Math.max(0, escalationMinutes) * 60_000;
}

/** Once per case's alert: `escalation:<caseId>` (the notification service appends `:<userId>`). */
export function escalationDedupeKey(caseId: string): string {
  return `escalation:${caseId}`;
}

/**
 * The alerts a person confirms with "Ознакомлен". A surge alert (п.13) is confirmed too; only
 * the socially significant publication's alert is escalated when nobody confirms it.
 */
export const ACKNOWLEDGED_KINDS = ["SIGNIFICANT_ALERT", "SIGNIFICANT_ESCALATION", "SURGE_ALERT"] as const;

export function needsAcknowledgement(kind: string): boolean {
  return (ACKNOWLEDGED_KINDS as readonly string[]).includes(kind);
}
