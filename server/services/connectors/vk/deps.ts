import "server-only";
import { VK_RATE_POLICY } from "../../../domain/connectors/rate-limit";
import { env } from "../../../env";
import { connectorKeyFrom } from "../token-cipher";
import { createVkClient, type TVkClient } from "./client";
import { RateLimiterRegistry } from "./rate-limiter";

/**
 * What the VK connector's services need from outside: where VK is, the key tokens are encrypted
 * with, and time (a clock and a sleep for the rate limiter and the backoff). Production takes
 * them from the environment (`vkDepsFromEnv`); tests pass a local server, a fixed key and a fake
 * clock whose sleep returns at once.
 */
export interface TVkDeps {
  baseUrl: string;
  encryptionKey: Buffer;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** Rate limiters per access key, shared by every caller of the process. */
  limiters: RateLimiterRegistry;
  fetch?: typeof fetch;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createVkDeps(input: {
  baseUrl: string;
  encryptionKey: Buffer;
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  fetch?: typeof fetch;
}): TVkDeps {
  const sleep = input.sleep ?? realSleep;
  return {
    baseUrl: input.baseUrl,
    encryptionKey: input.encryptionKey,
    sleep,
    random: input.random ?? Math.random,
    limiters: new RateLimiterRegistry(VK_RATE_POLICY, input.clock ?? Date.now, sleep),
    ...(input.fetch ? { fetch: input.fetch } : {}),
  };
}

const globalForVk = globalThis as unknown as { otklikVkDeps?: TVkDeps };

/** The server's VK dependencies, built once per process so the rate limiters are shared. */
export function vkDepsFromEnv(): TVkDeps {
  if (!globalForVk.otklikVkDeps) {
    const e = env();
    globalForVk.otklikVkDeps = createVkDeps({
      baseUrl: e.VK_API_BASE_URL,
      encryptionKey: connectorKeyFrom({
        AUTH_SECRET: e.AUTH_SECRET,
        ...(e.CONNECTOR_ENCRYPTION_KEY ? { CONNECTOR_ENCRYPTION_KEY: e.CONNECTOR_ENCRYPTION_KEY } : {}),
      }),
    });
  }
  return globalForVk.otklikVkDeps;
}

/** A client for one connector's token, under that connector's rate limiter. */
export function vkClientFor(deps: TVkDeps, connectorId: string, token: string): TVkClient {
  return createVkClient(token, {
    baseUrl: deps.baseUrl,
    limiter: deps.limiters.for(connectorId),
    sleep: deps.sleep,
    random: deps.random,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
}

/** Associated data of a connector's encrypted token: binds the value to its municipality's row. */
export function vkTokenAad(municipalityId: string): string {
  return `vk:${municipalityId}`;
}
