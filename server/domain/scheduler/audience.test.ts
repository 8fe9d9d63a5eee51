import { describe, expect, it } from "vitest";
import { findAudience, type TCaseHolders } from "./audience";

const coordination = { kind: "roles", roles: ["COORDINATOR", "MANAGER"], departmentId: null };
const routed: TCaseHolders = { status: "ASSIGNED", departmentId: "roads", executorId: null };

describe("who must act on a running clock", () => {
  it("routing and forwarding: the coordinators and the manager (п.7, п.10)", () => {
    expect(findAudience("ROUTE", { status: "NEW", departmentId: null, executorId: null })).toEqual([coordination]);
    expect(findAudience("FORWARD", { ...routed, status: "INTERNAL_REVIEW", executorId: "e1" })).toEqual([coordination]);
  });

  it("a draft or rework: the named executor, else every executor of the department (п.5)", () => {
    expect(findAudience("DRAFT", { ...routed, executorId: "e1" })).toEqual([{ kind: "users", userIds: ["e1"] }]);
    expect(findAudience("DRAFT", routed)).toEqual([{ kind: "roles", roles: ["EXECUTOR"], departmentId: "roads" }]);
    expect(findAudience("REWORK", { ...routed, status: "REWORK", executorId: "e1" })).toEqual([
      { kind: "users", userIds: ["e1"] },
    ]);
  });

  it("a draft clock running before the case was ever routed: those who route it", () => {
    expect(findAudience("DRAFT", { status: "NEW", departmentId: null, executorId: null })).toEqual([coordination]);
  });

  it("the 24-hour clock: the coordinators and the manager, plus whoever holds the case now", () => {
    expect(findAudience("ANSWER", { status: "NEW", departmentId: null, executorId: null })).toEqual([coordination]);
    expect(findAudience("ANSWER", { ...routed, executorId: "e1" })).toEqual([
      coordination,
      { kind: "users", userIds: ["e1"] },
    ]);
    expect(findAudience("ANSWER", { ...routed, status: "AT_CURATOR", executorId: "e1" })).toEqual([
      coordination,
      { kind: "roles", roles: ["CURATOR"], departmentId: null },
    ]);
    expect(findAudience("ANSWER", { ...routed, status: "APPROVED", executorId: "e1" })).toEqual([coordination]);
  });
});
