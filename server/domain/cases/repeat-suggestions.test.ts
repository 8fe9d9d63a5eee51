import { describe, expect, it } from "vitest";
import {
  normalizePersonName,
  normalizeSettlement,
  suggestRepeats,
  type TRepeatCandidate,
  type TRepeatSubject,
} from "./repeat-suggestions";

const NOW = new Date("2026-04-20T09:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

const SUBJECT: TRepeatSubject = {
  postUrl: "https://m.vk.com/wall-100_200?reply=55&utm_source=tg",
  authorName: "Пётр  Иванов",
  authorUrl: "https://vk.com/id777",
  topicId: "topic-roads",
  settlement: "х. Ленинаван",
  receivedAt: NOW,
};

function candidate(id: string, overrides: Partial<TRepeatCandidate>): TRepeatCandidate {
  return {
    id,
    number: Number(id.replace(/\D/gu, "")) || 1,
    status: "POSTED",
    departmentId: "dept-roads",
    postUrl: `https://vk.com/wall-999_${id}`,
    authorName: null,
    authorUrl: null,
    topicId: null,
    settlement: null,
    receivedAt: daysAgo(3),
    ...overrides,
  };
}

describe("suggesting an earlier case for a repeated publication (п.11)", () => {
  it("finds the same thread, however the link was pasted", () => {
    const [s] = suggestRepeats(SUBJECT, [candidate("c1", { postUrl: "https://vk.com/wall-100_200/" })]);
    expect(s).toMatchObject({ caseId: "c1", departmentId: "dept-roads" });
    expect(s?.reasons).toEqual(["Та же публикация или ветка обсуждения"]);
  });

  it("finds the same author by profile link, else by name", () => {
    const result = suggestRepeats(SUBJECT, [
      candidate("c1", { authorUrl: "https://www.vk.com/id777/" }),
      candidate("c2", { authorName: "пётр иванов" }),
      candidate("c3", { authorName: "Петр Иванов", receivedAt: daysAgo(400) }),
    ]);
    expect(result.map((s) => [s.caseId, s.reasons])).toEqual([
      ["c1", ["Тот же автор (ссылка на профиль)"]],
      ["c2", ["Тот же автор (по имени)"]],
      ["c3", ["Тот же автор (по имени)"]],
    ]);
  });

  it("finds the same topic in the same settlement only within the window", () => {
    const result = suggestRepeats(SUBJECT, [
      candidate("c1", { topicId: "topic-roads", settlement: "хутор Ленинаван", receivedAt: daysAgo(12) }),
      candidate("c2", { topicId: "topic-roads", settlement: "Ленинаван", receivedAt: daysAgo(45) }),
      candidate("c3", { topicId: "topic-water", settlement: "Ленинаван" }),
      candidate("c4", { topicId: "topic-roads", settlement: "с. Чалтырь" }),
    ]);
    expect(result.map((s) => [s.caseId, s.reasons])).toEqual([["c1", ["Та же тема и населённый пункт, 12 дн. назад"]]]);
  });

  it("ranks the strongest first, then the most recent, and respects the limit", () => {
    const result = suggestRepeats(
      SUBJECT,
      [
        candidate("c1", { authorName: "Пётр Иванов", receivedAt: daysAgo(10) }),
        candidate("c2", { authorName: "Пётр Иванов", receivedAt: daysAgo(2) }),
        candidate("c3", {
          postUrl: "https://vk.com/wall-100_200",
          authorUrl: "https://vk.com/id777",
          topicId: "topic-roads",
          settlement: "Ленинаван",
        }),
      ],
      { topicWindowDays: 30, limit: 2 },
    );
    expect(result.map((s) => s.caseId)).toEqual(["c3", "c2"]);
    expect(result[0]?.score).toBeGreaterThan(result[1]?.score ?? 0);
    expect(result[0]?.reasons).toHaveLength(3);
  });

  it("never suggests the case itself, a later case, a cancelled one, or one with nothing in common", () => {
    const same = { postUrl: "https://vk.com/wall-100_200" };
    expect(
      suggestRepeats({ ...SUBJECT, id: "self" }, [
        candidate("self", same),
        candidate("c1", { ...same, receivedAt: new Date(NOW.getTime() + 60_000) }),
        candidate("c2", { ...same, status: "CANCELLED" }),
        candidate("c3", {}),
      ]),
    ).toEqual([]);
  });

  it("missing data never matches missing data", () => {
    const bare: TRepeatSubject = {
      ...SUBJECT,
      authorName: null,
      authorUrl: null,
      topicId: null,
      settlement: null,
      postUrl: "bad",
    };
    expect(suggestRepeats(bare, [candidate("c1", { postUrl: "bad" })])).toEqual([]);
  });
});

describe("normalising names and places", () => {
  it("ignores case, spaces and ё", () => {
    expect(normalizePersonName("  Пётр   ИВАНОВ ")).toBe("петр иванов");
  });
  it("drops the kind of settlement", () => {
    for (const s of ["х. Ленинаван", "хутор Ленинаван", "Ленинаван", "Х.Ленинаван"])
      expect(normalizeSettlement(s)).toBe("ленинаван");
    expect(normalizeSettlement("с. Чалтырь")).toBe("чалтырь");
  });
});
