import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local HTTP server speaking the VK API's JSON, for the connector's tests (the real API is
 * unreachable from CI). It serves `POST /method/<name>` with form-encoded parameters, as VK
 * does, for the three methods the connector calls: groups.getById, wall.get and
 * wall.createComment. It knows which community each access token belongs to, holds walls of
 * posts, records every call (without the token's value) and can be scripted to fail: a VK error
 * (5 for a dead key, 6/9/29 for rate limits) or an HTTP status (429, 502) the next N times.
 *
 *   const vk = await startVkApiServer({ communities: [{ id: 123, name: "Администрация" }],
 *                                       tokens: { "token-1": 123 } });
 *   vk.url                      // the connector's base URL: http://127.0.0.1:<port>/method
 *   vk.failNext({ error: 6 }, { times: 2, method: "wall.get" });
 *   await vk.close();
 */

export interface TVkTestPost {
  id: number;
  /** Unix seconds. */
  date: number;
  text: string;
  /** The author: the wall's owner when absent. */
  fromId?: number;
  isPinned?: boolean;
  postType?: string;
  /** Comments refused with error 213 (closed comments). */
  commentsClosed?: boolean;
}

export interface TVkTestCommunity {
  id: number;
  name: string;
  screenName?: string;
  /** The community's wall (owner id −id), any order. */
  posts?: TVkTestPost[];
}

export type TVkScriptedFailure =
  { error: number; message?: string } | { http: number; retryAfterSeconds?: number; body?: string };

export interface TVkRecordedCall {
  method: string;
  /** The server's clock at the call (the test's fake clock when one is given). */
  at: number;
  /** The parameters received, access_token left out. */
  params: Record<string, string>;
  /** Whether an access_token came in the request body. */
  tokenInBody: boolean;
  /** Whether an access_token came in the URL, where proxies and logs would keep it. */
  tokenInUrl: boolean;
  /** The token was known to the server and not revoked. */
  tokenValid: boolean;
  contentType: string | null;
  /** "ok", "error <code>" or "http <status>". */
  outcome: string;
}

export interface TVkTestComment {
  id: number;
  ownerId: number;
  postId: number;
  fromGroup: number | null;
  message: string;
  /** The community whose token posted it. */
  byCommunity: number;
}

export interface TVkApiServer {
  /** Base URL for VK_API_BASE_URL: `http://127.0.0.1:<port>/method`. */
  url: string;
  calls: TVkRecordedCall[];
  comments: TVkTestComment[];
  /** Answers the next `times` calls (of `method` only, when given) with `failure`. */
  failNext(failure: TVkScriptedFailure, options?: { times?: number; method?: string }): void;
  /** The token stops working: every call with it answers error 5 from now on. */
  revokeToken(token: string): void;
  addToken(token: string, communityId: number): void;
  /** Adds a post to the wall of `ownerId` (a community's wall is −id). */
  addPost(ownerId: number, post: TVkTestPost): void;
  close(): Promise<void>;
}

interface TScript {
  failure: TVkScriptedFailure;
  remaining: number;
  method: string | null;
}

class VkTestError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const API_VERSION_PATTERN = /^5\.\d+$/u;
const MAX_WALL_COUNT = 100;

export async function startVkApiServer(options: {
  communities: TVkTestCommunity[];
  tokens: Record<string, number>;
  clock?: () => number;
}): Promise<TVkApiServer> {
  const clock = options.clock ?? Date.now;
  const communities = new Map(options.communities.map((c) => [c.id, c]));
  const tokens = new Map(Object.entries(options.tokens));
  const revoked = new Set<string>();
  const walls = new Map<number, TVkTestPost[]>();
  for (const c of options.communities) walls.set(-c.id, [...(c.posts ?? [])]);
  const scripts: TScript[] = [];
  const calls: TVkRecordedCall[] = [];
  const comments: TVkTestComment[] = [];
  let nextCommentId = 1000;

  function takeScript(method: string): TVkScriptedFailure | null {
    const script = scripts.find((s) => s.remaining > 0 && (s.method === null || s.method === method));
    if (!script) return null;
    script.remaining -= 1;
    return script.failure;
  }

  function requireInt(params: Record<string, string>, name: string): number {
    const value = params[name];
    if (value === undefined || !/^-?\d+$/u.test(value)) {
      throw new VkTestError(100, `One of the parameters specified was missing or invalid: ${name} is required`);
    }
    return Number(value);
  }

  function groupJson(c: TVkTestCommunity) {
    return { id: c.id, name: c.name, screen_name: c.screenName ?? `club${c.id}`, is_closed: 0, type: "group" };
  }

  const methods: Record<string, (params: Record<string, string>, community: number) => unknown> = {
    "groups.getById": (params, community) => {
      const asked = (params.group_ids ?? params.group_id ?? "").split(",").filter(Boolean);
      const ids = asked.length === 0 ? [String(community)] : asked;
      const groups = ids.map((raw) => {
        const found = /^\d+$/u.test(raw)
          ? communities.get(Number(raw))
          : [...communities.values()].find((c) => (c.screenName ?? `club${c.id}`) === raw);
        if (!found)
          throw new VkTestError(100, "One of the parameters specified was missing or invalid: group_ids is undefined");
        return groupJson(found);
      });
      return { groups, profiles: [] };
    },
    "wall.get": (params) => {
      const ownerId = requireInt(params, "owner_id");
      const wall = walls.get(ownerId);
      if (!wall) throw new VkTestError(15, "Access denied: wall is disabled");
      const offset = params.offset ? Number(params.offset) : 0;
      const count = Math.min(params.count ? Number(params.count) : 20, MAX_WALL_COUNT);
      const filter = params.filter ?? "all";
      const matching = wall
        .filter((p) => {
          const from = p.fromId ?? ownerId;
          return filter === "owner" ? from === ownerId : filter === "others" ? from !== ownerId : true;
        })
        .sort((a, b) => Number(b.isPinned ?? false) - Number(a.isPinned ?? false) || b.date - a.date || b.id - a.id);
      const items = matching.slice(offset, offset + count).map((p) => ({
        id: p.id,
        owner_id: ownerId,
        from_id: p.fromId ?? ownerId,
        date: p.date,
        text: p.text,
        post_type: p.postType ?? "post",
        ...(p.isPinned ? { is_pinned: 1 } : {}),
      }));
      return { count: matching.length, items };
    },
    "wall.createComment": (params, community) => {
      const ownerId = requireInt(params, "owner_id");
      const postId = requireInt(params, "post_id");
      const message = params.message ?? "";
      if (message.trim() === "")
        throw new VkTestError(100, "One of the parameters specified was missing or invalid: message is empty");
      const fromGroup = params.from_group ? Number(params.from_group) : null;
      if (fromGroup !== null && fromGroup !== 0 && fromGroup !== community) {
        throw new VkTestError(15, "Access denied: you can not comment on behalf of this group");
      }
      const post = walls.get(ownerId)?.find((p) => p.id === postId);
      if (!post) throw new VkTestError(100, "One of the parameters specified was missing or invalid: post not found");
      if (post.commentsClosed) throw new VkTestError(213, "Access to status replies denied");
      nextCommentId += 1;
      comments.push({ id: nextCommentId, ownerId, postId, fromGroup, message, byCommunity: community });
      return { comment_id: nextCommentId, parents_stack: [] };
    },
  };

  async function readBody(request: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }

  function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
    response.end(typeof body === "string" ? body : JSON.stringify(body));
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const method = /^\/method\/([A-Za-z]+\.[A-Za-z]+)$/u.exec(url.pathname)?.[1] ?? url.pathname;
    const contentType = request.headers["content-type"] ?? null;
    const body = await readBody(request);
    const bodyParams = contentType?.startsWith("application/x-www-form-urlencoded") ? new URLSearchParams(body) : null;
    const params: Record<string, string> = Object.fromEntries(url.searchParams.entries());
    for (const [k, v] of bodyParams?.entries() ?? []) params[k] = v;
    const token = params.access_token ?? null;
    delete params.access_token;
    const community = token !== null && !revoked.has(token) ? (tokens.get(token) ?? null) : null;
    const call: TVkRecordedCall = {
      method,
      at: clock(),
      params,
      tokenInBody: bodyParams?.has("access_token") ?? false,
      tokenInUrl: url.searchParams.has("access_token"),
      tokenValid: community !== null,
      contentType,
      outcome: "ok",
    };
    calls.push(call);
    const requestParams = Object.entries(params).map(([key, value]) => ({ key, value }));
    const apiError = (code: number, message: string) => {
      call.outcome = `error ${code}`;
      send(response, 200, { error: { error_code: code, error_msg: message, request_params: requestParams } });
    };

    const scripted = takeScript(method);
    if (scripted && "http" in scripted) {
      call.outcome = `http ${scripted.http}`;
      const headers: Record<string, string> =
        scripted.retryAfterSeconds !== undefined ? { "retry-after": String(scripted.retryAfterSeconds) } : {};
      send(response, scripted.http, scripted.body ?? "<html>Too Many Requests</html>", headers);
      return;
    }
    if (scripted) return apiError(scripted.error, scripted.message ?? `Scripted error ${scripted.error}`);
    if (!API_VERSION_PATTERN.test(params.v ?? "")) return apiError(8, "Invalid request: v (version) is required");
    if (community === null) return apiError(5, "User authorization failed: invalid access_token (4).");
    const handler = methods[method];
    if (!handler) return apiError(3, "Unknown method passed");
    try {
      send(response, 200, { response: handler(params, community) });
    } catch (error) {
      if (error instanceof VkTestError) return apiError(error.code, error.message);
      throw error;
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      send(response, 500, { error: String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/method`,
    calls,
    comments,
    failNext(failure, opts = {}) {
      scripts.push({ failure, remaining: opts.times ?? 1, method: opts.method ?? null });
    },
    revokeToken(token) {
      revoked.add(token);
    },
    addToken(token, communityId) {
      tokens.set(token, communityId);
      revoked.delete(token);
    },
    addPost(ownerId, post) {
      const wall = walls.get(ownerId) ?? [];
      wall.push(post);
      walls.set(ownerId, wall);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * A fake clock and sleep for the connector's waits: sleeping advances the clock at once, so the
 * rate limiter's and the backoff's pauses are recorded, in order, and no test waits for them.
 */
export function fakeVkTime(start = 1_800_000_000_000) {
  let now = start;
  const sleeps: number[] = [];
  return {
    clock: () => now,
    sleep: (ms: number) => {
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
    sleeps,
  };
}
