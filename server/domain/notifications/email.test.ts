import { describe, expect, it } from "vitest";
import { absoluteLink, escapeHtml, renderNotificationEmail } from "./email";

const createdAt = new Date("2026-11-27T09:05:00Z");
const context = {
  appUrl: "https://otklik.example.ru",
  municipality: { name: "Мясниковский район", timeZone: "Europe/Moscow" },
};

describe("a notification as an e-mail", () => {
  it("renders a reminder in Russian with the absolute link in text and HTML, the municipality and the local time", () => {
    const mail = renderNotificationEmail(
      {
        kind: "DEADLINE_REMINDER",
        title: "Срок ответа по публикации № 12 истекает через 6 часов",
        body: "Подготовьте и разместите ответ (п.8).",
        link: "/cases/c123",
        createdAt,
      },
      context,
    );
    expect(mail.subject).toBe("[Отклик] Срок ответа по публикации № 12 истекает через 6 часов");
    expect(mail.text).toContain("Портал «Отклик» · Мясниковский район");
    expect(mail.text).toContain("Подготовьте и разместите ответ (п.8).");
    expect(mail.text).toContain("Открыть публикацию: https://otklik.example.ru/cases/c123");
    expect(mail.text).toContain("Время уведомления: 27.11.2026, 12:05 (Europe/Moscow)");
    expect(mail.text).toContain(
      "Какие уведомления приходят на почту, можно выбрать в профиле: https://otklik.example.ru/profile/notifications",
    );
    expect(mail.html).toContain('<html lang="ru">');
    expect(mail.html).toContain('href="https://otklik.example.ru/cases/c123"');
    expect(mail.html).toContain('href="https://otklik.example.ru/profile/notifications"');
    expect(mail.html).toContain("Мясниковский район");
    expect(mail.html).not.toContain("СРОЧНО");
  });

  it("escapes what people wrote, so a reason cannot inject markup into the HTML", () => {
    const mail = renderNotificationEmail(
      {
        kind: "SIGNIFICANT_ALERT",
        title: 'Публикация <b>"Вода"</b> & свет',
        body: "Причина: <script>alert('x')</script>\nвторая строка",
        link: "/cases/c1",
        createdAt,
      },
      context,
    );
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).not.toContain("<b>");
    expect(mail.html).toContain("Публикация &lt;b&gt;&quot;Вода&quot;&lt;/b&gt; &amp; свет");
    expect(mail.html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<br>вторая строка");
    // The plain text keeps the words as written.
    expect(mail.text).toContain("Причина: <script>alert('x')</script>\nвторая строка");
  });

  it("marks the п.13 alerts urgent and says they cannot be switched off", () => {
    const mail = renderNotificationEmail(
      {
        kind: "SIGNIFICANT_ALERT",
        title: "Социально значимая публикация № 7",
        body: "Массовые жалобы",
        link: "/cases/c7",
        createdAt,
      },
      context,
    );
    expect(mail.subject).toBe("[Отклик] Срочно: Социально значимая публикация № 7");
    expect(mail.text).toContain("приходят на почту всегда (п.13 регламента)");
    expect(mail.html).toContain("СРОЧНО");
    expect(mail.html).toContain("приходят на почту всегда (п.13 регламента)");
  });

  it("keeps the subject one line, and leaves out a link that would leave the portal", () => {
    const mail = renderNotificationEmail(
      { kind: "OTHER", title: "Первая\r\nBcc: someone@example.com", body: "", link: "//evil.example/x", createdAt },
      { appUrl: "https://otklik.example.ru/", municipality: null },
    );
    expect(mail.subject).toBe("[Отклик] Первая Bcc: someone@example.com");
    expect(mail.text).not.toContain("evil");
    expect(mail.html).not.toContain("evil");
    expect(mail.text).toContain("Портал «Отклик»\n");
    expect(mail.text).toContain("(Europe/Moscow)");
    expect(
      renderNotificationEmail({ kind: "OTHER", title: "x".repeat(500), body: "", link: null, createdAt }, context)
        .subject,
    ).toHaveLength("[Отклик] ".length + 200);
  });

  it("joins a base URL with a path prefix and a trailing slash to the portal path", () => {
    expect(absoluteLink("https://gov.example/otklik/", "/cases/a")).toBe("https://gov.example/otklik/cases/a");
    expect(absoluteLink("http://localhost:3000", "/cases/a")).toBe("http://localhost:3000/cases/a");
    expect(absoluteLink("http://localhost:3000", "https://evil.example")).toBeNull();
    expect(absoluteLink("http://localhost:3000", "/\\evil.example")).toBeNull();
    expect(absoluteLink("http://localhost:3000", null)).toBeNull();
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
