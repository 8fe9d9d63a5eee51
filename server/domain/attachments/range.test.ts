import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contentRange, decideRange } from "./range";

describe("Range header", () => {
  it("serves the whole file without a header", () => {
    expect(decideRange(null, 100)).toEqual({ kind: "full" });
    expect(decideRange("", 100)).toEqual({ kind: "full" });
  });

  it("serves one range, clamped to the file", () => {
    expect(decideRange("bytes=0-9", 100)).toEqual({ kind: "partial", start: 0, end: 9 });
    expect(decideRange("bytes=90-", 100)).toEqual({ kind: "partial", start: 90, end: 99 });
    expect(decideRange("bytes=90-1000", 100)).toEqual({ kind: "partial", start: 90, end: 99 });
    expect(decideRange("Bytes = 5-5", 100)).toEqual({ kind: "partial", start: 5, end: 5 });
  });

  it("serves a suffix: the last n bytes", () => {
    expect(decideRange("bytes=-10", 100)).toEqual({ kind: "partial", start: 90, end: 99 });
    expect(decideRange("bytes=-500", 100)).toEqual({ kind: "partial", start: 0, end: 99 });
  });

  it("answers 416 for a range that starts past the end", () => {
    expect(decideRange("bytes=100-", 100)).toEqual({ kind: "unsatisfiable" });
    expect(decideRange("bytes=100-200", 100)).toEqual({ kind: "unsatisfiable" });
    expect(decideRange("bytes=-0", 100)).toEqual({ kind: "unsatisfiable" });
    expect(decideRange("bytes=0-", 0)).toEqual({ kind: "unsatisfiable" });
    expect(decideRange("bytes=99999999999999999999999-", 100)).toEqual({ kind: "unsatisfiable" });
  });

  it("ignores what it does not take: other units, bad syntax, inverted and multiple ranges", () => {
    for (const header of ["items=0-9", "bytes=abc", "bytes=9-0", "bytes=", "bytes=0-9,20-29", "bytes=--5"]) {
      expect(decideRange(header, 100)).toEqual({ kind: "full" });
    }
  });

  it("never answers with bytes outside the file", () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(20_000), fc.option(fc.nat(20_000)), (size, a, b) => {
        const decision = decideRange(`bytes=${a}-${b ?? ""}`, size);
        if (decision.kind === "partial") {
          expect(decision.start).toBeLessThanOrEqual(decision.end);
          expect(decision.end).toBeLessThan(size);
          expect(decision.start).toBe(a);
        }
        if (decision.kind === "unsatisfiable") expect(a).toBeGreaterThanOrEqual(size);
      }),
    );
  });

  it("writes Content-Range for 206 and 416", () => {
    expect(contentRange({ start: 0, end: 9 }, 100)).toBe("bytes 0-9/100");
    expect(contentRange(null, 100)).toBe("bytes */100");
  });
});
