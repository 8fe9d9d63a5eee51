import { describe, expect, it } from "vitest";
import { ROLES, type TRole } from "../auth/roles";
import { CASE_STATUSES, type TCaseStatus } from "../cases/case-types";
import { canRemoveAttachment, decideRemoval, decideUpload } from "./policy";
import type { TAttachmentPurpose } from "./file-types";

const allowed = (purpose: TAttachmentPurpose, roles: TRole[], status: TCaseStatus, own = true) =>
  decideUpload({
    purpose,
    actor: { roles, departmentId: "zhkh" },
    case: { status, departmentId: own ? "zhkh" : "edu" },
  }).allowed;

const statusesWhere = (purpose: TAttachmentPurpose, roles: TRole[]) =>
  CASE_STATUSES.filter((s) => allowed(purpose, roles, s));

describe("who may upload what, and when", () => {
  it("lets the executor of the case's department attach evidence while drafting or reworking", () => {
    expect(statusesWhere("evidence", ["EXECUTOR"])).toEqual(["ASSIGNED", "REWORK"]);
    expect(allowed("evidence", ["EXECUTOR"], "ASSIGNED", false)).toBe(false);
    expect(ROLES.filter((r) => allowed("evidence", [r], "ASSIGNED"))).toEqual(["EXECUTOR"]);
  });

  it("refuses evidence to an executor without a department", () => {
    const decision = decideUpload({
      purpose: "evidence",
      actor: { roles: ["EXECUTOR"], departmentId: null },
      case: { status: "ASSIGNED", departmentId: null },
    });
    expect(decision).toEqual({
      allowed: false,
      message: "Фото и видео к ответу прикрепляет исполнитель отдела, которому направлена публикация",
    });
  });

  it("explains why evidence cannot be attached after the draft is sent", () => {
    expect(
      decideUpload({
        purpose: "evidence",
        actor: { roles: ["EXECUTOR"], departmentId: "zhkh" },
        case: { status: "INTERNAL_REVIEW", departmentId: "zhkh" },
      }),
    ).toEqual({
      allowed: false,
      message: "Фото и видео можно прикреплять, пока проект ответа готовится или дорабатывается",
    });
  });

  it("lets those who register or route publications attach its screenshot while the case is open", () => {
    expect(ROLES.filter((r) => allowed("screenshot", [r], "NEW")).sort()).toEqual([
      "COORDINATOR",
      "CURATOR",
      "MANAGER",
    ]);
    expect(statusesWhere("screenshot", ["COORDINATOR"])).toEqual([
      "NEW",
      "ASSIGNED",
      "INTERNAL_REVIEW",
      "AT_CURATOR",
      "REWORK",
      "APPROVED",
    ]);
  });

  it("lets the coordinator attach the answer's screenshot once it is approved or posted", () => {
    expect(ROLES.filter((r) => allowed("answerScreenshot", [r], "APPROVED"))).toEqual(["COORDINATOR"]);
    expect(statusesWhere("answerScreenshot", ["COORDINATOR"])).toEqual(["APPROVED", "POSTED"]);
  });
});

describe("who may remove a file", () => {
  const evidence = { kind: "PHOTO" as const, uploadedById: "u1", draftId: null };

  it("lets the uploader remove evidence not yet sent, whatever the status", () => {
    expect(canRemoveAttachment({ attachment: evidence, actorId: "u1", caseOpen: true })).toBe(true);
    expect(canRemoveAttachment({ attachment: evidence, actorId: "u1", caseOpen: false })).toBe(true);
  });

  it("keeps evidence sent with a draft", () => {
    expect(decideRemoval({ attachment: { ...evidence, draftId: "d1" }, actorId: "u1", caseOpen: true })).toEqual({
      allowed: false,
      message: "Файл отправлен в составе проекта ответа и остаётся в истории публикации",
    });
  });

  it("lets nobody but the uploader remove a file", () => {
    expect(decideRemoval({ attachment: evidence, actorId: "u2", caseOpen: true })).toEqual({
      allowed: false,
      message: "Удалить файл может только тот, кто его загрузил",
    });
  });

  it("lets screenshots be removed while the case is open only", () => {
    for (const kind of ["SCREENSHOT", "ANSWER_SCREENSHOT"] as const) {
      const attachment = { kind, uploadedById: "u1", draftId: null };
      expect(canRemoveAttachment({ attachment, actorId: "u1", caseOpen: true })).toBe(true);
      expect(canRemoveAttachment({ attachment, actorId: "u1", caseOpen: false })).toBe(false);
    }
  });
});
