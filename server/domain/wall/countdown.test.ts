import { describe, expect, it } from "vitest";
import { estimateClockOffset, formatCountdown, formatTimeOfDay, MINUS } from "./countdown";

const s = 1000;
const m = 60 * s;
const h = 60 * m;

describe("the wall's countdown", () => {
  it("reads hours, minutes and seconds left, rounding down", () => {
    expect(formatCountdown(0)).toBe("00:00:00");
    expect(formatCountdown(999)).toBe("00:00:00");
    expect(formatCountdown(29 * m + 59 * s + 999)).toBe("00:29:59");
    expect(formatCountdown(23 * h + 59 * m + 59 * s)).toBe("23:59:59");
    expect(formatCountdown(31 * h)).toBe("31:00:00");
  });

  it("reads the time overdue after a minus sign, rounding up", () => {
    expect(formatCountdown(-1)).toBe(`${MINUS}00:00:01`);
    expect(formatCountdown(-(5 * m + 12 * s))).toBe("−00:05:12");
    expect(formatCountdown(-(5 * m + 11 * s + 1))).toBe("−00:05:12");
    expect(formatCountdown(-(26 * h + 3 * s))).toBe("−26:00:03");
  });

  it("shows the time of day in the municipality's zone", () => {
    const at = new Date("2026-11-27T21:05:09Z");
    expect(formatTimeOfDay(at, "Europe/Moscow")).toBe("00:05:09");
    expect(formatTimeOfDay(at, "Asia/Vladivostok")).toBe("07:05:09");
  });

  it("corrects a screen whose clock is off by the server's reading", () => {
    const server = Date.parse("2026-11-27T09:00:00Z");
    expect(estimateClockOffset(server, server - 3 * m)).toBe(3 * m);
    expect(estimateClockOffset(server, server + 90 * s)).toBe(-90 * s);
  });
});
