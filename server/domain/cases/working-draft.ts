import { CASE_STATUS_LABELS } from "./case-types";
import { decideTransition, type TTransitionErrorCode, type TTransitionRequest } from "./status-machine";

/**
 * The executor's working draft: the answer being written, kept between sessions during the
 * 20 hours (п.10) but not yet submitted. Whoever may submit a draft now may keep a working one,
 * and nobody else: the rule is the status machine's own rule for `submitDraft` (status ASSIGNED
 * or REWORK, the `case.draft` permission, the case's own department), so the two never drift.
 */

export type TDraftWorkRequest = Omit<TTransitionRequest, "event" | "input">;

export type TDraftWorkDecision =
  { ok: true } | { ok: false; code: Exclude<TTransitionErrorCode, "INVALID_INPUT">; message: string };

export function decideDraftWork(request: TDraftWorkRequest): TDraftWorkDecision {
  const decision = decideTransition({ ...request, event: "submitDraft" });
  if (decision.ok) return { ok: true };
  if (decision.code === "ILLEGAL_TRANSITION") {
    return {
      ok: false,
      code: "ILLEGAL_TRANSITION",
      message: `Черновик ответа можно сохранять, пока проект готовится или дорабатывается; публикация сейчас в статусе «${CASE_STATUS_LABELS[request.status]}»`,
    };
  }
  // submitDraft requires no input, so the only other refusal is FORBIDDEN with its own words.
  return { ok: false, code: "FORBIDDEN", message: decision.message };
}

export function mayWorkOnDraft(request: TDraftWorkRequest): boolean {
  return decideDraftWork(request).ok;
}
