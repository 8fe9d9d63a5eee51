import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkAnswer, composeAnswerText, countCharacters, type TAnswerParts } from "./answer-rules";

const MEASURES: TAnswerParts = {
  kind: "MEASURES",
  greeting: "Здравствуйте, Анна!",
  measures: "Яма на ул. Ленина засыпана щебнем 12 марта.",
  stages: "Ремонт покрытия запланирован на май 2026 года, до 31 мая.",
  closing: "Администрация Мясниковского района",
};

const REFUSAL: TAnswerParts = {
  kind: "REFUSAL",
  refusalReason: "Дорога Ростов — Чалтырь относится к региональным, её содержание ведёт министерство транспорта.",
  legalReferences: ["ст. 14 Федерального закона № 131-ФЗ.", "  ", "Постановление Правительства РО № 1158"],
};

const fields = (parts: TAnswerParts, maxAnswerLength: number | null = null, text?: string) =>
  checkAnswer(parts, { maxAnswerLength, ...(text === undefined ? {} : { text }) }).map((p) => p.field);

describe("composing the answer", () => {
  it("joins the parts of the chosen kind into paragraphs", () => {
    expect(composeAnswerText(MEASURES)).toBe(
      [MEASURES.greeting, MEASURES.measures, MEASURES.stages, MEASURES.closing].join("\n\n"),
    );
  });

  it("lists legal references after the explanation, without doubled full stops", () => {
    expect(composeAnswerText(REFUSAL)).toBe(
      `${REFUSAL.refusalReason}\n\nОснования: ст. 14 Федерального закона № 131-ФЗ; Постановление Правительства РО № 1158.`,
    );
    expect(composeAnswerText({ ...REFUSAL, legalReferences: ["ст. 14 131-ФЗ"] })).toMatch(
      /Основание: ст\. 14 131-ФЗ\.$/,
    );
  });

  it("leaves out the parts of the other kind, so switching the kind never posts stale text", () => {
    const text = composeAnswerText({
      ...MEASURES,
      kind: "REFUSAL",
      refusalReason: "Не в полномочиях",
      legalReferences: ["ФЗ-131"],
    });
    expect(text).not.toContain("щебнем");
    expect(composeAnswerText({ ...REFUSAL, kind: "MEASURES", measures: "Сделано" })).not.toContain("Основани");
  });
});

describe("п.9 completeness", () => {
  it("accepts complete answers of both kinds", () => {
    expect(checkAnswer(MEASURES, { maxAnswerLength: 4096 })).toEqual([]);
    expect(checkAnswer(REFUSAL, { maxAnswerLength: null })).toEqual([]);
  });

  it("measures need the measures and the stages with dates", () => {
    expect(fields({ kind: "MEASURES" })).toEqual(["measures", "stages", "text"]);
    expect(fields({ ...MEASURES, stages: "   " })).toEqual(["stages"]);
    const [problem] = checkAnswer({ ...MEASURES, measures: "" }, { maxAnswerLength: null });
    expect(problem?.message).toMatch(/меры/);
  });

  it("a refusal needs a justification and at least one legal reference", () => {
    expect(fields({ ...REFUSAL, refusalReason: " " })).toEqual(["refusalReason"]);
    expect(fields({ ...REFUSAL, legalReferences: ["", "  "] })).toEqual(["legalReferences"]);
    expect(fields({ kind: "REFUSAL" })).toEqual(["refusalReason", "legalReferences", "text"]);
    const problems = checkAnswer({ kind: "REFUSAL" }, { maxAnswerLength: null });
    expect(problems.map((p) => p.message).join(" ")).toMatch(/правовой акт/);
  });

  it("the answer to a repeated publication reports measures or progress, not a refusal (п.11)", () => {
    const [first, ...rest] = checkAnswer(REFUSAL, { maxAnswerLength: null, repeated: true });
    expect(first).toMatchObject({ field: "kind" });
    expect(first?.message).toMatch(/повторную публикацию.*п\.11/);
    expect(rest).toEqual([]);
    expect(checkAnswer(MEASURES, { maxAnswerLength: null, repeated: true })).toEqual([]);
    expect(checkAnswer(REFUSAL, { maxAnswerLength: null, repeated: false })).toEqual([]);
  });
});

describe("the network's length limit", () => {
  it("counts characters as a person sees them", () => {
    expect(countCharacters("👍🏽🇷🇺ё")).toBe(3);
    expect(countCharacters("\u0438\u0306")).toBe(1); // и + combining breve: й
    expect(countCharacters("")).toBe(0);
  });

  it("refuses an answer over the limit, saying by how much", () => {
    const text = composeAnswerText(MEASURES);
    const length = countCharacters(text);
    expect(fields(MEASURES, length)).toEqual([]);
    const [problem] = checkAnswer(MEASURES, { maxAnswerLength: length - 5 });
    expect(problem).toMatchObject({ field: "text" });
    expect(problem?.message).toMatch(new RegExp(`${length} из ${length - 5}.*на 5`));
  });

  it("checks a hand-edited text rather than the composed one", () => {
    expect(fields(MEASURES, 10, "Сделано.")).toEqual([]);
    expect(fields(MEASURES, 10, "Сделано всё, что можно.")).toEqual(["text"]);
    expect(fields(MEASURES, null, "   ")).toEqual(["text"]);
  });

  it("a limit of null is no limit; an emoji-heavy text is not overcounted", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("👍🏽", "🇷🇺", "а", "й"), { minLength: 1, maxLength: 200 }), (graphemes) => {
        const text = graphemes.join("");
        expect(fields(MEASURES, graphemes.length, text)).toEqual([]);
        expect(fields(MEASURES, null, text)).toEqual([]);
      }),
    );
  });
});
