import { describe, expect, it } from "vitest";
import { badgeText, bellLabel } from "./labels";

describe("the bell's name and badge", () => {
  it("says how many notifications are unread, in Russian", () => {
    expect(bellLabel(undefined)).toBe("Уведомления");
    expect(bellLabel(0)).toBe("Уведомления: нет непрочитанных");
    expect(bellLabel(1)).toBe("Уведомления: 1 непрочитанное");
    expect(bellLabel(3)).toBe("Уведомления: 3 непрочитанных");
    expect(bellLabel(11)).toBe("Уведомления: 11 непрочитанных");
    expect(bellLabel(21)).toBe("Уведомления: 21 непрочитанное");
    expect(bellLabel(111)).toBe("Уведомления: 111 непрочитанных");
  });

  it("keeps the badge short for large counts while the name keeps the exact number", () => {
    expect(badgeText(7)).toBe("7");
    expect(badgeText(99)).toBe("99");
    expect(badgeText(250)).toBe("99+");
    expect(bellLabel(250)).toBe("Уведомления: 250 непрочитанных");
  });
});
