import "server-only";
import { db } from "../db";
import { env } from "../env";
import { deliverPendingEmails } from "../services/email/deliver";
import { createMailTransport } from "../services/email/transport";
import { tickLockFor } from "../services/scheduler/lock";
import { runTick, type TTickResult } from "../services/scheduler/tick";

/**
 * One tick with the server's configuration: its database and pool, the lock on that database,
 * and e-mail delivery when a mail server is configured. Both callers use it: the HTTP route
 * (`trigger: "http"`) and the in-process timer (`"timer"`).
 */
export async function runScheduledTick(trigger: "timer" | "http"): Promise<TTickResult> {
  const config = env();
  const prisma = db();
  const transport = createMailTransport(config);
  try {
    return await runTick(prisma, {
      now: new Date(),
      trigger,
      lock: tickLockFor(config.DATABASE_URL),
      ...(transport ? { deliverEmails: (now: Date) => deliverPendingEmails(prisma, { now, transport }) } : {}),
    });
  } finally {
    transport?.close();
  }
}
