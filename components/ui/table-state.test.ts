import { describe, expect, it } from "vitest";
import { day, identifier, oneOf, readQueryState, text, writeQueryState } from "./table-state";

const spec = {
  status: oneOf(["open", "NEW", "POSTED", "all"]),
  clock: oneOf(["", "ON_TIME", "AT_RISK", "OVERDUE"]),
  q: text(10),
  department: identifier(),
  from: day(),
};
const read = (query: string) => readQueryState(spec, new URLSearchParams(query));

describe("list filters in the query string", () => {
  it("reads what the address says", () => {
    expect(read("status=NEW&clock=OVERDUE&q=вода&department=cm1abc_9-Z&from=2026-11-01")).toEqual({
      status: "NEW",
      clock: "OVERDUE",
      q: "вода",
      department: "cm1abc_9-Z",
      from: "2026-11-01",
    });
  });

  it("takes the defaults for what is missing", () => {
    expect(read("")).toEqual({ status: "open", clock: "", q: "", department: "", from: "" });
  });

  it("ignores values that are not acceptable instead of passing them on", () => {
    expect(read("status=DELETED&clock=late&q=слишком-длинный-текст&department=a%20b;drop&from=2026-02-30")).toEqual({
      status: "open",
      clock: "",
      q: "",
      department: "",
      from: "",
    });
    expect(read("from=31.12.2026").from).toBe("");
    expect(read(`department=${"x".repeat(65)}`).department).toBe("");
  });

  it("writes only what differs from the defaults, keeping parameters it does not know", () => {
    const state = { status: "open", clock: "AT_RISK", q: "яма у школы", department: "", from: "2026-11-01" } as const;
    expect(writeQueryState(spec, state)).toBe(
      "?clock=AT_RISK&q=%D1%8F%D0%BC%D0%B0+%D1%83+%D1%88%D0%BA%D0%BE%D0%BB%D1%8B&from=2026-11-01",
    );
    expect(writeQueryState(spec, { ...state, clock: "", q: "", from: "" })).toBe("");
    expect(
      writeQueryState(spec, { ...state, clock: "", q: "", from: "" }, [
        ["utm", "mail"],
        ["clock", "OVERDUE"],
      ]),
    ).toBe("?utm=mail");
  });

  it("reads back exactly what it wrote", () => {
    const state = { status: "POSTED", clock: "OVERDUE", q: "a&b=c?", department: "id-1", from: "2028-02-29" } as const;
    expect(read(writeQueryState(spec, state).slice(1))).toEqual(state);
  });
});
