import { describe, expect, it } from "vitest";
import { classifyVkFailure, parseRetryAfterSeconds, VK_TOKEN_INVALID_MESSAGE } from "./vk-errors";

describe("classifyVkFailure", () => {
  it("takes error 5 for a dead key, with the message the administrator acts on", () => {
    const f = classifyVkFailure({
      type: "api",
      code: 5,
      message: "User authorization failed: invalid access_token (4).",
    });
    expect(f).toMatchObject({ kind: "TOKEN", code: 5, httpStatus: null });
    expect(f.message).toContain(VK_TOKEN_INVALID_MESSAGE);
  });

  it.each([6, 9, 29])("takes error %i for a rate limit", (code) => {
    expect(classifyVkFailure({ type: "api", code })).toMatchObject({ kind: "RATE_LIMIT", code });
  });

  it("takes HTTP 429 for a rate limit and keeps the pause VK asked for", () => {
    expect(classifyVkFailure({ type: "http", status: 429, retryAfterSeconds: 3 })).toMatchObject({
      kind: "RATE_LIMIT",
      httpStatus: 429,
      retryAfterMs: 3000,
    });
    expect(classifyVkFailure({ type: "http", status: 429 }).retryAfterMs).toBeNull();
  });

  it("takes VK's internal errors, 5xx and a lost connection for transient", () => {
    for (const cause of [
      { type: "api", code: 10 },
      { type: "api", code: 1 },
      { type: "http", status: 502 },
      { type: "http", status: 500 },
      { type: "network" },
      { type: "malformed" },
    ] as const) {
      expect(classifyVkFailure(cause).kind).toBe("TRANSIENT");
    }
  });

  it.each([
    [7, /Управление стеной/],
    [15, /запретил доступ/],
    [212, /комментарии закрыты/],
    [213, /комментари/],
    [14, /вручную/],
  ])("takes error %i for permanent, explained in Russian", (code, message) => {
    const f = classifyVkFailure({ type: "api", code });
    expect(f.kind).toBe("PERMANENT");
    expect(f.message).toMatch(message);
  });

  it("names an unknown error by its code and VK's words, and other HTTP statuses as permanent", () => {
    expect(classifyVkFailure({ type: "api", code: 9999, message: "Something odd" })).toMatchObject({
      kind: "PERMANENT",
      message: "Ошибка ВКонтакте 9999: Something odd",
    });
    expect(classifyVkFailure({ type: "http", status: 404 })).toMatchObject({ kind: "PERMANENT", httpStatus: 404 });
  });
});

describe("parseRetryAfterSeconds", () => {
  it("reads whole seconds only", () => {
    expect(parseRetryAfterSeconds("5")).toBe(5);
    expect(parseRetryAfterSeconds(" 12 ")).toBe(12);
    expect(parseRetryAfterSeconds(null)).toBeNull();
    expect(parseRetryAfterSeconds("Wed, 21 Oct 2026 07:28:00 GMT")).toBeNull();
    expect(parseRetryAfterSeconds("-1")).toBeNull();
  });
});
