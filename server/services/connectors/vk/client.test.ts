import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { VK_RATE_POLICY } from "../../../domain/connectors/rate-limit";
import { fakeVkTime, startVkApiServer, type TVkApiServer } from "../../../testing/vk-api-server";
import { createVkClient, VK_API_VERSION, VkApiError } from "./client";
import { RateLimiter } from "./rate-limiter";

const TOKEN = "vk1.a.client-test-token-0123456789";
const GROUP = 123;
let vk: TVkApiServer;
let time: ReturnType<typeof fakeVkTime>;

beforeAll(async () => {
  time = fakeVkTime();
  vk = await startVkApiServer({
    communities: [
      {
        id: GROUP,
        name: "Администрация района",
        screenName: "adm_rayon",
        posts: Array.from({ length: 150 }, (_, i) => ({
          id: i + 1,
          date: 1_790_000_000 + i * 60,
          text: `Новость ${i + 1}`,
        })),
      },
    ],
    tokens: { [TOKEN]: GROUP },
    clock: () => time.clock(),
  });
  vk.addPost(-GROUP, { id: 500, date: 1_790_100_000, text: "Когда починят дорогу?", fromId: 42 });
});
afterAll(() => vk.close());
beforeEach(() => {
  vk.calls.length = 0;
  time.sleeps.length = 0;
});

/** A client with a fresh limiter on the fake clock; `random` 0.5 makes pauses the middle of their range. */
const clientWith = (token = TOKEN) =>
  createVkClient(token, {
    baseUrl: vk.url,
    limiter: new RateLimiter(VK_RATE_POLICY, time.clock, time.sleep),
    sleep: time.sleep,
    random: () => 0.5,
  });

