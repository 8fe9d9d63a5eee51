import { describe, expect, it } from "vitest";
import { dashboardHref, figureCasesInput, figureHref, readFigureQuery, reportDownloadHref } from "./links";

describe("analytics addresses", () => {
  it("points a figure at its drill-down with the month and scope written out", () => {
    expect(figureHref({ month: "2026-03", municipality: "" }, "received")).toBe(
      "/analytics/cases?month=2026-03&figure=received",
    );
    expect(figureHref({ month: "2026-03", municipality: "m1" }, "byNetwork", "net vk&1")).toBe(
      "/analytics/cases?month=2026-03&municipality=m1&figure=byNetwork&key=net+vk%261",
    );
  });

  it("links back to the dashboard and to the documents", () => {
    expect(dashboardHref({ month: "2026-03", municipality: "" })).toBe("/analytics?month=2026-03");
    expect(reportDownloadHref({ month: "2026-03", municipality: "m1" }, "docx")).toBe(
      "/api/reports/monthly?month=2026-03&format=docx&municipality=m1",
    );
  });
});

describe("the drill-down's address", () => {
  const params = (q: string) => new URLSearchParams(q);

  it("reads month, scope, figure and key, the month defaulting to the current one", () => {
    expect(readFigureQuery(params("month=2026-02&municipality=m1&figure=byNetwork&key=net-vk"), "2026-03")).toEqual({
      scope: { month: "2026-02", municipality: "m1" },
      figure: "byNetwork",
      key: "net-vk",
    });
    expect(readFigureQuery(params("figure=received"), "2026-03")).toEqual({
      scope: { month: "2026-03", municipality: "" },
      figure: "received",
      key: null,
    });
  });

  it("refuses an address that names no figure of a month", () => {
    expect(readFigureQuery(params("month=2026-02"), "2026-03")).toBeNull();
    expect(readFigureQuery(params("figure=everything"), "2026-03")).toBeNull();
    expect(readFigureQuery(params("figure=received&month=2026-13"), "2026-03")).toBeNull();
    expect(readFigureQuery(params("figure=received&municipality=a%20b"), "2026-03")).toBeNull();
  });

  it("passes the same input to the list as the page prefetches", () => {
    const q = readFigureQuery(params("month=2026-02&figure=clockMissed&key=DRAFT"), "2026-03")!;
    expect(figureCasesInput(q)).toEqual({
      month: "2026-02",
      municipalityId: null,
      figure: "clockMissed",
      key: "DRAFT",
    });
  });
});
