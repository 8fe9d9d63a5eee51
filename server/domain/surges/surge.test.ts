import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decideSurge,
  DEFAULT_SURGE_SETTINGS,
  describeSurgeSubject,
  settlementSurgeKey,
  surgeAlertBody,
  surgeAlertTitle,
  surgeDedupeKey,
  surgeLockName,
  topicSurgeKey,
  type TRecordedSurge,
  type TSurgeDecision,
  type TSurgeSettings,
} from "./surge";

const t0 = new Date("2026-11-27T06:00:00Z");
const h = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);
const settings = DEFAULT_SURGE_SETTINGS;

/** A publication at `at` hours with others at `others` hours, registered at once (now = T0). */
const decide = (
  at: number,
  others: number[],
  recorded: TRecordedSurge | null = null,
  now: number = Math.max(at, ...others),
  s: TSurgeSettings = settings,
) => decideSurge({ settings: s, receivedAt: h(at), others: others.map(h), recorded, now: h(now) });

const surge = (first: number, last: number, caseCount: number): TRecordedSurge => ({
  id: "s1",
  firstCaseAt: h(first),
  lastCaseAt: h(last),
  caseCount,
});

describe("surge of activity (п.13): the decision for one key", () => {
  it("defaults to 3 publications within 24 hours", () => {
    expect(DEFAULT_SURGE_SETTINGS).toEqual({ threshold: 3, windowHours: 24 });
  });

  it("is no surge with fewer than N publications in the window", () => {
    expect(decide(0, [])).toEqual({ action: "none", reason: "BELOW_THRESHOLD" });
    expect(decide(5, [0])).toEqual({ action: "none", reason: "BELOW_THRESHOLD" });
  });

  it("starts a surge at the N-th publication within W hours, spanning the window's publications", () => {
    expect(decide(10, [0, 4])).toEqual({ action: "start", firstCaseAt: h(0), lastCaseAt: h(10), caseCount: 3 });
  });

  it("includes both ends of the window: three at 0 h, 12 h and exactly 24 h make a surge, 24 h 1 min does not", () => {
    expect(decide(24, [0, 12])).toMatchObject({ action: "start", firstCaseAt: h(0), caseCount: 3 });
    expect(decide(24 + 1 / 60, [0, 12])).toEqual({ action: "none", reason: "BELOW_THRESHOLD" });
  });

  it("counts only the publications within the window ending at the latest one", () => {
    // 0 h is more than 24 h before 30 h; 10 h, 20 h and 30 h make three.
    expect(decide(30, [0, 10, 20])).toEqual({ action: "start", firstCaseAt: h(10), lastCaseAt: h(30), caseCount: 3 });
  });

  it("extends the surge already recorded, without a new alert, while publications keep coming within W hours", () => {
    expect(decide(12, [0, 4, 10], surge(0, 10, 3))).toEqual({
      action: "extend",
      surgeId: "s1",
      firstCaseAt: h(0),
      lastCaseAt: h(12),
      caseCount: 4,
    });
    // 33 h is 23 h after the last one, and 12 h, 30 h and 33 h are three within a day.
    expect(decide(33, [0, 4, 10, 12, 30], surge(0, 12, 4))).toMatchObject({ action: "extend", caseCount: 5 });
  });

  it("starts a new surge after a quiet spell longer than W hours, when N come again", () => {
    const recorded = surge(0, 10, 3);
    expect(decide(40, [0, 4, 10], recorded)).toEqual({ action: "none", reason: "BELOW_THRESHOLD" });
    expect(decide(41, [0, 4, 10, 40], recorded)).toEqual({ action: "none", reason: "BELOW_THRESHOLD" });
    expect(decide(42, [0, 4, 10, 40, 41], recorded)).toEqual({
      action: "start",
      firstCaseAt: h(40),
      lastCaseAt: h(42),
      caseCount: 3,
    });
  });

  it("does not let a slow trickle keep a surge alive or count towards it", () => {
    // One a day after a surge: never N within a day, so never extended.
    expect(decide(34, [0, 4, 10], surge(0, 10, 3))).toEqual({ action: "none", reason: "BELOW_THRESHOLD" });
  });

  it("judges a publication registered late by every window it falls in, and adds it to the surge it belongs to", () => {
    // Registered at 20 h with T0 at 6 h: 0 h, 6 h and 12 h are a surge (alert: 12 h is 8 h before now).
    expect(decide(6, [0, 12], null, 20)).toEqual({
      action: "start",
      firstCaseAt: h(0),
      lastCaseAt: h(12),
      caseCount: 3,
    });
    // 0 h, 20 h, then 10 h registered late: the window [0 h, 24 h] holds three.
    expect(decide(10, [0, 20], null, 21)).toMatchObject({ action: "start", firstCaseAt: h(0), lastCaseAt: h(20) });
    // Inside a recorded surge's span: extended, not alerted twice.
    expect(decide(5, [0, 4, 10], surge(0, 10, 3), 11)).toMatchObject({ action: "extend", caseCount: 4 });
  });

  it("alerts nobody about a surge that ended more than W hours before now (a late import of old cases)", () => {
    expect(decide(-240, [-241, -242], null, 0)).toEqual({ action: "none", reason: "STALE" });
    // Still news 23 h after the last publication.
    expect(decide(-23, [-25, -24], null, 0)).toMatchObject({ action: "start" });
    expect(decide(-25, [-27, -26], null, 0)).toEqual({ action: "none", reason: "STALE" });
  });

  it("follows the municipality's threshold and window", () => {
    const five = { threshold: 5, windowHours: 24 };
    expect(decide(4, [0, 1, 2], null, 4, five)).toMatchObject({ action: "none" });
    expect(decide(4, [0, 1, 2, 3], null, 4, five)).toMatchObject({ action: "start", caseCount: 5 });
    const twoHours = { threshold: 3, windowHours: 2 };
    expect(decide(3, [0, 1.5], null, 3, twoHours)).toMatchObject({ action: "none" });
    expect(decide(3, [1, 1.5], null, 3, twoHours)).toMatchObject({ action: "start", caseCount: 3 });
  });
});

