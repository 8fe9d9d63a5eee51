import { getCurrentUser } from "@/server/auth/current";
import { db } from "@/server/db";
import { respondToViolationsExport } from "@/server/services/violations/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The violations register (п.12) as XLSX, with the register page's filters; see the service for the contract. */
export async function GET(req: Request) {
  return respondToViolationsExport(req, { prisma: db(), user: await getCurrentUser(), now: new Date() });
}
