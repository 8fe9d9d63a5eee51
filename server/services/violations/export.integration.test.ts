import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TSessionUser } from "../../auth/session-user";
import { createTestDatabase, type TTestDatabase } from "../../testing/db";
import { contextFor, createDepartment, createMunicipality, createUser } from "../../testing/factories";
import { registerCase } from "../cases/intake";
import { applyTransition } from "../cases/transition";
import { decideViolation } from "./actions";
import { EXPORT_COLUMNS, XLSX_CONTENT_TYPE } from "./export";
import { respondToViolationsExport } from "./http";

let t: TTestDatabase;
let municipalityId: string;
let orgId: string;
let zhkhId: string;
const users: Record<"deputy" | "head" | "coordinator" | "stranger", TSessionUser> = {} as never;
const numbers: Record<string, number> = {};
const now = new Date("2026-03-20T09:00:00Z");

/** T0 of the first case: 10 March, 11:00 in Moscow; routed at 13:15 Moscow, 1 h 45 min late. */
const t0 = new Date("2026-03-10T08:00:00Z");
const routedAt = new Date("2026-03-10T10:15:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  await t.prisma.socialNetwork.create({
    data: { code: "VK", name: "ВКонтакте", hosts: ["vk.com"], maxAnswerLength: 4096 },
  });
  municipalityId = (await createMunicipality(t.prisma)).id;
  const otherId = (await createMunicipality(t.prisma)).id;
  orgId = (await createDepartment(t.prisma, municipalityId, { name: "Орготдел", isCoordinating: true })).id;
  zhkhId = (await createDepartment(t.prisma, municipalityId, { name: "ЖКХ" })).id;
  const session = async (u: { id: string }) => (await contextFor(t.prisma, u, now)).user!;
  const coordinator = await createUser(t.prisma, { roles: ["COORDINATOR"], municipalityId, departmentId: orgId });
  const deputy = await createUser(t.prisma, { roles: ["DEPUTY_HEAD"], municipalityId });
  users.coordinator = await session(coordinator);
  users.deputy = await session(deputy);
  users.head = await session(await createUser(t.prisma, { roles: ["HEAD"], municipalityId }));
  users.stranger = await session(await createUser(t.prisma, { roles: ["DEPUTY_HEAD"], municipalityId: otherId }));

  const actor = {
    userId: coordinator.id,
    roles: ["COORDINATOR" as const],
    departmentId: orgId,
    municipalityIds: [municipalityId],
  };
  const register = async (receivedAt: Date, n: number) =>
    (
      await registerCase(
        t.prisma,
        { userId: coordinator.id, municipalityId, via: "UI" },
        { source: "CURATOR", url: `https://vk.com/wall-1_${n}`, text: "Нет воды", receivedAt },
        receivedAt,
      )
    ).caseId;

  // Routed late: ROUTE_LATE at once, charged to Орготдел.
  const routedLate = await register(t0, 1);
  await applyTransition(
    t.prisma,
    actor,
    { caseId: routedLate, event: "route", input: { departmentId: zhkhId } },
    routedAt,
  );
  // Never routed and its violation left to the scan, which charged it in April (Moscow).
  const april = await register(new Date("2026-03-31T20:40:00Z"), 2);
  await t.prisma.violation.create({
    data: {
      municipalityId,
      caseId: april,
      type: "ROUTE_LATE",
      clockStartedAt: new Date("2026-03-31T20:40:00Z"),
      dueAt: new Date("2026-03-31T21:10:00Z"),
      detectedAt: new Date("2026-03-31T21:10:00Z"),
      responsibleDepartmentId: orgId,
    },
  });
  for (const [key, id] of Object.entries({ routedLate, april })) {
    numbers[key] = (await t.prisma.case.findUniqueOrThrow({ where: { id } })).number;
  }
  const v = await t.prisma.violation.findFirstOrThrow({ where: { caseId: routedLate } });
  await t.prisma.violation.update({
    where: { id: v.id },
    data: {
      explanation: "Публикация поступила во время совещания",
      explainedAt: routedAt,
      explainedById: coordinator.id,
    },
  });
  const deputyActor = {
    userId: deputy.id,
    roles: ["DEPUTY_HEAD" as const],
    departmentId: null,
    municipalityIds: [municipalityId],
  };
  await decideViolation(
    t.prisma,
    deputyActor,
    { violationId: v.id, kind: "REMARK", text: null },
    new Date("2026-03-11T07:00:00Z"),
  );
  await decideViolation(
    t.prisma,
    deputyActor,
    { violationId: v.id, kind: "NO_MEASURES", text: "Уважительная причина" },
    new Date("2026-03-12T07:00:00Z"),
  );
});
afterAll(async () => {
  await t.cleanup();
});

const get = (query: string, user: TSessionUser | null) =>
  respondToViolationsExport(new Request(`http://localhost/api/violations/export${query}`), {
    prisma: t.prisma,
    user,
    now,
  });

