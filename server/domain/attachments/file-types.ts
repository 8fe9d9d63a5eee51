/**
 * What may be attached to a case (п.9: photos and videos confirming the measures; screenshots of
 * the publication and of the posted answer), decided by the file's content as sniffed from its
 * first bytes, never by its name or the browser's claimed type.
 */

/** Mirrors the Prisma enum AttachmentKind (the domain may not import the generated client). */
export const ATTACHMENT_KINDS = ["PHOTO", "VIDEO", "DOCUMENT", "SCREENSHOT", "ANSWER_SCREENSHOT"] as const;
export type TAttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** Kinds that are evidence for the answer: they travel with the draft version they were sent with. */
export const EVIDENCE_ATTACHMENT_KINDS = ["PHOTO", "VIDEO", "DOCUMENT"] as const satisfies readonly TAttachmentKind[];

export function isEvidenceKind(kind: TAttachmentKind): boolean {
  return (EVIDENCE_ATTACHMENT_KINDS as readonly TAttachmentKind[]).includes(kind);
}

export const ATTACHMENT_KIND_LABELS = {
  PHOTO: "Фото",
  VIDEO: "Видео",
  DOCUMENT: "Документ",
  SCREENSHOT: "Скриншот публикации",
  ANSWER_SCREENSHOT: "Скриншот размещённого ответа",
} as const satisfies Record<TAttachmentKind, string>;

/**
 * Why a file is uploaded, as the upload form says it: evidence for the answer (executor), a
 * screenshot of the publication (whoever registers or routes it), a screenshot of the answer as
 * posted in the network (coordinator).
 */
export const ATTACHMENT_PURPOSES = ["evidence", "screenshot", "answerScreenshot"] as const;
export type TAttachmentPurpose = (typeof ATTACHMENT_PURPOSES)[number];

export function isAttachmentPurpose(value: unknown): value is TAttachmentPurpose {
  return typeof value === "string" && (ATTACHMENT_PURPOSES as readonly string[]).includes(value);
}

export type TMedia = "image" | "video";

export interface TFileType {
  mime: string;
  media: TMedia;
  /** What people call the format. */
  label: string;
  /** Extensions a file of this type may carry; the first is the canonical one. */
  extensions: readonly [string, ...string[]];
}

/** The formats a phone or a screenshot tool produces and every browser can show. */
export const ALLOWED_FILE_TYPES = [
  { mime: "image/jpeg", media: "image", label: "JPEG", extensions: ["jpg", "jpeg"] },
  { mime: "image/png", media: "image", label: "PNG", extensions: ["png"] },
  { mime: "image/webp", media: "image", label: "WebP", extensions: ["webp"] },
  { mime: "video/mp4", media: "video", label: "MP4", extensions: ["mp4"] },
  { mime: "video/quicktime", media: "video", label: "MOV", extensions: ["mov"] },
  { mime: "video/webm", media: "video", label: "WebM", extensions: ["webm"] },
] as const satisfies readonly TFileType[];

export function findFileType(mime: string | undefined): TFileType | undefined {
  return ALLOWED_FILE_TYPES.find((t) => t.mime === mime);
}

const PURPOSE_MEDIA = {
  evidence: ["image", "video"],
  screenshot: ["image"],
  answerScreenshot: ["image"],
} as const satisfies Record<TAttachmentPurpose, readonly TMedia[]>;

export function mediaAllowedFor(purpose: TAttachmentPurpose): readonly TMedia[] {
  return PURPOSE_MEDIA[purpose];
}

export function fileTypesFor(purpose: TAttachmentPurpose): TFileType[] {
  const media: readonly TMedia[] = PURPOSE_MEDIA[purpose];
  return ALLOWED_FILE_TYPES.filter((t) => media.includes(t.media));
}

/** The record's kind: evidence splits into photo and video, screenshots are what they are. */
export function kindFor(purpose: TAttachmentPurpose, media: TMedia): TAttachmentKind {
  switch (purpose) {
    case "evidence":
      return media === "video" ? "VIDEO" : "PHOTO";
    case "screenshot":
      return "SCREENSHOT";
    case "answerScreenshot":
      return "ANSWER_SCREENSHOT";
  }
}

/** For `<input type="file" accept>`: a hint to the picker only; the server decides by content. */
export function acceptAttribute(purpose: TAttachmentPurpose): string {
  const types = fileTypesFor(purpose);
  return [...types.map((t) => t.mime), ...types.flatMap((t) => t.extensions.map((e) => `.${e}`))].join(",");
}

function labels(media: TMedia): string {
  return ALLOWED_FILE_TYPES.filter((t) => t.media === media)
    .map((t) => t.label)
    .join(", ");
}

/** "фото (JPEG, PNG, WebP) или видео (MP4, MOV, WebM)" — what the person may pick, in a sentence. */
export function describeAllowedTypes(purpose: TAttachmentPurpose): string {
  const media: readonly TMedia[] = PURPOSE_MEDIA[purpose];
  if (media.includes("video")) return `фото (${labels("image")}) или видео (${labels("video")})`;
  return `изображение (${labels("image")})`;
}

/**
 * The refusal of a file whose content is not an allowed type. `detected` is the sniffed
 * format's extension (e.g. "exe"), when the content was recognised at all.
 */
export function unsupportedTypeMessage(purpose: TAttachmentPurpose, detected: string | undefined): string {
  const what = detected ? detected.toUpperCase() : "формат не распознан";
  return `Недопустимый тип файла: ${what}. Можно загрузить ${describeAllowedTypes(purpose)}`;
}
