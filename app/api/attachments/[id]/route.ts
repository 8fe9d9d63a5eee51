import { getCurrentUser } from "@/server/auth/current";
import { db } from "@/server/db";
import { respondToDownload, respondToRemoval } from "@/server/services/attachments/http";
import { fileStorage } from "@/server/storage";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The file (`?variant=thumb`: its thumbnail) to those who may see its case; Range → 206/416. */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  return respondToDownload(req, id, { prisma: db(), storage: fileStorage(), user: await getCurrentUser() });
}

/** Its uploader removes it while the rules allow (evidence not yet sent, a screenshot of an open case): 204. */
export async function DELETE(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  return respondToRemoval(req, id, { prisma: db(), storage: fileStorage(), user: await getCurrentUser() });
}
