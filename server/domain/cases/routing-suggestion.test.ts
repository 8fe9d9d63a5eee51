import { describe, expect, it } from "vitest";
import {
  indexRoutingHistory,
  suggestRouting,
  type THandlingTally,
  type TRoutableDepartment,
  type TRoutingSubject,
} from "./routing-suggestion";

const M = "mun-1";
const departments = new Map<string, TRoutableDepartment>(
  [
    { id: "zhkh", municipalityId: M, name: "Отдел ЖКХ" },
    { id: "roads", municipalityId: M, name: "Отдел дорожного хозяйства" },
    { id: "edu", municipalityId: M, name: "Отдел образования" },
    { id: "foreign", municipalityId: "mun-2", name: "ЖКХ соседнего района" },
  ].map((d) => [d.id, d]),
);
const day = (d: number) => new Date(Date.UTC(2026, 10, d));

const subject = (over: Partial<TRoutingSubject> = {}): TRoutingSubject => ({
  municipalityId: M,
  repeatOf: null,
  topic: null,
  settlement: null,
  ...over,
});
const tally = (
  key: string,
  departmentId: string,
  count: number,
  last = day(1),
  municipalityId = M,
): THandlingTally => ({
  municipalityId,
  key,
  departmentId,
  count,
  lastReceivedAt: last,
});
const noHistory = indexRoutingHistory({ topics: [], settlements: [] });

describe("routing suggestion for a new publication", () => {
  it("sends a repeated publication to the department of the earlier one (п.11), before its topic", () => {
    const s = subject({
      repeatOf: { number: 41, departmentId: "roads" },
      topic: { id: "t-water", name: "Водоснабжение", defaultDepartmentId: "zhkh" },
    });
    expect(suggestRouting(s, noHistory, departments)).toEqual({
      departmentId: "roads",
      source: "REPEAT",
      reason: "как в публикации № 41",
    });
  });

  it("uses the topic's department when the earlier case was never routed", () => {
    const s = subject({
      repeatOf: { number: 41, departmentId: null },
      topic: { id: "t-water", name: "Водоснабжение", defaultDepartmentId: "zhkh" },
    });
    expect(suggestRouting(s, noHistory, departments)).toEqual({
      departmentId: "zhkh",
      source: "TOPIC",
      reason: "по теме «Водоснабжение»",
    });
  });

  it("never suggests a department that cannot take the case: abolished, coordinating or of another municipality", () => {
    // "gone" is not in the routable map (inactive or the coordinating department).
    const s = subject({
      repeatOf: { number: 7, departmentId: "gone" },
      topic: { id: "t-water", name: "Водоснабжение", defaultDepartmentId: "foreign" },
    });
    expect(suggestRouting(s, noHistory, departments)).toBeNull();
  });

  it("falls back to the department that most often handled the topic, saying how often", () => {
    const history = indexRoutingHistory({
      topics: [tally("t-roads", "roads", 5), tally("t-roads", "zhkh", 2), tally("t-roads", "gone", 9)],
      settlements: [tally("Ленинаван", "edu", 50)],
    });
    const s = subject({ topic: { id: "t-roads", name: "Дороги", defaultDepartmentId: null }, settlement: "Ленинаван" });
    expect(suggestRouting(s, history, departments)).toEqual({
      departmentId: "roads",
      source: "TOPIC_HISTORY",
      reason: "чаще всего по теме «Дороги» (5 из 16 за 180 дней)",
    });
  });

  it("then to the settlement, however its type is written", () => {
    const history = indexRoutingHistory({
      topics: [],
      settlements: [
        tally("х. Ленинаван", "zhkh", 2, day(3)),
        tally("хутор Ленинаван", "zhkh", 1, day(5)),
        tally("Ленинаван", "roads", 2, day(20)),
        tally("Чалтырь", "edu", 10),
      ],
    });
    const s = subject({ settlement: "Хутор  Ленинаван" });
    expect(suggestRouting(s, history, departments)).toEqual({
      departmentId: "zhkh",
      source: "SETTLEMENT_HISTORY",
      reason: "чаще всего по этому населённому пункту (3 из 5 за 180 дней)",
    });
  });

  it("breaks a tie towards the department that handled such a case most recently", () => {
    const history = indexRoutingHistory({
      topics: [tally("t", "zhkh", 3, day(2)), tally("t", "roads", 3, day(9))],
      settlements: [],
    });
    const s = subject({ topic: { id: "t", name: "Благоустройство", defaultDepartmentId: null } });
    expect(suggestRouting(s, history, departments)?.departmentId).toBe("roads");
  });

  it("ignores another municipality's history for the same settlement name", () => {
    const history = indexRoutingHistory({
      topics: [],
      settlements: [tally("Ленинаван", "foreign", 4, day(1), "mun-2")],
    });
    expect(suggestRouting(subject({ settlement: "Ленинаван" }), history, departments)).toBeNull();
  });

  it("suggests nothing for a publication with no repeat, topic or place", () => {
    const history = indexRoutingHistory({
      topics: [tally("t", "zhkh", 3)],
      settlements: [tally("Ленинаван", "zhkh", 3)],
    });
    expect(suggestRouting(subject(), history, departments)).toBeNull();
    expect(suggestRouting(subject({ settlement: "  " }), history, departments)).toBeNull();
  });

  it("does not change the tallies it was given when merging spellings", () => {
    const input = [tally("х. Ленинаван", "zhkh", 2), tally("Ленинаван", "zhkh", 1)];
    indexRoutingHistory({ topics: [], settlements: input });
    expect(input.map((t) => t.count)).toEqual([2, 1]);
  });
});
