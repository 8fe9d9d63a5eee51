import { describe, expect, it } from "vitest";
import {
  acceptAttribute,
  describeAllowedTypes,
  fileTypesFor,
  findFileType,
  isAttachmentPurpose,
  kindFor,
  unsupportedTypeMessage,
} from "./file-types";

describe("allowed file types", () => {
  it("takes photos and videos as evidence, only images as screenshots", () => {
    expect(fileTypesFor("evidence").map((t) => t.label)).toEqual(["JPEG", "PNG", "WebP", "MP4", "MOV", "WebM"]);
    expect(fileTypesFor("screenshot").map((t) => t.label)).toEqual(["JPEG", "PNG", "WebP"]);
    expect(fileTypesFor("answerScreenshot").map((t) => t.label)).toEqual(["JPEG", "PNG", "WebP"]);
  });

  it("knows sniffed types by MIME and nothing else", () => {
    expect(findFileType("video/quicktime")?.label).toBe("MOV");
    expect(findFileType("application/x-msdownload")).toBeUndefined();
    expect(findFileType("image/heic")).toBeUndefined();
    expect(findFileType(undefined)).toBeUndefined();
  });

  it("records evidence as a photo or a video, screenshots by their purpose", () => {
    expect(kindFor("evidence", "image")).toBe("PHOTO");
    expect(kindFor("evidence", "video")).toBe("VIDEO");
    expect(kindFor("screenshot", "image")).toBe("SCREENSHOT");
    expect(kindFor("answerScreenshot", "image")).toBe("ANSWER_SCREENSHOT");
  });

  it("tells the file picker the types and extensions", () => {
    expect(acceptAttribute("screenshot")).toBe("image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp");
    expect(acceptAttribute("evidence")).toContain("video/quicktime");
    expect(acceptAttribute("evidence")).toContain(".mov");
  });

  it("refuses another type in words a person understands", () => {
    expect(unsupportedTypeMessage("evidence", "exe")).toBe(
      "Недопустимый тип файла: EXE. Можно загрузить фото (JPEG, PNG, WebP) или видео (MP4, MOV, WebM)",
    );
    expect(unsupportedTypeMessage("screenshot", undefined)).toBe(
      "Недопустимый тип файла: формат не распознан. Можно загрузить изображение (JPEG, PNG, WebP)",
    );
    expect(describeAllowedTypes("answerScreenshot")).toBe("изображение (JPEG, PNG, WebP)");
  });

  it("accepts only the three purposes", () => {
    expect(["evidence", "screenshot", "answerScreenshot"].every(isAttachmentPurpose)).toBe(true);
    expect(isAttachmentPurpose("document")).toBe(false);
    expect(isAttachmentPurpose(undefined)).toBe(false);
  });
});
