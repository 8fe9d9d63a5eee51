import { describe, expect, it, vi } from "vitest";
import type { TTickResult } from "../services/scheduler/tick";
import { isAuthorised, respondToTick } from "./http";

const SECRET = "cron-secret-0123456789";
const done: TTickResult = {
  skipped: false,
  runId: "run-1",
  violations: 2,
  reminders: 3,
  escalations: 0,
  monthsClosed: 0,
  routineReminders: 0,
  connectorPosts: 0,
  emails: null,
  errors: [],
  durationMs: 12,
};

const post = (authorization?: string) =>
  new Request("http://localhost/api/cron/tick", {
    method: "POST",
    headers: authorization === undefined ? {} : { Authorization: authorization },
  });

async function answer(request: Request, secret: string | undefined, result: TTickResult | Error = done) {
  const tick = vi.fn(() => (result instanceof Error ? Promise.reject(result) : Promise.resolve(result)));
  const response = await respondToTick(request, { secret, tick });
  return {
    status: response.status,
    body: (await response.json()) as unknown,
    response,
    ticked: tick.mock.calls.length,
  };
}

describe("POST /api/cron/tick", () => {
  it("is off (503) while no CRON_SECRET is configured, whatever is sent", async () => {
    expect(await answer(post(`Bearer ${SECRET}`), undefined)).toMatchObject({
      status: 503,
      body: { error: "scheduler_disabled" },
      ticked: 0,
    });
  });

  it("refuses (401) a missing, wrong, truncated or non-Bearer secret without ticking", async () => {
    for (const header of [
      undefined,
      "",
      `Bearer ${SECRET}x`,
      `Bearer ${SECRET.slice(0, -1)}`,
      `Basic ${SECRET}`,
      SECRET,
      "Bearer ",
    ]) {
      const { status, body, response, ticked } = await answer(post(header), SECRET);
      expect({ header, status, body, ticked }).toEqual({
        header,
        status: 401,
        body: { error: "unauthorized" },
        ticked: 0,
      });
      expect(response.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    }
  });

  it("ticks for the right secret and answers with the counts, never cached", async () => {
    const { status, body, response, ticked } = await answer(post(`Bearer ${SECRET}`), SECRET);
    expect({ status, body, ticked }).toEqual({ status: 200, body: done, ticked: 1 });
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await answer(post(`bearer   ${SECRET}`), SECRET)).toMatchObject({ status: 200 });
  });

  it("answers 200 with skipped when another tick is running: nothing is wrong", async () => {
    expect(
      await answer(post(`Bearer ${SECRET}`), SECRET, { skipped: true, reason: "another tick is running" }),
    ).toMatchObject({
      status: 200,
      body: { skipped: true, reason: "another tick is running" },
    });
  });

  it("answers 500 when part of the tick failed (with the counts) or all of it did", async () => {
    const partial = { ...done, errors: ["reminders, Район 1: connection reset"] };
    expect(await answer(post(`Bearer ${SECRET}`), SECRET, partial)).toMatchObject({ status: 500, body: partial });
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await answer(post(`Bearer ${SECRET}`), SECRET, new Error("database is down"))).toMatchObject({
      status: 500,
      body: { error: "tick_failed" },
    });
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

  it("compares the secret whole, case-sensitively", () => {
    expect(isAuthorised(`Bearer ${SECRET}`, SECRET)).toBe(true);
    expect(isAuthorised(`Bearer ${SECRET.toUpperCase()}`, SECRET)).toBe(false);
    expect(isAuthorised(null, SECRET)).toBe(false);
    expect(isAuthorised(`Bearer ${SECRET} extra`, SECRET)).toBe(false);
  });
});
