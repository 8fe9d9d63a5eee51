import type { TPrismaClient } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import type { RecipientDirectory } from "./recipients";

/** A municipality as the tick sees it: its zone and its scheduler settings. */
export interface TTickMunicipality {
  id: string;
  name: string;
  timeZone: string;
  reminderPercents: number[];
  alertEscalationMinutes: number;
  /** п.6: routine posts each official account must carry per ISO week. */
  routineWeeklyMinimum: number;
}

export const TICK_MUNICIPALITY_SELECT = {
  id: true,
  name: true,
  timeZone: true,
  reminderPercents: true,
  alertEscalationMinutes: true,
  routineWeeklyMinimum: true,
} as const;

/** What every step of one tick shares. */
export interface TTickContext {
  prisma: TPrismaClient;
  now: Date;
  batchSize: number;
  recipients: RecipientDirectory;
  /** Problems that did not stop the tick: one case or one municipality that failed. */
  errors: string[];
}

export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // Prisma's messages carry the whole query; the first lines say what went wrong.
  return text.split("\n").filter(Boolean).slice(0, 3).join(" ").slice(0, 500);
}

/**
 * Runs a region-wide read of the tick with PostgreSQL's JIT compilation off. Their plans are
 * index probes per open case or per person, but the planner's row estimates put their cost past
 * `jit_above_cost`, and compiling them took 30–90 ms of a 1–60 ms statement (bench, 1 M cases).
 */
export async function readWithoutJit<T>(prisma: TPrismaClient, read: Prisma.PrismaPromise<T>): Promise<T> {
  const [, result] = await prisma.$transaction([prisma.$executeRaw`SET LOCAL jit = off`, read]);
  return result;
}
