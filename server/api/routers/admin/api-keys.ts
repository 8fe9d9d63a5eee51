import { z } from "zod";
import { createTRPCRouter, municipalAdminProcedure } from "../../trpc";
import { createApiKey, listApiKeys, revokeApiKey } from "../../../services/admin/api-keys";
import { ZApiKeyCreate, ZApiKeyRevoke } from "./api-keys.schema";
import { actorOf } from "./users";

const procedure = municipalAdminProcedure("admin.apiKeys");

/** Never the hash: only what tells keys apart. */
const ZApiKeyOut = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  createdBy: z.object({ fullName: z.string() }).nullable(),
});

export const apiKeysRouter = createTRPCRouter({
  list: procedure.output(z.array(ZApiKeyOut)).query(({ ctx }) => listApiKeys(ctx.db, ctx.municipality.id)),
  create: procedure
    .input(ZApiKeyCreate)
    .output(z.object({ key: ZApiKeyOut, secret: z.string() }))
    .mutation(({ ctx, input }) => createApiKey(ctx.db, actorOf(ctx), input)),
  revoke: procedure
    .input(ZApiKeyRevoke)
    .output(ZApiKeyOut)
    .mutation(({ ctx, input }) => revokeApiKey(ctx.db, actorOf(ctx), input)),
});
