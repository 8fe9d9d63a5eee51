import type { TCaseStatus } from "./case-types";
import { findThreadKey, normalizePostUrl } from "./post-url";

/**
 * Suggestions for a repeated publication (п.11): an earlier case on the same question, so the
 * coordinator can link them and send the new one to the same department. Only a suggestion:
 * a person confirms the link.
 */

export interface TRepeatSubject {
  /** Absent for a case not saved yet. */
  id?: string;
  postUrl: string;
  authorName: string | null;
  authorUrl: string | null;
  topicId: string | null;
  settlement: string | null;
  receivedAt: Date;
}

export interface TRepeatCandidate extends TRepeatSubject {
  id: string;
  number: number;
  status: TCaseStatus;
  departmentId: string | null;
}

export interface TRepeatSuggestion {
  caseId: string;
  number: number;
  departmentId: string | null;
  score: number;
  /** Why it is suggested, in Russian, strongest first. */
  reasons: string[];
}

export interface TRepeatOptions {
  /** Same topic and settlement count only within this many days before the new case. */
  topicWindowDays: number;
  limit: number;
}

export const DEFAULT_REPEAT_OPTIONS: TRepeatOptions = { topicWindowDays: 30, limit: 5 };

/** Weights: the same post outranks the same author, which outranks the same topic and place. */
const WEIGHTS = { thread: 100, authorUrl: 60, authorName: 40, topicPlace: 30 } as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/** "Иванов  Пётр " and "иванов петр" are one author: case, spaces and ё do not matter. */
export function normalizePersonName(name: string): string {
  return name.trim().toLowerCase().replace(/ё/gu, "е").replace(/\s+/gu, " ");
}

/**
 * "х. Ленинаван", "хутор Ленинаван" and "Ленинаван" are one place: the type of settlement is
 * written in many ways in posts and addresses, the name is what identifies it.
 */
export function normalizeSettlement(name: string): string {
  return normalizePersonName(name)
    .replace(/^(?:г\.|город|с\.|село|х\.|хут\.|хутор|п\.|пос\.|поселок|ст\.|ст-ца|станица|сл\.|слобода)\s*/u, "")
    .trim();
}

function sameNonEmpty(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a !== "" && a === b;
}

/** Days between two instants, rounded down, for "3 дн. назад". */
function daysBetween(earlier: Date, later: Date): number {
  return Math.floor((later.getTime() - earlier.getTime()) / DAY_MS);
}

/**
 * Ranks earlier cases that may be the same question: the same post or thread, the same author
 * (by profile link, else by name), or the same topic in the same settlement within
 * `topicWindowDays`. Cancelled cases (duplicates, removed posts) handled no question and are
 * skipped; later cases and the subject itself are never suggested.
 */
export function suggestRepeats(
  subject: TRepeatSubject,
  candidates: readonly TRepeatCandidate[],
  options: TRepeatOptions = DEFAULT_REPEAT_OPTIONS,
): TRepeatSuggestion[] {
  const thread = findThreadKey(subject.postUrl);
  const authorUrl = subject.authorUrl === null ? null : normalizePostUrl(subject.authorUrl);
  const authorName = subject.authorName === null ? null : normalizePersonName(subject.authorName);
  const settlement = subject.settlement === null ? null : normalizeSettlement(subject.settlement);

  const suggestions: (TRepeatSuggestion & { receivedAt: Date })[] = [];
  for (const candidate of candidates) {
    if (candidate.id === subject.id || candidate.status === "CANCELLED") continue;
    if (candidate.receivedAt.getTime() > subject.receivedAt.getTime()) continue;

    let score = 0;
    const reasons: string[] = [];
    if (thread !== null && sameNonEmpty(thread, findThreadKey(candidate.postUrl))) {
      score += WEIGHTS.thread;
      reasons.push("Та же публикация или ветка обсуждения");
    }
    const candidateAuthorUrl = candidate.authorUrl === null ? null : normalizePostUrl(candidate.authorUrl);
    if (sameNonEmpty(authorUrl, candidateAuthorUrl)) {
      score += WEIGHTS.authorUrl;
      reasons.push("Тот же автор (ссылка на профиль)");
    } else if (
      sameNonEmpty(authorName, candidate.authorName === null ? null : normalizePersonName(candidate.authorName))
    ) {
      score += WEIGHTS.authorName;
      reasons.push("Тот же автор (по имени)");
    }
    const days = daysBetween(candidate.receivedAt, subject.receivedAt);
    if (
      sameNonEmpty(subject.topicId, candidate.topicId) &&
      sameNonEmpty(settlement, candidate.settlement === null ? null : normalizeSettlement(candidate.settlement)) &&
      days <= options.topicWindowDays
    ) {
      score += WEIGHTS.topicPlace;
      reasons.push(
        days === 0
          ? "Та же тема и населённый пункт, в тот же день"
          : `Та же тема и населённый пункт, ${days} дн. назад`,
      );
    }
    if (score === 0) continue;
    suggestions.push({
      caseId: candidate.id,
      number: candidate.number,
      departmentId: candidate.departmentId,
      score,
      reasons,
      receivedAt: candidate.receivedAt,
    });
  }

  // Equal scores: the most recent case first, it is the one the new post most likely follows.
  suggestions.sort((a, b) => b.score - a.score || b.receivedAt.getTime() - a.receivedAt.getTime());
  return suggestions.slice(0, options.limit).map(({ receivedAt: _receivedAt, ...s }) => s);
}
