import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createCaller } from "../../api/root";
import type { TAccountCreateInput } from "../../api/routers/admin/accounts.schema";
import { createTestDatabase, type TTestDatabase } from "../../testing/db";
import { contextFor, createDepartment, createMunicipality, createUser } from "../../testing/factories";

let t: TTestDatabase;
let municipalityId: string;
let otherMunicipalityId: string;
let admin: { id: string };
let otherAdmin: { id: string };
let pressId: string;
let abolishedId: string;
let responsible: { id: string };
let networks: Record<"VK" | "OK" | "TELEGRAM" | "OTHER", string>;
const now = new Date("2026-11-27T09:00:00Z");

const NETWORKS = [
  { code: "VK", name: "ВКонтакте", hosts: ["vk.com", "vk.ru", "m.vk.com"], maxAnswerLength: 4096, sortOrder: 0 },
  { code: "OK", name: "Одноклассники", hosts: ["ok.ru", "m.ok.ru"], maxAnswerLength: 4096, sortOrder: 1 },
  { code: "TELEGRAM", name: "Telegram", hosts: ["t.me", "telegram.me"], maxAnswerLength: 4096, sortOrder: 2 },
  { code: "OTHER", name: "Другая сеть", hosts: [], maxAnswerLength: null, sortOrder: 9 },
] as const;

beforeAll(async () => {
  t = await createTestDatabase();
  const ids: Record<string, string> = {};
  for (const n of NETWORKS) {
    ids[n.code] = (
      await t.prisma.socialNetwork.upsert({
        where: { code: n.code },
        update: {},
        create: { ...n, hosts: [...n.hosts] },
      })
    ).id;
  }
  networks = ids;
  municipalityId = (await createMunicipality(t.prisma, { name: "Мясниковский район" })).id;
  otherMunicipalityId = (await createMunicipality(t.prisma, { name: "Аксайский район" })).id;
  pressId = (await createDepartment(t.prisma, municipalityId, { name: "Пресс-служба" })).id;
  abolishedId = (await createDepartment(t.prisma, municipalityId, { name: "Упразднённый отдел", active: false })).id;
  admin = await createUser(t.prisma, { roles: ["ADMIN"], municipalityId });
  otherAdmin = await createUser(t.prisma, { roles: ["ADMIN"], municipalityId: otherMunicipalityId });
  responsible = await createUser(t.prisma, { roles: ["COORDINATOR"], municipalityId, departmentId: pressId });
});
afterAll(async () => {
  await t.cleanup();
});

async function callerFor(user: { id: string } | null) {
  return createCaller(await contextFor(t.prisma, user, now));
}

async function expectRefusal(promise: Promise<unknown>, code: TRPCError["code"], field?: string, message?: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const e = error as TRPCError;
  expect(e.code).toBe(code);
  if (message) expect(e.message).toMatch(message);
  if (field) expect(fieldOf(e)).toBe(field);
}

/** The form field a refusal points at: the service's `field`, or the input schema's first issue. */
function fieldOf(error: TRPCError): unknown {
  const cause = error.cause;
  if (cause instanceof ZodError) return cause.issues[0]?.path[0];
  return (cause as { field?: unknown } | undefined)?.field;
}

let pages = 0;
function validAccount(over: Partial<TAccountCreateInput> = {}): TAccountCreateInput {
  pages += 1;
  return {
    networkId: networks.VK,
    url: `https://vk.com/myasnikovskiy_${pages}`,
    name: "Администрация Мясниковского района",
    ownerKind: "OFFICIAL_REPRESENTATIVE",
    ownerName: "Мелконян Сергей Ашотович",
    departmentId: pressId,
    responsibleId: responsible.id,
    externalId: "club123456",
    ...over,
  };
}

async function snapshot() {
  const [accounts, networksRows, audit] = await Promise.all([
    t.prisma.socialAccount.findMany({ orderBy: { id: "asc" } }),
    t.prisma.socialNetwork.findMany({ orderBy: { id: "asc" } }),
    t.prisma.auditLog.count(),
  ]);
  return { accounts, networks: networksRows, audit };
}

