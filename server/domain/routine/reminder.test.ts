import { describe, expect, it } from "vitest";
import { isoWeekByKey } from "./iso-week";
import { formatRoutinePostCount, routineReminderDedupe, routineReminderText } from "./reminder";

describe("the Thursday reminder about routine posts", () => {
  it("counts posts in Russian", () => {
    expect(formatRoutinePostCount(0)).toBe("0 плановых публикаций");
    expect(formatRoutinePostCount(1)).toBe("1 плановая публикация");
    expect(formatRoutinePostCount(2)).toBe("2 плановые публикации");
    expect(formatRoutinePostCount(5)).toBe("5 плановых публикаций");
    expect(formatRoutinePostCount(21)).toBe("21 плановая публикация");
  });

  it("says how many posts the account has this week and how many are needed", () => {
    const text = routineReminderText({
      accountName: "Администрация района",
      networkName: "ВКонтакте",
      count: 1,
      minimum: 2,
      week: isoWeekByKey("2026-W53", "Europe/Moscow")!,
    });
    expect(text.title).toBe("Плановые публикации: «Администрация района» — 1 из 2");
    expect(text.body).toContain(
      "Аккаунт «Администрация района» (ВКонтакте): на этой неделе 1 плановая публикация из 2.",
    );
    expect(text.body).toContain("28.12–03.01");
  });

  it("is keyed by account and week", () => {
    expect(routineReminderDedupe("acc1", "2026-W53")).toBe("routine:acc1:2026-W53");
  });
});
