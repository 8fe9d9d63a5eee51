import { ServiceError } from "../errors";

/**
 * Refusals of the file itself, before any row is looked at: nothing is imported. HTTP statuses
 * ServiceError has no code for (413, 415) travel in `status`; through tRPC they are a
 * BAD_REQUEST with the same Russian message.
 */
export const IMPORT_FILE_ERRORS = {
  /** The request itself: not a form, no file, an unreadable mapping. */
  bad_request: 400,
  empty_file: 400,
  corrupt_file: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
} as const;

export type TImportFileErrorCode = keyof typeof IMPORT_FILE_ERRORS;

export class ImportFileError extends ServiceError {
  readonly status: number;

  constructor(
    readonly reason: TImportFileErrorCode,
    message: string,
  ) {
    super("BAD_REQUEST", message, "file");
    this.name = "ImportFileError";
    this.status = IMPORT_FILE_ERRORS[reason];
  }
}
