import "server-only";
import { z } from "zod";
import { decideVkRetry } from "../../../domain/connectors/retry";
import {
  classifyVkFailure,
  parseRetryAfterSeconds,
  type TVkFailure,
  type TVkFailureCause,
} from "../../../domain/connectors/vk-errors";
import type { TVkWallItem } from "../../../domain/connectors/vk-wall";

/** The VK API version the connector speaks (`v`). */
export const VK_API_VERSION = "5.199";
const DEFAULT_TIMEOUT_MS = 15_000;

/** How the client reaches VK: injected, so tests use a local server and never wait for real time. */
export interface TVkTransport {
  /** `https://api.vk.com/method` or a local server's equivalent. */
  baseUrl: string;
  /** Waits before a call (server/services/connectors/vk/rate-limiter.ts). */
  limiter: { acquire(): Promise<void> };
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** A VK call that failed for good (after any retries); the message is for people, in Russian. */
export class VkApiError extends Error {
  constructor(
    readonly failure: TVkFailure,
    readonly method: string,
    readonly attempts: number,
  ) {
    super(failure.message);
    this.name = "VkApiError";
  }
}

const ZEnvelope = z.union([
  z.object({ response: z.unknown() }),
  z.object({ error: z.object({ error_code: z.number().int(), error_msg: z.string().optional() }) }),
]);

const ZGroup = z.object({ id: z.number().int(), name: z.string(), screen_name: z.string().optional() });
// Before 5.194 groups.getById answered an array; since then an object with `groups`.
const ZGroupsById = z.union([z.array(ZGroup), z.object({ groups: z.array(ZGroup) })]);

const ZWallItem = z.object({
  id: z.number().int(),
  owner_id: z.number().int(),
  from_id: z.number().int().optional(),
  date: z.number().int(),
  text: z.string().optional(),
  is_pinned: z.number().int().optional(),
  post_type: z.string().optional(),
});
const ZWall = z.object({ count: z.number().int(), items: z.array(ZWallItem) });
const ZComment = z.object({ comment_id: z.number().int() });

export interface TVkCommunity {
  id: number;
  name: string;
  screenName: string | null;
}

type TParams = Record<string, string | number | undefined>;

type TAttempt = { ok: true; value: unknown } | { ok: false; cause: TVkFailureCause };

/**
 * A client of the VK API for one access token. Every call is a form-encoded POST to
 * `<baseUrl>/<method>` with `access_token` and `v` in the body (never in the URL, where proxies
 * and logs would keep the token). It waits for the rate limiter before each call, and repeats a
 * failed call as `decideVkRetry` says (a write only after a refusal VK made before acting).
 */
export function createVkClient(token: string, transport: TVkTransport) {
  const doFetch = transport.fetch ?? fetch;
  const timeoutMs = transport.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function attempt(method: string, params: TParams): Promise<TAttempt> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) if (value !== undefined) body.set(name, String(value));
    body.set("v", VK_API_VERSION);
    body.set("access_token", token);
    let response: Response;
    try {
      response = await doFetch(`${transport.baseUrl.replace(/\/+$/u, "")}/${method}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      // The error may quote the request; it is not kept, only its kind.
      return { ok: false, cause: { type: "network" } };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return {
        ok: false,
        cause: {
          type: "http",
          status: response.status,
          retryAfterSeconds: parseRetryAfterSeconds(response.headers.get("retry-after")),
        },
      };
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      return { ok: false, cause: { type: "malformed" } };
    }
    const envelope = ZEnvelope.safeParse(json);
    if (!envelope.success) return { ok: false, cause: { type: "malformed" } };
    if ("error" in envelope.data) {
      return {
        ok: false,
        cause: { type: "api", code: envelope.data.error.error_code, message: envelope.data.error.error_msg ?? null },
      };
    }
    return { ok: true, value: envelope.data.response };
  }

  async function call<T>(
    method: string,
    params: TParams,
    schema: z.ZodType<T>,
    options: { safeToRepeat: boolean },
  ): Promise<T> {
    for (let attempts = 1; ; attempts += 1) {
      await transport.limiter.acquire();
      const result = await attempt(method, params);
      let failure: TVkFailure;
      if (result.ok) {
        const parsed = schema.safeParse(result.value);
        if (parsed.success) return parsed.data;
        failure = classifyVkFailure({ type: "malformed" });
      } else {
        failure = classifyVkFailure(result.cause);
      }
      const decision = decideVkRetry(failure, attempts, {
        safeToRepeat: options.safeToRepeat,
        random: transport.random,
      });
      if (!decision.retry) throw new VkApiError(failure, method, attempts);
      await transport.sleep(decision.delayMs);
    }
  }

  return {
    /** The community the token belongs to (no id), or the community `groupId`. */
    async getCommunity(groupId?: number): Promise<TVkCommunity> {
      const answer = await call("groups.getById", { group_id: groupId }, ZGroupsById, { safeToRepeat: true });
      const group = Array.isArray(answer) ? answer[0] : answer.groups[0];
      if (!group) {
        throw new VkApiError(classifyVkFailure({ type: "api", code: 100, message: "no group" }), "groups.getById", 1);
      }
      return { id: group.id, name: group.name, screenName: group.screen_name ?? null };
    },

    /** One page of the community's own posts, newest first (a pinned post first of all). */
    async getWallPage(p: { ownerId: number; offset: number; count: number }): Promise<{
      total: number;
      items: TVkWallItem[];
    }> {
      const page = await call(
        "wall.get",
        { owner_id: p.ownerId, offset: p.offset, count: p.count, filter: "owner" },
        ZWall,
        { safeToRepeat: true },
      );
      return { total: page.count, items: page.items };
    },

    /** Posts a comment from the community `fromGroup`; the new comment's id. */
    async createComment(p: { ownerId: number; postId: number; message: string; fromGroup: number }): Promise<number> {
      const result = await call(
        "wall.createComment",
        { owner_id: p.ownerId, post_id: p.postId, message: p.message, from_group: p.fromGroup },
        ZComment,
        { safeToRepeat: false },
      );
      return result.comment_id;
    },
  };
}

export type TVkClient = ReturnType<typeof createVkClient>;
