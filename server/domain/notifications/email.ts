import { formatDateTime } from "../time/zone";
import { isAlwaysEmailed } from "./kinds";

/**
 * A notification as an e-mail: a subject, a plain-text body and the same in HTML, in Russian,
 * with the absolute link to the case and a footer saying where the choice of e-mails is made.
 * Everything that came from people (titles, reasons, names) is escaped in the HTML.
 */

export const PORTAL_NAME = "Отклик";

/** Where a person chooses which notifications come by e-mail. */
export const EMAIL_PREFERENCES_PATH = "/profile/notifications";

export interface TEmailNotification {
  kind: string;
  title: string;
  body: string;
  /** A path inside the portal, e.g. `/cases/<id>`; anything else is left out. */
  link: string | null;
  createdAt: Date;
}

export interface TEmailContext {
  /** The portal's public base URL (`APP_URL`), possibly with a path prefix. */
  appUrl: string;
  /** The municipality the notification concerns: its name and the zone to show times in. */
  municipality: { name: string; timeZone: string } | null;
}

export interface TRenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const FALLBACK_TIME_ZONE = "Europe/Moscow";
const SUBJECT_MAX = 200;

/** `/cases/x` under `https://host/prefix/` → `https://host/prefix/cases/x`; null for a non-portal link. */
export function absoluteLink(appUrl: string, link: string | null): string | null {
  if (!link || !link.startsWith("/") || link.startsWith("//") || link.startsWith("/\\")) return null;
  return `${appUrl.replace(/\/+$/, "")}${link}`;
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** One line, no control characters (a header must not be split), at most SUBJECT_MAX long. */
function oneLine(value: string): string {
  const line = value
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return line.length > SUBJECT_MAX ? `${line.slice(0, SUBJECT_MAX - 1)}…` : line;
}

export function renderNotificationEmail(notification: TEmailNotification, context: TEmailContext): TRenderedEmail {
  const urgent = isAlwaysEmailed(notification.kind);
  const url = absoluteLink(context.appUrl, notification.link);
  const linkLabel = notification.link?.startsWith("/cases/") ? "Открыть публикацию" : "Открыть в портале";
  const preferencesUrl = absoluteLink(context.appUrl, EMAIL_PREFERENCES_PATH) ?? EMAIL_PREFERENCES_PATH;
  const timeZone = context.municipality?.timeZone ?? FALLBACK_TIME_ZONE;
  const when = `${formatDateTime(notification.createdAt, timeZone)} (${timeZone})`;
  const sender = context.municipality
    ? `Портал «${PORTAL_NAME}» · ${context.municipality.name}`
    : `Портал «${PORTAL_NAME}»`;
  const title = oneLine(notification.title);
  const body = notification.body.trim();
  const preferencesNote = "Какие уведомления приходят на почту, можно выбрать в профиле:";
  const alwaysNote = "Сообщения о социально значимых публикациях приходят на почту всегда (п.13 регламента).";

  const subject = `[${PORTAL_NAME}] ${urgent ? "Срочно: " : ""}${title}`;

  const text = [
    sender,
    "",
    urgent ? `СРОЧНО. ${title}` : title,
    "",
    ...(body ? [body, ""] : []),
    ...(url ? [`${linkLabel}: ${url}`, ""] : []),
    `Время уведомления: ${when}`,
    "",
    "-- ",
    `Письмо отправлено автоматически порталом «${PORTAL_NAME}», отвечать на него не нужно.`,
    ...(urgent ? [alwaysNote] : []),
    `${preferencesNote} ${preferencesUrl}`,
    "",
  ].join("\n");

  const muted = "margin:0;font-size:13px;line-height:1.5;color:#475569;";
  const link = (href: string, label: string, style = "color:#1849a6;") =>
    `<a href="${escapeHtml(href)}" style="${style}">${escapeHtml(label)}</a>`;
  const html = `<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f1f5f9;color:#0f172a;font-family:Arial,Helvetica,sans-serif;">
<div style="max-width:600px;margin:0 auto;padding:24px 16px;">
<p style="${muted}margin-bottom:8px;">${escapeHtml(sender)}</p>
<div style="background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:20px;">
${urgent ? `<p style="margin:0 0 8px;font-size:13px;font-weight:bold;letter-spacing:0.05em;color:#991b1b;">СРОЧНО</p>\n` : ""}<h1 style="margin:0 0 12px;font-size:20px;line-height:1.3;">${escapeHtml(title)}</h1>
${body ? `<p style="margin:0 0 16px;font-size:15px;line-height:1.5;">${escapeHtml(body).replace(/\r?\n/g, "<br>")}</p>\n` : ""}${
    url
      ? `<p style="margin:0 0 16px;">${link(url, linkLabel, "display:inline-block;background:#1d5fd1;color:#ffffff;text-decoration:none;font-weight:bold;padding:10px 16px;border-radius:6px;")}</p>
<p style="${muted}margin-bottom:12px;">Если кнопка не открывается, скопируйте ссылку в браузер:<br>${link(url, url)}</p>\n`
      : ""
  }<p style="${muted}">Время уведомления: ${escapeHtml(when)}</p>
</div>
<p style="${muted}margin-top:16px;">Письмо отправлено автоматически порталом «${PORTAL_NAME}», отвечать на него не нужно.<br>${
    urgent ? `${escapeHtml(alwaysNote)}<br>` : ""
  }${escapeHtml(preferencesNote)} ${link(preferencesUrl, preferencesUrl)}</p>
</div>
</body>
</html>
`;

  return { subject, text, html };
}
