import { z } from "zod";
import { createTRPCRouter, municipalAdminProcedure } from "../../trpc";
import { createKioskToken, listKioskTokens, revokeKioskToken } from "../../../services/admin/kiosk";
import { ZKioskCreate, ZKioskRevoke } from "./kiosk.schema";
import { actorOf } from "./users";

/** Kiosk links are part of the portal's settings: the IT sector's administrators make them. */
const procedure = municipalAdminProcedure("admin.settings");

/** Never the hash: only what tells links apart. */
const ZKioskOut = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  createdBy: z.object({ fullName: z.string() }).nullable(),
});

export const kioskRouter = createTRPCRouter({
  list: procedure.output(z.array(ZKioskOut)).query(({ ctx }) => listKioskTokens(ctx.db, ctx.municipality.id)),
  create: procedure
    .input(ZKioskCreate)
    .output(z.object({ kiosk: ZKioskOut, token: z.string(), path: z.string() }))
    .mutation(({ ctx, input }) => createKioskToken(ctx.db, actorOf(ctx), input)),
  revoke: procedure
    .input(ZKioskRevoke)
    .output(ZKioskOut)
    .mutation(({ ctx, input }) => revokeKioskToken(ctx.db, actorOf(ctx), input)),
});
