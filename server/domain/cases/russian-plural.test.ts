import { describe, expect, it } from "vitest";
import { pluralRu } from "./russian-plural";

describe("Russian plural forms", () => {
  it("agrees the noun with the number as Russian grammar does", () => {
    const form = (n: number) => pluralRu(n, "символ", "символа", "символов");
    expect([0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 112, 1001].map(form)).toEqual([
      "символов",
      "символ",
      "символа",
      "символа",
      "символов",
      "символов",
      "символов",
      "символов",
      "символ",
      "символа",
      "символов",
      "символ",
      "символов",
      "символов",
      "символ",
    ]);
  });
});
