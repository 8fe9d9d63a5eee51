import { describe, expect, it } from "vitest";
import { figureKeyLabel, isFigure } from "./figures";
import { fixtureCurrent } from "./fixture";

describe("drill-down figures", () => {
  it("knows the figures of the contract and nothing else", () => {
    expect(isFigure("violationsByExecutor")).toBe(true);
    expect(isFigure("received")).toBe(true);
    expect(isFigure("everything")).toBe(false);
  });

  it("names the key of a grouped figure as the month's figures call it", () => {
    expect(figureKeyLabel(fixtureCurrent, "byNetwork", "net-ok")).toBe("Одноклассники");
    expect(figureKeyLabel(fixtureCurrent, "bySource", "OWN_MONITORING")).toBe("Собственный мониторинг");
    expect(figureKeyLabel(fixtureCurrent, "violationsByDepartment", "dep-org")).toBe("Орготдел");
    expect(figureKeyLabel(fixtureCurrent, "byDepartment", "dep-edu")).toBe("Отдел образования");
    expect(figureKeyLabel(fixtureCurrent, "clockMissed", "DRAFT")).toBe("Подготовка проекта ответа");
    expect(figureKeyLabel(fixtureCurrent, "violationsByType", "FORWARD_LATE")).toBe(
      "Проект не передан куратору в срок (п.10)",
    );
    expect(figureKeyLabel(fixtureCurrent, "violationsByExecutor", "user-ivanov")).toBe("Иванов Пётр Сергеевич");
    expect(figureKeyLabel(fixtureCurrent, "answeredWithin24h", "dep-zhkh")).toBe("Отдел ЖКХ");
  });

  it("gives nothing for a key the month does not have (an edited link)", () => {
    expect(figureKeyLabel(fixtureCurrent, "byNetwork", "net-x")).toBeNull();
    expect(figureKeyLabel(fixtureCurrent, "clockMissed", "LUNCH")).toBeNull();
  });
});
