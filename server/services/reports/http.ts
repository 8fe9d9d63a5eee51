import "server-only";
import type { TSessionUser } from "../../auth/session-user";
import type { TPrismaClient } from "../../db/client";
import type { TAnalyticsReport } from "../../domain/analytics/types";
import { hasPermission } from "../../domain/auth/permissions";
import {
  REPORT_CONTENT_TYPES,
  REPORT_FORMATS,
  reportContentDisposition,
  type TReportFormat,
} from "../../domain/reports/file-name";
import { isMonth } from "../../domain/violations/month";
import { ServiceError } from "../errors";
import { renderMonthlyDocx } from "./docx";
import { renderMonthlyXlsx } from "./xlsx";

/**
 * GET /api/reports/monthly?month=YYYY-MM&format=docx|xlsx[&municipality=<id>] — the monthly
 * analysis as a document. Request in, Response out, so the contract (statuses, headers, the
 * file) is tested with real requests; the route file only resolves the session. Errors are
 * `{"error": "<code>", "message": "<Russian>"}`; a bad query also lists its `issues`.
 */

export type TLoadReport = (
  prisma: TPrismaClient,
  user: TSessionUser,
  input: { month: string; municipalityId?: string | null },
  now: Date,
) => Promise<TAnalyticsReport>;

export interface TMonthlyReportDeps {
  prisma: TPrismaClient;
  /** The signed-in user (getCurrentUser), null without a valid session. */
  user: TSessionUser | null;
  now: Date;
  /** The analysis for the month and scope (the analytics service's loadAnalyticsReport). */
  loadReport: TLoadReport;
}

const NO_STORE = { "Cache-Control": "no-store" };

function fail(status: number, error: string, message: string, extra: object = {}) {
  return Response.json({ error, message, ...extra }, { status, headers: NO_STORE });
}

const STATUS_OF = { BAD_REQUEST: 400, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 } as const;

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

type TQuery = { month: string; format: TReportFormat; municipalityId: string | null };

/** The query, or the issues with it in Russian, one per parameter. */
export function parseMonthlyReportQuery(
  params: URLSearchParams,
): { ok: true; query: TQuery } | { ok: false; issues: { path: string; message: string }[] } {
  const issues: { path: string; message: string }[] = [];
  const month = params.get("month") ?? "";
  const format = params.get("format") ?? "";
  const municipality = params.get("municipality") ?? "";
  if (!month) issues.push({ path: "month", message: "Укажите месяц отчёта в виде ГГГГ-ММ" });
  else if (!isMonth(month))
    issues.push({ path: "month", message: "Месяц указан неверно: нужен вид ГГГГ-ММ, например 2026-03" });
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    issues.push({ path: "format", message: "Формат отчёта — docx или xlsx" });
  }
  if (municipality && !ID_PATTERN.test(municipality)) {
    issues.push({ path: "municipality", message: "Муниципальное образование указано неверно" });
  }
  if (issues.length) return { ok: false, issues };
  return { ok: true, query: { month, format: format as TReportFormat, municipalityId: municipality || null } };
}

const RENDERERS = { docx: renderMonthlyDocx, xlsx: renderMonthlyXlsx } as const satisfies Record<
  TReportFormat,
  (report: TAnalyticsReport) => Promise<Buffer>
>;

export async function respondToMonthlyReport(req: Request, deps: TMonthlyReportDeps): Promise<Response> {
  const { user, prisma, now } = deps;
  if (!user) return fail(401, "unauthorized", "Войдите в систему");
  if (!hasPermission(user.roles, "analytics.view")) {
    return fail(403, "forbidden", "Недостаточно прав для выгрузки ежемесячного анализа");
  }

  const parsed = parseMonthlyReportQuery(new URL(req.url).searchParams);
  if (!parsed.ok) {
    return fail(400, "validation", parsed.issues[0]?.message ?? "Неверные параметры отчёта", { issues: parsed.issues });
  }
  const { month, format, municipalityId } = parsed.query;

  try {
    const report = await deps.loadReport(prisma, user, { month, municipalityId }, now);
    const body = await RENDERERS[format](report);
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        ...NO_STORE,
        "Content-Type": REPORT_CONTENT_TYPES[format],
        "Content-Disposition": reportContentDisposition(month, report.scope.title, format),
        "Content-Length": String(body.length),
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof ServiceError) return fail(STATUS_OF[error.code], error.code.toLowerCase(), error.message);
    console.error("Monthly report failed:", error);
    return fail(500, "internal", "Не удалось подготовить отчёт. Повторите попытку позже");
  }
}
