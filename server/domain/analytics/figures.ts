import type { TFigure } from "./types";

/** Every figure a person can drill into (TFigure), for validating input. */
export const ANALYTICS_FIGURES = [
  "received",
  "byNetwork",
  "bySource",
  "byTopic",
  "byDepartment",
  "repeated",
  "significant",
  "answeredWithin24h",
  "answeredLate",
  "clockMissed",
  "firstPassApproved",
  "reworked",
  "returnsByDepartment",
  "violationsByType",
  "violationsByDepartment",
  "violationsByExecutor",
  "openAtMonthEnd",
  "overdueAtMonthEnd",
] as const satisfies readonly TFigure[];

// Compile-time check that the list names every figure of the contract.
type TMissing = Exclude<TFigure, (typeof ANALYTICS_FIGURES)[number]>;
const everyFigure: TMissing extends never ? true : TMissing = true;
void everyFigure;

export function isAnalyticsFigure(value: string): value is TFigure {
  return (ANALYTICS_FIGURES as readonly string[]).includes(value);
}

/**
 * Figures counted per clock instance, return or violation: their drill-down lists each case
 * once, so a case with two late forwards in the month is one row under a count of two.
 */
export const INSTANCE_FIGURES = [
  "clockMissed",
  "returnsByDepartment",
  "violationsByType",
  "violationsByDepartment",
  "violationsByExecutor",
] as const satisfies readonly TFigure[];
