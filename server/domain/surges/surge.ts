import { pluralRu } from "../cases/russian-plural";
import { normalizeSettlement } from "../cases/repeat-suggestions";
import { formatDateTime } from "../time/zone";

/**
 * п.13: a surge of activity — several publications on the same topic or about the same
 * settlement in a short time — is reported to the head and the deputy head at once, once per
 * surge (SURGE_ALERT).
 *
 * The definition, per key (a topic, or a settlement's normalised name) and municipality, with
 * N = `surgeThreshold` and W = `surgeWindowHours`:
 *
 * - **Which publications count.** Every publication received (T0 = receivedAt) with that key,
 *   whatever its status, except CANCELLED ones (a duplicate or a removed post is not activity).
 *   Declined, repeated and answered publications count: they were published all the same.
 * - **A surge.** At least N of them were received within W hours of each other: some window
 *   [s, s + W] (both ends included) holds N or more, the new publication among them. When the
 *   new one is the latest, that is the window ending at it; a publication registered late (its
 *   T0 earlier than others already registered) is judged by every window it falls in.
 * - **The same surge.** A new publication that makes a surge and whose T0 lies within W hours of
 *   the span [firstCaseAt, lastCaseAt] of a surge already recorded for the key belongs to that
 *   surge: the surge is extended (one more publication, its span widened), nobody is alerted
 *   again. A publication that does not make a surge (fewer than N in every window it is in)
 *   neither starts nor extends one: a slow trickle keeps no surge alive, so a fresh burst after
 *   a quiet spell is reported.
 * - **A new surge** is recorded and alerted when a publication makes a surge and there is no
 *   recorded surge for the key within W hours of it.
 * - **Nothing stale.** A surge is alerted only while it is news: the latest T0 in its window
 *   must be no more than W hours before `now`. Publications registered long after the fact
 *   (a bulk import of last month's cases) record no surge and alert nobody; the monthly analysis
 *   still shows their topics and settlements.
 */

export type TSurgeKind = "TOPIC" | "SETTLEMENT";

export interface TSurgeSettings {
  /** N: publications that make a surge (Municipality.surgeThreshold). */
  threshold: number;
  /** W: the window, hours (Municipality.surgeWindowHours). */
  windowHours: number;
}

/** The regulation names no numbers; these are the Municipality defaults (3 within 24 h). */
export const DEFAULT_SURGE_SETTINGS = { threshold: 3, windowHours: 24 } as const satisfies TSurgeSettings;

/** A surge already recorded for the key. */
export interface TRecordedSurge {
  id: string;
  firstCaseAt: Date;
  lastCaseAt: Date;
  caseCount: number;
}

export type TSurgeDecision =
  | { action: "none"; reason: "BELOW_THRESHOLD" | "STALE" }
  | { action: "start"; firstCaseAt: Date; lastCaseAt: Date; caseCount: number }
  | { action: "extend"; surgeId: string; firstCaseAt: Date; lastCaseAt: Date; caseCount: number };

const HOUR_MS = 60 * 60 * 1000;

export function windowMs(settings: TSurgeSettings): number {
  return settings.windowHours * HOUR_MS;
}

/**
 * What a newly registered publication does to the surges of one of its keys.
 *
 * `others`: T0 of the other counted publications with the same key (the service passes those
 * within W hours either side of `receivedAt`; any others are ignored here). `recorded`: the
 * latest surge recorded for the key that may be the same one (or null).
 */
export function decideSurge(input: {
  settings: TSurgeSettings;
  receivedAt: Date;
  others: readonly Date[];
  recorded: TRecordedSurge | null;
  now: Date;
}): TSurgeDecision {
  const { settings, receivedAt, recorded, now } = input;
  const w = windowMs(settings);
  const t = receivedAt.getTime();
  const window = latestWindowWith(
    t,
    input.others.map((d) => d.getTime()),
    w,
    settings.threshold,
  );
  if (!window) return { action: "none", reason: "BELOW_THRESHOLD" };

  if (recorded && t >= recorded.firstCaseAt.getTime() - w && t <= recorded.lastCaseAt.getTime() + w) {
    return {
      action: "extend",
      surgeId: recorded.id,
      firstCaseAt: new Date(Math.min(recorded.firstCaseAt.getTime(), t)),
      lastCaseAt: new Date(Math.max(recorded.lastCaseAt.getTime(), t)),
      caseCount: recorded.caseCount + 1,
    };
  }
  if (now.getTime() - window.last > w) return { action: "none", reason: "STALE" };
  return {
    action: "start",
    firstCaseAt: new Date(window.first),
    lastCaseAt: new Date(window.last),
    caseCount: window.count,
  };
}

