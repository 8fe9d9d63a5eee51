import sharp, { type Sharp } from "sharp";
import type { TFileType } from "../../domain/attachments/file-types";
import { AttachmentError } from "./errors";

export const THUMBNAIL_SIZE = 320;

// Every upload is a new file read once: libvips' operation cache would only hold memory.
sharp.cache(false);

export interface TPreparedImage {
  width: number;
  height: number;
}

/**
 * Decodes the upload completely (a corrupt or truncated image fails here), turns it upright
 * by its EXIF orientation and writes it again in its own format with no metadata at all: the
 * GPS position of a phone photo, the camera's serial number and the like are not kept. Then a
 * small WebP for lists.
 */
export async function prepareImage(
  source: string,
  type: TFileType,
  target: { stored: string; thumbnail: string },
): Promise<TPreparedImage> {
  try {
    // failOn "error": a truncated or broken image is refused; libjpeg's mere warnings (extra
    // bytes after a marker, common in phone photos) are not.
    const upright = sharp(source, { failOn: "error" }).rotate();
    const info = await encode(upright, type.mime).toFile(target.stored);
    await sharp(target.stored)
      .resize({ width: THUMBNAIL_SIZE, height: THUMBNAIL_SIZE, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 75 })
      .toFile(target.thumbnail);
    return { width: info.width, height: info.height };
  } catch (error) {
    // Our own disk failing is not the file's fault.
    if (typeof (error as NodeJS.ErrnoException).syscall === "string") throw error;
    if (error instanceof Error && /pixel limit/i.test(error.message)) {
      throw new AttachmentError(
        "bad_request",
        "Слишком большое разрешение изображения: уменьшите его и загрузите снова",
      );
    }
    throw new AttachmentError(
      "corrupt_file",
      "Файл повреждён или не является изображением. Откройте его на своём устройстве, сохраните заново и загрузите ещё раз",
    );
  }
}

function encode(image: Sharp, mime: string): Sharp {
  switch (mime) {
    case "image/png":
      return image.png();
    case "image/webp":
      return image.webp({ quality: 90 });
    default:
      return image.jpeg({ quality: 90 });
  }
}
