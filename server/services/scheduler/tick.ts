import type { TPrismaClient } from "../../db/client";
import { describeError, TICK_MUNICIPALITY_SELECT, type TTickContext, type TTickMunicipality } from "./context";
import { escalateAlertsIn } from "./escalations";
import type { TTickLock } from "./lock";
import { closeEndedMonthsIn, MONTH_CLOSED_HOOKS, type TMonthClosedHook } from "./months";
import { RecipientDirectory } from "./recipients";
import { sendRemindersIn } from "./reminders";
import { sendRoutineReminders } from "./routine";
import { syncVkConnector } from "../connectors/vk/tick";
import { scanViolationsIn } from "./violations";

/** What the e-mail delivery reports (server/services/email/deliver.ts gives more; kept as is). */
export interface TEmailCounts {
  sent: number;
  failed: number;
  retried: number;
}

export interface TTickOptions {
  /** The tick's time: every deadline, reminder, alert and month is judged against it. */
  now: Date;
  trigger: "timer" | "http";
  /**
   * Keeps ticks from overlapping: `tickLockFor(DATABASE_URL)`. `false` runs without it, which
   * only tests do, to show the unique keys alone still write everything once.
   */
  lock: TTickLock | false;
  /** Cases (or alerts) read per query. */
  batchSize?: number;
  /** Sends the e-mails that are due; the last step, so this tick's notifications go out at once. */
  deliverEmails?: (now: Date) => Promise<TEmailCounts>;
  /** Work on each closed month; MONTH_CLOSED_HOOKS unless a test passes its own. */
  monthClosedHooks?: readonly TMonthClosedHook[];
}

export interface TTickCounts {
  /** Violations recorded (п.12). */
  violations: number;
  /** Reminders sent: one reminder of one clock, to however many people. */
  reminders: number;
  /** Unconfirmed alerts repeated to the deputy head and the manager (п.13). */
  escalations: number;
  monthsClosed: number;
  /** п.6: reminders to the people responsible for official accounts short of routine posts. */
  routineReminders: number;
  /** Routine posts the connectors found on the official accounts' walls. */
  connectorPosts: number;
  /** Null when no delivery was asked for or it failed (see `errors`). */
  emails: TEmailCounts | null;
}

export type TTickResult =
  | { skipped: true; reason: "another tick is running" }
  | (TTickCounts & {
      skipped: false;
      /** The SchedulerRun row of this tick. */
      runId: string;
      /** What failed without stopping the rest: a case, a municipality, a step. Empty when all went well. */
      errors: string[];
      durationMs: number;
    });

export const DEFAULT_BATCH_SIZE = 1000;
/** Municipalities whose routine posts are checked at once (well inside the pool). */
const ROUTINE_PARALLEL = 4;
/** SchedulerRun rows older than this are deleted by the tick. */
export const RUN_LOG_DAYS = 90;
const DAY_MS = 24 * 3600_000;

/**
 * One tick of the scheduler (`POST /api/cron/tick`, or the server's own minute timer): records
 * the violations that have happened (п.12), sends reminders before deadlines, escalates alerts
 * nobody confirmed (п.13), closes the months that have ended, then delivers due e-mails.
 *
 * Idempotent: every write is keyed (the violation's clock instance, the notification's dedupe
 * key, the month), so a second tick at the same moment, or one after a crash halfway, writes
 * nothing twice; the lock keeps two from running at once at all. A minute with nothing due
 * costs a few queries for the whole region, not a few per municipality: violations and
 * reminders find what is due everywhere with one query of ids and then work batch by batch (so
 * the open cases never sit in memory together), the other steps first ask which municipalities
 * have anything to do. A failure in one batch, municipality or step is recorded and does not
 * stop the others. The run and what it did are kept in SchedulerRun.
 */
