import { z } from "zod";
import { createTRPCRouter, municipalAdminProcedure } from "../../trpc";
import { createUser, listUsers, resetUserPassword, setUserActive, updateUser } from "../../../services/admin/users";
import { ROLES } from "../../../domain/auth/roles";
import { ZUserCreate, ZUserList, ZUserResetPassword, ZUserSetActive, ZUserUpdate } from "./users.schema";

const procedure = municipalAdminProcedure("admin.users");

const ZUserOut = z.object({
  id: z.string(),
  username: z.string(),
  email: z.string().nullable(),
  fullName: z.string(),
  position: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  active: z.boolean(),
  lastLoginAt: z.date().nullable(),
  createdAt: z.date(),
  department: z.object({ id: z.string(), name: z.string() }).nullable(),
});

const actorOf = (ctx: { user: { id: string }; municipality: { id: string }; ip: string; now: () => Date }) => ({
  userId: ctx.user.id,
  municipalityId: ctx.municipality.id,
  ip: ctx.ip,
  now: ctx.now(),
});

export const usersRouter = createTRPCRouter({
  list: procedure
    .input(ZUserList)
    .output(z.array(ZUserOut))
    .query(({ ctx, input }) => listUsers(ctx.db, ctx.municipality.id, input)),
  create: procedure
    .input(ZUserCreate)
    .output(ZUserOut)
    .mutation(({ ctx, input }) => createUser(ctx.db, actorOf(ctx), input)),
  update: procedure
    .input(ZUserUpdate)
    .output(ZUserOut)
    .mutation(({ ctx, input }) => updateUser(ctx.db, actorOf(ctx), input)),
  setActive: procedure
    .input(ZUserSetActive)
    .output(ZUserOut)
    .mutation(({ ctx, input }) => setUserActive(ctx.db, actorOf(ctx), input)),
  resetPassword: procedure
    .input(ZUserResetPassword)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => resetUserPassword(ctx.db, actorOf(ctx), input)),
});

export { actorOf };
