import { z } from "zod";

/** Most cases a queue section lists; its total counts them all and the full list is at /cases. */
export const QUEUE_SECTION_LIMIT = 100;

export const ZQueueInput = z
  .object({ limit: z.number().int().min(1).max(200).default(QUEUE_SECTION_LIMIT) })
  .default({ limit: QUEUE_SECTION_LIMIT });
export type TQueueInput = z.input<typeof ZQueueInput>;
