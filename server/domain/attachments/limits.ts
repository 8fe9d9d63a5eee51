import { mediaAllowedFor, type TAttachmentPurpose, type TMedia } from "./file-types";

/** Size limits in bytes (configured in megabytes: UPLOAD_MAX_PHOTO_MB, UPLOAD_MAX_VIDEO_MB). */
export interface TUploadLimits {
  maxPhotoBytes: number;
  maxVideoBytes: number;
}

export const MEGABYTE = 1024 * 1024;

export function uploadLimitsFromMegabytes(photoMb: number, videoMb: number): TUploadLimits {
  return { maxPhotoBytes: Math.round(photoMb * MEGABYTE), maxVideoBytes: Math.round(videoMb * MEGABYTE) };
}

/** Screenshots are images and share the photo limit. */
export function maxBytesForMedia(media: TMedia, limits: TUploadLimits): number {
  return media === "video" ? limits.maxVideoBytes : limits.maxPhotoBytes;
}

/**
 * The most a file of this purpose may weigh before its type is known (while its first bytes
 * are still arriving): the limit of its largest allowed media.
 */
export function maxBytesForPurpose(purpose: TAttachmentPurpose, limits: TUploadLimits): number {
  return Math.max(...mediaAllowedFor(purpose).map((m) => maxBytesForMedia(m, limits)));
}

/**
 * A multipart body carries the file plus boundaries and part headers (a long file name
 * included); this much on top of the file's limit is still a legitimate request.
 */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const MEDIA_NAMES = { image: "фото", video: "видео" } as const satisfies Record<TMedia, string>;

/**
 * The refusal of a too large file. `media` is the sniffed type's when known; before that, the
 * limits of everything the purpose allows are listed.
 */
export function tooLargeMessage(purpose: TAttachmentPurpose, media: TMedia | null, limits: TUploadLimits): string {
  const medias = media ? [media] : mediaAllowedFor(purpose);
  const onlyImages = medias.every((m) => m === "image") && purpose !== "evidence";
  const parts = medias.map(
    (m) => `${onlyImages ? "изображение" : MEDIA_NAMES[m]} — не больше ${formatFileSize(maxBytesForMedia(m, limits))}`,
  );
  return `Файл слишком большой: ${parts.join(", ")}`;
}

const SIZE_FORMAT = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 1 });

/** "850 Б", "12,4 КБ", "20 МБ", "1,2 ГБ": binary units, as file managers show them. */
export function formatFileSize(bytes: number): string {
  const units = ["Б", "КБ", "МБ", "ГБ"] as const;
  let value = Math.max(0, bytes);
  let unit = 0;
  // Rounded as shown, so 1 048 575 bytes is "1 МБ", not "1024 КБ".
  const rounded = (v: number, u: number) => (u === 0 ? Math.round(v) : Math.round(v * 10) / 10);
  while (rounded(value, unit) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // One decimal at most, none when it is zero ("20 МБ", not "20,0 МБ").
  return `${SIZE_FORMAT.format(rounded(value, unit))} ${units[unit]}`;
}
