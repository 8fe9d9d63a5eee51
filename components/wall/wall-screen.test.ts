import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { REGULATION_SLA } from "@/server/domain/settings/sla-settings";
import { shapeWallBoard, type TBoardCaseRow, type TWallMessage } from "@/server/domain/wall/board";
import { WallScreen } from "./wall-screen";

/** The wall as the server renders it for a 1920×1080 TV, before any event arrives. */

const now = new Date("2026-11-27T09:00:00Z"); // 12:00 in Moscow
const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);

const row = (over: Partial<TBoardCaseRow> & { number: number; departmentId: string | null }): TBoardCaseRow => ({
  id: `case-${over.number}`,
  status: over.departmentId ? "ASSIGNED" : "NEW",
  significant: false,
  currentClock: over.departmentId ? "DRAFT" : "ROUTE",
  currentDueAt: at(10 * 3600),
  answerDueAt: at(20 * 3600),
  network: "ВКонтакте",
  excerpt: "Во дворе дома № 5 третий день не вывозят мусор",
  sla: REGULATION_SLA,
  ...over,
});

const departments = Array.from({ length: 12 }, (_, i) => ({
  id: `d${i + 1}`,
  name: `Отдел № ${String(i + 1).padStart(2, "0")}`,
  shortName: null,
  isCoordinating: false,
  active: true,
}));

function render(cases: TBoardCaseRow[]) {
  const board = shapeWallBoard({
    municipality: { id: "m1", name: "Мясниковский район", timeZone: "Europe/Moscow" },
    departments,
    cases,
    openTotal: cases.length,
    answeredToday: 7,
    now,
  });
  const initial: TWallMessage = { serverNow: now.toISOString(), board };
  return renderToString(
    createElement(WallScreen, { initial, streamUrl: "/api/wall/stream", probeUrl: "/api/wall/board", kind: "kiosk" }),
  );
}

/** The markup of the element whose opening tag contains `marker`, up to the next `until`. */
function around(html: string, marker: string, until = "</li>"): string {
  const start = html.indexOf(marker);
  expect(start, `"${marker}" in the page`).toBeGreaterThanOrEqual(0);
  return html.slice(html.lastIndexOf("<", start), html.indexOf(until, start));
}

describe("the wall screen", () => {
  const html = render([
    row({ number: 101, departmentId: null, currentDueAt: at(-(5 * 60 + 12)), answerDueAt: at(23 * 3600) }),
    row({ number: 102, departmentId: "d3", currentDueAt: at(30 * 60), significant: true }),
    row({ number: 103, departmentId: "d3" }),
  ]);

  it("shows the totals and the time in the municipality's zone", () => {
    const stat = (label: string) => new RegExp(`>${label}</dt><dd[^>]*>(\\d+)</dd>`).exec(html)?.[1];
    expect(html).toContain("Мясниковский район");
    expect(html).toContain(">12:00:00<");
    expect(stat("открыто")).toBe("3");
    expect(stat("под угрозой")).toBe("1");
    expect(stat("просрочено")).toBe("1");
    expect(stat("отвечено сегодня в срок")).toBe("7");
  });

  it("marks an overdue case in words, with its time over, and blinking", () => {
    const overdue = around(html, 'data-number="101"');
    expect(overdue).toContain('data-state="OVERDUE"');
    expect(overdue).toContain("wall-overdue");
    expect(overdue).toContain("−00:05:12");
    expect(overdue).toContain("просрочено");
    expect(overdue).toContain("направить в отдел");
  });

  it("marks a case at risk and a socially significant one, and counts down to the second", () => {
    const atRisk = around(html, 'data-number="102"');
    expect(atRisk).toContain('data-state="AT_RISK"');
    expect(atRisk).toContain("00:30:00");
    expect(atRisk).toContain("под угрозой");
    expect(atRisk).toContain("Социально значимая");
    const onTime = around(html, 'data-number="103"');
    expect(onTime).toContain('data-state="ON_TIME"');
    expect(onTime).toContain("10:00:00");
    expect(onTime).toContain("в срок");
  });

  it("puts 10 tiles on a page and pages through the rest, the first page showing", () => {
    const tiles = html.match(/data-testid="wall-tile"/g) ?? [];
    expect(tiles).toHaveLength(13); // "not routed" and the 12 departments
    expect(html).toContain("страница <!-- -->1<!-- -->/<!-- -->2");
    const mains = html.match(/<main[^>]*>/g) ?? [];
    expect(mains).toHaveLength(2);
    expect(mains[0]).not.toMatch(/ hidden=""/);
    expect(mains[1]).toMatch(/ hidden=""/);
    // The most pressing first: "not routed", then the department with a case at risk.
    const order = [...html.matchAll(/data-department="([^"]+)"/g)].map((m) => m[1]);
    expect(order.slice(0, 3)).toEqual(["Не распределено", "Отдел № 03", "Отдел № 01"]);
  });
});
