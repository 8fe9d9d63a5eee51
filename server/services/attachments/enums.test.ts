import { describe, expect, it } from "vitest";
import { AttachmentKind } from "../../db/generated/enums";
import { ATTACHMENT_KINDS } from "../../domain/attachments/file-types";

// The domain mirrors the database's enum as a plain union (it may not import Prisma): a kind
// added on one side only would slip through the type system at the boundary.
describe("attachment kinds", () => {
  it("match the database enum", () => {
    expect([...ATTACHMENT_KINDS].sort()).toEqual(Object.values(AttachmentKind).sort());
  });
});
