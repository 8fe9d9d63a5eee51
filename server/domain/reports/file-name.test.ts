import { describe, expect, it } from "vitest";
import { reportAsciiFileName, reportContentDisposition, reportFileName } from "./file-name";

describe("the report's file name", () => {
  it("names the month and the district in Russian", () => {
    expect(reportFileName("2026-03", "Мясниковский район", "docx")).toBe(
      "Анализ за март 2026 — Мясниковский район.docx",
    );
    expect(reportFileName("2026-03", "", "xlsx")).toBe("Анализ за март 2026.xlsx");
  });

  it("keeps characters no file system accepts out of the name, and a very long scope", () => {
    expect(reportFileName("2026-03", 'Район "Юг"/Север', "docx")).toBe("Анализ за март 2026 — Район Юг Север.docx");
    expect(reportFileName("2026-03", "Все муниципальные образования: ".repeat(5), "xlsx")).toBe(
      "Анализ за март 2026.xlsx",
    );
  });

  it("gives an ASCII name and the Russian one encoded per RFC 8187", () => {
    expect(reportAsciiFileName("2026-03", "xlsx")).toBe("monthly-report-2026-03.xlsx");
    const header = reportContentDisposition("2026-03", "Мясниковский район", "docx");
    expect(header).toBe(
      `attachment; filename="monthly-report-2026-03.docx"; filename*=UTF-8''${encodeURIComponent("Анализ за март 2026 — Мясниковский район.docx")}`,
    );
    // Whatever the name, the header itself is ASCII.
    expect(/^[\x20-\x7e]+$/.test(header)).toBe(true);
  });
});
