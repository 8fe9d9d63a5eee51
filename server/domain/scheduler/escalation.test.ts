import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escalationDedupeKey, isEscalationDue, needsAcknowledgement, type TAlertCopy } from "./escalation";

const sent = new Date("2026-11-27T09:00:00Z");
const after = (minutes: number) => new Date(sent.getTime() + minutes * 60_000);
const head = (acknowledgedAt: Date | null = null): TAlertCopy => ({
  recipientIsHead: true,
  createdAt: sent,
  acknowledgedAt,
});
const deputy = (acknowledgedAt: Date | null = null): TAlertCopy => ({
  recipientIsHead: false,
  createdAt: sent,
  acknowledgedAt,
});
const due = (copies: TAlertCopy[], minutes: number, escalationMinutes = 30) =>
  isEscalationDue({ copies, escalationMinutes, now: after(minutes) });

describe("escalating an unconfirmed alert (п.13)", () => {
  it("is due once the set time has passed without the head's confirmation", () => {
    expect(due([head(), deputy()], 29)).toBe(false);
    expect(due([head(), deputy()], 30)).toBe(true);
    expect(due([head(), deputy()], 600)).toBe(true);
  });

  it("is not due once the head has confirmed, even late; the deputy's own confirmation does not stand in", () => {
    expect(due([head(after(5)), deputy()], 31)).toBe(false);
    expect(due([head(after(45)), deputy()], 50)).toBe(false);
    expect(due([head(), deputy(after(1))], 31)).toBe(true);
  });

  it("with two heads, one confirmation is enough", () => {
    expect(due([head(), head(after(3)), deputy()], 31)).toBe(false);
  });

  it("without a head the deputy's copy is the one that must be confirmed", () => {
    expect(due([deputy()], 31)).toBe(true);
    expect(due([deputy(after(2))], 31)).toBe(false);
    expect(due([], 31)).toBe(false);
  });

  it("follows the municipality's time", () => {
    expect(due([head()], 10, 10)).toBe(true);
    expect(due([head()], 9, 10)).toBe(false);
  });

  it("is never due before the time, whatever the copies (property)", () => {
    const copyArb = fc.record({
      recipientIsHead: fc.boolean(),
      createdAt: fc.integer({ min: 0, max: 10 }).map(after),
      acknowledgedAt: fc.option(fc.integer({ min: 0, max: 100 }).map(after), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.array(copyArb, { maxLength: 5 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 200 }),
        (copies, minutes, now) => {
          const result = isEscalationDue({ copies, escalationMinutes: minutes, now: after(now) });
          const first = Math.min(...copies.map((c) => c.createdAt.getTime()));
          if (result) {
            expect(after(now).getTime() - first).toBeGreaterThanOrEqual(minutes * 60_000);
            const heads = copies.filter((c) => c.recipientIsHead);
            expect((heads.length > 0 ? heads : copies).every((c) => c.acknowledgedAt === null)).toBe(true);
          }
        },
      ),
    );
  });

  it("is keyed once per publication and applies to the two alert kinds", () => {
    expect(escalationDedupeKey("case-1")).toBe("escalation:case-1");
    expect(needsAcknowledgement("SIGNIFICANT_ALERT")).toBe(true);
    expect(needsAcknowledgement("SIGNIFICANT_ESCALATION")).toBe(true);
    expect(needsAcknowledgement("SURGE_ALERT")).toBe(true);
    expect(needsAcknowledgement("DEADLINE_REMINDER")).toBe(false);
  });
});