describe("surge keys and texts", () => {
  it("compares settlements without case, spaces, 'ё' and the type of settlement", () => {
    const a = settlementSurgeKey("  х.  Лёвкин ");
    const b = settlementSurgeKey("хутор левкин");
    const c = settlementSurgeKey("ЛЕВКИН");
    expect(a).toEqual({ kind: "SETTLEMENT", key: "левкин", label: "х. Лёвкин" });
    expect(b?.key).toBe("левкин");
    expect(c?.key).toBe("левкин");
    expect(settlementSurgeKey("Чалтырь")?.key).not.toBe("левкин");
    expect(settlementSurgeKey("   ")).toBeNull();
    expect(settlementSurgeKey(null)).toBeNull();
  });

  it("keys a topic by its id and shows its name", () => {
    expect(topicSurgeKey({ id: "t1", name: "Дороги" })).toEqual({ kind: "TOPIC", key: "t1", label: "Дороги" });
    expect(topicSurgeKey(null)).toBeNull();
  });

  it("locks and dedupes per key and per surge", () => {
    expect(surgeLockName("m1", { kind: "TOPIC", key: "t1" })).toBe("surge:m1:TOPIC:t1");
    expect(surgeLockName("m1", { kind: "SETTLEMENT", key: "t1" })).not.toBe(
      surgeLockName("m1", { kind: "TOPIC", key: "t1" }),
    );
    expect(surgeDedupeKey("s1")).toBe("surge:s1");
  });

  it("says what happened in Russian", () => {
    expect(surgeAlertTitle("TOPIC", "Дороги", 3, 24)).toBe("Всплеск активности: 3 публикации на тему «Дороги» за 24 ч");
    expect(describeSurgeSubject("SETTLEMENT", "х. Ленинаван", 5)).toBe(
      "5 публикаций о населённом пункте «х. Ленинаван»",
    );
    expect(describeSurgeSubject("TOPIC", "ЖКХ", 21)).toBe("21 публикация на тему «ЖКХ»");
    expect(surgeAlertBody({ firstCaseAt: h(0), lastCaseAt: h(10), settings, timeZone: "Europe/Moscow" })).toBe(
      "Поступили с 27.11.2026, 09:00 по 27.11.2026, 19:00. Порог всплеска: 3 публикации на одну тему или об одном населённом пункте за 24 ч (п.13).",
    );
  });
});

/**
 * Replays arrivals through the decision the way the service does: the publications registered
 * so far are the others, the surges recorded so far are the candidates (the latest within W
 * hours of the new one's T0), `now` is when each one is registered.
 */
function replay(arrivals: { at: number; now: number }[], s: TSurgeSettings) {
  const w = s.windowHours;
  const seen: number[] = [];
  const surges: (TRecordedSurge & { startedBy: number })[] = [];
  const decisions: TSurgeDecision[] = [];
  for (const [index, { at, now }] of arrivals.entries()) {
    const recorded =
      surges
        .filter((x) => x.lastCaseAt.getTime() >= h(at - w).getTime() && x.firstCaseAt.getTime() <= h(at + w).getTime())
        .sort((a, b) => b.lastCaseAt.getTime() - a.lastCaseAt.getTime())[0] ?? null;
    const decision = decideSurge({ settings: s, receivedAt: h(at), others: seen.map(h), recorded, now: h(now) });
    decisions.push(decision);
    if (decision.action === "start") {
      surges.push({ id: `s${index}`, startedBy: index, ...decision });
    } else if (decision.action === "extend") {
      const target = surges.find((x) => x.id === decision.surgeId)!;
      Object.assign(target, decision);
    }
    seen.push(at);
  }
  return { decisions, surges };
}

