import "server-only";
import type { TSessionUser } from "../../auth/session-user";
import type { TPrismaClient } from "../../db/client";
import { hasPermission } from "../../domain/auth/permissions";
import { VIOLATION_LABELS } from "../../domain/cases/case-types";
import { ZViolationExportQuery } from "../../api/routers/violations/violations.schema";
import { ServiceError } from "../errors";
import { buildViolationsWorkbook, exportContentDisposition, XLSX_CONTENT_TYPE } from "./export";
import { listViolationsForExport } from "./register";

/**
 * GET /api/violations/export?month=YYYY-MM&departmentId=&userId=&type= — the register as XLSX.
 * Request in, Response out, so the contract (statuses, headers, the workbook) is tested with
 * real requests; the route file only resolves the session. Errors are
 * `{"error": "<code>", "message": "<Russian>"}`, a bad query with its `issues` per parameter.
 */
export interface TViolationExportDeps {
  prisma: TPrismaClient;
  /** The signed-in user (getCurrentUser), null without a valid session. */
  user: TSessionUser | null;
  now: Date;
}

const NO_STORE = { "Cache-Control": "no-store" };

function fail(status: number, error: string, message: string, extra: object = {}) {
  return Response.json({ error, message, ...extra }, { status, headers: NO_STORE });
}

const STATUS_OF = { BAD_REQUEST: 400, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 } as const;

export async function respondToViolationsExport(req: Request, deps: TViolationExportDeps): Promise<Response> {
  const { user, prisma, now } = deps;
  if (!user) return fail(401, "unauthorized", "Войдите в систему");
  if (!hasPermission(user.roles, "violations.view")) {
    return fail(403, "forbidden", "Недостаточно прав для выгрузки журнала нарушений");
  }

  const params = new URL(req.url).searchParams;
  const parsed = ZViolationExportQuery.safeParse({
    month: params.get("month"),
    departmentId: params.get("departmentId"),
    userId: params.get("userId"),
    type: params.get("type"),
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return fail(400, "validation", issues[0]?.message ?? "Неверные параметры выгрузки", { issues });
  }
  const filter = parsed.data;

  try {
    const reader = { municipalityIds: user.municipalityIds, timeZone: user.timeZone };
    const rows = await listViolationsForExport(prisma, reader, filter, now);
    // The parameters sheet names the filters as people know them, not by their ids.
    const [department, person] = await Promise.all([
      filter.departmentId
        ? prisma.department.findFirst({
            where: { id: filter.departmentId, municipalityId: { in: user.municipalityIds } },
            select: { name: true },
          })
        : null,
      filter.responsibleUserId
        ? prisma.user.findFirst({
            where: {
              id: filter.responsibleUserId,
              violations: { some: { municipalityId: { in: user.municipalityIds } } },
            },
            select: { fullName: true },
          })
        : null,
    ]);
    const body = await buildViolationsWorkbook(rows, {
      month: filter.month ?? null,
      department: filter.departmentId ? (department?.name ?? "не найден") : null,
      person: filter.responsibleUserId ? (person?.fullName ?? "не найден") : null,
      type: filter.type ? VIOLATION_LABELS[filter.type] : null,
      exportedBy: user.fullName,
      exportedAt: now,
      timeZone: user.timeZone,
    });
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        ...NO_STORE,
        "Content-Type": XLSX_CONTENT_TYPE,
        "Content-Disposition": exportContentDisposition(filter.month ?? null),
        "Content-Length": String(body.length),
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof ServiceError) return fail(STATUS_OF[error.code], error.code.toLowerCase(), error.message);
    console.error("Violations export failed:", error);
    return fail(500, "internal", "Не удалось подготовить выгрузку. Повторите попытку позже");
  }
}
