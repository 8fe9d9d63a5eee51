import type { TIsoWeek } from "./iso-week";

/**
 * Whether an official account carried its routine posts in a week (п.6: at least twice a week;
 * the minimum is `Municipality.routineWeeklyMinimum`). A week counts every post published in
 * [start, end). A past week is MET or SHORT; the current week is MET as soon as it has enough
 * and IN_PROGRESS until then, since it may still be made up by Sunday night.
 */

export type TWeekStatus = "MET" | "SHORT" | "IN_PROGRESS" | "FUTURE";

export const WEEK_STATUS_LABELS = {
  MET: "норма выполнена",
  SHORT: "меньше нормы",
  IN_PROGRESS: "неделя идёт",
  FUTURE: "ещё не началась",
} as const satisfies Record<TWeekStatus, string>;

export interface TWeekCompliance {
  key: string;
  count: number;
  status: TWeekStatus;
  /** The week `now` is in. */
  current: boolean;
}

export function weekStatus(
  week: Pick<TIsoWeek, "start" | "end">,
  count: number,
  minimum: number,
  now: Date,
): TWeekStatus {
  if (now.getTime() < week.start.getTime()) return "FUTURE";
  if (count >= minimum) return "MET";
  return now.getTime() < week.end.getTime() ? "IN_PROGRESS" : "SHORT";
}

/** How many of `instants` fall in each of `weeks` (contiguous or not; an instant outside all is ignored). */
export function countByWeek(weeks: readonly Pick<TIsoWeek, "start" | "end">[], instants: readonly Date[]): number[] {
  const counts = weeks.map(() => 0);
  for (const at of instants) {
    const t = at.getTime();
    const i = weeks.findIndex((w) => w.start.getTime() <= t && t < w.end.getTime());
    if (i >= 0) counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

/** Each week's count and status for one account's post instants. */
export function weeksCompliance(
  weeks: readonly TIsoWeek[],
  instants: readonly Date[],
  minimum: number,
  now: Date,
): TWeekCompliance[] {
  const counts = countByWeek(weeks, instants);
  return weeks.map((week, i) => {
    const count = counts[i] ?? 0;
    return {
      key: week.key,
      count,
      status: weekStatus(week, count, minimum, now),
      current: week.start.getTime() <= now.getTime() && now.getTime() < week.end.getTime(),
    };
  });
}

/** Totals over ended weeks only (the current one is not judged yet): for headlines and analytics. */
export function summarizeCompliance(cells: readonly TWeekCompliance[]): {
  endedWeeks: number;
  weeksMet: number;
  posts: number;
  share: number | null;
} {
  const ended = cells.filter((c) => c.status === "MET" || c.status === "SHORT").filter((c) => !c.current);
  const weeksMet = ended.filter((c) => c.status === "MET").length;
  return {
    endedWeeks: ended.length,
    weeksMet,
    posts: cells.reduce((sum, c) => sum + c.count, 0),
    share: ended.length === 0 ? null : weeksMet / ended.length,
  };
}

/** Weeks of history the register shows (the current one included). */
export const ROUTINE_HISTORY_WEEKS = 12;
