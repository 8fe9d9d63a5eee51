/**
 * When a failed e-mail is tried again. The first attempt is made as soon as the notification is
 * written; after each failure the next waits longer (1, 5, 15, 60, 240 minutes), so a mail
 * server down for a few minutes loses nothing and one down for hours is not hammered. After the
 * sixth failed attempt, about five and a half hours after the first, the e-mail is given up
 * (FAILED); the in-app notification stays, so nobody misses it.
 */
export const EMAIL_RETRY_DELAYS_MINUTES = [1, 5, 15, 60, 240] as const;

/** Attempts in all: the first plus one per retry delay. */
export const EMAIL_MAX_ATTEMPTS = EMAIL_RETRY_DELAYS_MINUTES.length + 1;

export type TNextEmailAttempt = { status: "PENDING"; at: Date } | { status: "FAILED" };

/**
 * After a failed attempt: `attempts` counts every attempt made so far, including the one that
 * just failed, and `now` is when it failed.
 */
export function nextEmailAttempt(attempts: number, now: Date): TNextEmailAttempt {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`attempts must be ≥ 1, got ${attempts}`);
  const delay = EMAIL_RETRY_DELAYS_MINUTES[attempts - 1];
  if (delay === undefined) return { status: "FAILED" };
  return { status: "PENDING", at: new Date(now.getTime() + delay * 60_000) };
}
