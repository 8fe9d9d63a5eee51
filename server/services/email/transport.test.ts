import { describe, expect, it } from "vitest";
import { isEmailConfigured } from "./config";
import { describeSendError } from "./deliver";
import { createMailTransport } from "./transport";

const base = { MAIL_FROM: '"Отклик" <otklik@localhost>', APP_URL: "http://localhost:3000" };

describe("the mail transport", () => {
  it("exists only when a mail server is configured", () => {
    expect(createMailTransport({ ...base, SMTP_URL: undefined })).toBeNull();
    expect(isEmailConfigured({})).toBe(false);
    expect(isEmailConfigured({ SMTP_URL: "  " })).toBe(false);
    expect(isEmailConfigured({ SMTP_URL: "smtp://mail.example.ru:25" })).toBe(true);
    const transport = createMailTransport({ ...base, SMTP_URL: "smtp://mail.example.ru:25" });
    expect(transport).toMatchObject({ from: base.MAIL_FROM, appUrl: base.APP_URL });
    transport?.close();
  });

  it("records the mail server's own words for a failed send, on one short line", () => {
    const refused = Object.assign(new Error("Can't send mail - all recipients were rejected"), {
      code: "EENVELOPE",
      response: "550 5.1.1 <x@example.ru>: Recipient address rejected",
    });
    expect(describeSendError(refused)).toBe("EENVELOPE: 550 5.1.1 <x@example.ru>: Recipient address rejected");
    expect(describeSendError(new Error("line one\nline two"))).toBe("line one line two");
    expect(describeSendError(new Error("x".repeat(2_000)))).toHaveLength(500);
    expect(describeSendError(42)).toBe("unknown error");
  });
});
