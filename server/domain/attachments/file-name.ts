import { ALLOWED_FILE_TYPES, type TFileType } from "./file-types";

const MAX_BASE_LENGTH = 120;
const KNOWN_EXTENSIONS: ReadonlySet<string> = new Set(ALLOWED_FILE_TYPES.flatMap((t) => t.extensions));

/**
 * The name to keep and show for an uploaded file: no folders (old browsers send
 * "C:\fakepath\…"), no control or bidirectional-override characters (which can make
 * "photo‮gpj.exe" read as "photoexe.jpg"), a sane length, and an extension that tells the truth
 * about the content — "IMG_0042" becomes "IMG_0042.jpg", a PNG named "scan.jpg" becomes
 * "scan.png".
 */
export function safeFileName(raw: string, type: Pick<TFileType, "extensions">): string {
  const leaf = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = leaf
    .normalize("NFC")
    // C0/C1 controls, and the bidi marks and overrides (U+200E–200F, U+202A–202E, U+2066–2069).
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    // Leading dots hide the file on Unix; trailing ones are dropped by Windows.
    .replace(/^\.+|\.+$/g, "");

  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : "";
  let base = ext && KNOWN_EXTENSIONS.has(ext) ? cleaned.slice(0, dot) : cleaned;
  const keepExt = type.extensions.includes(ext) ? cleaned.slice(dot + 1) : type.extensions[0];

  base = Array.from(base.trim()).slice(0, MAX_BASE_LENGTH).join("").trim();
  return `${base || "файл"}.${keepExt}`;
}

/** The same name with another extension: the thumbnail of "Двор.jpg" is "Двор.webp". */
export function withExtension(fileName: string, extension: string): string {
  const dot = fileName.lastIndexOf(".");
  return `${dot > 0 ? fileName.slice(0, dot) : fileName}.${extension}`;
}

/**
 * `Content-Disposition` with a Cyrillic file name: an ASCII `filename` for old clients and the
 * exact name as `filename*` (RFC 6266 §4.3, RFC 8187 encoding, formerly RFC 5987).
 */
export function contentDisposition(fileName: string, type: "inline" | "attachment" = "inline"): string {
  return `${type}; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeRfc8187(fileName)}`;
}

function asciiFallback(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  const ext = dot > 0 ? fileName.slice(dot).replace(/[^A-Za-z0-9.]/g, "") : "";
  const base = (dot > 0 ? fileName.slice(0, dot) : fileName)
    .replace(/[^\x20-\x7e]+/g, "_")
    // Quotes and backslashes would end or escape the quoted-string; % makes some clients decode.
    .replace(/["\\%]/g, "_");
  return `${/[A-Za-z0-9]/.test(base) ? base : "file"}${ext}`;
}

/** RFC 8187 `value-chars`: attr-chars stay, everything else is %-encoded UTF-8. */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
