import { db } from "@/server/db";
import { jsonResponse, withRestErrors } from "@/server/api/rest/v1/errors";
import { createPublication, findPublication, listPublications } from "@/server/api/rest/v1/publications";
import { authenticateRequest, parseOrThrow, readJsonBody } from "@/server/api/rest/v1/request";
import { readListQuery, ZPublicationCreate, ZPublicationListQuery } from "@/server/api/rest/v1/schemas";

export const dynamic = "force-dynamic";

/** The curator's system delivers a publication: 201 when new, 200 with the same case for a known externalId. */
export const POST = withRestErrors("POST /publications", async (req: Request) => {
  const now = new Date();
  const client = await authenticateRequest(db(), req, "cases:write", now);
  const input = await readJsonBody(req, ZPublicationCreate);
  const { caseId, created, publication: registered } = await createPublication(db(), client, input, now);
  const publication = registered ?? (await findPublication(db(), client, caseId, now));
  if (!publication) throw new Error(`Case ${caseId} vanished right after intake`);
  return jsonResponse(publication, created ? 201 : 200, {
    Location: `/api/v1/publications/${encodeURIComponent(caseId)}`,
  });
});

export const GET = withRestErrors("GET /publications", async (req: Request) => {
  const now = new Date();
  const client = await authenticateRequest(db(), req, "cases:read", now);
  const query = parseOrThrow(ZPublicationListQuery, readListQuery(new URL(req.url).searchParams));
  return jsonResponse(await listPublications(db(), client, query, now));
});
