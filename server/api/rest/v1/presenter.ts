import type { TCaseStatus, TClockKind } from "../../../domain/cases/case-types";
import type { TClockState } from "../../../domain/cases/clocks";
import type { TPublication } from "./schemas";

/** What the presenter needs of a case: the services' summary plus violations, drafts and decisions. */
export interface TPublicationSource {
  id: string;
  externalId: string | null;
  number: number;
  status: TCaseStatus;
  network: { code: string };
  postUrl: string;
  receivedAt: Date;
  routeDueAt: Date;
  draftDueAt: Date;
  answerDueAt: Date;
  clocks: {
    current: { kind: TClockKind; dueAt: Date; state: TClockState } | null;
    answer: { dueAt: Date; state: TClockState } | null;
  };
  department: { id: string; name: string } | null;
  violations: readonly { type: string; detectedAt: Date }[];
  /** Any order; only submitted ones count. */
  drafts: readonly { id: string; version: number; text: string; submittedAt: Date | null }[];
  reviewDecisions: readonly { draftId: string; stage: string; outcome: string }[];
  postedAnswerUrl: string | null;
  postedAt: Date | null;
  repeatOf: { id: string; externalId: string | null } | null;
}

const iso = (d: Date) => d.toISOString();

/**
 * The answer as it stands: the text of the latest draft the curator approved, else of the
 * latest submitted one (what is being reviewed now), and where and when it was posted. Null
 * while there is neither a submitted draft nor a posted answer.
 */
function presentAnswer(c: TPublicationSource): TPublication["answer"] {
  const submitted = c.drafts.filter((d) => d.submittedAt !== null).sort((a, b) => b.version - a.version);
  const approvedIds = new Set(
    c.reviewDecisions.filter((r) => r.stage === "CURATOR" && r.outcome === "APPROVED").map((r) => r.draftId),
  );
  const draft = submitted.find((d) => approvedIds.has(d.id)) ?? submitted[0] ?? null;
  if (!draft && !c.postedAnswerUrl) return null;
  return {
    text: draft?.text ?? null,
    postedUrl: c.postedAnswerUrl,
    postedAt: c.postedAt ? iso(c.postedAt) : null,
  };
}

export function presentPublication(c: TPublicationSource): TPublication {
  const current = c.clocks.current;
  return {
    id: c.id,
    externalId: c.externalId,
    number: c.number,
    status: c.status,
    network: c.network.code,
    url: c.postUrl,
    receivedAt: iso(c.receivedAt),
    deadlines: { route: iso(c.routeDueAt), draft: iso(c.draftDueAt), answer: iso(c.answerDueAt) },
    // The clock the case waits on now (ROUTE for a new case); null once closed.
    clock: current ? { name: current.kind, dueAt: iso(current.dueAt), state: current.state } : null,
    // The 24-hour clock (п.8) always has its deadline; its state is null once the case is closed.
    answerClock: { dueAt: iso(c.answerDueAt), state: c.clocks.answer?.state ?? null },
    department: c.department ? { id: c.department.id, name: c.department.name } : null,
    violations: c.violations.map((v) => ({ type: v.type, detectedAt: iso(v.detectedAt) })),
    answer: presentAnswer(c),
    repeatOf: c.repeatOf ? { id: c.repeatOf.id, externalId: c.repeatOf.externalId } : null,
  };
}
