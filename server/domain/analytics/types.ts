/**
 * The shape of the monthly analysis (п.13, DOMAIN.md "Monthly analysis"). One contract between
 * the SQL that computes it (server/services/analytics), the snapshot stored when a month closes
 * (MonthlyReport.data), the analytics pages and the DOCX/XLSX documents.
 *
 * All times are ISO strings (the value is stored as JSON); durations are in minutes; a share
 * is a number in [0, 1], or null when its denominator is zero (no "0 %" for "nothing to judge").
 */

/** A month in the municipality's zone, "YYYY-MM". */
export type TMonthKey = string;

export type TClockKind = "ROUTE" | "DRAFT" | "FORWARD" | "REWORK" | "ANSWER";

export type TViolationType = "ROUTE_LATE" | "DRAFT_LATE" | "FORWARD_LATE" | "REWORK_LATE" | "ANSWER_LATE";

/**
 * A figure a person can click to see its cases (drill-down). `key` narrows the grouped ones:
 * a network id, a source, a topic id, a department id, a violation type, a user id. The list
 * of a figure is selected by the same predicate that counted it.
 */
export type TFigure =
  | "received"
  | "byNetwork"
  | "bySource"
  | "byTopic"
  | "byDepartment"
  | "repeated"
  | "significant"
  | "answeredWithin24h"
  | "answeredLate"
  | "clockMissed"
  | "firstPassApproved"
  | "reworked"
  | "returnsByDepartment"
  | "violationsByType"
  | "violationsByDepartment"
  | "violationsByExecutor"
  | "openAtMonthEnd"
  | "overdueAtMonthEnd";

/** One row of a grouped count. `key` is what drill-down passes back (id, code or enum value). */
export interface TCountRow {
  key: string;
  label: string;
  count: number;
}

export interface TDurationStats {
  /** How many cases the statistics are over. */
  count: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

/** One clock of the regulation over the month: instances that fell due and those met. */
export interface TClockCompliance {
  clock: TClockKind;
  /** Clock instances whose deadline fell in the month (or that were met in it). */
  due: number;
  met: number;
  share: number | null;
}

export interface TDepartmentMetrics {
  departmentId: string;
  name: string;
  /** Cases received in the month and handled by the department (routed to it). */
  received: number;
  /** Of those whose 24 h have run out or that were posted: posted within 24 h. */
  answerDue: number;
  answeredWithin24h: number;
  answeredWithin24hShare: number | null;
  /** Drafts submitted for the first time in the month; of them, approved by the curator as is. */
  firstSubmissions: number;
  approvedAtFirst: number;
  approvedAtFirstShare: number | null;
  /** Returns for rework (internal and by the curator) in the month. */
  returns: number;
  violations: number;
  /** Median minutes from receipt to the first submitted draft. */
  medianDraftMinutes: number | null;
}

export interface TExecutorViolations {
  userId: string;
  fullName: string;
  departmentName: string | null;
  count: number;
}

export interface TAccountRoutine {
  accountId: string;
  /** Account name and network, e.g. "Администрация района (ВКонтакте)". */
  label: string;
  /** ISO weeks (Monday to Sunday in the zone) that lie wholly or partly in the month and have ended. */
  weeks: number;
  weeksMet: number;
  posts: number;
}

export interface TMonthlyMetrics {
  month: TMonthKey;
  /** The month's bounds in UTC: [from, to). */
  from: string;
  to: string;
  municipalityIds: string[];
  computedAt: string;
  /** True for a closed month's stored snapshot. */
  final: boolean;

  volume: {
    received: number;
    repeated: number;
    significant: number;
    byNetwork: TCountRow[];
    bySource: TCountRow[];
    byTopic: TCountRow[];
    byDepartment: TCountRow[];
  };
  timeliness: {
    /** Cases received in the month whose 24 h have run out by the evaluation moment, or that were posted. */
    answerDue: number;
    answeredWithin24h: number;
    answeredWithin24hShare: number | null;
    clocks: TClockCompliance[];
    timeToRoute: TDurationStats;
    timeToDraft: TDurationStats;
    timeToAnswer: TDurationStats;
  };
  quality: {
    firstSubmissions: number;
    approvedAtFirst: number;
    approvedAtFirstShare: number | null;
    /** Returns for rework in the month, internal and by the curator. */
    reworkRounds: number;
    /** Cases with at least one return. */
    reworkedCases: number;
    returnsByDepartment: TCountRow[];
  };
  violations: {
    total: number;
    byType: TCountRow[];
    byDepartment: TCountRow[];
    byExecutor: TExecutorViolations[];
  };
  /** At the month's end (or now, for the current month). */
  monthEnd: {
    open: number;
    overdue: number;
  };
  routine: {
    weeklyMinimum: number;
    accounts: TAccountRoutine[];
    weeks: number;
    weeksMet: number;
    share: number | null;
  };
  departments: TDepartmentMetrics[];
}

/** One point of the 12-month trend. */
export interface TTrendPoint {
  month: TMonthKey;
  received: number;
  answeredWithin24hShare: number | null;
  violations: number;
  approvedAtFirstShare: number | null;
}

/** A headline number with its change against the previous month and the same month a year before. */
export interface TDelta {
  current: number | null;
  previous: number | null;
  yearAgo: number | null;
}

export interface TRatingComponent {
  key: "timeliness" | "speed" | "quality" | "overdue";
  label: string;
  /** The measured value (a share, or minutes for speed). */
  value: number | null;
  /** Points out of 100 before weighting. */
  points: number | null;
  weight: number;
}

export interface TRating {
  /** 0–100, or null when the month has nothing to judge. */
  score: number | null;
  components: TRatingComponent[];
  departments: { departmentId: string; name: string; score: number | null; components: TRatingComponent[] }[];
}

/** What the analytics page and the documents show for one month and scope. */
export interface TAnalyticsReport {
  scope: { municipalityIds: string[]; title: string; timeZone: string };
  current: TMonthlyMetrics;
  previous: TMonthlyMetrics | null;
  yearAgo: TMonthlyMetrics | null;
  trend: TTrendPoint[];
  rating: TRating;
  surges: { id: string; label: string; kind: "TOPIC" | "SETTLEMENT"; firstCaseAt: string; caseCount: number }[];
}
