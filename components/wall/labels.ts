import type { TClockKind } from "@/server/domain/cases/case-types";
import type { TClockState } from "@/server/domain/cases/clocks";

/** What a case's clock is waiting for, short enough for a tile's line. */
export const WALL_CLOCK_LABELS = {
  ROUTE: "направить в отдел",
  DRAFT: "проект ответа",
  FORWARD: "передать куратору",
  REWORK: "доработать проект",
  ANSWER: "разместить ответ",
} as const satisfies Record<TClockKind, string>;

/** The state in words, so colour is never the only sign. */
export const WALL_STATE_LABELS = {
  ON_TIME: "в срок",
  AT_RISK: "под угрозой",
  OVERDUE: "просрочено",
} as const satisfies Record<TClockState, string>;
