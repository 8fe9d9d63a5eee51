import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "../trpc";
import { permissionsOf, PERMISSIONS } from "../../domain/auth/permissions";
import { ROLES } from "../../domain/auth/roles";

export const meRouter = createTRPCRouter({
  /** Who I am and what I may do: the navigation and the home page read this. */
  get: protectedProcedure
    .output(
      z.object({
        id: z.string(),
        username: z.string(),
        fullName: z.string(),
        roles: z.array(z.enum(ROLES)),
        permissions: z.array(z.enum(PERMISSIONS)),
        municipality: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }).nullable(),
        department: z.object({ id: z.string(), name: z.string() }).nullable(),
        timeZone: z.string(),
      }),
    )
    .query(({ ctx }) => ({
      id: ctx.user.id,
      username: ctx.user.username,
      fullName: ctx.user.fullName,
      roles: ctx.user.roles,
      permissions: [...permissionsOf(ctx.user.roles)],
      municipality: ctx.user.municipality,
      department: ctx.user.department,
      timeZone: ctx.user.timeZone,
    })),
});
