import { getCurrentUser } from "@/server/auth/current";
import { db } from "@/server/db";
import { loadAnalyticsReport } from "@/server/services/analytics/report";
import { respondToMonthlyReport } from "@/server/services/reports/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The monthly analysis (п.13) as DOCX or XLSX; see the service for the contract. */
export async function GET(req: Request) {
  return respondToMonthlyReport(req, {
    prisma: db(),
    user: await getCurrentUser(),
    now: new Date(),
    loadReport: loadAnalyticsReport,
  });
}
