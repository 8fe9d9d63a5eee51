import { request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { expect, signInWithApi, test, trpcMutation } from "./fixtures";

/**
 * The REST API v1 for the curator's system, over real HTTP against the production build and
 * the demo seed (its API key is the demo default of scripts/serve.ts).
 */

const KEY = process.env.DEMO_API_KEY ?? "otklik-demo-api-key-0000000000";
const auth = { Authorization: `Bearer ${KEY}` };
const run = Date.now().toString(36);
let seq = 0;
const nextExternalId = () => `E2E-${run}-${++seq}`;

type TPublication = {
  id: string;
  externalId: string | null;
  number: number;
  status: string;
  network: string;
  url: string;
  receivedAt: string;
  deadlines: { route: string; draft: string; answer: string };
  clock: { name: string; dueAt: string; state: string } | null;
  answerClock: { dueAt: string; state: string | null };
  department: { id: string; name: string } | null;
  violations: { type: string; detectedAt: string }[];
  answer: { text: string | null; postedUrl: string | null; postedAt: string | null } | null;
  repeatOf: { id: string; externalId: string | null } | null;
};
type TPage = { items: TPublication[]; nextCursor: string | null };
type TValidation = { error: string; issues: { path: string; message: string }[] };

function publication(over: Record<string, unknown> = {}) {
  return {
    externalId: nextExternalId(),
    network: "VK",
    url: `https://vk.com/wall-123_${Math.floor(Math.random() * 1e9)}`,
    text: "Во дворе дома № 5 по ул. Ленина третий день не вывозят мусор",
    authorName: "Иван Петров",
    ...over,
  };
}

function post(request: APIRequestContext, body: unknown) {
  return request.post("/api/v1/publications", { data: body as object, headers: auth });
}

async function json<T>(res: APIResponse): Promise<T> {
  return (await res.json()) as T;
}

async function expectValidation(res: APIResponse, path: string) {
  expect(res.status()).toBe(400);
  const body = await json<TValidation>(res);
  expect(body.error).toBe("validation");
  const issue = body.issues.find((i) => i.path === path);
  expect(issue, `an issue on "${path}" in ${JSON.stringify(body.issues)}`).toBeDefined();
  expect(issue?.message).toMatch(/[а-яё]/i);
  return body;
}

test.describe("REST API v1", () => {
  test("refuses calls without a key or with a wrong one", async ({ request }) => {
    const none = await request.get("/api/v1/publications");
    expect(none.status()).toBe(401);
    expect(none.headers()["www-authenticate"]).toMatch(/^Bearer/);
    expect(none.headers()["cache-control"]).toBe("no-store");
    expect(await none.json()).toMatchObject({ error: "unauthorized", message: expect.any(String) });

    const wrong = await request.post("/api/v1/publications", {
      data: publication(),
      headers: { Authorization: "Bearer otk_this-key-does-not-exist-at-all" },
    });
    expect(wrong.status()).toBe(401);
    expect(wrong.headers()["www-authenticate"]).toMatch(/^Bearer/);
    expect((await json<{ error: string }>(wrong)).error).toBe("unauthorized");

    const notBearer = await request.get("/api/v1/publications/x", { headers: { Authorization: `Basic ${KEY}` } });
    expect(notBearer.status()).toBe(401);
  });

  test("registers a publication once: 201, then 200 with the same case", async ({ request }) => {
    const body = publication({
      topic: "вывоз мусора",
      socialSignificance: { significant: true, reason: "Массовые жалобы" },
    });
    const first = await post(request, body);
    expect(first.status()).toBe(201);
    expect(first.headers()["cache-control"]).toBe("no-store");
    const created = await json<TPublication>(first);
    expect(first.headers().location).toBe(`/api/v1/publications/${created.id}`);
    expect(created).toMatchObject({
      externalId: body.externalId,
      status: "NEW",
      network: "VK",
      url: body.url,
      repeatOf: null,
      answer: null,
    });

    const again = await post(request, { ...body, text: "Другой текст при повторной доставке" });
    expect(again.status()).toBe(200);
    expect(await json<TPublication>(again)).toEqual(created);

    // A repeated publication links to the earlier one by its external id (п.11).
    const repeat = await post(request, publication({ repeatOfExternalId: body.externalId }));
    expect(repeat.status()).toBe(201);
    expect((await json<TPublication>(repeat)).repeatOf).toEqual({ id: created.id, externalId: body.externalId });
  });

  test("ten concurrent deliveries of one new publication make exactly one case", async ({ request }) => {
    const since = new Date(Date.now() - 1000).toISOString();
    const body = publication();
    const responses = await Promise.all(Array.from({ length: 10 }, () => post(request, body)));
    const statuses = responses.map((r) => r.status()).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const ids = new Set(await Promise.all(responses.map(async (r) => (await json<TPublication>(r)).id)));
    expect(ids.size).toBe(1);

    const list = await request.get(`/api/v1/publications?updatedSince=${encodeURIComponent(since)}&limit=200`, {
      headers: auth,
    });
    expect(list.status()).toBe(200);
    const page = await json<TPage>(list);
    expect(page.items.filter((i) => i.externalId === body.externalId)).toHaveLength(1);
    expect(page.items.filter((i) => i.externalId === body.externalId)[0]?.id).toBe([...ids][0]);
  });

  test("explains invalid input in Russian, per field", async ({ request }) => {
    const { url: _url, ...withoutUrl } = publication();
    await expectValidation(await post(request, withoutUrl), "url");
    await expectValidation(
      await post(request, publication({ receivedAt: new Date(Date.now() + 60 * 60_000).toISOString() })),
      "receivedAt",
    );
    await expectValidation(await post(request, publication({ network: "MYSPACE" })), "network");
    await expectValidation(await post(request, publication({ topic: "Полёты на Марс" })), "topic");
    await expectValidation(
      await post(request, publication({ repeatOfExternalId: "NO-SUCH-ID" })),
      "repeatOfExternalId",
    );
    await expectValidation(await post(request, publication({ receivedAt: "вчера" })), "receivedAt");

    const malformed = await request.post("/api/v1/publications", {
      data: '{"externalId": "X-1", "url": ',
      headers: { ...auth, "Content-Type": "application/json" },
    });
    await expectValidation(malformed, "");

    const form = await request.post("/api/v1/publications", { form: { externalId: "X-2" }, headers: auth });
    expect(form.status()).toBe(415);
    expect((await json<{ error: string }>(form)).error).toBe("unsupported_media_type");

    const huge = await post(request, publication({ text: "а".repeat(1_100_000) }));
    expect(huge.status()).toBe(413);

    const badQuery = await request.get("/api/v1/publications?status=OPEN&limit=0&updatedSince=yesterday", {
      headers: auth,
    });
    const issues = (await expectValidation(badQuery, "limit")).issues.map((i) => i.path);
    expect(issues).toEqual(expect.arrayContaining(["status.0", "updatedSince"]));
  });

  test("shows a publication with its deadlines and clocks; another id is 404", async ({ request }) => {
    const receivedAt = new Date(Date.now() - 10 * 60_000);
    receivedAt.setMilliseconds(0);
    const created = await json<TPublication>(
      await post(request, publication({ receivedAt: receivedAt.toISOString() })),
    );

    const res = await request.get(`/api/v1/publications/${created.id}`, { headers: auth });
    expect(res.status()).toBe(200);
    expect(res.headers()["cache-control"]).toBe("no-store");
    const p = await json<TPublication>(res);
    const plus = (minutes: number) => new Date(receivedAt.getTime() + minutes * 60_000).toISOString();
    expect(p).toEqual({
      id: created.id,
      externalId: created.externalId,
      number: expect.any(Number) as unknown,
      status: "NEW",
      network: "VK",
      url: created.url,
      receivedAt: receivedAt.toISOString(),
      deadlines: { route: plus(30), draft: plus(20 * 60), answer: plus(24 * 60) },
      clock: { name: "ROUTE", dueAt: plus(30), state: "ON_TIME" },
      answerClock: { dueAt: plus(24 * 60), state: "ON_TIME" },
      department: null,
      violations: [],
      answer: null,
      repeatOf: null,
    });

    const missing = await request.get("/api/v1/publications/no-such-case", { headers: auth });
    expect(missing.status()).toBe(404);
    expect((await json<{ error: string }>(missing)).error).toBe("not_found");
  });

  test("a publication received 25 hours ago and never touched shows its answer clock overdue", async ({ request }) => {
    const receivedAt = new Date(Date.now() - 25 * 60 * 60_000).toISOString();
    const res = await post(request, publication({ receivedAt }));
    expect(res.status()).toBe(201);
    const { id } = await json<TPublication>(res);
    const p = await json<TPublication>(await request.get(`/api/v1/publications/${id}`, { headers: auth }));
    expect(p.answerClock.state).toBe("OVERDUE");
    expect(new Date(p.answerClock.dueAt).getTime()).toBe(new Date(receivedAt).getTime() + 24 * 60 * 60_000);
    expect(p.clock).toMatchObject({ name: "ROUTE", state: "OVERDUE" });
  });

  test("pages through the list with a cursor, without overlap", async ({ request }) => {
    const since = new Date().toISOString();
    const externalIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const body = publication();
      externalIds.push(body.externalId);
      expect((await post(request, body)).status()).toBe(201);
    }
    const base = `/api/v1/publications?status=NEW&updatedSince=${encodeURIComponent(since)}&limit=2`;
    const pages: TPage[] = [];
    let cursor: string | null = null;
    do {
      const url: string = cursor ? `${base}&cursor=${encodeURIComponent(cursor)}` : base;
      const res = await request.get(url, { headers: auth });
      expect(res.status()).toBe(200);
      const page = await json<TPage>(res);
      expect(page.items.length).toBeLessThanOrEqual(2);
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor && pages.length < 10);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]?.items).toHaveLength(2);
    const seen = pages.flatMap((p) => p.items.map((i) => i.id));
    expect(new Set(seen).size).toBe(seen.length);
    const mine = pages.flatMap((p) => p.items).filter((i) => externalIds.includes(i.externalId ?? ""));
    expect(mine.map((i) => i.externalId).sort()).toEqual([...externalIds].sort());
    expect(pages.at(-1)?.nextCursor).toBeNull();
  });

  test("the curator's decision is refused for a case not at the curator", async ({ request }) => {
    const { id } = await json<TPublication>(await post(request, publication()));
    const res = await request.post(`/api/v1/publications/${id}/decision`, {
      data: { decision: "approve", comment: "Согласовано" },
      headers: auth,
    });
    expect(res.status()).toBe(409);
    expect(await res.json()).toMatchObject({ error: "conflict", message: expect.stringMatching(/[а-яё]/i) });
    const after = await json<TPublication>(await request.get(`/api/v1/publications/${id}`, { headers: auth }));
    expect(after.status).toBe("NEW");

    const bad = await request.post(`/api/v1/publications/${id}/decision`, {
      data: { decision: "maybe" },
      headers: auth,
    });
    await expectValidation(bad, "decision");
    const foreign = await request.post("/api/v1/publications/no-such-case/decision", {
      data: { decision: "approve" },
      headers: auth,
    });
    expect(foreign.status()).toBe(404);
  });

  test("the curator approves one draft and returns another through the API", async ({ request, baseURL }) => {
    const as = async (login: string) => {
      const ctx = await playwrightRequest.newContext({ baseURL });
      await signInWithApi(ctx, login);
      return ctx;
    };
    const coordinator = await as("coordinator");
    const executor = await as("executor");
    try {
      const me = await executor.get("/api/trpc/me.get");
      expect(me.status()).toBe(200);
      const departmentId = (await json<{ result: { data: { json: { department: { id: string } } } } }>(me)).result.data
        .json.department.id;
      const toCurator = async () => {
        const { id } = await json<TPublication>(await post(request, publication()));
        const step = async (ctx: APIRequestContext, input: object) => {
          const res = await trpcMutation(ctx, "cases.transition", { caseId: id, ...input });
          expect(res.status(), await res.text()).toBe(200);
        };
        await step(coordinator, { event: "route", input: { departmentId } });
        await step(executor, {
          event: "submitDraft",
          draft: {
            kind: "MEASURES",
            measures: "Мусор вывезен 28.11.2026.",
            stages: "График вывоза восстановлен с 29.11.2026.",
          },
        });
        await step(coordinator, { event: "forward" });
        return id;
      };

      const approvedId = await toCurator();
      const approve = await request.post(`/api/v1/publications/${approvedId}/decision`, {
        data: { decision: "approve", comment: "Согласовано" },
        headers: auth,
      });
      expect(approve.status()).toBe(200);
      const approved = await json<TPublication>(approve);
      expect(approved).toMatchObject({
        status: "APPROVED",
        department: { id: departmentId },
        clock: { name: "ANSWER" },
      });
      expect(approved.answer?.text).toContain("Мусор вывезен 28.11.2026.");

      const again = await request.post(`/api/v1/publications/${approvedId}/decision`, {
        data: { decision: "approve" },
        headers: auth,
      });
      expect(again.status()).toBe(409);

      const rejectedId = await toCurator();
      const noComment = await request.post(`/api/v1/publications/${rejectedId}/decision`, {
        data: { decision: "reject" },
        headers: auth,
      });
      await expectValidation(noComment, "comment");
      const reject = await request.post(`/api/v1/publications/${rejectedId}/decision`, {
        data: { decision: "reject", comment: "Укажите, когда вывоз будет регулярным" },
        headers: auth,
      });
      expect(reject.status()).toBe(200);
      expect(await json<TPublication>(reject)).toMatchObject({
        status: "REWORK",
        clock: { name: "REWORK", state: "ON_TIME" },
      });
    } finally {
      await coordinator.dispose();
      await executor.dispose();
    }
  });

  test("publishes its OpenAPI 3.1 description without a key", async ({ request }) => {
    const res = await request.get("/api/v1/openapi.json");
    expect(res.status()).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/publications",
        "/api/v1/publications/{id}",
        "/api/v1/publications/{id}/decision",
      ]),
    );
    expect(Object.keys(doc.paths["/api/v1/publications"] ?? {})).toEqual(expect.arrayContaining(["get", "post"]));
  });
});
