import "server-only";
import type { TPrismaClient } from "../../../db/client";
import type { Prisma } from "../../../db/generated/client";
import { describeCaseClocks, freezeSla } from "../../../domain/cases/clocks";
import { registerCaseReturningRow } from "../../../services/cases/intake";
import { listCases, readerScope } from "../../../services/cases/queries";
import { ServiceError } from "../../../services/errors";
import { presentPublication } from "./presenter";
import type { TPublication, TPublicationCreate, TPublicationListQuery } from "./schemas";

/**
 * The API's view of the case services for one API key: the key's municipality scopes every
 * read and write, and the curator's identifiers (topic names, external ids) are translated to
 * the portal's ids here.
 */
export interface TApiClient {
  keyId: string;
  municipalityId: string;
}

const readerOf = (client: TApiClient) => ({ municipalityIds: [client.municipalityId] });

/**
 * Registers the publication; `publication` is the answer when it was new (built from the row
 * just written), null when the externalId was known (the caller reads the case as it stands).
 */
export async function createPublication(
  prisma: TPrismaClient,
  client: TApiClient,
  input: TPublicationCreate,
  now: Date,
): Promise<{ created: boolean; caseId: string; publication: TPublication | null }> {
  let topicId: string | null = null;
  if (input.topic) {
    const topic = await prisma.topic.findFirst({
      where: {
        municipalityId: client.municipalityId,
        active: true,
        name: { equals: input.topic, mode: "insensitive" },
      },
      select: { id: true },
    });
    if (!topic) throw new ServiceError("BAD_REQUEST", "Такой темы нет среди тем муниципального образования", "topic");
    topicId = topic.id;
  }
  let repeatOf: { id: string; externalId: string } | null = null;
  if (input.repeatOfExternalId) {
    const earlier = await prisma.case.findUnique({
      where: {
        municipalityId_externalId: { municipalityId: client.municipalityId, externalId: input.repeatOfExternalId },
      },
      select: { id: true },
    });
    if (!earlier) {
      throw new ServiceError("BAD_REQUEST", "Исходная публикация с таким externalId не найдена", "repeatOfExternalId");
    }
    repeatOf = { id: earlier.id, externalId: input.repeatOfExternalId };
  }
  const outcome = await registerCaseReturningRow(
    prisma,
    { userId: null, municipalityId: client.municipalityId, via: "API", apiKeyId: client.keyId },
    {
      source: "CURATOR",
      externalId: input.externalId,
      network: input.network,
      url: input.url,
      text: input.text,
      authorName: input.authorName,
      publishedAt: input.publishedAt ?? null,
      receivedAt: input.receivedAt ?? null,
      topicId,
      significant: input.socialSignificance?.significant ?? false,
      significanceReason: input.socialSignificance?.reason ?? null,
      repeatOfId: repeatOf?.id ?? null,
    },
    now,
  );
  if (!outcome.created) return { created: false, caseId: outcome.caseId, publication: null };
  const c = outcome.registered;
  const publication = presentPublication({
    ...c,
    network: { code: c.networkCode },
    clocks: describeCaseClocks({ status: c.status, deadlines: c, sla: freezeSla(c), now }),
    // Just registered: not routed, nothing drafted, decided or late yet.
    department: null,
    violations: [],
    drafts: [],
    reviewDecisions: [],
    repeatOf,
  });
  return { created: true, caseId: c.id, publication };
}

/** What the presenter reads of a stored case: the summary fields and the answer's history. */
/** The violations, sent drafts and the curator's approval a publication's answer shows. */
const PUBLICATION_EXTRAS_SELECT = {
  violations: { orderBy: { dueAt: "asc" }, select: { type: true, detectedAt: true } },
  drafts: {
    where: { submittedAt: { not: null } },
    orderBy: { version: "desc" },
    select: { id: true, version: true, text: true, submittedAt: true },
  },
  reviewDecisions: {
    where: { stage: "CURATOR", outcome: "APPROVED" },
    select: { draftId: true, stage: true, outcome: true },
  },
} satisfies Prisma.CaseSelect;

const PUBLICATION_SELECT = {
  id: true,
  externalId: true,
  number: true,
  status: true,
  postUrl: true,
  receivedAt: true,
  routeDueAt: true,
  draftDueAt: true,
  answerDueAt: true,
  currentClock: true,
  currentDueAt: true,
  slaRouteMinutes: true,
  slaDraftMinutes: true,
  slaForwardMinutes: true,
  slaReworkMinutes: true,
  slaAnswerMinutes: true,
  postedAnswerUrl: true,
  postedAt: true,
  network: { select: { code: true } },
  department: { select: { id: true, name: true } },
  repeatOf: { select: { id: true, externalId: true } },
  ...PUBLICATION_EXTRAS_SELECT,
} satisfies Prisma.CaseSelect;

export async function findPublication(
  prisma: TPrismaClient,
  client: TApiClient,
  id: string,
  now: Date,
): Promise<TPublication | null> {
  // Only what the answer shows: the case page's full read (timeline, attachments, names) is
  // three times the queries.
  const c = await prisma.case.findFirst({
    where: { AND: [{ id }, readerScope(readerOf(client))] },
    select: PUBLICATION_SELECT,
  });
  if (!c) return null;
  return presentPublication({
    ...c,
    clocks: describeCaseClocks({ status: c.status, deadlines: c, sla: freezeSla(c), now }),
  });
}

/**
 * A page of publications in the services' order (most urgent first) with their cursor. The
 * summary rows carry no violations or drafts: those of the page come in one more query.
 */
export async function listPublications(
  prisma: TPrismaClient,
  client: TApiClient,
  query: TPublicationListQuery,
  now: Date,
): Promise<{ items: TPublication[]; nextCursor: string | null }> {
  const page = await listCases(
    prisma,
    readerOf(client),
    { status: query.status, updatedSince: query.updatedSince, cursor: query.cursor, limit: query.limit },
    now,
  );
  const extras = await prisma.case.findMany({
    where: { id: { in: page.items.map((c) => c.id) }, municipalityId: client.municipalityId },
    select: { id: true, ...PUBLICATION_EXTRAS_SELECT },
  });
  const byId = new Map(extras.map((e) => [e.id, e]));
  const items = page.items.map((c) => {
    const e = byId.get(c.id);
    return presentPublication({
      ...c,
      violations: e?.violations ?? [],
      drafts: e?.drafts ?? [],
      reviewDecisions: e?.reviewDecisions ?? [],
    });
  });
  return { items, nextCursor: page.nextCursor };
}
