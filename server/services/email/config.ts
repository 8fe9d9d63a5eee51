/**
 * Whether notifications should be e-mailed at all: only when a mail server is configured.
 * Decided when a notification is written (`server/services/cases/notify.ts`): without SMTP_URL
 * rows are written with e-mail status NONE and stay in-app only, rather than piling up as
 * PENDING for a server that does not exist and all going out at once the day one is configured.
 *
 * This reads `process.env` rather than the validated `env()`: notifications are written by
 * services that also run in scripts and tests, where the rest of the server's configuration
 * (AUTH_SECRET, …) need not exist. The value itself is validated with everything else when the
 * server starts (`server/env.ts`).
 */
export function isEmailConfigured(source: Record<string, string | undefined> = process.env): boolean {
  return Boolean(source.SMTP_URL?.trim());
}
