import { z } from "zod";
import { createTRPCRouter, municipalAdminProcedure } from "../../trpc";
import {
  createDepartment,
  listDepartments,
  setDepartmentActive,
  updateDepartment,
} from "../../../services/admin/departments";
import { ZDepartmentCreate, ZDepartmentSetActive, ZDepartmentUpdate } from "./departments.schema";
import { actorOf } from "./users";

const ZDepartmentOut = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  isCoordinating: z.boolean(),
  active: z.boolean(),
  createdAt: z.date(),
  _count: z.object({ users: z.number() }),
});

export const departmentsRouter = createTRPCRouter({
  list: municipalAdminProcedure("admin.departments")
    .output(z.array(ZDepartmentOut))
    .query(({ ctx }) => listDepartments(ctx.db, ctx.municipality.id)),
  create: municipalAdminProcedure("admin.departments")
    .input(ZDepartmentCreate)
    .output(ZDepartmentOut)
    .mutation(({ ctx, input }) => createDepartment(ctx.db, actorOf(ctx), input)),
  update: municipalAdminProcedure("admin.departments")
    .input(ZDepartmentUpdate)
    .output(ZDepartmentOut)
    .mutation(({ ctx, input }) => updateDepartment(ctx.db, actorOf(ctx), input)),
  setActive: municipalAdminProcedure("admin.departments")
    .input(ZDepartmentSetActive)
    .output(ZDepartmentOut)
    .mutation(({ ctx, input }) => setDepartmentActive(ctx.db, actorOf(ctx), input)),
});