/** Brute force: is there a window of W hours holding `at` and at least N of the times? */
function bruteForceSurge(at: number, others: number[], s: TSurgeSettings): boolean {
  const all = [...others, at];
  return all.some((start) => {
    if (start > at || at - start > s.windowHours) return false;
    return all.filter((x) => x >= start && x <= start + s.windowHours).length >= s.threshold;
  });
}

const settingsArb = fc.record({
  threshold: fc.integer({ min: 2, max: 6 }),
  windowHours: fc.integer({ min: 1, max: 48 }),
});
/** Quarter-hour steps over ten days: collisions and exact window edges happen often. */
const hourArb = fc.integer({ min: 0, max: 960 }).map((q) => q / 4);

describe("surge decision properties", () => {
  it("never alerts with fewer than N publications in the window, and counts only publications it has seen", () => {
    fc.assert(
      fc.property(settingsArb, fc.array(hourArb, { maxLength: 25 }), (s, times) => {
        const sorted = [...times].sort((a, b) => a - b);
        const { decisions } = replay(
          sorted.map((at) => ({ at, now: at })),
          s,
        );
        decisions.forEach((d, i) => {
          if (d.action !== "start") return;
          expect(d.caseCount).toBeGreaterThanOrEqual(s.threshold);
          expect(d.caseCount).toBeLessThanOrEqual(i + 1);
          expect(d.lastCaseAt.getTime() - d.firstCaseAt.getTime()).toBeLessThanOrEqual(s.windowHours * 3_600_000);
          const inSpan = sorted.slice(0, i + 1).filter((x) => h(x) >= d.firstCaseAt && h(x) <= d.lastCaseAt);
          expect(inSpan.length).toBeGreaterThanOrEqual(d.caseCount);
        });
      }),
    );
  });

  it("alerts at most once for arrivals within one window, in any order, and exactly once when N or more come", () => {
    fc.assert(
      fc.property(
        settingsArb,
        fc.integer({ min: 0, max: 500 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 15 }),
        (s, start, shares) => {
          const times = shares.map((x) => start + x * s.windowHours);
          // Registered in the order given (late ones included); now is the latest T0 seen so far.
          let latest = -Infinity;
          const arrivals = times.map((at) => ({ at, now: (latest = Math.max(latest, at)) }));
          const { decisions, surges } = replay(arrivals, s);
          const starts = decisions.filter((d) => d.action === "start").length;
          expect(starts).toBe(times.length >= s.threshold ? 1 : 0);
          if (surges[0]) expect(surges[0].caseCount).toBe(times.length);
        },
      ),
    );
  });

  it("decides a surge exactly when some window of W hours holds the publication and N in all (brute force)", () => {
    fc.assert(
      fc.property(settingsArb, hourArb, fc.array(hourArb, { maxLength: 20 }), (s, at, others) => {
        const d = decideSurge({ settings: s, receivedAt: h(at), others: others.map(h), recorded: null, now: h(at) });
        const found = d.action === "start" || (d.action === "none" && d.reason === "STALE");
        expect(found).toBe(bruteForceSurge(at, others, s));
      }),
    );
  });

  it("does not depend on the order the other publications are listed in", () => {
    fc.assert(
      fc.property(settingsArb, hourArb, fc.array(hourArb, { maxLength: 20 }), hourArb, (s, at, others, now) => {
        const a = decideSurge({ settings: s, receivedAt: h(at), others: others.map(h), recorded: null, now: h(now) });
        const b = decideSurge({
          settings: s,
          receivedAt: h(at),
          others: [...others].reverse().map(h),
          recorded: null,
          now: h(now),
        });
        expect(a).toEqual(b);
      }),
    );
  });

  it("starts a second surge only after more than W hours without a counted publication (arrivals in order)", () => {
    fc.assert(
      fc.property(settingsArb, fc.array(hourArb, { maxLength: 30 }), (s, times) => {
        const sorted = [...times].sort((a, b) => a - b);
        const { decisions } = replay(
          sorted.map((at) => ({ at, now: at })),
          s,
        );
        let lastCounted: number | null = null;
        decisions.forEach((d, i) => {
          const at = sorted[i]!;
          if (d.action === "start" && lastCounted !== null) expect(at - lastCounted).toBeGreaterThan(s.windowHours);
          if (d.action !== "none") lastCounted = at;
        });
      }),
    );
  });

  it("never alerts about publications registered more than W hours after their T0", () => {
    fc.assert(
      fc.property(
        settingsArb,
        fc.array(hourArb, { maxLength: 20 }),
        fc.integer({ min: 1, max: 1000 }),
        (s, times, lag) => {
          const { decisions } = replay(
            [...times].sort((a, b) => a - b).map((at) => ({ at, now: Math.max(...times) + s.windowHours + lag / 60 })),
            s,
          );
          expect(decisions.filter((d) => d.action === "start")).toEqual([]);
        },
      ),
    );
  });
});
