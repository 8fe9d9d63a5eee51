import { describe, expect, it } from "vitest";
import {
  formatFileSize,
  maxBytesForMedia,
  maxBytesForPurpose,
  tooLargeMessage,
  uploadLimitsFromMegabytes,
} from "./limits";

const limits = uploadLimitsFromMegabytes(20, 200);

describe("upload size limits", () => {
  it("counts megabytes as 1024 × 1024 bytes", () => {
    expect(limits).toEqual({ maxPhotoBytes: 20 * 1048576, maxVideoBytes: 200 * 1048576 });
  });

  it("gives screenshots the photo limit and evidence the larger one until its type is known", () => {
    expect(maxBytesForMedia("image", limits)).toBe(20 * 1048576);
    expect(maxBytesForMedia("video", limits)).toBe(200 * 1048576);
    expect(maxBytesForPurpose("evidence", limits)).toBe(200 * 1048576);
    expect(maxBytesForPurpose("screenshot", limits)).toBe(20 * 1048576);
    expect(maxBytesForPurpose("evidence", uploadLimitsFromMegabytes(50, 10))).toBe(50 * 1048576);
  });

  it("names the limit that was exceeded", () => {
    expect(tooLargeMessage("evidence", "image", limits)).toBe("Файл слишком большой: фото — не больше 20 МБ");
    expect(tooLargeMessage("evidence", "video", limits)).toBe("Файл слишком большой: видео — не больше 200 МБ");
    expect(tooLargeMessage("evidence", null, limits)).toBe(
      "Файл слишком большой: фото — не больше 20 МБ, видео — не больше 200 МБ",
    );
    expect(tooLargeMessage("screenshot", null, limits)).toBe("Файл слишком большой: изображение — не больше 20 МБ");
  });

  it("shows sizes in Russian units with a decimal comma", () => {
    expect(formatFileSize(0)).toBe("0 Б");
    expect(formatFileSize(850)).toBe("850 Б");
    expect(formatFileSize(1024)).toBe("1 КБ");
    expect(formatFileSize(12_700)).toBe("12,4 КБ");
    expect(formatFileSize(20 * 1048576)).toBe("20 МБ");
    expect(formatFileSize(3.25 * 1048576)).toBe("3,3 МБ");
    expect(formatFileSize(1048575)).toBe("1 МБ");
    expect(formatFileSize(1.5 * 1024 ** 3)).toBe("1,5 ГБ");
  });
});
