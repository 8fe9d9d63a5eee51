import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { TSessionUser } from "../../auth/session-user";
import type { TPrismaClient } from "../../db/client";
import type { TRole } from "../../domain/auth/roles";
import { fixtureReport } from "../../domain/reports/fixture";
import { ServiceError } from "../errors";
import { respondToMonthlyReport, type TLoadReport } from "./http";

/**
 * The download's contract with the loading of the analysis stubbed: who may download, what a
 * bad address gets, and the headers of the file. (The route with the real analysis is
 * exercised against the database in the integration test.)
 */

const now = new Date("2026-04-02T09:00:00Z");
const prisma = {} as TPrismaClient;

function userWith(roles: TRole[]): TSessionUser {
  return {
    id: "u1",
    username: "deputy",
    fullName: "Заместитель Главы",
    position: null,
    email: null,
    roles,
    municipality: { id: "mun-1", name: "Мясниковский район", timeZone: "Europe/Moscow" },
    department: null,
    municipalityIds: ["mun-1"],
    timeZone: "Europe/Moscow",
  };
}

function get(query: string, user: TSessionUser | null, loadReport: TLoadReport = () => Promise.resolve(fixtureReport)) {
  const calls: Parameters<TLoadReport>[] = [];
  const load: TLoadReport = (...args) => {
    calls.push(args);
    return loadReport(...args);
  };
  const response = respondToMonthlyReport(new Request(`http://localhost/api/reports/monthly${query}`), {
    prisma,
    user,
    now,
    loadReport: load,
  });
  return { response, calls };
}

describe("GET /api/reports/monthly", () => {
  it("asks a visitor without a session to sign in", async () => {
    const { response, calls } = get("?month=2026-03&format=docx", null);
    const res = await response;
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "unauthorized", message: "Войдите в систему" });
    expect(calls).toHaveLength(0);
  });

  it("refuses a role without the analytics", async () => {
    const res = await get("?month=2026-03&format=xlsx", userWith(["EXECUTOR"])).response;
    expect(res.status).toBe(403);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toMatchObject({ error: "forbidden" });
  });

  it("explains in Russian what is wrong with the address", async () => {
    const deputy = userWith(["DEPUTY_HEAD"]);
    const cases: [string, string, string][] = [
      ["?format=docx", "month", "Укажите месяц отчёта в виде ГГГГ-ММ"],
      ["?month=2026-13&format=docx", "month", "Месяц указан неверно: нужен вид ГГГГ-ММ, например 2026-03"],
      ["?month=март&format=docx", "month", "Месяц указан неверно: нужен вид ГГГГ-ММ, например 2026-03"],
      ["?month=2026-03&format=pdf", "format", "Формат отчёта — docx или xlsx"],
      ["?month=2026-03", "format", "Формат отчёта — docx или xlsx"],
      ["?month=2026-03&format=docx&municipality=a%20b", "municipality", "Муниципальное образование указано неверно"],
    ];
    for (const [query, path, message] of cases) {
      const { response, calls } = get(query, deputy);
      const res = await response;
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { error: string; message: string; issues: { path: string }[] };
      expect(body).toMatchObject({ error: "validation", message });
      expect(body.issues.map((i) => i.path)).toContain(path);
      expect(calls).toHaveLength(0);
    }
  });

  it("passes the service's refusals on with their status", async () => {
    const deputy = userWith(["HEAD"]);
    const refuse = (code: "NOT_FOUND" | "FORBIDDEN" | "BAD_REQUEST", message: string) => () =>
      Promise.reject(new ServiceError(code, message));
    let res = await get(
      "?month=2026-03&format=docx&municipality=nope",
      deputy,
      refuse("NOT_FOUND", "Муниципальное образование не найдено"),
    ).response;
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "not_found", message: "Муниципальное образование не найдено" });
    res = await get("?month=2026-03&format=docx", deputy, refuse("FORBIDDEN", "Нет доступа")).response;
    expect(res.status).toBe(403);
    res = await get("?month=2030-01&format=xlsx", deputy, refuse("BAD_REQUEST", "Месяц ещё не начался")).response;
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ message: "Месяц ещё не начался" });
  });

  it("does not show the reason of an unexpected failure", async () => {
    const original = console.error;
    console.error = () => {};
    try {
      const res = await get("?month=2026-03&format=docx", userWith(["HEAD"]), () =>
        Promise.reject(new Error("db down")),
      ).response;
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({
        error: "internal",
        message: "Не удалось подготовить отчёт. Повторите попытку позже",
      });
    } finally {
      console.error = original;
    }
  });

  it("gives the DOCX of the month and scope asked for, as an attachment with a Russian name", async () => {
    const curator = { ...userWith(["CURATOR"]), municipality: null, municipalityIds: ["mun-1", "mun-2"] };
    const { response, calls } = get("?month=2026-03&format=docx&municipality=mun-1", curator);
    const res = await response;
    expect(res.status).toBe(200);
    expect(calls).toEqual([[prisma, curator, { month: "2026-03", municipalityId: "mun-1" }, now]]);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="monthly-report-2026-03.docx"; filename*=UTF-8''${encodeURIComponent("Анализ за март 2026 — Мясниковский район.docx")}`,
    );
    const body = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get("content-length")).toBe(String(body.length));
    const zip = await JSZip.loadAsync(body);
    expect(await zip.file("word/document.xml")!.async("string")).toContain(
      "Анализ работы с публикациями в социальных сетях за март 2026 г.",
    );
  });

  it("gives the XLSX, the scope being the viewer's own when none is named", async () => {
    const { response, calls } = get("?month=2026-03&format=xlsx", userWith(["COORDINATOR"]));
    const res = await response;
    expect(res.status).toBe(200);
    expect(calls[0]?.[2]).toEqual({ month: "2026-03", municipalityId: null });
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toContain('filename="monthly-report-2026-03.xlsx"');
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    expect(zip.file("xl/workbook.xml")).not.toBeNull();
  });
});
