import { describe, expect, it } from "vitest";
import { citeLegalAct, joinLegalReferences, splitLegalReferences } from "./legal-references";

const ACTS = [
  {
    id: "a1",
    citation: "Федеральный закон от 06.10.2003 № 131-ФЗ",
    title: "Об общих принципах организации местного самоуправления",
  },
  { id: "a2", citation: "Федеральный закон от 08.11.2007 № 257-ФЗ", title: "Об автомобильных дорогах" },
];

describe("legal references of a refusal", () => {
  it("cites an act of the list with its title in quotes", () => {
    expect(citeLegalAct(ACTS[1]!)).toBe("Федеральный закон от 08.11.2007 № 257-ФЗ «Об автомобильных дорогах»");
  });

  it("joins the ticked acts in the list's order and the hand-written lines, without blanks or repeats", () => {
    const refs = joinLegalReferences(["a2", "a1"], ACTS, "  Областной закон № 436-ЗС \n\n" + citeLegalAct(ACTS[0]!));
    expect(refs).toEqual([citeLegalAct(ACTS[0]!), citeLegalAct(ACTS[1]!), "Областной закон № 436-ЗС"]);
    expect(joinLegalReferences([], ACTS, " \n ")).toEqual([]);
  });

  it("reads a stored draft back: listed acts ticked, the rest as lines, and survives the round trip", () => {
    const stored = [citeLegalAct(ACTS[1]!), "Решение Собрания депутатов № 12", "Акт, исключённый из перечня"];
    const split = splitLegalReferences(stored, ACTS);
    expect(split).toEqual({
      pickedIds: ["a2"],
      otherLines: "Решение Собрания депутатов № 12\nАкт, исключённый из перечня",
    });
    expect(joinLegalReferences(split.pickedIds, ACTS, split.otherLines)).toEqual(stored);
  });
});
