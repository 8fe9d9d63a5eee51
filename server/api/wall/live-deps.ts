import "server-only";
import { auth } from "../../auth";
import { db } from "../../db";
import { wallHub } from "../../services/wall/live";
import type { TSessionToken, TWallHandlerDeps } from "./handlers";

async function readSession(): Promise<TSessionToken | null> {
  const session = await auth();
  return session?.uid && session.authAt !== undefined ? { userId: session.uid, authAt: session.authAt } : null;
}

/** What the wall's route handlers run on in the app: the process's database, hub and clock. */
export function liveWallDeps(): TWallHandlerDeps {
  return { prisma: db(), hub: wallHub(), now: () => new Date(), readSession };
}