describe("the register of official accounts (п.6)", () => {
  it("an administrator registers an account, with an audit row", async () => {
    const caller = await callerFor(admin);
    const account = await caller.admin.accounts.create(validAccount({ url: " https://vk.com/myasnikovskiy_rayon " }));
    expect(account).toMatchObject({
      name: "Администрация Мясниковского района",
      url: "https://vk.com/myasnikovskiy_rayon",
      ownerKind: "OFFICIAL_REPRESENTATIVE",
      externalId: "123456",
      active: true,
      network: { code: "VK", name: "ВКонтакте" },
      department: { id: pressId },
      responsible: { id: responsible.id },
    });
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { entityId: account.id } });
    expect(audit).toMatchObject({
      action: "account.create",
      actorId: admin.id,
      municipalityId,
      entity: "SocialAccount",
    });
    const list = await caller.admin.accounts.list();
    expect(list.map((a) => a.id)).toContain(account.id);
  });

  it("edits an account and records what changed", async () => {
    const caller = await callerFor(admin);
    const account = await caller.admin.accounts.create(validAccount({ responsibleId: null }));
    const updated = await caller.admin.accounts.update({
      ...validAccount({ url: account.url, responsibleId: responsible.id, name: "Глава района" }),
      id: account.id,
    });
    expect(updated).toMatchObject({ name: "Глава района", responsible: { id: responsible.id } });
    const audit = await t.prisma.auditLog.findFirstOrThrow({
      where: { entityId: account.id, action: "account.update" },
    });
    expect(audit.data).toEqual({
      changes: {
        name: ["Администрация Мясниковского района", "Глава района"],
        responsibleId: [null, responsible.id],
      },
    });
  });

  it("deactivates and reactivates an account, keeping it in the list", async () => {
    const caller = await callerFor(admin);
    const account = await caller.admin.accounts.create(validAccount());
    expect((await caller.admin.accounts.setActive({ id: account.id, active: false })).active).toBe(false);
    expect((await caller.admin.accounts.list()).find((a) => a.id === account.id)?.active).toBe(false);
    expect((await caller.admin.accounts.setActive({ id: account.id, active: true })).active).toBe(true);
    const actions = await t.prisma.auditLog.findMany({
      where: { entityId: account.id },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action).sort()).toEqual(["account.activate", "account.create", "account.deactivate"]);
  });

  it("offers the municipality's departments and active people, and every network", async () => {
    await createUser(t.prisma, { roles: ["EXECUTOR"], municipalityId, active: false, username: "ushedshiy" });
    const options = await (await callerFor(admin)).admin.accounts.options();
    expect(options.networks.map((n) => n.code)).toEqual(["VK", "OK", "TELEGRAM", "OTHER"]);
    expect(options.departments.map((d) => d.name)).toEqual(["Пресс-служба", "Упразднённый отдел"]);
    expect(options.users.map((u) => u.id)).toContain(responsible.id);
    expect(options.users.map((u) => u.fullName)).not.toContain("Тестов ushedshiy");
    expect(options.users.map((u) => u.id)).not.toContain(otherAdmin.id);
  });
});

