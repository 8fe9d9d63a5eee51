/** The largest export accepted: a month of a busy district is far below it. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** Rows of publications in one file (the header not counted). */
export const IMPORT_MAX_ROWS = 10_000;

/** Columns read from a sheet; anything wider is not an export of publications. */
export const IMPORT_MAX_COLUMNS = 200;

/** Rows shown in the preview table. */
export const IMPORT_PREVIEW_ROWS = 50;

/** Rows with a problem listed in the preview (all of them are in the import's report). */
export const IMPORT_PREVIEW_ISSUES = 500;

/** The limits as people read them. */
export const IMPORT_LIMITS_TEXT = "не больше 10 МБ и 10 000 строк";
