import { afterAll, beforeAll, describe, expect, it } from "vitest";
// eslint-disable-next-line no-restricted-imports -- the REST route handlers themselves are under test
import { GET as getPublication } from "@/app/api/v1/publications/[id]/route";
// eslint-disable-next-line no-restricted-imports -- the REST route handlers themselves are under test
import { POST as postPublication } from "@/app/api/v1/publications/route";
import { db } from "@/server/db";
import { configureServerEnv, createSecurityWorld, type TSecurityWorld } from "../../../security/fixtures";

/**
 * The intake answers a new publication from the row it has just written rather than reading the
 * case back: that answer must be the very one a read of the publication gives, whatever the
 * delivery carried (a topic, social significance, a repeat of an earlier publication).
 */

let w: TSecurityWorld;
beforeAll(async () => {
  w = await createSecurityWorld();
  configureServerEnv(w);
});
afterAll(async () => {
  await db().$disconnect();
  await w.cleanup();
});

const post = (body: object) =>
  postPublication(
    new Request("http://localhost/api/v1/publications", {
      method: "POST",
      headers: { authorization: `Bearer ${w.keys.valid}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );

async function read(id: string): Promise<unknown> {
  const res = await getPublication(
    new Request(`http://localhost/api/v1/publications/${id}`, { headers: { authorization: `Bearer ${w.keys.valid}` } }),
    { params: Promise.resolve({ id }) },
  );
  expect(res.status).toBe(200);
  return res.json();
}

describe("POST /api/v1/publications answers with the publication as it is stored", () => {
  it("for a plain, a significant and a repeated publication, and for a known externalId again", async () => {
    const deliveries = [
      { externalId: "EQ-1", network: "VK", url: "https://vk.com/wall-1_1", text: "Яма на дороге" },
      {
        externalId: "EQ-2",
        network: "vk",
        url: "https://vk.com/wall-1_2",
        text: "Нет света во всём посёлке",
        authorName: "Житель",
        topic: "дороги",
        publishedAt: new Date(Date.now() - 3_600_000).toISOString(),
        receivedAt: new Date(Date.now() - 1_800_000).toISOString(),
        socialSignificance: { significant: true, reason: "Много жалоб" },
      },
      {
        externalId: "EQ-3",
        network: "VK",
        url: "https://vk.com/wall-1_3",
        text: "Яма всё ещё на месте",
        repeatOfExternalId: "EQ-1",
      },
    ];
    for (const delivery of deliveries) {
      const res = await post(delivery);
      expect(res.status).toBe(201);
      const created = (await res.json()) as { id: string; externalId: string };
      expect(created.externalId).toBe(delivery.externalId);
      expect(res.headers.get("location")).toBe(`/api/v1/publications/${created.id}`);
      expect(created).toEqual(await read(created.id));

      const again = await post(delivery);
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual(created);
    }
    const third = (await (await post(deliveries[2] ?? {})).json()) as { id: string };
    const repeat = (await read(third.id)) as { repeatOf: unknown };
    expect(repeat.repeatOf).toEqual({ id: expect.any(String) as unknown, externalId: "EQ-1" });
  });
});