describe("what the register refuses, changing nothing", () => {
  it("a link outside the network's hosts, or on another network", async () => {
    const caller = await callerFor(admin);
    const before = await snapshot();
    await expectRefusal(
      caller.admin.accounts.create(validAccount({ url: "https://vk.com.evil.ru/club1" })),
      "BAD_REQUEST",
      "url",
      /Ссылка должна вести на сайт сети «ВКонтакте»/,
    );
    await expectRefusal(
      caller.admin.accounts.create(validAccount({ url: "https://ok.ru/group/1" })),
      "BAD_REQUEST",
      "url",
      /Ссылка ведёт в сеть «Одноклассники», а выбрана «ВКонтакте»/,
    );
    await expectRefusal(
      caller.admin.accounts.create(validAccount({ url: "javascript:alert(1)" })),
      "BAD_REQUEST",
      "url",
      /http:\/\/ или https:\/\//,
    );
    await expectRefusal(
      caller.admin.accounts.create(validAccount({ networkId: networks.OTHER, url: "https://t.me/channel" })),
      "BAD_REQUEST",
      "url",
      /Telegram/,
    );
    expect(await snapshot()).toEqual(before);
  });

  it("accepts a site no network claims under «other network»", async () => {
    const account = await (
      await callerFor(admin)
    ).admin.accounts.create(
      validAccount({ networkId: networks.OTHER, url: "https://myasnikovsky.ru/news", externalId: "" }),
    );
    expect(account).toMatchObject({ network: { code: "OTHER" }, externalId: null });
  });

  it("the same page twice, however it is spelt, in this municipality or another", async () => {
    const caller = await callerFor(admin);
    await caller.admin.accounts.create(
      validAccount({ url: "https://t.me/myasnikovskiy_official", networkId: networks.TELEGRAM, externalId: "" }),
    );
    const before = await snapshot();
    await expectRefusal(
      caller.admin.accounts.create(
        validAccount({ url: "https://t.me/myasnikovskiy_official", networkId: networks.TELEGRAM, externalId: "" }),
      ),
      "CONFLICT",
      "url",
      /Эта страница уже зарегистрирована: «Администрация Мясниковского района»/,
    );
    await expectRefusal(
      caller.admin.accounts.create(
        validAccount({ url: "http://www.t.me/myasnikovskiy_official/", networkId: networks.TELEGRAM, externalId: "" }),
      ),
      "CONFLICT",
      "url",
    );
    const other = await callerFor(otherAdmin);
    await expectRefusal(
      other.admin.accounts.create(
        validAccount({
          url: "https://t.me/myasnikovskiy_official",
          networkId: networks.TELEGRAM,
          externalId: "",
          departmentId: null,
          responsibleId: null,
        }),
      ),
      "CONFLICT",
      "url",
      /за другим муниципальным образованием/,
    );
    expect(await snapshot()).toEqual(before);
  });

  it("a VK id that is not a number, a department or person of another municipality, a switched-off person", async () => {
    const caller = await callerFor(admin);
    const otherDepartment = await createDepartment(t.prisma, otherMunicipalityId);
    const gone = await createUser(t.prisma, { roles: ["COORDINATOR"], municipalityId, active: false });
    const before = await snapshot();
    await expectRefusal(
      caller.admin.accounts.create(validAccount({ externalId: "myasnikovskiy" })),
      "BAD_REQUEST",
      "externalId",
      /числовой идентификатор сообщества/,
    );
    await expectRefusal(
      caller.admin.accounts.create(validAccount({ departmentId: otherDepartment.id })),
      "BAD_REQUEST",
      "departmentId",
    );
    await expectRefusal(
      caller.admin.accounts.create(validAccount({ departmentId: abolishedId })),
      "BAD_REQUEST",
      "departmentId",
      /упразднён/,
    );
    await expectRefusal(
      caller.admin.accounts.create(validAccount({ responsibleId: otherAdmin.id })),
      "BAD_REQUEST",
      "responsibleId",
    );
    await expectRefusal(
      caller.admin.accounts.create(validAccount({ responsibleId: gone.id })),
      "BAD_REQUEST",
      "responsibleId",
      /отключён/,
    );
    await expectRefusal(caller.admin.accounts.create(validAccount({ name: "  " })), "BAD_REQUEST", "name");
    await expectRefusal(
      caller.admin.accounts.create({ ...validAccount(), ownerKind: "PERSONAL" as "LEGAL_ENTITY" }),
      "BAD_REQUEST",
      "ownerKind",
    );
    expect(await snapshot()).toEqual(before);
  });

  it("another municipality's account is not found", async () => {
    const account = await (await callerFor(admin)).admin.accounts.create(validAccount());
    const other = await callerFor(otherAdmin);
    const before = await snapshot();
    await expectRefusal(other.admin.accounts.setActive({ id: account.id, active: false }), "NOT_FOUND");
    await expectRefusal(
      other.admin.accounts.update({ ...validAccount({ departmentId: null, responsibleId: null }), id: account.id }),
      "NOT_FOUND",
    );
    expect((await other.admin.accounts.list()).map((a) => a.id)).not.toContain(account.id);
    expect(await snapshot()).toEqual(before);
  });

  it("anyone but an administrator is refused every procedure", async () => {
    const account = await (await callerFor(admin)).admin.accounts.create(validAccount());
    const people = [
      await createUser(t.prisma, { roles: ["EXECUTOR"], municipalityId, departmentId: pressId }),
      await createUser(t.prisma, { roles: ["COORDINATOR"], municipalityId }),
      await createUser(t.prisma, { roles: ["HEAD"], municipalityId }),
    ];
    const before = await snapshot();
    for (const person of people) {
      const caller = await callerFor(person);
      const calls = [
        () => caller.admin.accounts.list(),
        () => caller.admin.accounts.options(),
        () => caller.admin.accounts.create(validAccount()),
        () => caller.admin.accounts.update({ ...validAccount({ url: account.url }), id: account.id }),
        () => caller.admin.accounts.setActive({ id: account.id, active: false }),
        () => caller.admin.accounts.networks(),
        () =>
          caller.admin.accounts.updateNetwork({
            id: networks.VK,
            name: "ВК",
            hosts: ["evil.ru"],
            maxAnswerLength: 100,
            active: true,
          }),
      ];
      for (const call of calls) await expectRefusal(call(), "FORBIDDEN");
    }
    await expectRefusal((await callerFor(null)).admin.accounts.list(), "UNAUTHORIZED");
    expect(await snapshot()).toEqual(before);
  });
});

