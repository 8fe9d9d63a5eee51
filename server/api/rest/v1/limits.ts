/** The largest request body the API reads (a publication's text is at most 20 000 characters). */
export const MAX_BODY_BYTES = 1024 * 1024;
