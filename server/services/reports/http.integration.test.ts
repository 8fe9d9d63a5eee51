import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TSessionUser } from "../../auth/session-user";
import { createTestDatabase, type TTestDatabase } from "../../testing/db";
import { contextFor, createDepartment, createMunicipality, createUser } from "../../testing/factories";
import { loadAnalyticsReport } from "../analytics/report";
import { registerCase } from "../cases/intake";
import { applyTransition } from "../cases/transition";
import { respondToMonthlyReport } from "./http";

/**
 * The download route over the real analysis: who may download what, and that the documents
 * carry the month's numbers as the database has them.
 */

let t: TTestDatabase;
let municipalityId: string;
let otherId: string;
const users = {} as Record<"deputy" | "head" | "executor" | "curator" | "stranger", TSessionUser>;
/** 2 April 2026, 12:00 in Moscow: March has ended. */
const now = new Date("2026-04-02T09:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  await t.prisma.socialNetwork.create({
    data: { code: "VK", name: "ВКонтакте", hosts: ["vk.com"], maxAnswerLength: 4096 },
  });
  municipalityId = (await createMunicipality(t.prisma, { name: "Мясниковский район" })).id;
  otherId = (await createMunicipality(t.prisma, { name: "Аксайский район" })).id;
  const orgId = (await createDepartment(t.prisma, municipalityId, { name: "Орготдел", isCoordinating: true })).id;
  const zhkhId = (await createDepartment(t.prisma, municipalityId, { name: "Отдел ЖКХ" })).id;
  const session = async (u: { id: string }) => (await contextFor(t.prisma, u, now)).user!;
  const coordinator = await createUser(t.prisma, { roles: ["COORDINATOR"], municipalityId, departmentId: orgId });
  users.deputy = await session(await createUser(t.prisma, { roles: ["DEPUTY_HEAD"], municipalityId }));
  users.head = await session(await createUser(t.prisma, { roles: ["HEAD"], municipalityId }));
  users.executor = await session(
    await createUser(t.prisma, { roles: ["EXECUTOR"], municipalityId, departmentId: zhkhId }),
  );
  users.curator = await session(
    await createUser(t.prisma, { roles: ["CURATOR"], municipalityId: null, curates: [municipalityId, otherId] }),
  );
  users.stranger = await session(await createUser(t.prisma, { roles: ["DEPUTY_HEAD"], municipalityId: otherId }));

  // Two publications in March (Moscow): one routed to ЖКХ 1 h 45 min late, one routed in time.
  const register = async (receivedAt: Date, n: number) =>
    (
      await registerCase(
        t.prisma,
        { userId: coordinator.id, municipalityId, via: "UI" },
        { source: "CURATOR", url: `https://vk.com/wall-1_${n}`, text: `Нет воды, дом ${n}`, receivedAt },
        receivedAt,
      )
    ).caseId;
  const actor = {
    userId: coordinator.id,
    roles: ["COORDINATOR" as const],
    departmentId: orgId,
    municipalityIds: [municipalityId],
  };
  const late = await register(new Date("2026-03-10T08:00:00Z"), 1);
  await applyTransition(
    t.prisma,
    actor,
    { caseId: late, event: "route", input: { departmentId: zhkhId } },
    new Date("2026-03-10T10:15:00Z"),
  );
  const onTime = await register(new Date("2026-03-12T08:00:00Z"), 2);
  await applyTransition(
    t.prisma,
    actor,
    { caseId: onTime, event: "route", input: { departmentId: zhkhId } },
    new Date("2026-03-12T08:10:00Z"),
  );
});
afterAll(async () => {
  await t.cleanup();
});

const get = (query: string, user: TSessionUser | null) =>
  respondToMonthlyReport(new Request(`http://localhost/api/reports/monthly${query}`), {
    prisma: t.prisma,
    user,
    now,
    loadReport: loadAnalyticsReport,
  });

async function documentText(res: Response) {
  const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
  const xml = await zip.file("word/document.xml")!.async("string");
  return { zip, text: [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("|") };
}

describe("GET /api/reports/monthly over the real analysis", () => {
  it("refuses the anonymous (401) and roles without the analytics (403)", async () => {
    expect((await get("?month=2026-03&format=docx", null)).status).toBe(401);
    const res = await get("?month=2026-03&format=docx", users.executor);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: "forbidden" });
  });

  it("refuses a bad month or format (400) and a month that has not begun", async () => {
    expect((await get("?month=2026-3&format=docx", users.deputy)).status).toBe(400);
    expect((await get("?month=2026-03&format=odt", users.deputy)).status).toBe(400);
    const future = await get("?month=2026-05&format=xlsx", users.deputy);
    expect(future.status).toBe(400);
    expect(await future.json()).toEqual({
      error: "bad_request",
      message: "Месяц май 2026 ещё не наступил: анализа за него пока нет",
    });
  });

  it("answers 404 for a municipality the viewer may not see, whether it exists or not", async () => {
    for (const id of [otherId, "no-such-municipality"]) {
      const res = await get(`?month=2026-03&format=docx&municipality=${id}`, users.deputy);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: "not_found", message: "Муниципальное образование не найдено" });
    }
  });

  it("gives the deputy head the DOCX of the district's March with its numbers", async () => {
    const res = await get("?month=2026-03&format=docx", users.deputy);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="monthly-report-2026-03.docx"; filename*=UTF-8''${encodeURIComponent("Анализ за март 2026 — Мясниковский район.docx")}`,
    );
    const { zip, text } = await documentText(res);
    expect(text).toContain("Анализ работы с публикациями в социальных сетях за март 2026 г.");
    expect(text).toContain("Мясниковский район");
    expect(text).toContain("Поступило публикаций: 2");
    expect(text).toContain("|Отдел ЖКХ|2|");
    expect(text).toContain("Публикация не направлена в отдел в срок (п.7)|1|");
    expect(Object.keys(zip.files).filter((f) => f.startsWith("word/media/") && f.endsWith(".png"))).toHaveLength(4);
  });

  it("gives the head the XLSX, and the other district's own deputy head nothing of this one", async () => {
    const res = await get("?month=2026-03&format=xlsx", users.head);
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const summary = workbook.getWorksheet("Сводка")!;
    expect((summary.getRow(2).values as unknown[])[2]).toBe("Мясниковский район");
    expect((summary.getRow(5).values as unknown[]).slice(1, 3)).toEqual(["Поступило публикаций", 2]);
    const departments = workbook.getWorksheet("Отделы")!;
    const rows: unknown[][] = [];
    departments.eachRow((row) => rows.push((row.values as unknown[]).slice(1, 3)));
    expect(rows).toContainEqual(["Отдел ЖКХ", 2]);

    const stranger = await get("?month=2026-03&format=xlsx", users.stranger);
    const other = new ExcelJS.Workbook();
    await other.xlsx.load(await stranger.arrayBuffer());
    expect((other.getWorksheet("Сводка")!.getRow(5).values as unknown[]).slice(1, 3)).toEqual([
      "Поступило публикаций",
      0,
    ]);
  });

  it("lets a curator download one curated district or all of them", async () => {
    const one = await get(`?month=2026-03&format=docx&municipality=${municipalityId}`, users.curator);
    expect(one.status).toBe(200);
    expect((await documentText(one)).text).toContain("Поступило публикаций: 2");
    const all = await get("?month=2026-03&format=docx", users.curator);
    expect(all.status).toBe(200);
    const { text } = await documentText(all);
    expect(text).toContain("Тестовая область: муниципальные образования (2)");
  });
});
