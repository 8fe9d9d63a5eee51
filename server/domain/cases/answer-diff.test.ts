import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { diffAnswerTexts, summarizeDiff } from "./answer-diff";

const before = "Подача воды восстановлена 28.11.2026 к 10:00.\n\nБлагоустройство — до 05.12.2026.";
const after = "Подача воды полностью восстановлена 28.11.2026 к 12:00.\n\nБлагоустройство — до 05.12.2026.";

describe("what changed between two versions of an answer", () => {
  it("marks inserted and deleted words and keeps the rest, paragraphs included", () => {
    const parts = diffAnswerTexts(before, after);
    expect(parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["полностью", "12"]);
    expect(parts.filter((p) => p.kind === "removed").map((p) => p.text)).toEqual(["10"]);
    expect(parts.some((p) => p.kind === "same" && p.text.includes("\n\n"))).toBe(true);
  });

  it("rebuilds both versions from its parts, for any texts", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const parts = diffAnswerTexts(a, b);
        const old = parts
          .filter((p) => p.kind !== "added")
          .map((p) => p.text)
          .join("");
        const next = parts
          .filter((p) => p.kind !== "removed")
          .map((p) => p.text)
          .join("");
        expect(old).toBe(a);
        expect(next).toBe(b);
      }),
    );
  });

  it("summarises the changes in Russian for a screen reader", () => {
    expect(summarizeDiff(diffAnswerTexts(before, after))).toBe("Добавлено 2 слова, удалено 1 слово");
    expect(summarizeDiff(diffAnswerTexts("а б в", "а"))).toBe("Удалено 2 слова");
    expect(summarizeDiff(diffAnswerTexts("а", "а б в г д е"))).toBe("Добавлено 5 слов");
    expect(summarizeDiff(diffAnswerTexts(before, before))).toBe("Текст не изменился");
    expect(summarizeDiff(diffAnswerTexts("а б", "а  б"))).toBe("Изменены только пробелы и переносы строк");
  });
});
