import "server-only";
import type { TPrismaClient } from "../../../db/client";
import { registerCase, type TIntakeResult } from "../../../services/cases/intake";
import { getCase, listCases } from "../../../services/cases/queries";
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

export async function createPublication(
  prisma: TPrismaClient,
  client: TApiClient,
  input: TPublicationCreate,
  now: Date,
): Promise<TIntakeResult> {
  let topicId: string | null = null;
  if (input.topic) {
    const topic = await prisma.topic.findFirst({
      where: { municipalityId: client.municipalityId, active: true, name: { equals: input.topic, mode: "insensitive" } },
      select: { id: true },
    });
    if (!topic) throw new ServiceError("BAD_REQUEST", "Такой темы нет среди тем муниципального образования", "topic");
    topicId = topic.id;
  }
  let repeatOfId: string | null = null;
  if (input.repeatOfExternalId) {
    const earlier = await prisma.case.findUnique({
      where: { municipalityId_externalId: { municipalityId: client.municipalityId, externalId: input.repeatOfExternalId } },
      select: { id: true },
    });
    if (!earlier) {
      throw new ServiceError("BAD_REQUEST", "Исходная публикация с таким externalId не найдена", "repeatOfExternalId");
    }
    repeatOfId = earlier.id;
  }
  return registerCase(
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
      repeatOfId,
    },
    now,
  );
}

export async function findPublication(
  prisma: TPrismaClient,
  client: TApiClient,
  id: string,
  now: Date,
): Promise<TPublication | null> {
  const c = await getCase(prisma, readerOf(client), id, now);
  return c ? presentPublication(c) : null;
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
    select: {
      id: true,
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
    },
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
