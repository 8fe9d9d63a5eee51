import { describe, expect, it } from "vitest";
import { checkExplanation, decideExplanation, EXPLANATION_MAX } from "./explanations";

const executor = { id: "u-exec", departmentId: "d-zhkh", roles: ["EXECUTOR"] as const };
const colleague = { id: "u-exec-2", departmentId: "d-zhkh", roles: ["EXECUTOR"] as const };
const coordinator = { id: "u-coord", departmentId: "d-org", roles: ["COORDINATOR"] as const };
const deputy = { id: "u-deputy", departmentId: "d-org", roles: ["DEPUTY_HEAD"] as const };

describe("who explains a violation", () => {
  it("the person it is charged to, and nobody else, not even from the same department", () => {
    const charged = { responsibleUserId: "u-exec", responsibleDepartmentId: "d-zhkh", explanation: null };
    expect(decideExplanation(charged, executor)).toEqual({ ok: true });
    expect(decideExplanation(charged, colleague)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(decideExplanation(charged, coordinator)).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("for a department with nobody named: anyone of the department who may explain", () => {
    const routing = { responsibleUserId: null, responsibleDepartmentId: "d-org", explanation: null };
    expect(decideExplanation(routing, coordinator)).toEqual({ ok: true });
    expect(decideExplanation(routing, executor)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    // The deputy head decides on violations; explaining is not theirs even in that department.
    expect(decideExplanation(routing, deputy)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(
      decideExplanation({ responsibleUserId: null, responsibleDepartmentId: null, explanation: null }, coordinator),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("once: a given explanation is never rewritten", () => {
    const explained = { responsibleUserId: "u-exec", responsibleDepartmentId: "d-zhkh", explanation: "Болел" };
    expect(decideExplanation(explained, executor)).toEqual({
      ok: false,
      code: "CONFLICT",
      message: "Объяснение по этому нарушению уже дано; изменить его нельзя",
    });
  });

  it("must say something, within reason", () => {
    expect(checkExplanation("   ")).toBe("Напишите объяснение");
    expect(checkExplanation("Отсутствовала связь")).toBeNull();
    expect(checkExplanation("я".repeat(EXPLANATION_MAX + 1))).toBe(`Объяснение: не более ${EXPLANATION_MAX} символов`);
  });
});
