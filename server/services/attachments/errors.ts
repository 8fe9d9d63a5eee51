/**
 * A refusal of an upload or download, with the HTTP status and the stable code clients branch
 * on; `message` is Russian and shown to the person as is. (ServiceError has no 413/415/416.)
 */
export const ATTACHMENT_ERRORS = {
  bad_request: 400,
  corrupt_file: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  range_not_satisfiable: 416,
} as const;

export type TAttachmentErrorCode = keyof typeof ATTACHMENT_ERRORS;

export class AttachmentError extends Error {
  readonly status: number;

  constructor(
    readonly code: TAttachmentErrorCode,
    message: string,
    /** Response headers the refusal needs, e.g. Content-Range of a 416. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "AttachmentError";
    this.status = ATTACHMENT_ERRORS[code];
  }
}

export const caseNotFound = () => new AttachmentError("not_found", "Публикация не найдена");
export const attachmentNotFound = () => new AttachmentError("not_found", "Файл не найден");
