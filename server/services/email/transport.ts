import { createTransport } from "nodemailer";
import type { TEnv } from "../../env";

/** One e-mail to one person. */
export interface TMailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Marks the message high priority in the recipient's mail client (п.13 alerts). */
  urgent?: boolean;
}

/**
 * Where notification e-mails go out, with what they need to be written: the sender and the
 * portal's public address for links.
 */
export interface TMailTransport {
  /** The sender of every message (MAIL_FROM). */
  from: string;
  /** The portal's public base URL (APP_URL), for absolute links. */
  appUrl: string;
  /** Sends one message; rejects when the server refuses it, or when `timeoutMs` passes first. */
  send(message: TMailMessage, options: { timeoutMs: number }): Promise<void>;
  /** Closes the connections; call once the transport is no longer needed. */
  close(): void;
}

/** The longest one conversation with the mail server may take, unless the URL says otherwise. */
export const SMTP_TIMEOUT_MS = 10_000;

export class MailTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`the mail server did not answer within ${timeoutMs} ms`);
    this.name = "MailTimeoutError";
  }
}

/**
 * The transport for SMTP_URL (read by nodemailer: `smtp://user:password@host:587`,
 * `smtps://…:465`, options as query parameters), or null when no mail server is configured.
 * nodemailer waits minutes for a silent server by default; here every stage (connecting, the
 * greeting, each reply) is bounded by `timeoutMs` unless the URL sets its own.
 */
export function createMailTransport(
  config: Pick<TEnv, "SMTP_URL" | "MAIL_FROM" | "APP_URL">,
  options: { timeoutMs?: number } = {},
): TMailTransport | null {
  if (!config.SMTP_URL) return null;
  const timeoutMs = options.timeoutMs ?? SMTP_TIMEOUT_MS;
  const url = new URL(config.SMTP_URL);
  for (const name of ["connectionTimeout", "greetingTimeout", "socketTimeout", "dnsTimeout"]) {
    if (!url.searchParams.has(name)) url.searchParams.set(name, String(timeoutMs));
  }
  const transporter = createTransport(url.toString(), { from: config.MAIL_FROM });

  return {
    from: config.MAIL_FROM,
    appUrl: config.APP_URL,
    async send(message, { timeoutMs: limit }) {
      const sending = transporter.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        ...(message.urgent ? { priority: "high" as const } : {}),
      });
      // Given up on below, the attempt may still fail later: that must not become an
      // unhandled rejection.
      sending.catch(() => undefined);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new MailTimeoutError(limit)), limit);
      });
      try {
        const info = await Promise.race([sending, timeout]);
        // One recipient per message: a refused recipient means the message was not delivered.
        if (info.rejected.length > 0) throw new Error(`the mail server refused the recipient ${message.to}`);
      } finally {
        clearTimeout(timer);
      }
    },
    close() {
      transporter.close();
    },
  };
}
