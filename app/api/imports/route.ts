import { getCurrentUser } from "@/server/auth/current";
import { db } from "@/server/db";
import { respondToImport } from "@/server/services/import/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Bulk import of publications from the curator's export (CSV/XLSX): preview or commit; see the service for the contract. */
export async function POST(req: Request) {
  return respondToImport(req, { prisma: db(), user: await getCurrentUser(), now: new Date() });
}