describe("networks are data", () => {
  it("an administrator edits a network's name, hosts, answer limit and activity, with an audit row", async () => {
    const caller = await callerFor(admin);
    const updated = await caller.admin.accounts.updateNetwork({
      id: networks.OK,
      name: "ОК",
      hosts: ["ok.ru", " M.OK.RU ", "https://odnoklassniki.ru/", ""],
      maxAnswerLength: 3000,
      active: true,
    });
    expect(updated).toMatchObject({
      code: "OK",
      name: "ОК",
      hosts: ["ok.ru", "m.ok.ru", "odnoklassniki.ru"],
      maxAnswerLength: 3000,
    });
    // The new host identifies the network's links at once.
    const account = await caller.admin.accounts.create(
      validAccount({ networkId: networks.OK, url: "https://odnoklassniki.ru/group/77", externalId: "" }),
    );
    expect(account.network.code).toBe("OK");
    const audit = await t.prisma.auditLog.findFirstOrThrow({
      where: { entityId: networks.OK, action: "network.update" },
    });
    expect(audit.data).toMatchObject({ code: "OK", before: { name: "Одноклассники" }, after: { name: "ОК" } });
    expect((await caller.admin.accounts.networks()).find((n) => n.code === "OK")?._count.accounts).toBe(1);
  });

  it("refuses a host of another network, a host that is not one, and a limit that is not a number", async () => {
    const caller = await callerFor(admin);
    const before = await snapshot();
    const edit = { id: networks.TELEGRAM, name: "Telegram", maxAnswerLength: 4096, active: true };
    await expectRefusal(
      caller.admin.accounts.updateNetwork({ ...edit, hosts: ["t.me", "www.vk.com"] }),
      "BAD_REQUEST",
      "hosts",
      /Адрес www\.vk\.com уже относится к сети «ВКонтакте»/,
    );
    await expectRefusal(
      caller.admin.accounts.updateNetwork({ ...edit, hosts: ["t.me/channel"] }),
      "BAD_REQUEST",
      "hosts",
      /не имя сайта/,
    );
    await expectRefusal(
      caller.admin.accounts.updateNetwork({ ...edit, hosts: ["t.me"], maxAnswerLength: Number.NaN }),
      "BAD_REQUEST",
      "maxAnswerLength",
    );
    await expectRefusal(
      caller.admin.accounts.updateNetwork({ ...edit, name: "ВКонтакте", hosts: ["t.me"] }),
      "CONFLICT",
      "name",
    );
    expect(await snapshot()).toEqual(before);
  });

  it("a switched-off network takes no new accounts but keeps its old ones editable", async () => {
    const caller = await callerFor(admin);
    const account = await caller.admin.accounts.create(
      validAccount({ networkId: networks.TELEGRAM, url: "https://t.me/myasnikovskiy_news", externalId: "" }),
    );
    await caller.admin.accounts.updateNetwork({
      id: networks.TELEGRAM,
      name: "Telegram",
      hosts: ["t.me", "telegram.me"],
      maxAnswerLength: 4096,
      active: false,
    });
    await expectRefusal(
      caller.admin.accounts.create(
        validAccount({ networkId: networks.TELEGRAM, url: "https://t.me/myasnikovskiy_other", externalId: "" }),
      ),
      "BAD_REQUEST",
      "networkId",
      /отключена/,
    );
    const renamed = await caller.admin.accounts.update({
      ...validAccount({ networkId: networks.TELEGRAM, url: account.url, externalId: "", name: "Новости района" }),
      id: account.id,
    });
    expect(renamed.name).toBe("Новости района");
    await caller.admin.accounts.updateNetwork({
      id: networks.TELEGRAM,
      name: "Telegram",
      hosts: ["t.me", "telegram.me"],
      maxAnswerLength: 4096,
      active: true,
    });
  });
});
