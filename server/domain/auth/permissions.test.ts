import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { hasPermission, permissionsOf, PERMISSIONS, ROLE_PERMISSIONS } from "./permissions";
import { checkRoleCombination, ROLES } from "./roles";

describe("role → permission table", () => {
  it("lets only the curator approve drafts, and a coordinator only on the curator's behalf", () => {
    const approvers = ROLES.filter((r) => hasPermission([r], "case.approve"));
    expect(approvers).toEqual(["CURATOR"]);
    expect(hasPermission(["COORDINATOR"], "case.approveOnBehalf")).toBe(true);
    expect(hasPermission(["COORDINATOR"], "case.approve")).toBe(false);
  });

  it("keeps administration with the IT sector only", () => {
    for (const role of ROLES) {
      expect(hasPermission([role], "admin.users")).toBe(role === "ADMIN");
    }
  });

  it("gives decisions on violations to the deputy head only (п.12)", () => {
    expect(ROLES.filter((r) => hasPermission([r], "violations.decide"))).toEqual(["DEPUTY_HEAD"]);
  });

  it("routes with the coordinator and the manager (п.4, п.7), drafts with the executor (п.5)", () => {
    expect(ROLES.filter((r) => hasPermission([r], "case.route")).sort()).toEqual(["COORDINATOR", "MANAGER"]);
    expect(ROLES.filter((r) => hasPermission([r], "case.draft"))).toEqual(["EXECUTOR"]);
  });

  it("grants every role the portal and names only known permissions", () => {
    for (const role of ROLES) {
      expect(hasPermission([role], "portal.use")).toBe(true);
      for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
    }
    expect(hasPermission([], "portal.use")).toBe(false);
  });

  it("gives several roles the union of their permissions", () => {
    fc.assert(
      fc.property(fc.subarray([...ROLES]), fc.constantFrom(...PERMISSIONS), (roles, permission) => {
        const expected = roles.some((r) => permissionsOf([r]).has(permission));
        expect(hasPermission(roles, permission)).toBe(expected);
        expect(permissionsOf(roles).has(permission)).toBe(expected);
      }),
    );
  });
});

describe("role combinations", () => {
  it("requires at least one role and refuses duplicates", () => {
    expect(checkRoleCombination([])).toMatch(/хотя бы одну роль/);
    expect(checkRoleCombination(["EXECUTOR", "EXECUTOR"])).toMatch(/дважды/);
  });
  it("refuses a curator with a municipal role, allows other combinations", () => {
    expect(checkRoleCombination(["CURATOR", "ADMIN"])).toMatch(/Куратор/);
    expect(checkRoleCombination(["CURATOR"])).toBeNull();
    expect(checkRoleCombination(["COORDINATOR", "MANAGER"])).toBeNull();
  });
});
