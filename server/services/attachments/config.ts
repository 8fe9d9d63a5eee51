import "server-only";
import { env } from "../../env";
import { uploadLimitsFromMegabytes, type TUploadLimits } from "../../domain/attachments/limits";

/** UPLOAD_MAX_PHOTO_MB and UPLOAD_MAX_VIDEO_MB, in bytes. */
export function uploadLimitsFromEnv(): TUploadLimits {
  const e = env();
  return uploadLimitsFromMegabytes(e.UPLOAD_MAX_PHOTO_MB, e.UPLOAD_MAX_VIDEO_MB);
}
