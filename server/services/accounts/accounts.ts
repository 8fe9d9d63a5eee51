import type { TPrismaClient } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { checkExternalId, checkLinkOnNetwork, sameLink } from "../../domain/accounts/account-rules";
import type { TAccountCreate, TAccountUpdate } from "../../api/routers/admin/accounts.schema";
import { audit, type TAdminActor } from "../admin/users";
import { isUniqueViolation, ServiceError } from "../errors";

/**
 * The register of official accounts (п.6): the IT sector (ADMIN) keeps it. An account belongs to
 * one municipality; its page (network + URL) is registered once in the whole deployment. Every
 * change writes an audit row in the same transaction.
 */

export const ACCOUNT_SELECT = {
  id: true,
  name: true,
  url: true,
  ownerKind: true,
  ownerName: true,
  externalId: true,
  active: true,
  syncedAt: true,
  createdAt: true,
  network: { select: { id: true, code: true, name: true, active: true } },
  department: { select: { id: true, name: true, active: true } },
  responsible: { select: { id: true, fullName: true, active: true } },
  _count: { select: { routinePosts: true } },
} satisfies Prisma.SocialAccountSelect;

export type TAccountRow = Prisma.SocialAccountGetPayload<{ select: typeof ACCOUNT_SELECT }>;

export function listAccounts(prisma: TPrismaClient, municipalityId: string): Promise<TAccountRow[]> {
  return prisma.socialAccount.findMany({
    where: { municipalityId },
    select: ACCOUNT_SELECT,
    orderBy: [{ active: "desc" }, { network: { sortOrder: "asc" } }, { name: "asc" }],
  });
}

/** What the account form chooses from: networks, the municipality's departments and active people. */
export async function listAccountOptions(prisma: TPrismaClient, municipalityId: string) {
  const [networks, departments, users] = await Promise.all([
    prisma.socialNetwork.findMany({
      select: { id: true, code: true, name: true, hosts: true, active: true },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    }),
    prisma.department.findMany({
      where: { municipalityId },
      select: { id: true, name: true, active: true },
      orderBy: [{ active: "desc" }, { name: "asc" }],
    }),
    prisma.user.findMany({
      where: { municipalityId, active: true },
      select: { id: true, fullName: true, position: true, department: { select: { name: true } } },
      orderBy: { fullName: "asc" },
    }),
  ]);
  return { networks, departments, users };
}

type TTx = Prisma.TransactionClient;

/** Checks every field against the database; returns the values to store. */
async function checkAccount(
  tx: TTx,
  actor: TAdminActor,
  input: TAccountCreate,
  before: { id: string; networkId: string; departmentId: string | null } | null,
) {
  const networks = await tx.socialNetwork.findMany({
    select: { id: true, code: true, name: true, hosts: true, active: true },
  });
  const network = networks.find((n) => n.id === input.networkId);
  if (!network) throw new ServiceError("BAD_REQUEST", "Выберите социальную сеть из списка", "networkId");
  // A network switched off keeps its accounts, but takes no new ones.
  if (!network.active && before?.networkId !== network.id) {
    throw new ServiceError("BAD_REQUEST", `Сеть «${network.name}» отключена: выберите другую`, "networkId");
  }
  const url = checkLinkOnNetwork(input.url, network, networks, "account");
  if (!url.ok) throw new ServiceError("BAD_REQUEST", url.message, "url");
  const externalId = checkExternalId(input.externalId, network.code);
  if (!externalId.ok) throw new ServiceError("BAD_REQUEST", externalId.message, "externalId");

  if (input.departmentId) {
    const department = await tx.department.findFirst({
      where: { id: input.departmentId, municipalityId: actor.municipalityId },
      select: { active: true },
    });
    if (!department) throw new ServiceError("BAD_REQUEST", "Отдел не найден", "departmentId");
    if (!department.active && before?.departmentId !== input.departmentId) {
      throw new ServiceError("BAD_REQUEST", "Отдел упразднён: выберите действующий", "departmentId");
    }
  }
  if (input.responsibleId) {
    const person = await tx.user.findFirst({
      where: { id: input.responsibleId, municipalityId: actor.municipalityId },
      select: { active: true },
    });
    if (!person) throw new ServiceError("BAD_REQUEST", "Сотрудник не найден", "responsibleId");
    // Reminders go to the responsible person: someone who cannot sign in would never read them.
    if (!person.active) {
      throw new ServiceError("BAD_REQUEST", "Сотрудник отключён: выберите другого ответственного", "responsibleId");
    }
  }

  // The same page spelt differently (http/https, www., a trailing slash) is the same account.
  const sameNetwork = await tx.socialAccount.findMany({
    where: { networkId: network.id, ...(before ? { id: { not: before.id } } : {}) },
    select: { name: true, url: true, municipalityId: true },
  });
  const twin = sameNetwork.find((a) => a.url === url.value || sameLink(a.url, url.value));
  if (twin) {
    throw new ServiceError(
      "CONFLICT",
      twin.municipalityId === actor.municipalityId
        ? `Эта страница уже зарегистрирована: «${twin.name}»`
        : "Эта страница уже зарегистрирована за другим муниципальным образованием",
      "url",
    );
  }
  return {
    networkId: network.id,
    url: url.value,
    name: input.name,
    ownerKind: input.ownerKind,
    ownerName: input.ownerName,
    departmentId: input.departmentId,
    responsibleId: input.responsibleId,
    externalId: externalId.value,
  };
}

