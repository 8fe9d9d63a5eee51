import type { TAnalyticsReport, TMonthlyMetrics } from "../analytics/types";

/**
 * A hand-made monthly analysis (March 2026, one district) for the tests of the documents, the
 * headline numbers and the download route: small enough to check every figure by eye, with a
 * previous month, a year-ago month, a gap in the trend and a share with nothing to judge.
 */

function metrics(month: string, from: string, to: string, over: Partial<TMonthlyMetrics>): TMonthlyMetrics {
  const base: TMonthlyMetrics = {
    month,
    from,
    to,
    municipalityIds: ["mun-1"],
    computedAt: to,
    final: true,
    volume: { received: 0, repeated: 0, significant: 0, byNetwork: [], bySource: [], byTopic: [], byDepartment: [] },
    timeliness: {
      answerDue: 0,
      answeredWithin24h: 0,
      answeredWithin24hShare: null,
      clocks: [],
      timeToRoute: { count: 0, medianMinutes: null, p90Minutes: null },
      timeToDraft: { count: 0, medianMinutes: null, p90Minutes: null },
      timeToAnswer: { count: 0, medianMinutes: null, p90Minutes: null },
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
    routine: { weeklyMinimum: 2, accounts: [], weeks: 0, weeksMet: 0, share: null },
    departments: [],
  };
  return { ...base, ...over };
}

export const FIXTURE_MONTH = "2026-03";

export const fixtureCurrent: TMonthlyMetrics = metrics(
  "2026-03",
  "2026-02-28T21:00:00.000Z",
  "2026-03-31T21:00:00.000Z",
  {
    computedAt: "2026-04-01T00:05:00.000Z",
    volume: {
      received: 40,
      repeated: 3,
      significant: 2,
      byNetwork: [
        { key: "net-vk", label: "ВКонтакте", count: 28 },
        { key: "net-ok", label: "Одноклассники", count: 9 },
        { key: "net-tg", label: "Telegram", count: 3 },
      ],
      bySource: [
        { key: "CURATOR", label: "От куратора", count: 34 },
        { key: "OWN_MONITORING", label: "Собственный мониторинг", count: 6 },
      ],
      byTopic: [
        { key: "topic-water", label: "Водоснабжение", count: 15 },
        { key: "topic-roads", label: "Дороги", count: 12 },
        { key: "topic-schools", label: "Образование", count: 8 },
        { key: "topic-none", label: "Без темы", count: 5 },
      ],
      byDepartment: [
        { key: "dep-zhkh", label: "Отдел ЖКХ", count: 22 },
        { key: "dep-edu", label: "Отдел образования", count: 12 },
        { key: "dep-arch", label: "Отдел архитектуры и градостроительства", count: 6 },
      ],
    },
    timeliness: {
      answerDue: 36,
      answeredWithin24h: 30,
      answeredWithin24hShare: 30 / 36,
      clocks: [
        { clock: "ROUTE", due: 40, met: 38, share: 38 / 40 },
        { clock: "DRAFT", due: 38, met: 33, share: 33 / 38 },
        { clock: "FORWARD", due: 35, met: 35, share: 1 },
        { clock: "REWORK", due: 4, met: 3, share: 3 / 4 },
        { clock: "ANSWER", due: 36, met: 30, share: 30 / 36 },
      ],
      timeToRoute: { count: 40, medianMinutes: 14, p90Minutes: 28 },
      timeToDraft: { count: 36, medianMinutes: 410, p90Minutes: 1130 },
      timeToAnswer: { count: 33, medianMinutes: 1005, p90Minutes: 1500 },
    },
    quality: {
      firstSubmissions: 34,
      approvedAtFirst: 29,
      approvedAtFirstShare: 29 / 34,
      reworkRounds: 6,
      reworkedCases: 5,
      returnsByDepartment: [
        { key: "dep-zhkh", label: "Отдел ЖКХ", count: 4 },
        { key: "dep-edu", label: "Отдел образования", count: 2 },
      ],
    },
    violations: {
      total: 11,
      byType: [
        { key: "ROUTE_LATE", label: "Публикация не направлена в отдел в срок (п.7)", count: 2 },
        { key: "DRAFT_LATE", label: "Проект ответа не подготовлен в срок (п.10)", count: 5 },
        { key: "REWORK_LATE", label: "Проект не доработан в срок (п.10)", count: 1 },
        { key: "ANSWER_LATE", label: "Ответ не размещён в течение 24 часов (п.8)", count: 3 },
      ],
      byDepartment: [
        { key: "dep-zhkh", label: "Отдел ЖКХ", count: 7 },
        { key: "dep-org", label: "Орготдел", count: 2 },
        { key: "dep-edu", label: "Отдел образования", count: 2 },
      ],
      byExecutor: [
        { userId: "user-ivanov", fullName: "Иванов Пётр Сергеевич", departmentName: "Отдел ЖКХ", count: 5 },
        { userId: "user-petrova", fullName: "Петрова Анна Ивановна", departmentName: "Отдел образования", count: 2 },
      ],
    },
    monthEnd: { open: 4, overdue: 1 },
    routine: {
      weeklyMinimum: 2,
      accounts: [
        { accountId: "acc-vk", label: "Администрация района (ВКонтакте)", weeks: 4, weeksMet: 4, posts: 11 },
        { accountId: "acc-ok", label: "Администрация района (Одноклассники)", weeks: 4, weeksMet: 2, posts: 5 },
      ],
      weeks: 8,
      weeksMet: 6,
      share: 0.75,
    },
    departments: [
      {
        departmentId: "dep-zhkh",
        name: "Отдел ЖКХ",
        received: 22,
        answerDue: 20,
        answeredWithin24h: 15,
        answeredWithin24hShare: 0.75,
        firstSubmissions: 19,
        approvedAtFirst: 15,
        approvedAtFirstShare: 15 / 19,
        returns: 4,
        violations: 7,
        medianDraftMinutes: 540,
      },
      {
        departmentId: "dep-edu",
        name: "Отдел образования",
        received: 12,
        answerDue: 11,
        answeredWithin24h: 10,
        answeredWithin24hShare: 10 / 11,
        firstSubmissions: 11,
        approvedAtFirst: 10,
        approvedAtFirstShare: 10 / 11,
        returns: 2,
        violations: 2,
        medianDraftMinutes: 300,
      },
      {
        departmentId: "dep-arch",
        name: "Отдел архитектуры и градостроительства",
        received: 6,
        answerDue: 5,
        answeredWithin24h: 5,
        answeredWithin24hShare: 1,
        firstSubmissions: 4,
        approvedAtFirst: 4,
        approvedAtFirstShare: 1,
        returns: 0,
        violations: 0,
        medianDraftMinutes: 185,
      },
      {
        departmentId: "dep-culture",
        name: "Отдел культуры",
        received: 0,
        answerDue: 0,
        answeredWithin24h: 0,
        answeredWithin24hShare: null,
        firstSubmissions: 0,
        approvedAtFirst: 0,
        approvedAtFirstShare: null,
        returns: 0,
        violations: 0,
        medianDraftMinutes: null,
      },
    ],
  },
);

export const fixturePrevious: TMonthlyMetrics = metrics(
  "2026-02",
  "2026-01-31T21:00:00.000Z",
  "2026-02-28T21:00:00.000Z",
  {
    volume: { ...fixtureCurrent.volume, received: 32 },
    timeliness: { ...fixtureCurrent.timeliness, answerDue: 30, answeredWithin24h: 24, answeredWithin24hShare: 0.8 },
    quality: { ...fixtureCurrent.quality, firstSubmissions: 30, approvedAtFirst: 27, approvedAtFirstShare: 0.9 },
    violations: { ...fixtureCurrent.violations, total: 14 },
    monthEnd: { open: 2, overdue: 0 },
    routine: { ...fixtureCurrent.routine, weeks: 8, weeksMet: 8, share: 1 },
  },
);

export const fixtureYearAgo: TMonthlyMetrics = metrics(
  "2025-03",
  "2025-02-28T21:00:00.000Z",
  "2025-03-31T21:00:00.000Z",
  {
    volume: { ...fixtureCurrent.volume, received: 20 },
    timeliness: { ...fixtureCurrent.timeliness, answerDue: 20, answeredWithin24h: 12, answeredWithin24hShare: 0.6 },
    violations: { ...fixtureCurrent.violations, total: 11 },
  },
);

/** The numbers of the trend are those of the months above where they overlap. */
export const fixtureReport: TAnalyticsReport = {
  scope: { municipalityIds: ["mun-1"], title: "Мясниковский район", timeZone: "Europe/Moscow" },
  current: fixtureCurrent,
  previous: fixturePrevious,
  yearAgo: fixtureYearAgo,
  trend: [
    { month: "2025-04", received: 18, answeredWithin24hShare: 0.5, violations: 9, approvedAtFirstShare: 0.7 },
    { month: "2025-05", received: 0, answeredWithin24hShare: null, violations: 0, approvedAtFirstShare: null },
    { month: "2025-06", received: 21, answeredWithin24hShare: 0.62, violations: 8, approvedAtFirstShare: 0.75 },
    { month: "2025-07", received: 25, answeredWithin24hShare: 0.68, violations: 10, approvedAtFirstShare: 0.78 },
    { month: "2025-08", received: 23, answeredWithin24hShare: 0.7, violations: 7, approvedAtFirstShare: 0.8 },
    { month: "2025-09", received: 27, answeredWithin24hShare: 0.72, violations: 9, approvedAtFirstShare: 0.82 },
    { month: "2025-10", received: 30, answeredWithin24hShare: 0.74, violations: 12, approvedAtFirstShare: 0.85 },
    { month: "2025-11", received: 29, answeredWithin24hShare: 0.77, violations: 11, approvedAtFirstShare: 0.84 },
    { month: "2025-12", received: 35, answeredWithin24hShare: 0.79, violations: 13, approvedAtFirstShare: 0.86 },
    { month: "2026-01", received: 31, answeredWithin24hShare: 0.78, violations: 10, approvedAtFirstShare: 0.88 },
    { month: "2026-02", received: 32, answeredWithin24hShare: 0.8, violations: 14, approvedAtFirstShare: 0.9 },
    { month: "2026-03", received: 40, answeredWithin24hShare: 30 / 36, violations: 11, approvedAtFirstShare: 29 / 34 },
  ],
  rating: {
    score: 81.3,
    components: [
      { key: "timeliness", label: "Своевременность ответов", value: 30 / 36, points: 83.3, weight: 0.4 },
      { key: "speed", label: "Скорость ответа", value: 1005, points: 72, weight: 0.2 },
      { key: "quality", label: "Качество (согласование с первой подачи)", value: 29 / 34, points: 85.3, weight: 0.25 },
      { key: "overdue", label: "Доля просроченных", value: 1 / 40, points: 80, weight: 0.15 },
    ],
    departments: [
      { departmentId: "dep-zhkh", name: "Отдел ЖКХ", score: 70.5, components: [] },
      { departmentId: "dep-arch", name: "Отдел архитектуры и градостроительства", score: 96.2, components: [] },
      { departmentId: "dep-edu", name: "Отдел образования", score: 88.9, components: [] },
      { departmentId: "dep-culture", name: "Отдел культуры", score: null, components: [] },
    ],
  },
  surges: [
    {
      id: "surge-1",
      label: "Водоснабжение",
      kind: "TOPIC",
      firstCaseAt: "2026-03-12T06:40:00.000Z",
      caseCount: 5,
    },
    {
      id: "surge-2",
      label: "с. Чалтырь",
      kind: "SETTLEMENT",
      firstCaseAt: "2026-03-20T09:15:00.000Z",
      caseCount: 3,
    },
  ],
};
