import { describe, expect, it } from "vitest";
import { formatMonthTitle, formatShortMonth, previousMonth } from "./month";

describe("months of the analysis", () => {
  it("steps back across a year", () => {
    expect(previousMonth("2026-03")).toBe("2026-02");
    expect(previousMonth("2026-01")).toBe("2025-12");
  });

  it("names a month on an axis and in a title", () => {
    expect(formatShortMonth("2026-03")).toBe("мар 2026");
    expect(formatShortMonth("2025-12")).toBe("дек 2025");
    expect(formatMonthTitle("2026-05")).toBe("май 2026 г.");
    expect(formatMonthTitle("бред")).toBe("бред");
  });
});
