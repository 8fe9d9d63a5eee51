import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "../../../testing/db";
import { contextFor, createMunicipality, createUser } from "../../../testing/factories";
import { updateSettings } from "../../../services/admin/settings";
import { ServiceError } from "../../../services/errors";
import { createCaller } from "../../root";

let t: TTestDatabase;
let municipalityId: string;
let admin: { id: string };
const now = new Date("2026-11-27T09:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  municipalityId = (await createMunicipality(t.prisma, { name: "Мясниковский район" })).id;
  admin = await createUser(t.prisma, { roles: ["ADMIN"], municipalityId });
});
afterAll(async () => {
  await t.cleanup();
});

const callerFor = async (user: { id: string }) => createCaller(await contextFor(t.prisma, user, now));

const clocks = {
  name: "Мясниковский район",
  timeZone: "Europe/Moscow",
  slaRouteMinutes: 30,
  slaDraftMinutes: 1200,
  slaForwardMinutes: 30,
  slaReworkMinutes: 30,
  slaAnswerMinutes: 1440,
};

/** The Russian message tRPC carries for a refused field. */
async function refusal(
  promise: Promise<unknown>,
): Promise<{ code: string; field: string | undefined; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const cause = error.cause as { issues?: { path: PropertyKey[]; message: string }[] } | undefined;
    const issue = cause?.issues?.[0];
    return {
      code: error.code,
      field: issue ? String(issue.path[0]) : undefined,
      message: issue?.message ?? error.message,
    };
  }
  throw new Error("the call was not refused");
}

describe("settings: surges (п.13) and routine posts (п.6)", () => {
  it("shows the defaults: 3 publications within 24 h, 2 routine posts a week", async () => {
    expect(await (await callerFor(admin)).admin.settings.get()).toMatchObject({
      surgeThreshold: 3,
      surgeWindowHours: 24,
      routineWeeklyMinimum: 2,
    });
  });

  it("saves and reads back the new values, audited, and keeps them when a form leaves them out", async () => {
    const caller = await callerFor(admin);
    const saved = await caller.admin.settings.update({
      ...clocks,
      surgeThreshold: 5,
      surgeWindowHours: 48,
      routineWeeklyMinimum: 3,
    });
    expect(saved).toMatchObject({ surgeThreshold: 5, surgeWindowHours: 48, routineWeeklyMinimum: 3 });
    expect(await caller.admin.settings.get()).toMatchObject({
      ...clocks,
      surgeThreshold: 5,
      surgeWindowHours: 48,
      routineWeeklyMinimum: 3,
    });
    const audit = await t.prisma.auditLog.findFirstOrThrow({
      where: { action: "settings.update", municipalityId },
      orderBy: { at: "desc" },
    });
    expect(audit).toMatchObject({
      actorId: admin.id,
      entity: "Municipality",
      entityId: municipalityId,
      data: {
        before: { surgeThreshold: 3, surgeWindowHours: 24, routineWeeklyMinimum: 2 },
        after: { surgeThreshold: 5, surgeWindowHours: 48, routineWeeklyMinimum: 3 },
      },
    });

    // An older client that sends only the clocks changes nothing else.
    await caller.admin.settings.update({ ...clocks, slaRouteMinutes: 25 });
    expect(await caller.admin.settings.get()).toMatchObject({
      slaRouteMinutes: 25,
      surgeThreshold: 5,
      surgeWindowHours: 48,
      routineWeeklyMinimum: 3,
    });
  });

  it("accepts the limits and refuses values outside them with a Russian message, saving nothing", async () => {
    const caller = await callerFor(admin);
    await caller.admin.settings.update({ ...clocks, surgeThreshold: 2, surgeWindowHours: 1, routineWeeklyMinimum: 14 });
    await caller.admin.settings.update({
      ...clocks,
      surgeThreshold: 50,
      surgeWindowHours: 168,
      routineWeeklyMinimum: 1,
    });
    const before = await t.prisma.municipality.findUniqueOrThrow({ where: { id: municipalityId } });
    const audits = await t.prisma.auditLog.count({ where: { action: "settings.update" } });

    const cases = [
      [{ surgeThreshold: 1 }, "surgeThreshold", "Порог всплеска: целое число публикаций от 2 до 50"],
      [{ surgeThreshold: 51 }, "surgeThreshold", "Порог всплеска: целое число публикаций от 2 до 50"],
      [{ surgeThreshold: 2.5 }, "surgeThreshold", "Порог всплеска: целое число публикаций от 2 до 50"],
      [{ surgeThreshold: Number.NaN }, "surgeThreshold", "Порог всплеска: целое число публикаций от 2 до 50"],
      [{ surgeWindowHours: 0 }, "surgeWindowHours", "Время всплеска: целое число часов от 1 до 168"],
      [{ surgeWindowHours: 169 }, "surgeWindowHours", "Время всплеска: целое число часов от 1 до 168"],
      [{ routineWeeklyMinimum: 0 }, "routineWeeklyMinimum", "Плановых публикаций в неделю: целое число от 1 до 14"],
      [{ routineWeeklyMinimum: 15 }, "routineWeeklyMinimum", "Плановых публикаций в неделю: целое число от 1 до 14"],
    ] as const;
    for (const [patch, field, message] of cases) {
      expect(await refusal(caller.admin.settings.update({ ...clocks, ...patch }))).toEqual({
        code: "BAD_REQUEST",
        field,
        message,
      });
    }
    expect(await t.prisma.municipality.findUniqueOrThrow({ where: { id: municipalityId } })).toEqual(before);
    expect(await t.prisma.auditLog.count({ where: { action: "settings.update" } })).toBe(audits);
  });

  it("the service refuses the same values when called without the router's schema", async () => {
    const actor = { userId: admin.id, municipalityId, now };
    await expect(updateSettings(t.prisma, actor, { ...clocks, surgeWindowHours: 500 })).rejects.toSatisfy(
      (e: unknown) =>
        e instanceof ServiceError &&
        e.code === "BAD_REQUEST" &&
        e.field === "surgeWindowHours" &&
        e.message === "Время всплеска: целое число часов от 1 до 168",
    );
  });
});
