import type { TPrismaClient } from "../server/db/client";
import type { Role } from "../server/db/generated/client";
import { hashPassword } from "../server/auth/password";
import { hashApiKey } from "../server/auth/api-key";
import { hashKioskToken, KIOSK_TOKEN_PREFIX_LENGTH } from "../server/auth/kiosk-token";
import { REGULATION_SLA } from "../server/domain/settings/sla-settings";

/**
 * Demo data: Мясниковский район of the Rostov region with its kind of departments, one user
 * per role (password "demo"), the social networks and official accounts. Idempotent: what
 * exists is kept as it is (an administrator's edits and changed passwords survive a re-run).
 */
export const DEMO_PASSWORD = "demo";

export const NETWORKS = [
  { code: "VK", name: "ВКонтакте", hosts: ["vk.com", "vk.ru", "m.vk.com", "m.vk.ru"], maxAnswerLength: 4096 },
  { code: "OK", name: "Одноклассники", hosts: ["ok.ru", "m.ok.ru"], maxAnswerLength: 4096 },
  { code: "TELEGRAM", name: "Telegram", hosts: ["t.me", "telegram.me"], maxAnswerLength: 4096 },
  { code: "MAX", name: "MAX", hosts: ["max.ru"], maxAnswerLength: 4000 },
  { code: "DZEN", name: "Дзен", hosts: ["dzen.ru"], maxAnswerLength: 4096 },
  { code: "FACEBOOK", name: "Facebook", hosts: ["facebook.com", "m.facebook.com", "fb.com"], maxAnswerLength: 8000 },
  { code: "X", name: "X (Twitter)", hosts: ["x.com", "twitter.com"], maxAnswerLength: 280 },
  { code: "INSTAGRAM", name: "Instagram", hosts: ["instagram.com"], maxAnswerLength: 2200 },
  { code: "OTHER", name: "Другая сеть", hosts: [], maxAnswerLength: null },
] as const;

const DEPARTMENTS = [
  {
    key: "org",
    name: "Отдел по организационным вопросам и делопроизводству",
    shortName: "Орготдел",
    isCoordinating: true,
  },
  { key: "zhkh", name: "Отдел жилищно-коммунального хозяйства", shortName: "ЖКХ", isCoordinating: false },
  { key: "edu", name: "Отдел образования", shortName: "Образование", isCoordinating: false },
  { key: "arch", name: "Отдел архитектуры и градостроительства", shortName: "Архитектура", isCoordinating: false },
  { key: "social", name: "Управление социальной защиты населения", shortName: "УСЗН", isCoordinating: false },
  { key: "roads", name: "Отдел транспорта и дорожного хозяйства", shortName: "Дороги", isCoordinating: false },
  { key: "agro", name: "Отдел сельского хозяйства", shortName: "Сельское хозяйство", isCoordinating: false },
  {
    key: "culture",
    name: "Отдел культуры, спорта и молодёжной политики",
    shortName: "Культура",
    isCoordinating: false,
  },
  { key: "it", name: "Сектор информационных технологий", shortName: "Сектор ИТ", isCoordinating: false },
] as const;

type TDeptKey = (typeof DEPARTMENTS)[number]["key"];

interface TDemoUser {
  username: string;
  fullName: string;
  position: string;
  roles: Role[];
  department: TDeptKey | null;
}

