import type { TPrismaClient } from "../server/db/client";
import { lastIsoWeeks } from "../server/domain/routine/iso-week";
import { nextLocalDay, startOfLocalDay } from "../server/domain/time/local-day";

/**
 * Demo routine posts (п.6) for Мясниковский район's official accounts: twelve ISO weeks up to
 * `now`, most weeks with the two posts or more the regulation asks for, some weeks short, the
 * current week filled only up to `now`. Deterministic for a given `random` and `now` (pass
 * `createSeededRandom` from ./demo-history). Runs only while those accounts have no routine
 * posts, so re-running the demo adds nothing. Use after `seedDemo`.
 */

export interface TDemoRoutineOptions {
  now: Date;
  /** Weeks of history, the current one included (default 12). */
  weeks?: number;
  /** A PRNG in [0, 1). */
  random?: () => number;
}

export interface TDemoRoutineResult {
  municipalityId: string;
  /** Posts written by this call: 0 when the accounts already had posts. */
  created: number;
  present: boolean;
}

const MUNICIPALITY = "Мясниковский район";
const MINUTE = 60_000;

const TITLES = [
  "Глава района провёл приём граждан по личным вопросам",
  "В районе стартовал приём заявок на благоустройство дворов",
  "Итоги заседания Собрания депутатов Мясниковского района",
  "Школьники района — призёры областной олимпиады по математике",
  "График вывоза твёрдых коммунальных отходов на следующую неделю",
  "В Чалтыре завершён ремонт дороги по улице Ленина",
  "Администрация напоминает о мерах пожарной безопасности",
  "В Доме культуры прошёл концерт ко Дню матери",
  "Открыт приём документов на социальную выплату многодетным семьям",
  "Аграрии района завершили уборку озимых",
  "В Крыму Мясниковского района открылась новая детская площадка",
  "Публичные слушания по проекту бюджета района на следующий год",
  "Врачи районной больницы проведут выездной приём в Петровке",
  "Итоги недели: главное в работе администрации района",
  "В Большесальской школе установили новое спортивное оборудование",
  "Предупреждение о неблагоприятных погодных условиях",
  "Волонтёры района присоединились к акции «Чистый берег»",
  "Приём граждан в многофункциональном центре в праздничные дни",
] as const;

/** Post links as each network writes them, on the account's own host. */
function postUrl(account: { url: string; networkCode: string; externalId: string | null }, seq: number): string {
  const base = account.url.replace(/\/+$/u, "");
  switch (account.networkCode) {
    case "VK":
      return `https://vk.com/wall-${account.externalId ?? "217030155"}_${1000 + seq}`;
    case "OK":
      return `${base}/topic/${155_870_000_000_000 + seq}`;
    case "TELEGRAM":
      return `${base}/${500 + seq}`;
    case "X":
      return `${base}/status/18650000000000${String(seq).padStart(5, "0")}`;
    default:
      return `${base}/post-${seq}`;
  }
}

/** How many posts a week gets: mostly 2–4, about one week in six short (0 or 1). */
function postsInWeek(random: () => number): number {
  const r = random();
  if (r < 0.06) return 0;
  if (r < 0.17) return 1;
  if (r < 0.62) return 2;
  if (r < 0.92) return 3;
  return 4;
}

export async function seedDemoRoutine(
  prisma: TPrismaClient,
  options: TDemoRoutineOptions,
): Promise<TDemoRoutineResult> {
  const municipality = await prisma.municipality.findFirst({
    where: { name: MUNICIPALITY },
    select: { id: true, timeZone: true },
  });
  if (!municipality) throw new Error("seedDemoRoutine: run seedDemo first (no «Мясниковский район»)");
  const municipalityId = municipality.id;
  const accounts = await prisma.socialAccount.findMany({
    where: { municipalityId, active: true },
    select: { id: true, url: true, externalId: true, network: { select: { code: true } } },
    orderBy: [{ network: { sortOrder: "asc" } }, { url: "asc" }],
  });
  if ((await prisma.routinePost.count({ where: { account: { municipalityId } } })) > 0) {
    return { municipalityId, created: 0, present: true };
  }
  const recorder = await prisma.user.findFirst({
    where: { username: "coordinator", municipalityId },
    select: { id: true },
  });
  const random = options.random ?? Math.random;
  const now = options.now.getTime();
  const weeks = lastIsoWeeks(options.now, municipality.timeZone, options.weeks ?? 12);

  const rows: {
    accountId: string;
    url: string;
    title: string;
    publishedAt: Date;
    recordedById: string | null;
    source: "MANUAL";
    createdAt: Date;
  }[] = [];
  for (const account of accounts) {
    let seq = 0;
    for (const week of weeks) {
      const count = postsInWeek(random);
      // Distinct days of the week, in order, so a week's posts read like a schedule.
      const days = [0, 1, 2, 3, 4, 5, 6]
        .map((d) => ({ d, k: random() }))
        .sort((a, b) => a.k - b.k)
        .slice(0, count)
        .map((x) => x.d)
        .sort((a, b) => a - b);
      for (const offset of days) {
        let day = week.monday;
        for (let i = 0; i < offset; i++) day = nextLocalDay(day) ?? day;
        const midnight = startOfLocalDay(day, municipality.timeZone);
        if (!midnight) continue;
        // Working hours: 09:00–18:59 local.
        const at = midnight.getTime() + (9 * 60 + Math.floor(random() * 600)) * MINUTE;
        if (at > now) continue;
        seq += 1;
        rows.push({
          accountId: account.id,
          url: postUrl({ url: account.url, networkCode: account.network.code, externalId: account.externalId }, seq),
          title: TITLES[Math.floor(random() * TITLES.length)] ?? TITLES[0],
          publishedAt: new Date(at),
          recordedById: recorder?.id ?? null,
          source: "MANUAL",
          // Recorded within the next hours, as people do.
          createdAt: new Date(Math.min(now, at + (15 + Math.floor(random() * 240)) * MINUTE)),
        });
      }
    }
  }
  // The demo's accounts were "registered" before the weeks of posts: the analytics judges only
  // weeks that ended after an account's registration.
  const firstWeek = weeks[0];
  const [, { count }] = await prisma.$transaction([
    prisma.socialAccount.updateMany({
      where: { id: { in: accounts.map((a) => a.id) }, ...(firstWeek ? { createdAt: { gt: firstWeek.start } } : {}) },
      data: firstWeek ? { createdAt: firstWeek.start } : {},
    }),
    prisma.routinePost.createMany({ data: rows, skipDuplicates: true }),
  ]);
  return { municipalityId, created: count, present: false };
}
