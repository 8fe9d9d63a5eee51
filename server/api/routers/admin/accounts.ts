import { z } from "zod";
import { ACCOUNT_OWNER_KINDS } from "../../../domain/accounts/account-rules";
import { createTRPCRouter, municipalAdminProcedure } from "../../trpc";
import {
  createAccount,
  listAccountOptions,
  listAccounts,
  setAccountActive,
  updateAccount,
} from "../../../services/accounts/accounts";
import { listNetworks, updateNetwork } from "../../../services/accounts/networks";
import { ZAccountCreate, ZAccountSetActive, ZAccountUpdate, ZNetworkUpdate } from "./accounts.schema";
import { actorOf } from "./users";

const procedure = municipalAdminProcedure("admin.accounts");

const ZRef = z.object({ id: z.string(), name: z.string() });

const ZAccountOut = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  ownerKind: z.enum(ACCOUNT_OWNER_KINDS),
  ownerName: z.string().nullable(),
  externalId: z.string().nullable(),
  active: z.boolean(),
  syncedAt: z.date().nullable(),
  createdAt: z.date(),
  network: ZRef.extend({ code: z.string(), active: z.boolean() }),
  department: ZRef.extend({ active: z.boolean() }).nullable(),
  responsible: z.object({ id: z.string(), fullName: z.string(), active: z.boolean() }).nullable(),
  _count: z.object({ routinePosts: z.number() }),
});

const ZNetworkOut = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  hosts: z.array(z.string()),
  maxAnswerLength: z.number().nullable(),
  sortOrder: z.number(),
  active: z.boolean(),
  _count: z.object({ accounts: z.number() }),
});

const ZOptionsOut = z.object({
  networks: z.array(ZRef.extend({ code: z.string(), hosts: z.array(z.string()), active: z.boolean() })),
  departments: z.array(ZRef.extend({ active: z.boolean() })),
  users: z.array(
    z.object({
      id: z.string(),
      fullName: z.string(),
      position: z.string().nullable(),
      department: z.object({ name: z.string() }).nullable(),
    }),
  ),
});

/** п.6: the official accounts of the municipality and the networks they are on (ADMIN). */
export const accountsRouter = createTRPCRouter({
  list: procedure.output(z.array(ZAccountOut)).query(({ ctx }) => listAccounts(ctx.db, ctx.municipality.id)),
  options: procedure.output(ZOptionsOut).query(({ ctx }) => listAccountOptions(ctx.db, ctx.municipality.id)),
  create: procedure
    .input(ZAccountCreate)
    .output(ZAccountOut)
    .mutation(({ ctx, input }) => createAccount(ctx.db, actorOf(ctx), input)),
  update: procedure
    .input(ZAccountUpdate)
    .output(ZAccountOut)
    .mutation(({ ctx, input }) => updateAccount(ctx.db, actorOf(ctx), input)),
  setActive: procedure
    .input(ZAccountSetActive)
    .output(ZAccountOut)
    .mutation(({ ctx, input }) => setAccountActive(ctx.db, actorOf(ctx), input)),
  networks: procedure.output(z.array(ZNetworkOut)).query(({ ctx }) => listNetworks(ctx.db)),
  updateNetwork: procedure
    .input(ZNetworkUpdate)
    .output(ZNetworkOut)
    .mutation(({ ctx, input }) => updateNetwork(ctx.db, actorOf(ctx), input)),
});