async function failureOf(promise: Promise<unknown>): Promise<VkApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof VkApiError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("VK client", () => {
  it("posts form-encoded calls with the version, and the token in the body only", async () => {
    const community = await clientWith().getCommunity();
    expect(community).toEqual({ id: GROUP, name: "Администрация района", screenName: "adm_rayon" });
    expect(vk.calls).toHaveLength(1);
    const [call] = vk.calls;
    expect(call).toMatchObject({
      method: "groups.getById",
      tokenInBody: true,
      tokenInUrl: false,
      tokenValid: true,
      contentType: "application/x-www-form-urlencoded",
      outcome: "ok",
    });
    expect(call!.params).toEqual({ v: VK_API_VERSION });
  });

  it("reads a wall page with offset and count, the community's own posts only", async () => {
    const page = await clientWith().getWallPage({ ownerId: -GROUP, offset: 100, count: 100 });
    expect(page.total).toBe(150);
    expect(page.items).toHaveLength(50);
    expect(page.items[0]).toMatchObject({ id: 50, owner_id: -GROUP, from_id: -GROUP, text: "Новость 50" });
    expect(vk.calls[0]!.params).toEqual({ owner_id: "-123", offset: "100", count: "100", filter: "owner", v: "5.199" });
  });

  it("posts a comment from the community and returns its id", async () => {
    const id = await clientWith().createComment({ ownerId: -GROUP, postId: 500, message: "Ответ", fromGroup: GROUP });
    expect(vk.comments.at(-1)).toEqual({
      id,
      ownerId: -GROUP,
      postId: 500,
      fromGroup: GROUP,
      message: "Ответ",
      byCommunity: GROUP,
    });
    expect(vk.calls[0]!.params).toMatchObject({
      owner_id: "-123",
      post_id: "500",
      from_group: "123",
      message: "Ответ",
    });
  });

  it("stops at once on a dead token, with the Russian reason and without the token in it", async () => {
    const error = await failureOf(clientWith("vk1.a.unknown-token-xyz").getCommunity());
    expect(error.failure).toMatchObject({ kind: "TOKEN", code: 5 });
    expect(error.message).toMatch(/Ключ доступа сообщества ВКонтакте недействителен или истёк/);
    expect(error.message).not.toContain("unknown-token");
    expect(vk.calls).toHaveLength(1);
  });

  it("retries HTTP 429 with growing pauses, then succeeds", async () => {
    vk.failNext({ http: 429 }, { times: 2 });
    const community = await clientWith().getCommunity();
    expect(community.id).toBe(GROUP);
    expect(vk.calls.map((c) => c.outcome)).toEqual(["http 429", "http 429", "ok"]);
    // Backoff of 750 ms then 1 500 ms (random 0.5): longer than the limiter's 400 ms, so no extra wait.
    expect(time.sleeps).toEqual([750, 1500]);
    const gaps = vk.calls.slice(1).map((c, i) => c.at - vk.calls[i]!.at);
    expect(gaps).toEqual([750, 1500]);
  });

  it("waits as long as a 429's Retry-After asks", async () => {
    vk.failNext({ http: 429, retryAfterSeconds: 5 });
    await clientWith().getCommunity();
    expect(time.sleeps).toEqual([5000]);
  });

  it("retries VK's rate-limit errors 6 and 29, even for a comment", async () => {
    vk.failNext({ error: 6 }, { method: "wall.createComment" });
    vk.failNext({ error: 29 }, { method: "wall.createComment" });
    const before = vk.comments.length;
    await clientWith().createComment({ ownerId: -GROUP, postId: 500, message: "Ответ 2", fromGroup: GROUP });
    expect(vk.calls.map((c) => c.outcome)).toEqual(["error 6", "error 29", "ok"]);
    expect(vk.comments.length).toBe(before + 1);
  });

  it("gives up after four calls when the limit does not clear", async () => {
    vk.failNext({ error: 6 }, { times: 4 });
    const error = await failureOf(clientWith().getCommunity());
    expect(error).toMatchObject({ attempts: 4, method: "groups.getById" });
    expect(error.failure.kind).toBe("RATE_LIMIT");
    expect(vk.calls).toHaveLength(4);
  });

  it("retries a server error on a read, but never repeats a comment whose fate is unknown", async () => {
    vk.failNext({ http: 502 }, { method: "wall.get" });
    await clientWith().getWallPage({ ownerId: -GROUP, offset: 0, count: 10 });
    expect(vk.calls.map((c) => c.outcome)).toEqual(["http 502", "ok"]);

    vk.calls.length = 0;
    vk.failNext({ http: 502 }, { method: "wall.createComment" });
    const error = await failureOf(
      clientWith().createComment({ ownerId: -GROUP, postId: 500, message: "Ответ 3", fromGroup: GROUP }),
    );
    expect(error.failure.kind).toBe("TRANSIENT");
    expect(vk.calls).toHaveLength(1);
  });

  it("reports a permanent refusal without retrying", async () => {
    vk.addPost(-GROUP, {
      id: 501,
      date: 1_790_100_100,
      text: "Закрытые комментарии",
      fromId: 43,
      commentsClosed: true,
    });
    const error = await failureOf(
      clientWith().createComment({ ownerId: -GROUP, postId: 501, message: "Ответ", fromGroup: GROUP }),
    );
    expect(error.failure).toMatchObject({ kind: "PERMANENT", code: 213 });
    expect(error.message).toMatch(/комментари/);
    expect(vk.calls).toHaveLength(1);
  });

  it("spaces calls 400 ms apart under the rate limiter", async () => {
    const client = clientWith();
    for (let i = 0; i < 5; i += 1) await client.getCommunity();
    const times = vk.calls.map((c) => c.at - vk.calls[0]!.at);
    expect(times).toEqual([0, 400, 800, 1200, 1600]);
  });

  it("takes a garbled answer for a failure", async () => {
    vk.failNext({ http: 200, body: "<html>maintenance</html>" }, { times: 4 });
    const error = await failureOf(clientWith().getCommunity());
    expect(error.failure.kind).toBe("TRANSIENT");
    expect(error.message).toBe("ВКонтакте вернул ответ в неожиданном формате");
  });
});