export const DEMO_USERS: readonly TDemoUser[] = [
  {
    username: "admin",
    fullName: "Ковалёв Андрей Петрович",
    position: "Заведующий сектором информационных технологий",
    roles: ["ADMIN"],
    department: "it",
  },
  {
    username: "coordinator",
    fullName: "Саркисян Анна Грантовна",
    position: "Начальник отдела по организационным вопросам",
    roles: ["COORDINATOR"],
    department: "org",
  },
  {
    username: "manager",
    fullName: "Мирошниченко Ольга Викторовна",
    position: "Управляющий делами",
    roles: ["MANAGER"],
    department: null,
  },
  {
    username: "executor",
    fullName: "Хачатурян Армен Ервандович",
    position: "Ведущий специалист отдела ЖКХ",
    roles: ["EXECUTOR"],
    department: "zhkh",
  },
  {
    username: "executor-edu",
    fullName: "Бондаренко Елена Сергеевна",
    position: "Главный специалист отдела образования",
    roles: ["EXECUTOR"],
    department: "edu",
  },
  {
    username: "executor-arch",
    fullName: "Торосян Давид Сергеевич",
    position: "Ведущий специалист отдела архитектуры",
    roles: ["EXECUTOR"],
    department: "arch",
  },
  {
    username: "executor-social",
    fullName: "Литвинова Марина Ивановна",
    position: "Главный специалист УСЗН",
    roles: ["EXECUTOR"],
    department: "social",
  },
  {
    username: "executor-roads",
    fullName: "Погосов Артур Владимирович",
    position: "Ведущий специалист отдела транспорта",
    roles: ["EXECUTOR"],
    department: "roads",
  },
  {
    username: "executor-agro",
    fullName: "Шевченко Николай Андреевич",
    position: "Главный специалист отдела сельского хозяйства",
    roles: ["EXECUTOR"],
    department: "agro",
  },
  {
    username: "executor-culture",
    fullName: "Алексанян Карина Ашотовна",
    position: "Ведущий специалист отдела культуры",
    roles: ["EXECUTOR"],
    department: "culture",
  },
  {
    username: "executor-org",
    fullName: "Гончаренко Ирина Павловна",
    position: "Ведущий специалист отдела по организационным вопросам",
    roles: ["EXECUTOR"],
    department: "org",
  },
  {
    username: "executor-it",
    fullName: "Мкртчян Артём Арменович",
    position: "Ведущий специалист сектора ИТ",
    roles: ["EXECUTOR"],
    department: "it",
  },
  {
    username: "curator",
    fullName: "Воронцова Светлана Игоревна",
    position: "Консультант управления по работе с обращениями граждан Правительства Ростовской области",
    roles: ["CURATOR"],
    department: null,
  },
  {
    username: "deputy",
    fullName: "Кузнецов Виктор Николаевич",
    position: "Заместитель главы Администрации",
    roles: ["DEPUTY_HEAD"],
    department: null,
  },
  {
    username: "head",
    fullName: "Мелконян Сергей Ашотович",
    position: "Глава Администрации Мясниковского района",
    roles: ["HEAD"],
    department: null,
  },
];

const TOPICS: { name: string; department: TDeptKey }[] = [
  { name: "Вывоз мусора", department: "zhkh" },
  { name: "Водоснабжение и водоотведение", department: "zhkh" },
  { name: "Отопление и газоснабжение", department: "zhkh" },
  { name: "Дороги и уличное освещение", department: "roads" },
  { name: "Общественный транспорт", department: "roads" },
  { name: "Школы и детские сады", department: "edu" },
  { name: "Благоустройство и строительство", department: "arch" },
  { name: "Социальная поддержка", department: "social" },
  { name: "Сельское хозяйство", department: "agro" },
  { name: "Культура и спорт", department: "culture" },
];

const LEGAL_ACTS = [
  {
    title: "Об общих принципах организации местного самоуправления в Российской Федерации",
    citation: "Федеральный закон от 06.10.2003 № 131-ФЗ",
  },
  {
    title: "О порядке рассмотрения обращений граждан Российской Федерации",
    citation: "Федеральный закон от 02.05.2006 № 59-ФЗ",
  },
  { title: "Жилищный кодекс Российской Федерации", citation: "Федеральный закон от 29.12.2004 № 188-ФЗ" },
  {
    title: "Об автомобильных дорогах и о дорожной деятельности в Российской Федерации",
    citation: "Федеральный закон от 08.11.2007 № 257-ФЗ",
  },
  { title: "Об образовании в Российской Федерации", citation: "Федеральный закон от 29.12.2012 № 273-ФЗ" },
];

// п.6: Twitter and Instagram as pages of the legal entity; OK, VK and Facebook as pages of an
// official representative of the authority. Telegram is not named there: the legal entity.
const ACCOUNTS = [
  {
    network: "VK",
    name: "Администрация Мясниковского района",
    url: "https://vk.com/myasnikovskiy_rayon",
    ownerKind: "OFFICIAL_REPRESENTATIVE",
    ownerName: "Мелконян Сергей Ашотович",
  },
  {
    network: "OK",
    name: "Администрация Мясниковского района",
    url: "https://ok.ru/myasnikovskiy.rayon",
    ownerKind: "OFFICIAL_REPRESENTATIVE",
    ownerName: "Мелконян Сергей Ашотович",
  },
  {
    network: "TELEGRAM",
    name: "Мясниковский район — официально",
    url: "https://t.me/myasnikovskiy_official",
    ownerKind: "LEGAL_ENTITY",
    ownerName: null,
  },
  {
    network: "X",
    name: "Администрация Мясниковского района",
    url: "https://x.com/myasnikovskiy_adm",
    ownerKind: "LEGAL_ENTITY",
    ownerName: null,
  },
] as const;

