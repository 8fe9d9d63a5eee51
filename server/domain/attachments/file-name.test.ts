import { describe, expect, it } from "vitest";
import { findFileType } from "./file-types";
import { contentDisposition, safeFileName, withExtension } from "./file-name";

const jpeg = findFileType("image/jpeg")!;
const png = findFileType("image/png")!;
const mov = findFileType("video/quicktime")!;

describe("stored file names", () => {
  it("keeps a good Cyrillic name as it is", () => {
    expect(safeFileName("Двор дома 5.jpg", jpeg)).toBe("Двор дома 5.jpg");
    expect(safeFileName("IMG_0042.JPEG", jpeg)).toBe("IMG_0042.JPEG");
    expect(safeFileName("Видео с места.MOV", mov)).toBe("Видео с места.MOV");
  });

  it("drops folders, control and direction-override characters", () => {
    expect(safeFileName("C:\\fakepath\\фото.jpg", jpeg)).toBe("фото.jpg");
    expect(safeFileName("../../etc/passwd", jpeg)).toBe("passwd.jpg");
    expect(safeFileName("photo\u202Egpj.exe", jpeg)).toBe("photogpj.exe.jpg");
    expect(safeFileName("a\u0000b\nc.png", png)).toBe("abc.png");
  });

  it("makes the extension tell the truth about the content", () => {
    expect(safeFileName("scan.jpg", png)).toBe("scan.png");
    expect(safeFileName("IMG_0042", jpeg)).toBe("IMG_0042.jpg");
    expect(safeFileName("отчёт.final", jpeg)).toBe("отчёт.final.jpg");
  });

  it("names a nameless file and shortens an endless one", () => {
    expect(safeFileName("", jpeg)).toBe("файл.jpg");
    expect(safeFileName(" ...  ", jpeg)).toBe("файл.jpg");
    const long = safeFileName(`${"я".repeat(500)}.jpg`, jpeg);
    expect(long).toBe(`${"я".repeat(120)}.jpg`);
  });

  it("renames for a thumbnail", () => {
    expect(withExtension("Двор.jpg", "webp")).toBe("Двор.webp");
    expect(withExtension("Двор", "webp")).toBe("Двор.webp");
  });
});

describe("Content-Disposition", () => {
  it("carries a Cyrillic name exactly in filename* and an ASCII stand-in in filename", () => {
    expect(contentDisposition("Двор дома 5.jpg")).toBe(
      "inline; filename=\"_ _ 5.jpg\"; filename*=UTF-8''%D0%94%D0%B2%D0%BE%D1%80%20%D0%B4%D0%BE%D0%BC%D0%B0%205.jpg",
    );
    expect(contentDisposition("фото.jpg", "attachment")).toBe(
      "attachment; filename=\"file.jpg\"; filename*=UTF-8''%D1%84%D0%BE%D1%82%D0%BE.jpg",
    );
  });

  it("cannot be broken out of by quotes or encoded characters", () => {
    const header = contentDisposition('a"; filename="evil.exe\\(1)%20.png');
    expect(header).toContain('filename="a_; filename=_evil.exe_(1)_20.png"');
    expect(header).toContain("filename*=UTF-8''a%22%3B%20filename%3D%22evil.exe%5C%281%29%2520.png");
    expect(header.match(/"/g)).toHaveLength(2);
  });
});
