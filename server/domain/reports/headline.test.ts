import { describe, expect, it } from "vitest";
import { fixtureReport } from "./fixture";
import { headlinesOf, summarySentences } from "./headline";

const plain = (s: string) => s.replace(/\u00a0|\u202f/g, " ");

describe("the headline numbers of the month", () => {
  const byKey = Object.fromEntries(headlinesOf(fixtureReport).map((h) => [h.key, h]));

  it("takes each from the month, the month before and the same month a year before", () => {
    expect(byKey.received).toMatchObject({ current: 40, previous: 32, yearAgo: 20, text: "40", figure: "received" });
    expect(plain(byKey.received!.vsPrevious.text)).toBe("+8 (+25 %)");
    expect(plain(byKey.received!.vsYearAgo.text)).toBe("+20 (+100 %)");
    // Volume is neither good nor bad news.
    expect(byKey.received!.vsPrevious.tone).toBe("neutral");
  });

  it("judges timeliness by percentage points, more being better", () => {
    const h = byKey.answeredWithin24hShare!;
    expect(plain(h.text)).toBe("83,3 %");
    expect(h.vsPrevious).toMatchObject({ text: "+3,3 п.п.", tone: "good", arrow: "▲" });
    expect(h.vsYearAgo).toMatchObject({ text: "+23,3 п.п.", tone: "good" });
    expect(byKey.approvedAtFirstShare!.vsPrevious).toMatchObject({ text: "−4,7 п.п.", tone: "bad", arrow: "▼" });
  });

  it("counts fewer violations and fewer overdue cases as good news", () => {
    expect(byKey.violations!.vsPrevious).toMatchObject({ tone: "good", direction: "down" });
    expect(byKey.violations!.vsYearAgo).toMatchObject({ text: "без изменений", tone: "neutral" });
    expect(byKey.overdueAtMonthEnd!.vsPrevious).toMatchObject({ text: "+1", tone: "bad" });
  });

  it("has no drill-down for routine posts, which are not cases", () => {
    expect(byKey.routineShare!.figure).toBeNull();
    expect(byKey.routineShare!.vsPrevious.text).toBe("−25 п.п.");
  });

  it("says 'нет данных' when there is no earlier month to compare with", () => {
    const h = headlinesOf({ ...fixtureReport, previous: null, yearAgo: null });
    for (const x of h) {
      expect(x.vsPrevious.text).toBe("нет данных");
      expect(x.vsYearAgo.text).toBe("нет данных");
    }
  });
});

describe("the summary in words", () => {
  it("states the month's numbers with their change", () => {
    const text = plain(summarySentences(fixtureReport).join(" "));
    expect(text).toContain(
      "Поступило публикаций: 40 (к прошлому месяцу: +8 (+25 %); к тому же месяцу прошлого года: +20 (+100 %)), из них повторных — 3, социально значимых — 2.",
    );
    expect(text).toContain("Ответ размещён в течение 24 часов: 83,3 % (30 из 36)");
    expect(text).toContain("Согласовано куратором с первой подачи: 85,3 % (29 из 34)");
    expect(text).toContain("возвратов на доработку — 6.");
    expect(text).toContain("На конец месяца не завершено: 4, из них с истёкшим сроком — 1.");
    expect(text).toContain("норма выполнена в 6 из 8 недель (75 %)");
  });

  it("leaves the comparison out when there is none", () => {
    const text = plain(summarySentences({ ...fixtureReport, previous: null, yearAgo: null }).join(" "));
    expect(text).toContain("Поступило публикаций: 40, из них повторных — 3");
    expect(text).not.toContain("к прошлому месяцу");
  });
});
