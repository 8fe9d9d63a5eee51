import type { TPrismaClient } from "../../db/client";

export interface THealth {
  status: "ok" | "error";
  db: "ok" | "down";
}

/** Asks the database a trivial question; an answer slower than `timeoutMs` counts as down. */
export async function checkHealth(prisma: TPrismaClient, timeoutMs = 5_000): Promise<THealth> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      prisma.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("database did not answer in time")), timeoutMs);
      }),
    ]);
    return { status: "ok", db: "ok" };
  } catch {
    return { status: "error", db: "down" };
  } finally {
    clearTimeout(timer);
  }
}
