import { describe, expect, it } from "vitest";
import { CASE_STATUSES } from "./case-types";
import { listAvailableEvents } from "./status-machine";
import { decideDraftWork, mayWorkOnDraft, type TDraftWorkRequest } from "./working-draft";

const own: Omit<TDraftWorkRequest, "status"> = {
  actorRoles: ["EXECUTOR"],
  actor: { userId: "u1", departmentId: "zhkh" },
  caseDepartmentId: "zhkh",
};

describe("who may keep a working draft", () => {
  it("the department's executor while the draft is being written or reworked", () => {
    expect(mayWorkOnDraft({ ...own, status: "ASSIGNED" })).toBe(true);
    expect(mayWorkOnDraft({ ...own, status: "REWORK" })).toBe(true);
  });

  it("nobody once the draft is under review, approved or the case is closed, saying why in Russian", () => {
    const decision = decideDraftWork({ ...own, status: "INTERNAL_REVIEW" });
    expect(decision).toMatchObject({ ok: false, code: "ILLEGAL_TRANSITION" });
    expect(!decision.ok && decision.message).toMatch(/«На проверке в отделе»/);
    for (const status of ["NEW", "AT_CURATOR", "APPROVED", "POSTED", "DECLINED", "CANCELLED"] as const) {
      expect(mayWorkOnDraft({ ...own, status })).toBe(false);
    }
  });

  it("not an executor of another department, nor a reviewer or the curator", () => {
    expect(decideDraftWork({ ...own, status: "ASSIGNED", actor: { userId: "u2", departmentId: "edu" } })).toMatchObject(
      {
        ok: false,
        code: "FORBIDDEN",
      },
    );
    expect(mayWorkOnDraft({ ...own, status: "ASSIGNED", actor: { userId: "u3", departmentId: null } })).toBe(false);
    for (const role of ["COORDINATOR", "MANAGER", "CURATOR", "HEAD", "DEPUTY_HEAD", "ADMIN"] as const) {
      expect(mayWorkOnDraft({ ...own, status: "ASSIGNED", actorRoles: [role] })).toBe(false);
    }
  });

  it("agrees with the status machine's offer to submit a draft in every status", () => {
    for (const status of CASE_STATUSES) {
      for (const request of [
        { ...own, status },
        { ...own, status, actor: { userId: "u2", departmentId: "edu" } },
        { ...own, status, actorRoles: ["COORDINATOR" as const] },
      ]) {
        const offered = listAvailableEvents(request).some((a) => a.event === "submitDraft");
        expect(mayWorkOnDraft(request)).toBe(offered);
      }
    }
  });
});
