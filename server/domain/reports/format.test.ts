import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  describeChange,
  formatCount,
  formatDecimal,
  formatMinutes,
  formatShare,
  formatValue,
  toPercent,
} from "./format";

/** Intl separates thousands and the percent sign with a no-break space; tests read plain spaces. */
const plain = (s: string) => s.replace(/\u00a0|\u202f/g, " ");

describe("numbers as a Russian reader expects them", () => {
  it("writes counts with a space between thousands and a minus sign", () => {
    expect(plain(formatCount(1234567))).toBe("1 234 567");
    expect(formatCount(0)).toBe("0");
    expect(formatCount(-4)).toBe("−4");
    expect(formatCount(null)).toBe("—");
  });

  it("writes shares as percent with a decimal comma, and a dash for nothing to judge", () => {
    expect(plain(formatShare(0.875))).toBe("87,5 %");
    expect(plain(formatShare(30 / 36))).toBe("83,3 %");
    expect(plain(formatShare(1))).toBe("100 %");
    expect(plain(formatShare(0))).toBe("0 %");
    expect(formatShare(null)).toBe("—");
  });

  it("writes scores with one decimal", () => {
    expect(formatDecimal(81.34)).toBe("81,3");
    expect(formatDecimal(70)).toBe("70");
    expect(formatValue(null, "score")).toBe("—");
  });

  it("writes durations in hours and minutes, as the regulation counts them", () => {
    expect(formatMinutes(0)).toBe("0 мин");
    expect(formatMinutes(14.4)).toBe("14 мин");
    expect(formatMinutes(59.6)).toBe("1 ч");
    expect(formatMinutes(135)).toBe("2 ч 15 мин");
    expect(formatMinutes(1560)).toBe("26 ч");
    expect(formatMinutes(null)).toBe("—");
  });

  it("turns a share into a chart's percent with one decimal", () => {
    expect(toPercent(30 / 36)).toBe(83.3);
    expect(toPercent(1)).toBe(100);
  });
});

describe("the change against an earlier month", () => {
  it("gives a share's change in percentage points, good when timeliness rises", () => {
    const c = describeChange(0.9, 0.8, "share", "up");
    expect(c).toMatchObject({ direction: "up", tone: "good", arrow: "▲" });
    expect(plain(c.text)).toBe("+10 п.п.");
    expect(describeChange(30 / 36, 0.8, "share", "up").text).toBe("+3,3 п.п.");
    expect(describeChange(0.6, 0.8, "share", "up")).toMatchObject({ text: "−20 п.п.", tone: "bad", arrow: "▼" });
  });

  it("gives a count's change with the relative change when the earlier month had any", () => {
    expect(plain(describeChange(40, 32, "count").text)).toBe("+8 (+25 %)");
    expect(describeChange(40, 32, "count").tone).toBe("neutral");
    expect(plain(describeChange(11, 14, "count", "down").text)).toBe("−3 (−21,4 %)");
    expect(describeChange(11, 14, "count", "down").tone).toBe("good");
    expect(describeChange(5, 0, "count", "down")).toMatchObject({ text: "+5", tone: "bad" });
  });

  it("gives durations in hours and minutes, and scores with a decimal", () => {
    expect(describeChange(1005, 960, "minutes", "down")).toMatchObject({ text: "+45 мин", tone: "bad" });
    expect(describeChange(300, 420, "minutes", "down")).toMatchObject({ text: "−2 ч", tone: "good" });
    expect(describeChange(81.3, 78.1, "score", "up").text).toBe("+3,2");
  });

  it("says so when nothing changed or there is nothing to compare", () => {
    expect(describeChange(0.8, 0.8, "share", "up")).toMatchObject({ text: "без изменений", direction: "same" });
    expect(describeChange(0.8004, 0.8, "share", "up").direction).toBe("same");
    expect(describeChange(null, 0.8, "share", "up")).toMatchObject({ text: "нет данных", direction: "unknown" });
    expect(describeChange(3, null, "count")).toMatchObject({ text: "нет данных", arrow: "" });
  });

  it("points the arrow the way the number moved, whatever the kind", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.constantFrom("count" as const, "minutes" as const),
        (current, base, kind) => {
          const c = describeChange(current, base, kind, "down");
          const expected = current > base ? "up" : current < base ? "down" : "same";
          expect(c.direction).toBe(expected);
          if (expected !== "same") expect(c.tone).toBe(expected === "down" ? "good" : "bad");
        },
      ),
    );
  });
});