export interface TSeedOptions {
  /** When set, a key for the curator's system is stored (hashed) under this secret. */
  demoApiKey?: string;
  /** When set, a kiosk link of the wall screen is stored (hashed) under this token. */
  demoKioskToken?: string;
}

export async function seedDemo(prisma: TPrismaClient, options: TSeedOptions = {}) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  for (const [i, n] of NETWORKS.entries()) {
    await prisma.socialNetwork.upsert({
      where: { code: n.code },
      update: {},
      create: { code: n.code, name: n.name, hosts: [...n.hosts], maxAnswerLength: n.maxAnswerLength, sortOrder: i },
    });
  }

  const region = await prisma.region.upsert({
    where: { name: "Ростовская область" },
    update: {},
    create: { name: "Ростовская область" },
  });
  const municipality = await prisma.municipality.upsert({
    where: { regionId_name: { regionId: region.id, name: "Мясниковский район" } },
    update: {},
    create: { regionId: region.id, name: "Мясниковский район", timeZone: "Europe/Moscow", ...REGULATION_SLA },
  });

  const departmentIds = {} as Record<TDeptKey, string>;
  for (const d of DEPARTMENTS) {
    const row = await prisma.department.upsert({
      where: { municipalityId_name: { municipalityId: municipality.id, name: d.name } },
      update: {},
      create: {
        municipalityId: municipality.id,
        name: d.name,
        shortName: d.shortName,
        isCoordinating: d.isCoordinating,
      },
    });
    departmentIds[d.key] = row.id;
  }

  for (const u of DEMO_USERS) {
    const curator = u.roles.includes("CURATOR");
    await prisma.user.upsert({
      where: { username: u.username },
      update: {},
      create: {
        username: u.username,
        email: `${u.username}@myasnikovsky.example`,
        fullName: u.fullName,
        position: u.position,
        roles: u.roles,
        passwordHash,
        municipalityId: curator ? null : municipality.id,
        departmentId: u.department ? departmentIds[u.department] : null,
        ...(curator ? { curatedMunicipalities: { create: { municipalityId: municipality.id } } } : {}),
      },
    });
  }

  for (const t of TOPICS) {
    await prisma.topic.upsert({
      where: { municipalityId_name: { municipalityId: municipality.id, name: t.name } },
      update: {},
      create: { municipalityId: municipality.id, name: t.name, defaultDepartmentId: departmentIds[t.department] },
    });
  }

  for (const a of LEGAL_ACTS) {
    await prisma.legalAct.upsert({
      where: { municipalityId_citation: { municipalityId: municipality.id, citation: a.citation } },
      update: {},
      create: { municipalityId: municipality.id, ...a },
    });
  }

  // The coordinating department runs the official accounts; its coordinator keeps the routine
  // posts coming (and gets the Thursday reminder when a week is short).
  const press = DEPARTMENTS.find((d) => d.isCoordinating);
  const responsible = await prisma.user.findUnique({ where: { username: "coordinator" }, select: { id: true } });
  for (const a of ACCOUNTS) {
    const network = await prisma.socialNetwork.findUniqueOrThrow({ where: { code: a.network } });
    await prisma.socialAccount.upsert({
      where: { networkId_url: { networkId: network.id, url: a.url } },
      update: {},
      create: {
        municipalityId: municipality.id,
        networkId: network.id,
        name: a.name,
        url: a.url,
        ownerKind: a.ownerKind,
        ownerName: a.ownerName,
        departmentId: press ? departmentIds[press.key] : null,
        responsibleId: responsible?.id ?? null,
      },
    });
  }

  if (options.demoApiKey) {
    const hash = hashApiKey(options.demoApiKey);
    await prisma.apiKey.upsert({
      where: { hash },
      update: {},
      create: {
        municipalityId: municipality.id,
        name: "Система куратора (демо)",
        prefix: options.demoApiKey.slice(0, 8),
        hash,
        scopes: ["cases:write", "cases:read"],
      },
    });
  }

  if (options.demoKioskToken) {
    const hash = hashKioskToken(options.demoKioskToken);
    await prisma.kioskToken.upsert({
      where: { hash },
      update: {},
      create: {
        municipalityId: municipality.id,
        name: "Экран на стене (демо)",
        prefix: options.demoKioskToken.slice(0, KIOSK_TOKEN_PREFIX_LENGTH),
        hash,
      },
    });
  }

  return { municipalityId: municipality.id };
}