function urlTaken(error: unknown): never {
  // Two administrators registering the same page at once: the unique (networkId, url) decides.
  if (isUniqueViolation(error)) throw new ServiceError("CONFLICT", "Эта страница уже зарегистрирована", "url");
  throw error;
}

export async function createAccount(prisma: TPrismaClient, actor: TAdminActor, input: TAccountCreate) {
  try {
    return await prisma.$transaction(async (tx) => {
      const data = await checkAccount(tx, actor, input, null);
      const account = await tx.socialAccount.create({
        data: { ...data, municipalityId: actor.municipalityId },
        select: ACCOUNT_SELECT,
      });
      await audit(tx, actor, "account.create", account.id, { ...data }, "SocialAccount");
      return account;
    });
  } catch (error) {
    urlTaken(error);
  }
}

const AUDITED_FIELDS = [
  "networkId",
  "url",
  "name",
  "ownerKind",
  "ownerName",
  "departmentId",
  "responsibleId",
  "externalId",
] as const;

export async function updateAccount(prisma: TPrismaClient, actor: TAdminActor, input: TAccountUpdate) {
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await tx.socialAccount.findFirst({
        where: { id: input.id, municipalityId: actor.municipalityId },
      });
      if (!before) throw new ServiceError("NOT_FOUND", "Аккаунт не найден");
      const data = await checkAccount(tx, actor, input, before);
      const changes: Record<string, [string | null, string | null]> = {};
      for (const field of AUDITED_FIELDS) {
        if (before[field] !== data[field]) changes[field] = [before[field], data[field]];
      }
      const account = await tx.socialAccount.update({ where: { id: before.id }, data, select: ACCOUNT_SELECT });
      if (Object.keys(changes).length > 0) {
        await audit(tx, actor, "account.update", account.id, { changes }, "SocialAccount");
      }
      return account;
    });
  } catch (error) {
    urlTaken(error);
  }
}

/** Deactivating keeps the account and its routine posts; it drops out of the grid and the reminders. */
export async function setAccountActive(
  prisma: TPrismaClient,
  actor: TAdminActor,
  input: { id: string; active: boolean },
) {
  return prisma.$transaction(async (tx) => {
    const account = await tx.socialAccount.findFirst({
      where: { id: input.id, municipalityId: actor.municipalityId },
      select: { id: true, active: true },
    });
    if (!account) throw new ServiceError("NOT_FOUND", "Аккаунт не найден");
    const updated = await tx.socialAccount.update({
      where: { id: account.id },
      data: { active: input.active },
      select: ACCOUNT_SELECT,
    });
    if (account.active !== input.active) {
      await audit(
        tx,
        actor,
        input.active ? "account.activate" : "account.deactivate",
        account.id,
        null,
        "SocialAccount",
      );
    }
    return updated;
  });
}