/**
 * Of the windows of length `w` that hold the publication at `t` and at least `threshold`
 * publications, the one ending latest: its first and last T0 and how many it holds. Null when
 * there is none.
 *
 * The times are sorted; for each candidate last publication (at or after `t`, at most `w`
 * later) the window reaches back to the earliest publication no more than `w` before it, which
 * is never after `t`, so `t` is inside.
 */
function latestWindowWith(
  t: number,
  others: readonly number[],
  w: number,
  threshold: number,
): { first: number; last: number; count: number } | null {
  const times = [...others.filter((x) => x >= t - w && x <= t + w), t].sort((a, b) => a - b);
  for (let j = times.length - 1; j >= 0; j--) {
    const last = times[j]!;
    if (last < t) break;
    let i = 0;
    while (times[i]! < last - w) i++;
    const count = j - i + 1;
    if (count >= threshold) return { first: times[i]!, last, count };
  }
  return null;
}

/** A key a publication may surge under: what identifies it and what people read. */
export interface TSurgeKey {
  kind: TSurgeKind;
  key: string;
  label: string;
}

/**
 * The settlement's key: its name compared without case, extra spaces, "ё" and the type of
 * settlement ("х. Ленинаван" = "хутор Ленинаван" = "Ленинаван"), the same comparison the
 * repeat and routing suggestions use. Null when nothing is left to compare.
 */
export function settlementSurgeKey(settlement: string | null | undefined): TSurgeKey | null {
  if (!settlement) return null;
  const key = normalizeSettlement(settlement);
  if (key === "") return null;
  return { kind: "SETTLEMENT", key, label: settlement.trim().replace(/\s+/gu, " ") };
}

export function topicSurgeKey(topic: { id: string; name: string } | null): TSurgeKey | null {
  return topic ? { kind: "TOPIC", key: topic.id, label: topic.name } : null;
}

/**
 * The lock name that serialises detection for one key of one municipality, so two
 * publications registered at the same moment alert once.
 */
export function surgeLockName(municipalityId: string, key: Pick<TSurgeKey, "kind" | "key">): string {
  return `surge:${municipalityId}:${key.kind}:${key.key}`;
}

/** Once per surge: `surge:<surgeId>` (the notification service appends `:<userId>`). */
export function surgeDedupeKey(surgeId: string): string {
  return `surge:${surgeId}`;
}

/** "3 публикации на тему «Дороги»", "5 публикаций о населённом пункте «х. Ленинаван»". */
export function describeSurgeSubject(kind: TSurgeKind, label: string, count: number): string {
  const noun = pluralRu(count, "публикация", "публикации", "публикаций");
  return kind === "TOPIC" ? `${count} ${noun} на тему «${label}»` : `${count} ${noun} о населённом пункте «${label}»`;
}

/** The alert's title: "Всплеск активности: 3 публикации на тему «Дороги» за 24 ч". */
export function surgeAlertTitle(kind: TSurgeKind, label: string, count: number, windowHours: number): string {
  return `Всплеск активности: ${describeSurgeSubject(kind, label, count)} за ${windowHours} ч`;
}

/**
 * The alert's text: when the publications came, in the municipality's zone, and the rule that
 * made it a surge, so the reader can tell a real burst from a low threshold.
 */
export function surgeAlertBody(params: {
  firstCaseAt: Date;
  lastCaseAt: Date;
  settings: TSurgeSettings;
  timeZone: string;
}): string {
  const { firstCaseAt, lastCaseAt, settings, timeZone } = params;
  const threshold = `${settings.threshold} ${pluralRu(settings.threshold, "публикация", "публикации", "публикаций")}`;
  return (
    `Поступили с ${formatDateTime(firstCaseAt, timeZone)} по ${formatDateTime(lastCaseAt, timeZone)}. ` +
    `Порог всплеска: ${threshold} на одну тему или об одном населённом пункте за ${settings.windowHours} ч (п.13).`
  );
}
