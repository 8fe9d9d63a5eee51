import { createServer, type Socket } from "node:net";
import { SMTPServer, type SMTPServerAddress } from "smtp-server";

/**
 * For tests: a real SMTP server in this process, on a free port of 127.0.0.1, that keeps what it
 * receives; and a server that accepts connections and never says a word. Messages are decoded
 * just enough to check what a person would see: the envelope, the subject, the text and the
 * HTML part.
 */

export interface TReceivedMail {
  /** The envelope: who the server was asked to deliver to. */
  envelopeTo: string[];
  envelopeFrom: string | null;
  headers: Map<string, string>;
  subject: string;
  from: string;
  to: string;
  text: string | null;
  html: string | null;
}

export interface TTestSmtpServer {
  url: string;
  received: TReceivedMail[];
  close(): Promise<void>;
}

/** An SMTP error as the server sends it back, e.g. 451 or 550. */
export function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

export async function startTestSmtpServer(
  options: {
    /** Refuse a recipient with the returned error (see smtpError), or accept it with null. */
    onRecipient?: (address: string) => Error | null;
  } = {},
): Promise<TTestSmtpServer> {
  const received: TReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // The built-in certificate is self-signed; plain SMTP is enough on the loopback.
    disabledCommands: ["STARTTLS"],
    logger: false,
    disableReverseLookup: true,
    closeTimeout: 1_000,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      callback(options.onRecipient?.(address.address) ?? null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        const mailFrom = session.envelope.mailFrom;
        received.push({
          ...parseMessage(Buffer.concat(chunks).toString("latin1")),
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          envelopeFrom: mailFrom ? mailFrom.address : null,
        });
        callback();
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    const listening = server.listen(0, "127.0.0.1", () => {
      const address = listening.address();
      if (address && typeof address === "object") resolve(address.port);
      else reject(new Error("the test SMTP server has no port"));
    });
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A server that accepts connections and never answers: no greeting, no replies. */
export async function startSilentServer(): Promise<{ url: string; connections: () => number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on("error", () => undefined);
    socket.on("close", () => sockets.delete(socket));
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      if (address && typeof address === "object") resolve(address.port);
      else reject(new Error("the silent server has no port"));
    });
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

// ───────────── just enough MIME to read what nodemailer writes ─────────────

interface TPart {
  headers: Map<string, string>;
  body: string;
}

/** Headers (lower-case names, unfolded) and the raw body; the source is read as latin1 bytes. */
function splitPart(source: string): TPart {
  const end = source.search(/\r?\n\r?\n/);
  const head = end === -1 ? source : source.slice(0, end);
  const body = end === -1 ? "" : source.slice(end).replace(/^\r?\n\r?\n/, "");
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function bytes(latin1: string): Buffer {
  return Buffer.from(latin1, "latin1");
}

function decodeQuotedPrintable(latin1: string): Buffer {
  const unwrapped = latin1.replace(/=\r?\n/g, "");
  return bytes(unwrapped.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
}

/** RFC 2047 words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`) in a header, as text. */
function decodeHeader(value: string): string {
  return bytes(value)
    .toString("utf8")
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, encoding: string, data: string) =>
      (encoding.toUpperCase() === "B"
        ? Buffer.from(data, "base64")
        : decodeQuotedPrintable(data.replace(/_/g, " "))
      ).toString("utf8"),
    );
}

function decodeBody(part: TPart): string {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  if (encoding === "base64") return Buffer.from(part.body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") return decodeQuotedPrintable(part.body).toString("utf8");
  return bytes(part.body).toString("utf8");
}

function leafParts(part: TPart): TPart[] {
  const type = part.headers.get("content-type") ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.toLowerCase().startsWith("multipart/") || !boundary) return [part];
  const sections = part.body.split(`--${boundary}`).slice(1);
  return sections
    .filter((section) => !section.startsWith("--"))
    .flatMap((section) => leafParts(splitPart(section.replace(/^\r?\n/, ""))));
}

export function parseMessage(raw: string): Omit<TReceivedMail, "envelopeTo" | "envelopeFrom"> {
  const message = splitPart(raw);
  const leaves = leafParts(message);
  const ofType = (type: string) => {
    const leaf = leaves.find((p) => (p.headers.get("content-type") ?? "text/plain").toLowerCase().startsWith(type));
    return leaf ? decodeBody(leaf).replace(/\r\n/g, "\n") : null;
  };
  const header = (name: string) => decodeHeader(message.headers.get(name) ?? "");
  const headers = new Map([...message.headers].map(([name, value]) => [name, decodeHeader(value)]));
  return {
    headers,
    subject: header("subject"),
    from: header("from"),
    to: header("to"),
    text: ofType("text/plain"),
    html: ofType("text/html"),
  };
}
