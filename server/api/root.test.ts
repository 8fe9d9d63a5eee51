import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { TPrismaClient } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { hasPermission } from "../domain/auth/permissions";
import { ROLES, type TRole } from "../domain/auth/roles";
import { appRouter, createCaller } from "./root";
import type { TContext } from "./trpc";

/** A database that fails the test if a refused call reaches it at all. */
const untouchableDb = new Proxy({} as TPrismaClient, {
  get(_target, property) {
    throw new Error(`a refused call touched the database (${String(property)})`);
  },
});

function contextAs(roles: TRole[] | null): TContext {
  const user: TSessionUser | null = roles && {
    id: "u1",
    username: "someone",
    fullName: "Кто-то",
    position: null,
    email: null,
    roles,
    municipality: { id: "m1", name: "Район", timeZone: "Europe/Moscow" },
    department: null,
    municipalityIds: ["m1"],
    timeZone: "Europe/Moscow",
  };
  return { db: untouchableDb, user, ip: "203.0.113.1", now: () => new Date("2026-11-27T09:00:00Z") };
}

const procedurePaths = Object.keys(appRouter._def.procedures);

function call(caller: ReturnType<typeof createCaller>, path: string): Promise<unknown> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (input?: unknown) => Promise<unknown>)(undefined);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : `not a TRPCError: ${String(error)}`;
  }
}

describe("every tRPC procedure", () => {
  it("exists (the check below covers them all)", () => {
    expect(procedurePaths.length).toBeGreaterThanOrEqual(12);
  });

  it.each(procedurePaths)("%s refuses a caller without a session before touching anything", async (path) => {
    expect(await codeOf(call(createCaller(contextAs(null)), path))).toBe("UNAUTHORIZED");
  });

  it.each(procedurePaths.filter((p) => p.startsWith("admin.")))(
    "%s is FORBIDDEN to every role without the administration permission",
    async (path) => {
      const [, area] = path.split(".");
      const permission =
        area === "users" ? "admin.users" : area === "departments" ? "admin.departments" : "admin.settings";
      for (const role of ROLES.filter((r) => !hasPermission([r], permission))) {
        expect(await codeOf(call(createCaller(contextAs([role])), path)), role).toBe("FORBIDDEN");
      }
    },
  );
});
