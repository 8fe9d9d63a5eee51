import { describe, expect, it } from "vitest";
import { EMAIL_MAX_ATTEMPTS, nextEmailAttempt } from "./backoff";

const now = new Date("2026-11-27T09:00:00Z");
const minutesLater = (m: number) => new Date(now.getTime() + m * 60_000);

describe("retrying a failed e-mail", () => {
  it("waits 1, 5, 15, 60 and 240 minutes, then gives up after the sixth attempt", () => {
    expect(EMAIL_MAX_ATTEMPTS).toBe(6);
    expect(nextEmailAttempt(1, now)).toEqual({ status: "PENDING", at: minutesLater(1) });
    expect(nextEmailAttempt(2, now)).toEqual({ status: "PENDING", at: minutesLater(5) });
    expect(nextEmailAttempt(3, now)).toEqual({ status: "PENDING", at: minutesLater(15) });
    expect(nextEmailAttempt(4, now)).toEqual({ status: "PENDING", at: minutesLater(60) });
    expect(nextEmailAttempt(5, now)).toEqual({ status: "PENDING", at: minutesLater(240) });
    expect(nextEmailAttempt(6, now)).toEqual({ status: "FAILED" });
    expect(nextEmailAttempt(7, now)).toEqual({ status: "FAILED" });
  });

  it("refuses a count of attempts that cannot follow a failure", () => {
    expect(() => nextEmailAttempt(0, now)).toThrow(RangeError);
    expect(() => nextEmailAttempt(1.5, now)).toThrow(RangeError);
  });
});
