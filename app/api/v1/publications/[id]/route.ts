import { db } from "@/server/db";
import { jsonResponse, RestError, withRestErrors } from "@/server/api/rest/v1/errors";
import { findPublication } from "@/server/api/rest/v1/publications";
import { authenticateRequest } from "@/server/api/rest/v1/request";
import { ZCaseIdParam } from "@/server/api/rest/v1/schemas";

export const dynamic = "force-dynamic";

export const GET = withRestErrors(
  "GET /publications/{id}",
  async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
    const now = new Date();
    const client = await authenticateRequest(db(), req, "cases:read", now);
    const id = ZCaseIdParam.safeParse((await ctx.params).id);
    // Another municipality's case is as absent as a case that never existed.
    const publication = id.success ? await findPublication(db(), client, id.data, now) : null;
    if (!publication) throw new RestError(404, { error: "not_found", message: "Публикация не найдена" });
    return jsonResponse(publication);
  },
);
