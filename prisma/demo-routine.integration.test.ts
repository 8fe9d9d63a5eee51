import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkLinkOnNetwork } from "../server/domain/accounts/account-rules";
import { loadRoutineCompliance } from "../server/services/routine/compliance";
import { createTestDatabase, type TTestDatabase } from "../server/testing/db";
import { createSeededRandom } from "./demo-history";
import { seedDemoRoutine } from "./demo-routine";
import { seedDemo } from "./seed";

let t: TTestDatabase;
let municipalityId: string;
// Friday 27 November 2026, 12:00 Moscow time.
const now = new Date("2026-11-27T09:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  ({ municipalityId } = await seedDemo(t.prisma));
}, 120_000);
afterAll(async () => {
  await t.cleanup();
});

describe("demo routine posts", () => {
  it("fill twelve weeks of every demo account: mostly compliant, some weeks short, nothing after now", async () => {
    const result = await seedDemoRoutine(t.prisma, { now, random: createSeededRandom(20261127) });
    expect(result).toMatchObject({ municipalityId, present: false });
    expect(result.created).toBeGreaterThan(4 * 12 * 1.5);

    const compliance = await loadRoutineCompliance(t.prisma, municipalityId, { weeks: 12 }, now);
    expect(compliance.accounts).toHaveLength(4);
    const ended = compliance.accounts.flatMap((a) => a.cells.filter((c) => !c.current));
    const short = ended.filter((c) => c.status === "SHORT").length;
    expect(short).toBeGreaterThan(0);
    expect(short).toBeLessThan(ended.length / 3);
    // Every post before `now`, in the twelve weeks, on its account's network.
    const posts = await t.prisma.routinePost.findMany({
      where: { account: { municipalityId } },
      include: { account: { include: { network: true } } },
    });
    expect(posts).toHaveLength(result.created);
    const networks = await t.prisma.socialNetwork.findMany();
    for (const p of posts) {
      expect(p.publishedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(p.publishedAt.getTime()).toBeGreaterThanOrEqual(compliance.weeks[0]!.start.getTime());
      expect(checkLinkOnNetwork(p.url, p.account.network, networks, "post")).toMatchObject({ ok: true });
      expect(p.title).toBeTruthy();
    }
  });

  it("adds nothing when run again", async () => {
    const before = await t.prisma.routinePost.count();
    const again = await seedDemoRoutine(t.prisma, { now: new Date(now.getTime() + 7 * 86_400_000) });
    expect(again).toEqual({ municipalityId, created: 0, present: true });
    expect(await t.prisma.routinePost.count()).toBe(before);
  });
});
