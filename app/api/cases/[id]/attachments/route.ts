import { getCurrentUser } from "@/server/auth/current";
import { db } from "@/server/db";
import { uploadLimitsFromEnv } from "@/server/services/attachments/config";
import { respondToUpload } from "@/server/services/attachments/http";
import { fileStorage } from "@/server/storage";

// Streams the body to disk and runs sharp: Node, not the edge.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Attaches one file to a case: `POST ?purpose=evidence|screenshot|answerScreenshot` with
 * multipart/form-data, the file in field `file`. The purpose is in the query string so that the
 * size limit applies before the body is read. 201 `{attachment}`; errors `{error, message}`:
 * 400, 401, 403, 404, 413, 415.
 */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  return respondToUpload(req, id, {
    prisma: db(),
    storage: fileStorage(),
    limits: uploadLimitsFromEnv(),
    user: await getCurrentUser(),
  });
}
