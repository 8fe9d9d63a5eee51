import { CLOCK_KINDS } from "../cases/case-types";
import type { TMonthlyMetrics } from "./types";

/** A month with nothing in it: every count 0, every share and duration null. */
export function emptyMonthlyMetrics(params: {
  month: string;
  from: Date;
  to: Date;
  municipalityIds: string[];
  computedAt: Date;
  weeklyMinimum?: number;
}): TMonthlyMetrics {
  const noDurations = { count: 0, medianMinutes: null, p90Minutes: null };
  return {
    month: params.month,
    from: params.from.toISOString(),
    to: params.to.toISOString(),
    municipalityIds: params.municipalityIds,
    computedAt: params.computedAt.toISOString(),
    final: false,
    volume: { received: 0, repeated: 0, significant: 0, byNetwork: [], bySource: [], byTopic: [], byDepartment: [] },
    timeliness: {
      answerDue: 0,
      answeredWithin24h: 0,
      answeredWithin24hShare: null,
      clocks: CLOCK_KINDS.map((clock) => ({ clock, due: 0, met: 0, share: null })),
      timeToRoute: noDurations,
      timeToDraft: noDurations,
      timeToAnswer: noDurations,
    },
    quality: {
      firstSubmissions: 0,
      approvedAtFirst: 0,
      approvedAtFirstShare: null,
      reworkRounds: 0,
      reworkedCases: 0,
      returnsByDepartment: [],
    },
    violations: { total: 0, byType: [], byDepartment: [], byExecutor: [] },
    monthEnd: { open: 0, overdue: 0 },
    routine: { weeklyMinimum: params.weeklyMinimum ?? 2, accounts: [], weeks: 0, weeksMet: 0, share: null },
    departments: [],
  };
}
