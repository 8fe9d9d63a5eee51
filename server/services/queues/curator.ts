import type { TPrismaClient } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { presentQueueCase, QUEUE_CASE_SELECT, URGENCY_ORDER } from "./present";

/** How many earlier comments on a case the queue shows; the case page has them all. */
const PREVIOUS_COMMENTS = 10;

const CURATOR_CASE_SELECT = {
  ...QUEUE_CASE_SELECT,
  // The draft the decision is about: the latest submitted version.
  drafts: {
    where: { submittedAt: { not: null } },
    orderBy: { version: "desc" },
    take: 1,
    select: {
      id: true,
      version: true,
      kind: true,
      text: true,
      submittedAt: true,
      author: { select: { fullName: true } },
      _count: { select: { attachments: true } },
    },
  },
  // What was said before, newest first: the curator checks its remarks were taken into account.
  reviewDecisions: {
    where: { comment: { not: null } },
    orderBy: { createdAt: "desc" },
    take: PREVIOUS_COMMENTS,
    select: {
      id: true,
      stage: true,
      outcome: true,
      comment: true,
      onBehalfOfCurator: true,
      createdAt: true,
      decidedBy: { select: { fullName: true } },
      draft: { select: { version: true } },
    },
  },
} satisfies Prisma.CaseSelect;

/**
 * Drafts awaiting the curator's decision (п.10) across the municipalities it curates, most
 * urgent first (at the curator the 24-hour answer clock is the one running), each with the
 * draft's text so the decision can be taken in the queue itself.
 */
export async function loadCuratorQueue(
  prisma: TPrismaClient,
  reader: { municipalityIds: readonly string[] },
  options: { limit: number },
  now: Date,
) {
  const where: Prisma.CaseWhereInput = { municipalityId: { in: [...reader.municipalityIds] }, status: "AT_CURATOR" };
  const [rows, total] = await Promise.all([
    prisma.case.findMany({ where, select: CURATOR_CASE_SELECT, orderBy: URGENCY_ORDER, take: options.limit }),
    prisma.case.count({ where }),
  ]);
  return {
    generatedAt: now,
    total,
    items: rows.map(({ drafts, reviewDecisions, ...row }) => {
      const draft = drafts[0] ?? null;
      return {
        ...presentQueueCase(row, now),
        // The curator judges the answer against the publication: the whole text, not an excerpt.
        text: row.text,
        draft: draft && {
          id: draft.id,
          version: draft.version,
          kind: draft.kind,
          text: draft.text,
          submittedAt: draft.submittedAt,
          author: draft.author.fullName,
          attachments: draft._count.attachments,
        },
        previousComments: reviewDecisions.map((d) => ({
          id: d.id,
          stage: d.stage,
          outcome: d.outcome,
          comment: d.comment,
          onBehalfOfCurator: d.onBehalfOfCurator,
          createdAt: d.createdAt,
          decidedBy: d.decidedBy.fullName,
          draftVersion: d.draft.version,
        })),
      };
    }),
  };
}

export type TCuratorQueue = Awaited<ReturnType<typeof loadCuratorQueue>>;
