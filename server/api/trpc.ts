import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { TPrismaClient } from "../db/client";
import { hasPermission, type TPermission } from "../domain/auth/permissions";
import type { TSessionUser } from "../auth/session-user";
import { ServiceError } from "../services/errors";

export interface TContext {
  db: TPrismaClient;
  user: TSessionUser | null;
  ip: string;
  /** The clock, injectable so tests never wait for time to pass. */
  now: () => Date;
}

const t = initTRPC.context<TContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    // Field errors of the input schema reach the form, which shows them beside the fields.
    const cause = error.cause;
    let fieldErrors: Record<string, string[] | undefined> | null = null;
    if (cause instanceof ZodError) fieldErrors = z.flattenError(cause).fieldErrors;
    else if (cause instanceof ServiceError && cause.field) fieldErrors = { [cause.field]: [cause.message] };
    return {
      ...shape,
      // Unexpected failures keep their details in the server log, not in the browser.
      message:
        error.code === "INTERNAL_SERVER_ERROR" ? "Внутренняя ошибка сервера. Повторите попытку позже." : shape.message,
      data: { ...shape.data, fieldErrors, stack: undefined },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Services refuse with ServiceError; the client gets the matching code and the Russian message. */
const mapServiceErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof ServiceError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapServiceErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Войдите в систему" });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** A procedure allowed to the roles that hold `permission` in the domain's table. */
export function permissionProcedure(permission: TPermission) {
  return protectedProcedure.use(({ ctx, next }) => {
    if (!hasPermission(ctx.user.roles, permission)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Недостаточно прав для этого действия" });
    }
    return next();
  });
}

/** An admin procedure also needs the municipality it administers. */
export function municipalAdminProcedure(permission: TPermission) {
  return permissionProcedure(permission).use(({ ctx, next }) => {
    const municipality = ctx.user.municipality;
    if (!municipality) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Пользователь не привязан к муниципальному образованию" });
    }
    return next({ ctx: { ...ctx, municipality } });
  });
}
