import { db } from "@/server/db";
import { jsonResponse, RestError, withRestErrors } from "@/server/api/rest/v1/errors";
import { findPublication } from "@/server/api/rest/v1/publications";
import { authenticateRequest, readJsonBody } from "@/server/api/rest/v1/request";
import { ZCaseIdParam, ZDecision } from "@/server/api/rest/v1/schemas";
import { recordCuratorDecision } from "@/server/services/cases/curator-decision";

export const dynamic = "force-dynamic";

const notFound = () => new RestError(404, { error: "not_found", message: "Публикация не найдена" });

/** The curator approves the draft or returns it for rework (п.10); 409 unless the case is at the curator. */
export const POST = withRestErrors(
  "POST /publications/{id}/decision",
  async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
    const now = new Date();
    const client = await authenticateRequest(db(), req, "cases:write", now);
    const id = ZCaseIdParam.safeParse((await ctx.params).id);
    if (!id.success) throw notFound();
    const body = await readJsonBody(req, ZDecision);
    await recordCuratorDecision(
      db(),
      { municipalityId: client.municipalityId, apiKeyId: client.keyId },
      { caseId: id.data, decision: body.decision, comment: body.comment },
      now,
    );
    const publication = await findPublication(db(), client, id.data, now);
    if (!publication) throw notFound();
    return jsonResponse(publication);
  },
);
