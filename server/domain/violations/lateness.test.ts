import { describe, expect, it } from "vitest";
import { findClockStop, formatLateness, measureLateness, type TStatusEvent } from "./lateness";

const t = (hhmm: string) => new Date(`2026-03-10T${hhmm}:00.000Z`);
const ev = (hhmm: string, fromStatus: TStatusEvent["fromStatus"], toStatus: TStatusEvent["toStatus"]) => ({
  at: t(hhmm),
  fromStatus,
  toStatus,
});

/** Received 08:00, routed 09:10, handed back 09:30, routed again 10:40, drafted 12:00, returned 12:20, resubmitted 13:00, forwarded 14:00, posted 20:00. */
const timeline: TStatusEvent[] = [
  ev("08:00", null, "NEW"),
  ev("08:05", "NEW", "NEW"), // marked significant: no status change
  ev("09:10", "NEW", "ASSIGNED"),
  ev("09:30", "ASSIGNED", "NEW"),
  ev("10:40", "NEW", "ASSIGNED"),
  ev("12:00", "ASSIGNED", "INTERNAL_REVIEW"),
  ev("12:20", "INTERNAL_REVIEW", "REWORK"),
  ev("13:00", "REWORK", "INTERNAL_REVIEW"),
  ev("14:00", "INTERNAL_REVIEW", "AT_CURATOR"),
  ev("15:00", "AT_CURATOR", "APPROVED"),
  ev("20:00", "APPROVED", "POSTED"),
];

describe("when a late clock was finally stopped", () => {
  it("finds the action that stopped each clock instance", () => {
    expect(findClockStop({ type: "ROUTE_LATE", clockStartedAt: t("08:00") }, timeline)).toEqual(t("09:10"));
    // The re-routing clock started when the department handed the case back.
    expect(findClockStop({ type: "ROUTE_LATE", clockStartedAt: t("09:30") }, timeline)).toEqual(t("10:40"));
    // Handing back does not stop the draft clock; the first submission does.
    expect(findClockStop({ type: "DRAFT_LATE", clockStartedAt: t("08:00") }, timeline)).toEqual(t("12:00"));
    // The forward clock of the first submission stopped at the return, of the second at forwarding.
    expect(findClockStop({ type: "FORWARD_LATE", clockStartedAt: t("12:00") }, timeline)).toEqual(t("12:20"));
    expect(findClockStop({ type: "FORWARD_LATE", clockStartedAt: t("13:00") }, timeline)).toEqual(t("14:00"));
    expect(findClockStop({ type: "REWORK_LATE", clockStartedAt: t("12:20") }, timeline)).toEqual(t("13:00"));
    expect(findClockStop({ type: "ANSWER_LATE", clockStartedAt: t("08:00") }, timeline)).toEqual(t("20:00"));
  });

  it("reports a clock nobody has stopped yet as still running", () => {
    const untouched = [ev("08:00", null, "NEW"), ev("08:05", "NEW", "NEW")];
    expect(findClockStop({ type: "ROUTE_LATE", clockStartedAt: t("08:00") }, untouched)).toBeNull();
    expect(findClockStop({ type: "ANSWER_LATE", clockStartedAt: t("08:00") }, timeline.slice(0, 10))).toBeNull();
  });

  it("stops every clock at a cancellation, and events arrive in any order", () => {
    const cancelled = [ev("11:00", "REWORK", "CANCELLED"), ev("08:00", null, "NEW"), ev("09:00", "NEW", "ASSIGNED")];
    expect(findClockStop({ type: "REWORK_LATE", clockStartedAt: t("10:00") }, cancelled)).toEqual(t("11:00"));
    expect(findClockStop({ type: "ANSWER_LATE", clockStartedAt: t("08:00") }, cancelled)).toEqual(t("11:00"));
    expect(findClockStop({ type: "DRAFT_LATE", clockStartedAt: t("08:00") }, cancelled)).toEqual(t("11:00"));
    expect(findClockStop({ type: "ROUTE_LATE", clockStartedAt: t("08:00") }, cancelled)).toEqual(t("09:00"));
  });
});

describe("how late", () => {
  it("measures a stopped clock to its stop and a running one to now", () => {
    const dueAt = t("08:30");
    expect(measureLateness({ dueAt, stoppedAt: t("10:45"), now: t("23:00") })).toEqual({
      minutes: 135,
      running: false,
      stoppedAt: t("10:45"),
    });
    expect(measureLateness({ dueAt, stoppedAt: null, now: t("09:00") })).toEqual({
      minutes: 30,
      running: true,
      stoppedAt: null,
    });
    // Seconds past the deadline are not yet a minute.
    expect(measureLateness({ dueAt, stoppedAt: new Date(dueAt.getTime() + 59_999), now: t("23:00") }).minutes).toBe(0);
  });

  it("says it in Russian, leaving out empty parts", () => {
    expect(formatLateness(135)).toBe("на 2 ч 15 мин");
    expect(formatLateness(45)).toBe("на 45 мин");
    expect(formatLateness(120)).toBe("на 2 ч");
    expect(formatLateness(1440 + 180)).toBe("на 1 сут 3 ч");
    expect(formatLateness(2 * 1440 + 5)).toBe("на 2 сут 5 мин");
    expect(formatLateness(0)).toBe("менее чем на 1 мин");
  });
});
