import { describe, expect, it } from "vitest";
import { checkSlaSettings, formatMinutes, REGULATION_SLA } from "./sla-settings";

describe("SLA settings", () => {
  it("accepts the regulation's defaults: 30 min, 20 h, 30 min, 30 min, 24 h", () => {
    expect(REGULATION_SLA).toEqual({
      slaRouteMinutes: 30,
      slaDraftMinutes: 1200,
      slaForwardMinutes: 30,
      slaReworkMinutes: 30,
      slaAnswerMinutes: 1440,
    });
    expect(checkSlaSettings(REGULATION_SLA)).toEqual([]);
  });

  it("refuses zero, fractions and more than a week", () => {
    const problems = checkSlaSettings({
      ...REGULATION_SLA,
      slaRouteMinutes: 0,
      slaReworkMinutes: 1.5,
      slaAnswerMinutes: 20_000,
    });
    expect(problems.map((p) => p.field).sort()).toEqual(["slaAnswerMinutes", "slaReworkMinutes", "slaRouteMinutes"]);
  });

  it("refuses a draft deadline at or after the answer deadline", () => {
    const problems = checkSlaSettings({ ...REGULATION_SLA, slaDraftMinutes: 1440 });
    expect(problems).toContainEqual(expect.objectContaining({ field: "slaDraftMinutes" }));
  });

  it("refuses routing that takes longer than drafting", () => {
    const problems = checkSlaSettings({ ...REGULATION_SLA, slaRouteMinutes: 1300 });
    expect(problems).toContainEqual(expect.objectContaining({ field: "slaRouteMinutes" }));
  });

  it("formats lengths for people", () => {
    expect(formatMinutes(30)).toBe("30 мин");
    expect(formatMinutes(1200)).toBe("20 ч");
    expect(formatMinutes(90)).toBe("1 ч 30 мин");
    expect(formatMinutes(1440)).toBe("1 сут");
    expect(formatMinutes(0)).toBe("0 мин");
  });
});
