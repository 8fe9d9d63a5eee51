import { describe, expect, it } from "vitest";
import { AnswerKind, CaseStatus, ClockKind, Role, ViolationType } from "../../db/generated/enums";
import { ANSWER_KINDS, CASE_STATUSES, CLOCK_KINDS, VIOLATION_TYPES } from "../../domain/cases/case-types";
import { ROLES } from "../../domain/auth/roles";

// The domain mirrors the database's enums as plain unions (it may not import Prisma): a value
// added on one side only would slip through the type system at the boundary.
describe("domain unions match the database enums", () => {
  it.each([
    ["CaseStatus", CASE_STATUSES, CaseStatus],
    ["ClockKind", CLOCK_KINDS, ClockKind],
    ["ViolationType", VIOLATION_TYPES, ViolationType],
    ["AnswerKind", ANSWER_KINDS, AnswerKind],
    ["Role", ROLES, Role],
  ] as const)("%s", (_name, domain, database) => {
    expect([...domain].sort()).toEqual(Object.values(database).sort());
  });
});