export async function runTick(prisma: TPrismaClient, options: TTickOptions): Promise<TTickResult> {
  const { now } = options;
  const startedAt = performance.now();
  const release = options.lock === false ? async () => {} : await options.lock.acquire();
  if (!release) return { skipped: true, reason: "another tick is running" };
  try {
    const run = await prisma.schedulerRun.create({ data: { startedAt: now, trigger: options.trigger } });
    const ctx: TTickContext = {
      prisma,
      now,
      batchSize: Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE)),
      recipients: new RecipientDirectory(prisma),
      errors: [],
    };
    const counts: TTickCounts = {
      violations: 0,
      reminders: 0,
      escalations: 0,
      monthsClosed: 0,
      routineReminders: 0,
      connectorPosts: 0,
      emails: null,
    };
    const municipalities =
      (await attempt(ctx, "municipalities", () =>
        prisma.municipality.findMany({ select: TICK_MUNICIPALITY_SELECT, orderBy: { id: "asc" } }),
      )) ?? [];
    const hooks = options.monthClosedHooks ?? MONTH_CLOSED_HOOKS;
    const ids = municipalities.map((m) => m.id);
    const inMunicipality = (step: string) => (m: TTickMunicipality, work: () => Promise<number>) =>
      attempt(ctx, `${step}, ${m.name}`, work);
    /** A step done for each municipality, `parallel` of them at a time on the pool. */
    const eachMunicipality = async (
      step: string,
      of: readonly TTickMunicipality[],
      work: (m: TTickMunicipality) => Promise<number>,
      parallel = 1,
    ) => {
      let total = 0;
      let next = 0;
      const worker = async () => {
        for (let m = of[next++]; m; m = of[next++]) {
          // Awaited before the sum: `total += await …` would read `total` before the wait and
          // lose what the other workers added meanwhile.
          const done = (await attempt(ctx, `${step}, ${m.name}`, () => work(m))) ?? 0;
          total += done;
        }
      };
      await Promise.all(Array.from({ length: Math.min(parallel, of.length) }, worker));
      return total;
    };

    // The steps with a set-based query find, for the whole region at once, what is due; the
    // others are skipped in the municipalities that one cheap query shows have nothing to do.
    counts.violations = (await attempt(ctx, "violations", () => scanViolationsIn(ctx, municipalities))) ?? 0;
    counts.reminders = (await attempt(ctx, "reminders", () => sendRemindersIn(ctx, municipalities))) ?? 0;
    counts.escalations =
      (await attempt(ctx, "escalations", () => escalateAlertsIn(ctx, municipalities, inMunicipality("escalations")))) ??
      0;
    counts.monthsClosed =
      (await attempt(ctx, "months", () => closeEndedMonthsIn(ctx, municipalities, hooks, inMunicipality("months")))) ??
      0;
    const connected = new Set(
      (
        (await attempt(ctx, "VK connector", () =>
          prisma.vkConnector.findMany({
            where: { municipalityId: { in: ids }, enabled: true, status: { not: "TOKEN_EXPIRED" } },
            select: { municipalityId: true },
          }),
        )) ?? []
      ).map((c) => c.municipalityId),
    );
    counts.connectorPosts = await eachMunicipality(
      "VK connector",
      municipalities.filter((m) => connected.has(m.id)),
      (m) => syncVkConnector(ctx, m),
    );
    // A few reads per municipality with nothing in common: side by side on the pool.
    counts.routineReminders = await eachMunicipality(
      "routine posts",
      municipalities,
      (m) => sendRoutineReminders(ctx, m),
      ROUTINE_PARALLEL,
    );
    // The run log is for operations, not a record: three months of it is plenty.
    await attempt(ctx, "run log", () =>
      prisma.schedulerRun.deleteMany({ where: { startedAt: { lt: new Date(now.getTime() - RUN_LOG_DAYS * DAY_MS) } } }),
    );
    if (options.deliverEmails) {
      const deliver = options.deliverEmails;
      counts.emails = await attempt(ctx, "e-mail", () => deliver(now));
    }

    const durationMs = Math.round(performance.now() - startedAt);
    await prisma.schedulerRun.update({
      where: { id: run.id },
      data: {
        finishedAt: new Date(now.getTime() + durationMs),
        counts: { ...counts, emails: counts.emails ? { ...counts.emails } : null },
        error: ctx.errors.length > 0 ? ctx.errors.join("\n").slice(0, 20_000) : null,
      },
    });
    return { skipped: false, runId: run.id, ...counts, errors: ctx.errors, durationMs };
  } finally {
    // Closing the lock's connection releases it even when the unlock itself fails.
    await release().catch(() => undefined);
  }
}

async function attempt<T>(ctx: TTickContext, label: string, work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    ctx.errors.push(`${label}: ${describeError(error)}`);
    return null;
  }
}
