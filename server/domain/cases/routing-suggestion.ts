import { normalizeSettlement } from "./repeat-suggestions";

/**
 * Which department a new publication most likely belongs to, so the coordinator routes it
 * within the 30 minutes of п.7 in one step. Only a suggestion, always with its reason: a
 * person picks the department. In order of strength:
 *   1. a repeated publication goes to the department that handled the earlier one (п.11);
 *   2. the department the publication's topic is assigned to;
 *   3. the department that most often handled earlier publications on the same topic, then in
 *      the same settlement, within the last ROUTING_HISTORY_DAYS days.
 * Only departments that can take a case now (active, not the coordinating one, of the case's
 * municipality) are ever suggested; a rule whose department cannot gives way to the next.
 */

export const ROUTING_HISTORY_DAYS = 180;

export interface TRoutableDepartment {
  id: string;
  municipalityId: string;
  name: string;
}

export interface TRoutingSubject {
  municipalityId: string;
  repeatOf: { number: number; departmentId: string | null } | null;
  topic: { id: string; name: string; defaultDepartmentId: string | null } | null;
  settlement: string | null;
}

/** How many earlier publications of a topic or a settlement one department handled. */
export interface THandlingTally {
  municipalityId: string;
  /** The topic's id, or the settlement as written in the case. */
  key: string;
  departmentId: string;
  count: number;
  /** The latest of them: equal counts go to the department handling such cases recently. */
  lastReceivedAt: Date;
}

export interface TRoutingHistory {
  byTopic: ReadonlyMap<string, readonly THandlingTally[]>;
  bySettlement: ReadonlyMap<string, readonly THandlingTally[]>;
}

export type TRoutingSuggestionSource = "REPEAT" | "TOPIC" | "TOPIC_HISTORY" | "SETTLEMENT_HISTORY";

export interface TRoutingSuggestion {
  departmentId: string;
  source: TRoutingSuggestionSource;
  /** Why, in Russian, to follow "Подсказка: ". */
  reason: string;
}

function settlementKey(municipalityId: string, settlement: string): string | null {
  const name = normalizeSettlement(settlement);
  return name === "" ? null : `${municipalityId}\u0000${name}`;
}

/**
 * Indexes the tallies the service counted for a whole section at once. Settlements are written
 * in many ways ("х. Ленинаван", "хутор Ленинаван"): their tallies are merged by the normalised
 * name within a municipality.
 */
export function indexRoutingHistory(tallies: {
  topics: readonly THandlingTally[];
  settlements: readonly THandlingTally[];
}): TRoutingHistory {
  const byTopic = new Map<string, THandlingTally[]>();
  for (const tally of tallies.topics) {
    const list = byTopic.get(tally.key) ?? [];
    list.push(tally);
    byTopic.set(tally.key, list);
  }
  const bySettlement = new Map<string, THandlingTally[]>();
  for (const tally of tallies.settlements) {
    const key = settlementKey(tally.municipalityId, tally.key);
    if (key === null) continue;
    const list = bySettlement.get(key) ?? [];
    const same = list.find((t) => t.departmentId === tally.departmentId);
    if (same) {
      same.count += tally.count;
      if (tally.lastReceivedAt > same.lastReceivedAt) same.lastReceivedAt = tally.lastReceivedAt;
    } else {
      list.push({ ...tally, key });
    }
    bySettlement.set(key, list);
  }
  return { byTopic, bySettlement };
}

function isRoutable(
  departmentId: string | null | undefined,
  subject: TRoutingSubject,
  departments: ReadonlyMap<string, TRoutableDepartment>,
): departmentId is string {
  if (!departmentId) return false;
  return departments.get(departmentId)?.municipalityId === subject.municipalityId;
}

/** The tally that wins: most cases, then the most recent, then the name (so the result is stable). */
function pickMostFrequent(
  tallies: readonly THandlingTally[] | undefined,
  subject: TRoutingSubject,
  departments: ReadonlyMap<string, TRoutableDepartment>,
): { tally: THandlingTally; total: number } | null {
  if (!tallies || tallies.length === 0) return null;
  const total = tallies.reduce((sum, t) => sum + t.count, 0);
  const candidates = tallies
    .filter((t) => t.municipalityId === subject.municipalityId && isRoutable(t.departmentId, subject, departments))
    .sort(
      (a, b) =>
        b.count - a.count ||
        b.lastReceivedAt.getTime() - a.lastReceivedAt.getTime() ||
        (departments.get(a.departmentId)?.name ?? "").localeCompare(departments.get(b.departmentId)?.name ?? "", "ru"),
    );
  const tally = candidates[0];
  return tally ? { tally, total } : null;
}

export function suggestRouting(
  subject: TRoutingSubject,
  history: TRoutingHistory,
  departments: ReadonlyMap<string, TRoutableDepartment>,
): TRoutingSuggestion | null {
  if (subject.repeatOf && isRoutable(subject.repeatOf.departmentId, subject, departments)) {
    return {
      departmentId: subject.repeatOf.departmentId,
      source: "REPEAT",
      reason: `как в публикации № ${subject.repeatOf.number}`,
    };
  }
  const topic = subject.topic;
  if (topic && isRoutable(topic.defaultDepartmentId, subject, departments)) {
    return { departmentId: topic.defaultDepartmentId, source: "TOPIC", reason: `по теме «${topic.name}»` };
  }
  const window = `за ${ROUTING_HISTORY_DAYS} дней`;
  if (topic) {
    const best = pickMostFrequent(history.byTopic.get(topic.id), subject, departments);
    if (best) {
      return {
        departmentId: best.tally.departmentId,
        source: "TOPIC_HISTORY",
        reason: `чаще всего по теме «${topic.name}» (${best.tally.count} из ${best.total} ${window})`,
      };
    }
  }
  const place = subject.settlement ? settlementKey(subject.municipalityId, subject.settlement) : null;
  if (place) {
    const best = pickMostFrequent(history.bySettlement.get(place), subject, departments);
    if (best) {
      return {
        departmentId: best.tally.departmentId,
        source: "SETTLEMENT_HISTORY",
        reason: `чаще всего по этому населённому пункту (${best.tally.count} из ${best.total} ${window})`,
      };
    }
  }
  return null;
}
