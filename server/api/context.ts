import "server-only";
import { db } from "../db";
import { env } from "../env";
import { getCurrentUser } from "../auth/current";
import { clientAddress } from "../auth/client-address";
import type { TContext } from "./trpc";

export async function createContext(headers: Headers): Promise<TContext> {
  return {
    db: db(),
    user: await getCurrentUser(),
    ip: clientAddress(headers, env().TRUST_PROXY),
    now: () => new Date(),
  };
}