async function readWorkbook(res: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  const sheet = workbook.getWorksheet("Нарушения");
  if (!sheet) throw new Error("no sheet «Нарушения»");
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { workbook, sheet, rows };
}

describe("GET /api/violations/export", () => {
  it("gives the month's register as an XLSX whose rows are the register's", async () => {
    const res = await get("?month=2026-03", users.deputy);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(XLSX_CONTENT_TYPE);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="violations-2026-03.xlsx"; filename*=UTF-8''${encodeURIComponent("Журнал нарушений — март 2026.xlsx")}`,
    );
    const { sheet, rows, workbook } = await readWorkbook(res);
    expect(rows[0]).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    expect(rows).toHaveLength(2); // the April one is not in March
    const cell = (key: (typeof EXPORT_COLUMNS)[number]["key"]) =>
      rows[1]?.[EXPORT_COLUMNS.findIndex((c) => c.key === key)];
    expect(cell("caseNumber")).toBe(numbers.routedLate);
    expect(cell("type")).toBe("Публикация не направлена в отдел в срок (п.7)");
    expect(cell("clock")).toBe("Направление в отдел");
    // Dates show Moscow's wall clock: due 11:30, done 13:15 on 10 March.
    expect(cell("dueAt")).toEqual(new Date("2026-03-10T11:30:00Z"));
    expect(cell("stoppedAt")).toEqual(new Date("2026-03-10T13:15:00Z"));
    expect(cell("lateness")).toBe("на 1 ч 45 мин");
    expect(cell("lateMinutes")).toBe(105);
    expect(cell("department")).toBe("Орготдел");
    expect(cell("person")).toBe("");
    expect(cell("explanation")).toBe("Публикация поступила во время совещания");
    expect(cell("decision")).toBe("Меры не применяются");
    expect(cell("decisionText")).toBe("Уважительная причина");
    expect(cell("decidedAt")).toEqual(new Date("2026-03-12T10:00:00Z"));
    expect(cell("earlierDecisions")).toMatch(/^11\.03\.2026, 10:00 — Замечание \(/);

    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(1).width).toBeGreaterThan(5);
    expect(sheet.getCell(2, EXPORT_COLUMNS.findIndex((c) => c.key === "dueAt") + 1).numFmt).toBe("dd.mm.yyyy hh:mm");
    const info = workbook.getWorksheet("Параметры выгрузки");
    expect(info?.getCell("B2").value).toBe("март 2026");
  });

  it("applies the department, person and kind filters, and shows a still-running clock as such", async () => {
    const april = await readWorkbook(
      await get(`?month=2026-04&departmentId=${orgId}&type=ROUTE_LATE&userId=`, users.head),
    );
    expect(april.rows).toHaveLength(2);
    const row = april.rows[1]!;
    expect(row[0]).toBe(numbers.april);
    expect(row[EXPORT_COLUMNS.findIndex((c) => c.key === "stoppedAt")]).toBe("не выполнено");
    expect(row[EXPORT_COLUMNS.findIndex((c) => c.key === "lateness")]).toMatch(/ \(продолжается\)$/);

    // Nothing is charged to ЖКХ and no draft was late: the header alone.
    expect((await readWorkbook(await get(`?month=2026-03&departmentId=${zhkhId}`, users.deputy))).rows).toHaveLength(1);
    expect((await readWorkbook(await get("?type=DRAFT_LATE", users.deputy))).rows).toHaveLength(1);
    // No month: the whole register.
    expect((await readWorkbook(await get("", users.deputy))).rows).toHaveLength(3);
    // Another municipality's deputy head gets only the header.
    expect((await readWorkbook(await get("?month=2026-03", users.stranger))).rows).toHaveLength(1);
  });

  it("refuses without a session (401), without the permission (403), and a bad query (400), in Russian", async () => {
    const anonymous = await get("?month=2026-03", null);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: "unauthorized", message: "Войдите в систему" });

    const coordinator = await get("?month=2026-03", users.coordinator);
    expect(coordinator.status).toBe(403);
    expect(await coordinator.json()).toEqual({
      error: "forbidden",
      message: "Недостаточно прав для выгрузки журнала нарушений",
    });

    const badMonth = await get("?month=март", users.deputy);
    expect(badMonth.status).toBe(400);
    expect(await badMonth.json()).toEqual({
      error: "validation",
      message: "Месяц указывается в виде ГГГГ-ММ, например 2026-03",
      issues: [{ path: "month", message: "Месяц указывается в виде ГГГГ-ММ, например 2026-03" }],
    });
    const badType = await get("?type=LATE", users.deputy);
    expect(badType.status).toBe(400);
    expect(await badType.json()).toMatchObject({ issues: [{ path: "type", message: "Неизвестный вид нарушения" }] });
    const badId = await get("?departmentId=%27%20or%201%3D1", users.deputy);
    expect(badId.status).toBe(400);
    expect(await badId.json()).toMatchObject({ issues: [{ path: "departmentId" }] });
  });
});
