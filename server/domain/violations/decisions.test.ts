import { describe, expect, it } from "vitest";
import { DECISION_KINDS, DECISION_LABELS, DECISION_TEXT_MAX, checkDecision, currentDecision } from "./decisions";

describe("the deputy head's decisions", () => {
  it("are named as the regulation's practice names them", () => {
    expect(DECISION_KINDS.map((k) => DECISION_LABELS[k])).toEqual([
      "Меры не применяются",
      "Замечание",
      "Выговор",
      "Иное",
    ]);
  });

  it("need a text for «Иное» only, and not an endless one", () => {
    expect(checkDecision({ kind: "REMARK", text: null })).toBeNull();
    expect(checkDecision({ kind: "NO_MEASURES", text: "Нарушение вызвано сбоем связи" })).toBeNull();
    expect(checkDecision({ kind: "OTHER", text: "" })).toEqual({
      field: "text",
      message: "Для решения «Иное» опишите принятую меру",
    });
    expect(checkDecision({ kind: "OTHER", text: "Направить на обучение" })).toBeNull();
    expect(checkDecision({ kind: "REPRIMAND", text: "я".repeat(DECISION_TEXT_MAX + 1) })?.field).toBe("text");
  });

  it("the latest decision is the one in force", () => {
    const earlier = { id: "b", createdAt: new Date("2026-03-10T10:00:00Z"), kind: "REMARK" };
    const later = { id: "a", createdAt: new Date("2026-03-11T10:00:00Z"), kind: "REPRIMAND" };
    expect(currentDecision([earlier, later])).toBe(later);
    expect(currentDecision([later, earlier])).toBe(later);
    expect(currentDecision([])).toBeNull();
  });
});
