import { describe, expect, it } from "vitest";
import { canRecordOn, routineAccessOf } from "./access";

describe("who may see and fill in the routine-post register", () => {
  it("lets coordinators, managers and administrators record on every account", () => {
    for (const role of ["COORDINATOR", "MANAGER", "ADMIN"] as const) {
      const access = routineAccessOf({ roles: [role], hasMunicipality: true }, []);
      expect(access).toMatchObject({ canView: true, canRecordAll: true });
      expect(canRecordOn(access, { id: "any" })).toBe(true);
    }
  });

  it("lets the head and the deputy head look without recording", () => {
    for (const role of ["HEAD", "DEPUTY_HEAD"] as const) {
      const access = routineAccessOf({ roles: [role], hasMunicipality: true }, []);
      expect(access).toMatchObject({ canView: true, canRecordAll: false });
      expect(canRecordOn(access, { id: "any" })).toBe(false);
    }
  });

  it("lets the person responsible for an account record on that account only", () => {
    const access = routineAccessOf({ roles: ["EXECUTOR"], hasMunicipality: true }, ["mine"]);
    expect(access.canView).toBe(true);
    expect(canRecordOn(access, { id: "mine" })).toBe(true);
    expect(canRecordOn(access, { id: "other" })).toBe(false);
  });

  it("shows nothing to an executor with no account, nor to a curator", () => {
    expect(routineAccessOf({ roles: ["EXECUTOR"], hasMunicipality: true }, []).canView).toBe(false);
    expect(routineAccessOf({ roles: ["CURATOR"], hasMunicipality: false }, []).canView).toBe(false);
  });
});
