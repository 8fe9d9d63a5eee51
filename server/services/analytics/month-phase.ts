import { formatMonth } from "../../domain/violations/month";
import { monthBounds } from "../../domain/analytics/month";
import { ServiceError } from "../errors";
import type { TAnalyticsMunicipality } from "./bounds";

/** A month that has begun nowhere in the scope has nothing to show: a clear refusal, not zeros. */
export function assertMonthStarted(
  municipalities: readonly Pick<TAnalyticsMunicipality, "timeZone">[],
  month: string,
  now: Date,
): void {
  const started = municipalities.some((m) => monthBounds(month, m.timeZone).from.getTime() <= now.getTime());
  if (!started) {
    throw new ServiceError(
      "BAD_REQUEST",
      `Месяц ${formatMonth(month)} ещё не наступил: анализа за него пока нет`,
      "month",
    );
  }
}
