/**
 * Seeds the benchmark database: a region of municipalities over five years, generated on the
 * server (generate_series, INSERT … SELECT) so a million cases take minutes. The proportions
 * are documented in docs/performance.md; keep the two in step.
 *
 * Every case's life is laid out once in an unlogged staging table (its timestamps and
 * branches), and the cases, timeline events, drafts, review decisions, violations and
 * notifications are all derived from it, so they agree with each other the way the services
 * would have written them: the clocks, the violations log and the timeline tell one story.
 */
import pg from "pg";
import { hashSecret } from "../server/auth/secret-token";
import { defaultMigratePaths, deploy } from "../server/db/migrate";

export interface TSeedOptions {
  /** All cases, open ones included. */
  cases: number;
  municipalities: number;
  /** Cases still open at `now`. */
  open: number;
  now: Date;
  log: (line: string) => void;
}

/** The API key of municipality `i` (1-based): the intake load test authenticates with it. */
export const benchApiKey = (i: number) => `otklik-bench-api-key-${String(i).padStart(4, "0")}`;
export const municipalityIdOf = (i: number) => `bm${String(i).padStart(3, "0")}`;

/** The moment the data was generated for, kept on the database so `--reuse` measures against it. */
const NOW_COMMENT_PREFIX = "otklik-bench now=";

const NETWORKS: readonly [code: string, name: string, hosts: string[], share: number][] = [
  ["VK", "ВКонтакте", ["vk.com", "vk.ru", "m.vk.com", "m.vk.ru"], 0.6],
  ["OK", "Одноклассники", ["ok.ru", "m.ok.ru"], 0.15],
  ["TELEGRAM", "Telegram", ["t.me", "telegram.me"], 0.15],
  ["MAX", "MAX", ["max.ru"], 0.05],
  ["OTHER", "Другая сеть", [], 0.05],
];

const DEPARTMENTS = [
  "Отдел по организационным вопросам и делопроизводству",
  "Отдел ЖКХ",
  "Отдел образования",
  "Отдел архитектуры и градостроительства",
  "Отдел социальной защиты",
  "Отдел дорожного хозяйства",
  "Отдел сельского хозяйства",
  "Отдел культуры",
  "Отдел экономики",
  "Сектор информационных технологий",
];
const TOPICS = [
  "Водоснабжение",
  "Дороги",
  "Освещение",
  "Мусор",
  "Школы",
  "Детские сады",
  "Транспорт",
  "Благоустройство",
  "Здравоохранение",
  "Отопление",
  "Стройка",
  "Животные",
];
const TEXTS = [
  "Третий день нет воды в доме, никто не отвечает на звонки, когда дадут воду? Дети без воды, старики без воды.",
  "На дороге к школе огромная яма, вчера машина пробила колесо, когда отремонтируют? Сколько можно ждать!",
  "Во дворе не горят фонари уже месяц, вечером страшно ходить, просим разобраться и починить освещение.",
  "Контейнеры переполнены, мусор не вывозят неделю, вокруг грязь и крысы. Куда смотрит администрация?",
  "В школе холодно, дети сидят в куртках, отопление еле тёплое. Просим проверить котельную и батареи.",
  "Автобус по маршруту не ходит по расписанию, люди ждут по часу на остановке, опаздывают на работу.",
  "Возле детской площадки сломаны качели и торчат гвозди, ребёнок поранился. Просим срочно убрать.",
  "Бродячие собаки нападают на прохожих у рынка, вчера покусали женщину. Примите меры, пожалуйста.",
];
const SETTLEMENTS = ["Центральный", "Северный", "Южный", "Заречный", "Первомайский", "Садовый", "Степной", "Лесной"];

export async function readSeededNow(url: string): Promise<Date | null> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    return null;
  }
  try {
    const { rows } = await client.query<{ c: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS c FROM pg_database WHERE datname = current_database()`,
    );
    const comment = rows[0]?.c ?? "";
    return comment.startsWith(NOW_COMMENT_PREFIX) ? new Date(comment.slice(NOW_COMMENT_PREFIX.length)) : null;
  } finally {
    await client.end();
  }
}

export async function recreateDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  if (!/^otklik_bench[a-z0-9_]*$/.test(name))
    throw new Error(`refusing to drop "${name}": not an otklik_bench database`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  await deploy({ databaseUrl: url, ...defaultMigratePaths() });
}

/** The tables that get millions of rows. */
const BULK_TABLES = ["Case", "CaseEvent", "AnswerDraft", "ReviewDecision", "Violation", "Notification"];

/**
 * Drops the tables' secondary indexes (the primary keys stay: foreign keys hang on them, and
 * rows inserted in key order only append to them); returns the statements that build them again.
 */
async function dropIndexes(client: pg.Client, tables: readonly string[]): Promise<string[]> {
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [tables],
  );
  for (const i of indexes) await client.query(`DROP INDEX "${i.name}"`);
  return indexes.map((i) => i.def);
}

const sqlText = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ")}]`;

export async function seedBenchDatabase(url: string, options: TSeedOptions): Promise<void> {
  const { municipalities: M, now, log } = options;
  const open = Math.min(options.open, options.cases);
  const closed = options.cases - open;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Statements end with ";" at the end of a line; the parameters go to those that use them.
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const started = performance.now();
    let rows = 0;
    for (const statement of sql.split(/;\s*\n/)) {
      if (statement.trim() === "") continue;
      const result = await client.query(statement, statement.includes("$1") ? params : []);
      rows += result.rowCount ?? 0;
    }
    log(`  ${label}: ${rows} rows, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  try {
    await client.query(`SET synchronous_commit = off; SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'`);
    // The rows are consistent by construction: skip the per-row foreign-key triggers (a
    // superuser's session setting), and build the large tables' indexes once after loading
    // instead of maintaining them through millions of random inserts.
    await client.query(`SET session_replication_role = replica`);
    await client.query(`SELECT setseed(0.42)`);
    const nowIso = now.toISOString();

    // ── structure and people ──
    await step(
      "region, networks",
      `INSERT INTO "Region" ("id", "name") VALUES ('br', 'Бенчмарк-область');
       INSERT INTO "SocialNetwork" ("id", "code", "name", "hosts", "maxAnswerLength", "sortOrder")
       SELECT 'net-' || lower(x.code), x.code, x.name, x.hosts, CASE WHEN x.code = 'OTHER' THEN NULL ELSE 4096 END, x.i
       FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text, hosts text[], i int)`.replace(
        "$1::jsonb",
        `'${JSON.stringify(NETWORKS.map(([code, name, hosts], i) => ({ code, name, hosts, i }))).replace(/'/g, "''")}'::jsonb`,
      ),
    );
    await step(
      "municipalities",
      `INSERT INTO "Municipality" ("id", "regionId", "name", "timeZone", "updatedAt")
       SELECT 'bm' || lpad(i::text, 3, '0'), 'br', 'Бенчмарк-район № ' || i,
         CASE WHEN i % 10 = 0 THEN 'Europe/Samara' ELSE 'Europe/Moscow' END, $1::timestamp
       FROM generate_series(1, ${M}) i`,
      [nowIso],
    );
    await step(
      "departments",
      `INSERT INTO "Department" ("id", "municipalityId", "name", "isCoordinating", "updatedAt")
       SELECT m."id" || '-d' || d, m."id", (${sqlText(DEPARTMENTS)})[d], d = 1, $1::timestamp
       FROM "Municipality" m CROSS JOIN generate_series(1, ${DEPARTMENTS.length}) d`,
      [nowIso],
    );
    // A hash no password matches: nobody signs in to the bench database.
    const roleRows = `(VALUES ('admin', 'ADMIN', 10), ('coordinator1', 'COORDINATOR', 1), ('coordinator2', 'COORDINATOR', 1),
        ('manager', 'MANAGER', 1), ('deputy', 'DEPUTY_HEAD', NULL), ('head', 'HEAD', NULL)) AS r(login, role, dept)`;
    await step(
      "users",
      `INSERT INTO "User" ("id", "municipalityId", "departmentId", "username", "fullName", "passwordHash", "roles", "updatedAt")
       SELECT m."id" || '-' || r.login, m."id", CASE WHEN r.dept IS NULL THEN NULL ELSE m."id" || '-d' || r.dept END,
         m."id" || '-' || r.login, 'Сотрудник ' || r.login || ' ' || m."id", '!bench', ARRAY[r.role]::"Role"[], $1::timestamp
       FROM "Municipality" m CROSS JOIN ${roleRows};
       INSERT INTO "User" ("id", "municipalityId", "departmentId", "username", "fullName", "passwordHash", "roles", "updatedAt")
       SELECT m."id" || '-d' || d || '-e' || e, m."id", m."id" || '-d' || d, m."id" || '-d' || d || '-e' || e,
         'Исполнитель ' || e || ' отдела ' || d || ' ' || m."id", '!bench', ARRAY['EXECUTOR']::"Role"[], $1::timestamp
       FROM "Municipality" m CROSS JOIN generate_series(2, ${DEPARTMENTS.length}) d CROSS JOIN generate_series(1, 2) e;
       INSERT INTO "User" ("id", "username", "fullName", "passwordHash", "roles", "updatedAt")
       SELECT 'curator' || k, 'curator' || k, 'Куратор ' || k, '!bench', ARRAY['CURATOR']::"Role"[], $1::timestamp
       FROM generate_series(1, ${Math.ceil(M / 10)}) k;
       INSERT INTO "CuratorAssignment" ("userId", "municipalityId")
       SELECT 'curator' || ((substr(m."id", 3)::int - 1) / 10 + 1), m."id" FROM "Municipality" m`,
      [nowIso],
    );
    await step(
      "topics, accounts",
      `INSERT INTO "Topic" ("id", "municipalityId", "name", "defaultDepartmentId")
       SELECT m."id" || '-t' || t, m."id", (${sqlText(TOPICS)})[t], m."id" || '-d' || (2 + (t - 1) % ${DEPARTMENTS.length - 1})
       FROM "Municipality" m CROSS JOIN generate_series(1, ${TOPICS.length}) t;
       INSERT INTO "SocialAccount" ("id", "municipalityId", "networkId", "name", "url", "ownerKind", "departmentId",
         "responsibleId", "createdAt", "updatedAt")
       SELECT m."id" || '-a' || a, m."id", (ARRAY['net-vk', 'net-ok', 'net-telegram', 'net-vk'])[a],
         'Официальная страница ' || a || ' ' || m."name", 'https://example.org/' || m."id" || '/' || a,
         CASE WHEN a = 4 THEN 'OFFICIAL_REPRESENTATIVE' ELSE 'LEGAL_ENTITY' END::"AccountOwnerKind",
         m."id" || '-d1', m."id" || '-coordinator1', $1::timestamp - interval '5 years 7 days', $1::timestamp
       FROM "Municipality" m CROSS JOIN generate_series(1, 4) a`,
      [nowIso],
    );
    await step(
      "API keys",
      `INSERT INTO "ApiKey" ("id", "municipalityId", "name", "prefix", "hash", "scopes")
       SELECT m."id" || '-key', m."id", 'Система куратора', left(x.secret, 12), x.hash, ARRAY['cases:write', 'cases:read']
       FROM "Municipality" m JOIN jsonb_to_recordset($1::jsonb) AS x(mid text, secret text, hash text) ON x.mid = m."id"`,
      [
        JSON.stringify(
          Array.from({ length: M }, (_, k) => ({
            mid: municipalityIdOf(k + 1),
            secret: benchApiKey(k + 1),
            hash: hashSecret(benchApiKey(k + 1)),
          })),
        ),
      ],
    );
    // Routine posts: 2–4 a week on each account, five years back.
    await step(
      "routine posts",
      `INSERT INTO "RoutinePost" ("id", "accountId", "url", "publishedAt", "source", "createdAt")
       SELECT a."id" || '-p' || w || '-' || k, a."id", a."url" || '/post/' || w || '-' || k, t, 'MANUAL', t
       FROM "SocialAccount" a
       CROSS JOIN generate_series(1, 261) w
       CROSS JOIN generate_series(1, 4) k
       CROSS JOIN LATERAL (SELECT $1::timestamp - (w * interval '7 days') + (k * interval '38 hours') AS t) x
       WHERE k <= 2 + (hashint4(w * 7 + k + length(a."id")) & 1) + (CASE WHEN hashint4(w + 13 * k) % 17 = 0 THEN -1 ELSE 0 END)
         AND t < $1::timestamp`,
      [nowIso],
    );

    const restoreIndexes = await dropIndexes(client, BULK_TABLES);

    // ── the lives of the cases ──
    // r1..r9: independent uniforms. Closed cases span five years up to a day and a half ago;
    // open ones the last day or so, a few stuck for longer.
    await step(
      "timeline staging",
      `CREATE UNLOGGED TABLE bench_tl AS
       WITH raw AS (
         SELECT g, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7,
           random() r8, random() r9
         FROM generate_series(1, ${options.cases}) g
       ), base AS (
         SELECT g, r1, r2, r3, r4, r5, r6, r7, r8, r9,
           g > ${closed} AS is_open,
           'bm' || lpad((((g - 1) % ${M}) + 1)::text, 3, '0') AS mid,
           CASE WHEN g <= ${closed}
             THEN $1::timestamp - interval '1826 days'
               + ((g - 1)::float8 / GREATEST(${closed}, 1)) * (interval '1826 days' - interval '36 hours')
               + (r9 - 0.5) * interval '2 hours'
           END AS t_closed
         FROM raw
       ), kinds AS (
         SELECT b.*,
           CASE
             WHEN NOT is_open THEN CASE WHEN r1 < 0.90 THEN 'POSTED' WHEN r1 < 0.96 THEN 'DECLINED' ELSE 'CANCELLED' END
             ELSE CASE WHEN r1 < 0.15 THEN 'NEW' WHEN r1 < 0.55 THEN 'ASSIGNED' WHEN r1 < 0.65 THEN 'INTERNAL_REVIEW'
               WHEN r1 < 0.85 THEN 'AT_CURATOR' WHEN r1 < 0.90 THEN 'REWORK' ELSE 'APPROVED' END
           END AS status,
           -- The curator returns 15 % of first drafts.
           (r8 < 0.15 OR (g > ${closed} AND r1 >= 0.85 AND r1 < 0.90)) AS reworked
         FROM base b
       ), t AS (
         SELECT k.*,
           COALESCE(t_closed, CASE
             WHEN status = 'NEW' THEN $1::timestamp - r2 * interval '50 minutes'
             WHEN status IN ('ASSIGNED', 'AT_CURATOR') THEN $1::timestamp - r2 * r2 * interval '40 hours'
             ELSE $1::timestamp - (1 + r2 * 20) * interval '1 hour'
           END) AS t0
         FROM kinds k
       ), steps AS (
         SELECT t.*,
           t0 + (2 + 35 * r3 ^ 4) * interval '1 minute' AS routed,
           t0 + (2 + 35 * r3 ^ 4 + 20 + 1300 * r4 ^ 3) * interval '1 minute' AS d1
         FROM t
       )
       SELECT g, is_open, mid, status, reworked, r5, r6, r7, r8, r9, t0,
         CASE WHEN status IN ('DECLINED', 'CANCELLED', 'NEW') THEN NULL
           WHEN is_open THEN t0 + LEAST(routed - t0, ($1::timestamp - t0) * 0.1) ELSE routed END AS routed,
         CASE WHEN is_open THEN CASE
             WHEN status IN ('INTERNAL_REVIEW') THEN GREATEST(t0 + ($1::timestamp - t0) * 0.5, $1::timestamp - r5 * interval '40 minutes')
             WHEN status IN ('AT_CURATOR', 'APPROVED') THEN t0 + ($1::timestamp - t0) * 0.6
             WHEN status = 'REWORK' THEN t0 + ($1::timestamp - t0) * 0.4
           END
           WHEN status = 'POSTED' THEN d1 END AS d1
       FROM steps`,
      [nowIso],
    );
    // The rest of each life: forward, the curator's verdicts, the second draft, approval, posting.
    await step(
      "timeline steps",
      `CREATE UNLOGGED TABLE bench_life AS
       SELECT s.*, a.f1, b.c1,
         CASE WHEN s.reworked AND s.status = 'POSTED' THEN b.c1 + (5 + 30 * s.r7 ^ 3) * interval '1 minute'
           WHEN s.reworked AND s.is_open AND s.status = 'APPROVED' THEN b.c1 + ($1::timestamp - b.c1) * 0.3 END AS d2,
         CASE WHEN s.is_open AND s.status = 'REWORK' THEN b.c1 END AS rt_open
       FROM bench_tl s
       CROSS JOIN LATERAL (SELECT CASE
           WHEN s.status IN ('AT_CURATOR', 'APPROVED', 'REWORK') AND s.is_open THEN s.d1 + LEAST((3 + 33 * s.r5 ^ 4) * interval '1 minute', ($1::timestamp - s.d1) * 0.3)
           WHEN s.status = 'POSTED' THEN s.d1 + (3 + 33 * s.r5 ^ 4) * interval '1 minute' END AS f1) a
       CROSS JOIN LATERAL (SELECT CASE
           WHEN s.status = 'POSTED' THEN a.f1 + (10 + 180 * s.r6 ^ 2) * interval '1 minute'
           WHEN s.is_open AND s.status = 'APPROVED' THEN a.f1 + ($1::timestamp - a.f1) * 0.3
           WHEN s.is_open AND s.status = 'REWORK' THEN GREATEST(a.f1 + ($1::timestamp - a.f1) * 0.3, $1::timestamp - s.r6 * interval '45 minutes')
         END AS c1) b;
       DROP TABLE bench_tl`,
      [nowIso],
    );
    // Ids sort in the order of receipt, as Prisma's cuid() ones roughly do (they start with a
    // timestamp): rows inserted in id order then lie in the table in time order, as in production.
    await step(
      "timeline finish",
      `CREATE UNLOGGED TABLE bench_case AS
       SELECT l.*,
         'c' || lpad(to_hex(l.g), 8, '0') || substr(md5('case' || l.g), 1, 16) AS id,
         CASE WHEN l.reworked AND l.d2 IS NOT NULL THEN l.d2 + (3 + 33 * l.r9 ^ 4) * interval '1 minute' END AS f2,
         x.appr,
         CASE WHEN l.status = 'POSTED' THEN x.appr + (3 + 60 * l.r9 ^ 2) * interval '1 minute' END AS posted,
         CASE WHEN l.status IN ('DECLINED', 'CANCELLED') THEN l.t0 + (5 + 22 * l.r5) * interval '1 minute' END AS closed,
         m.mnum, (l.g - 1) / ${M} + 1 AS number
       FROM bench_life l
       CROSS JOIN LATERAL (SELECT substr(l.mid, 3)::int AS mnum) m
       CROSS JOIN LATERAL (SELECT CASE
           WHEN l.status = 'POSTED' AND l.reworked THEN l.d2 + (3 + 33 * l.r9 ^ 4 + 10 + 120 * l.r8 ^ 2) * interval '1 minute'
           WHEN l.status = 'POSTED' THEN l.c1
           WHEN l.status = 'APPROVED' AND l.reworked THEN l.d2 + ($1::timestamp - l.d2) * 0.5
           WHEN l.status = 'APPROVED' THEN l.c1 END AS appr) x;
       DROP TABLE bench_life;
       -- An approved open case that went through rework: its second draft, forward and approval
       -- fall between the return and now.
       UPDATE bench_case SET f2 = d2 + (appr - d2) * 0.3 WHERE is_open AND status = 'APPROVED' AND reworked;
       ALTER TABLE bench_case ADD PRIMARY KEY (g);
       ANALYZE bench_case`,
      [nowIso],
    );

    const netCase = `CASE WHEN l.r5 < 0.6 THEN 'net-vk' WHEN l.r5 < 0.75 THEN 'net-ok' WHEN l.r5 < 0.9 THEN 'net-telegram'
      WHEN l.r5 < 0.95 THEN 'net-max' ELSE 'net-other' END`;
    const dept = `l.mid || '-d' || (2 + (l.g / ${M}) % ${DEPARTMENTS.length - 1})`;
    const executor = `${dept} || '-e' || (1 + (l.g / ${M * 9}) % 2)`;
    const currentClock = `CASE l.status WHEN 'NEW' THEN 'ROUTE' WHEN 'ASSIGNED' THEN 'DRAFT' WHEN 'INTERNAL_REVIEW' THEN 'FORWARD'
      WHEN 'REWORK' THEN 'REWORK' WHEN 'AT_CURATOR' THEN 'ANSWER' WHEN 'APPROVED' THEN 'ANSWER' END`;
    await step(
      "cases",
      `INSERT INTO "Case" ("id", "municipalityId", "number", "source", "networkId", "postUrl", "authorName", "text",
         "publishedAt", "receivedAt", "externalId", "topicId", "settlement", "departmentId", "executorId", "status",
         "version", "significant", "significantAt", "slaRouteMinutes", "slaDraftMinutes", "slaForwardMinutes",
         "slaReworkMinutes", "slaAnswerMinutes", "routeDueAt", "draftDueAt", "answerDueAt", "forwardDueAt",
         "reworkDueAt", "currentClock", "currentDueAt", "routedAt", "approvedAt", "postedAt", "postedAnswerUrl",
         "postedById", "closedAt", "declineReason", "cancelReason", "createdAt", "updatedAt")
       SELECT l.id, l.mid, l.number,
         CASE WHEN l.r7 < 0.8 THEN 'CURATOR' ELSE 'OWN_MONITORING' END::"CaseSource",
         ${netCase}, 'https://vk.com/wall-' || l.mnum || '_' || l.g, 'Житель ' || (hashint4(l.g) & 8191),
         (${sqlText(TEXTS)})[1 + l.g % ${TEXTS.length}] || ' Обращение ' || l.g || '.',
         l.t0 - (5 + 120 * l.r8) * interval '1 minute', l.t0,
         CASE WHEN l.r7 < 0.8 THEN 'ИНЦ-' || l.g END,
         CASE WHEN l.r6 < 0.85 THEN l.mid || '-t' || (1 + l.g % ${TOPICS.length}) END,
         CASE WHEN l.r9 < 0.7 THEN (${sqlText(SETTLEMENTS)})[1 + (l.g / 7) % ${SETTLEMENTS.length}] END,
         CASE WHEN l.routed IS NOT NULL THEN ${dept} END,
         CASE WHEN l.routed IS NOT NULL THEN ${executor} END,
         l.status::"CaseStatus",
         CASE l.status WHEN 'POSTED' THEN CASE WHEN l.reworked THEN 8 ELSE 5 END WHEN 'NEW' THEN 0
           WHEN 'ASSIGNED' THEN 1 WHEN 'INTERNAL_REVIEW' THEN 2 WHEN 'AT_CURATOR' THEN 3 WHEN 'REWORK' THEN 4
           WHEN 'APPROVED' THEN CASE WHEN l.reworked THEN 7 ELSE 4 END ELSE 1 END,
         l.r8 > 0.98, CASE WHEN l.r8 > 0.98 THEN l.t0 END,
         30, 1200, 30, 30, 1440,
         l.t0 + interval '30 minutes', l.t0 + interval '1200 minutes', l.t0 + interval '1440 minutes',
         CASE WHEN l.is_open AND l.status = 'INTERNAL_REVIEW' THEN l.d1 + interval '30 minutes' END,
         CASE WHEN l.is_open AND l.status = 'REWORK' THEN l.rt_open + interval '30 minutes' END,
         (${currentClock})::"ClockKind",
         CASE l.status WHEN 'NEW' THEN l.t0 + interval '30 minutes' WHEN 'ASSIGNED' THEN l.t0 + interval '1200 minutes'
           WHEN 'INTERNAL_REVIEW' THEN l.d1 + interval '30 minutes' WHEN 'REWORK' THEN l.rt_open + interval '30 minutes'
           WHEN 'AT_CURATOR' THEN l.t0 + interval '1440 minutes' WHEN 'APPROVED' THEN l.t0 + interval '1440 minutes' END,
         l.routed, l.appr, l.posted,
         CASE WHEN l.posted IS NOT NULL THEN 'https://vk.com/wall-' || l.mnum || '_' || l.g || '?reply=1' END,
         CASE WHEN l.posted IS NOT NULL THEN l.mid || '-coordinator1' END,
         l.closed,
         CASE WHEN l.status = 'DECLINED' THEN 'Вопрос не относится к компетенции муниципалитета' END,
         CASE WHEN l.status = 'CANCELLED' THEN 'Дубль публикации' END,
         l.t0, GREATEST(l.posted, l.closed, l.appr, l.f2, l.d2, l.c1, l.f1, l.d1, l.routed, l.t0)
       FROM bench_case l ORDER BY l.id`,
    );
    await step(
      "repeats",
      `UPDATE "Case" c SET "repeated" = TRUE, "repeatOfId" = p."id"
       FROM "Case" p
       WHERE p."municipalityId" = c."municipalityId" AND p."number" = c."number" - 3
         AND hashint4(c."number" * 31 + length(c."municipalityId")) % 33 = 0`,
    );
    await step(
      "case numbering",
      `UPDATE "Municipality" m SET "caseSeq" = x.n FROM (
         SELECT "municipalityId", max("number") AS n FROM "Case" GROUP BY 1) x WHERE x."municipalityId" = m."id"`,
    );

    // ── what the services write along a case's life ──
    let eventNo = 0;
    const ev = (type: string, at: string, from: string | null, to: string, where: string, data = "NULL") =>
      `SELECT '${String(++eventNo).padStart(2, "0")}', l.id, ${at}, ${type === "CREATED" ? "NULL" : "l.mid || '-coordinator1'"}, '${type}',
         ${from ? `'${from}'::"CaseStatus"` : "NULL"}, '${to}'::"CaseStatus", ${data}
       FROM bench_case l WHERE ${where}`;
    const posted = `l.status = 'POSTED'`;
    const hasD1 = `l.d1 IS NOT NULL`;
    await step(
      "timeline events",
      `INSERT INTO "CaseEvent" ("id", "caseId", "at", "actorId", "type", "fromStatus", "toStatus", "data")
       SELECT 'e' || substr(x.id, 2) || x.k, x.id, x.at, x.actor, x.type, x."from", x."to", x.data FROM (
         ${ev("CREATED", "l.t0", null, "NEW", "TRUE", `'{"via":"API"}'::jsonb`)}
         UNION ALL ${ev("ROUTED", "l.routed", "NEW", "ASSIGNED", "l.routed IS NOT NULL", `jsonb_build_object('departmentId', ${dept}, 'executorId', ${executor})`)}
         UNION ALL ${ev("DRAFT_SUBMITTED", "l.d1", "ASSIGNED", "INTERNAL_REVIEW", hasD1)}
         UNION ALL ${ev("FORWARDED", "l.f1", "INTERNAL_REVIEW", "AT_CURATOR", "l.f1 IS NOT NULL")}
         UNION ALL ${ev("REJECTED", "l.c1", "AT_CURATOR", "REWORK", "l.reworked AND l.c1 IS NOT NULL")}
         UNION ALL ${ev("DRAFT_SUBMITTED", "l.d2", "REWORK", "INTERNAL_REVIEW", "l.d2 IS NOT NULL")}
         UNION ALL ${ev("FORWARDED", "l.f2", "INTERNAL_REVIEW", "AT_CURATOR", "l.f2 IS NOT NULL")}
         UNION ALL ${ev("APPROVED", "l.appr", "AT_CURATOR", "APPROVED", "l.appr IS NOT NULL")}
         UNION ALL ${ev("POSTED", "l.posted", "APPROVED", "POSTED", posted)}
         UNION ALL ${ev("DECLINED", "l.closed", "NEW", "DECLINED", `l.status = 'DECLINED'`)}
         UNION ALL ${ev("CANCELLED", "l.closed", "NEW", "CANCELLED", `l.status = 'CANCELLED'`)}
       ) AS x(k, id, at, actor, type, "from", "to", data)
       ORDER BY 1`,
    );
    await step(
      "answer drafts",
      `INSERT INTO "AnswerDraft" ("id", "caseId", "version", "kind", "measures", "stages", "legalReferences", "text",
         "authorId", "submittedAt", "createdAt")
       SELECT 'a' || substr(l.id, 2) || v, l.id, v, 'MEASURES',
         'Проведены работы по обращению.', 'Работы завершены в течение недели.', ARRAY[]::text[],
         'Здравствуйте! Проведены работы по обращению. Работы завершены в течение недели.',
         ${executor}, CASE v WHEN 1 THEN l.d1 ELSE l.d2 END, CASE v WHEN 1 THEN l.d1 ELSE l.d2 END
       FROM bench_case l CROSS JOIN generate_series(1, 2) v
       WHERE (v = 1 AND l.d1 IS NOT NULL) OR (v = 2 AND l.d2 IS NOT NULL)
       ORDER BY 1`,
    );
    let decisionNo = 0;
    const dec = (v: number, at: string, stage: string, outcome: string, where: string) =>
      `SELECT '${++decisionNo}', l.id, l.mid, l.mnum, 'a' || substr(l.id, 2) || ${v}, ${at}, '${stage}', '${outcome}'
       FROM bench_case l WHERE ${at} IS NOT NULL${where}`;
    await step(
      "review decisions",
      `INSERT INTO "ReviewDecision" ("id", "caseId", "draftId", "stage", "outcome", "decidedById", "onBehalfOfCurator", "createdAt", "comment")
       SELECT 'r' || substr(x.case_id, 2) || x.k, x.case_id, x.draft_id,
         x.stage::"ReviewStage", x.outcome::"ReviewOutcome",
         CASE WHEN x.stage = 'INTERNAL' THEN x.mid || '-coordinator1' ELSE 'curator' || ((x.mnum - 1) / 10 + 1) END,
         FALSE, x.at, CASE WHEN x.outcome = 'RETURNED' THEN 'Уточните сроки работ' END
       FROM (
         ${dec(1, "l.f1", "INTERNAL", "APPROVED", "")}
         UNION ALL ${dec(1, "CASE WHEN l.reworked THEN l.c1 END", "CURATOR", "RETURNED", "")}
         UNION ALL ${dec(2, "l.f2", "INTERNAL", "APPROVED", "")}
         UNION ALL ${dec(1, "CASE WHEN NOT l.reworked THEN l.appr END", "CURATOR", "APPROVED", "")}
         UNION ALL ${dec(2, "CASE WHEN l.reworked THEN l.appr END", "CURATOR", "APPROVED", "")}
       ) AS x(k, case_id, mid, mnum, draft_id, at, stage, outcome)
       ORDER BY 1`,
    );
    // Violations: every clock that ran out (as the services record them, dated at the deadline).
    // For open cases only those due more than a quarter of an hour ago: the scheduler has been
    // down since, so the bench's first tick has violations to write.
    await step(
      "violations",
      `INSERT INTO "Violation" ("id", "municipalityId", "caseId", "type", "clockStartedAt", "dueAt", "detectedAt",
         "responsibleUserId", "responsibleDepartmentId", "createdAt")
       SELECT 'v' || substr(x.case_id, 2) || left(x.type, 2) || to_char(x.started, 'YYYYMMDDHH24MISSMS'), x.mid, x.case_id, x.type::"ViolationType",
         x.started, x.due, x.due, x.usr, x.dep, x.due
       FROM (
         SELECT l.id, l.mid, 'ROUTE_LATE', l.t0, l.t0 + interval '30 minutes', NULL, l.mid || '-d1',
           COALESCE(l.routed, l.closed, $1::timestamp)
         FROM bench_case l
         UNION ALL
         SELECT l.id, l.mid, 'DRAFT_LATE', l.t0, l.t0 + interval '1200 minutes', ${executor}, ${dept},
           COALESCE(l.d1, l.closed, CASE WHEN l.routed IS NOT NULL THEN $1::timestamp END)
         FROM bench_case l WHERE l.routed IS NOT NULL
         UNION ALL
         SELECT l.id, l.mid, 'FORWARD_LATE', l.d1, l.d1 + interval '30 minutes', NULL, l.mid || '-d1',
           COALESCE(l.f1, CASE WHEN l.is_open AND l.status = 'INTERNAL_REVIEW' THEN $1::timestamp END)
         FROM bench_case l WHERE l.d1 IS NOT NULL
         UNION ALL
         SELECT l.id, l.mid, 'FORWARD_LATE', l.d2, l.d2 + interval '30 minutes', NULL, l.mid || '-d1', l.f2
         FROM bench_case l WHERE l.d2 IS NOT NULL
         UNION ALL
         SELECT l.id, l.mid, 'REWORK_LATE', COALESCE(l.rt_open, l.c1), COALESCE(l.rt_open, l.c1) + interval '30 minutes',
           ${executor}, ${dept}, COALESCE(l.d2, CASE WHEN l.status = 'REWORK' THEN $1::timestamp END)
         FROM bench_case l WHERE l.reworked AND (l.d2 IS NOT NULL OR l.status = 'REWORK')
         UNION ALL
         SELECT l.id, l.mid, 'ANSWER_LATE', l.t0, l.t0 + interval '1440 minutes',
           CASE WHEN l.routed IS NOT NULL THEN ${executor} END, COALESCE(CASE WHEN l.routed IS NOT NULL THEN ${dept} END, l.mid || '-d1'),
           COALESCE(l.posted, l.closed, CASE WHEN l.is_open THEN $1::timestamp END)
         FROM bench_case l
       ) AS x(case_id, mid, type, started, due, usr, dep, ended)
       WHERE x.ended > x.due AND x.due < $1::timestamp - CASE WHEN x.ended = $1::timestamp THEN interval '15 minutes' ELSE interval '0' END
       ORDER BY 1`,
      [nowIso],
    );
    await step(
      "violation events",
      `INSERT INTO "CaseEvent" ("id", "caseId", "at", "type", "comment", "data")
       SELECT 'e' || substr(v."id", 2), v."caseId", v."detectedAt", 'VIOLATION', v."type"::text,
         jsonb_build_object('violationId', v."id", 'violationType', v."type", 'clock', left(v."type"::text, -5),
           'dueAt', to_char(v."dueAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
       FROM "Violation" v`,
    );
    // Notifications: the executor's assignment and the coordinator's "approved, post it"; both
    // read long ago except for the open cases. About a fifth of the rows the services write
    // (they also tell the coordinators, the manager and the curator): enough for the per-user
    // index to be as deep as in production.
    await step(
      "notifications",
      `INSERT INTO "Notification" ("id", "userId", "caseId", "kind", "title", "body", "link", "dedupeKey", "createdAt", "readAt")
       SELECT 'n' || substr(x.case_id, 2) || x.k, x.usr, x.case_id, x.kind, x.title, 'Подробности в карточке публикации.',
         '/cases/' || x.case_id, x.dedupe, x.at, CASE WHEN NOT x.is_open THEN x.at + interval '20 minutes' END
       FROM (
         SELECT '1', ${executor}, l.id, 'CASE_ASSIGNED', 'Вам направлена публикация № ' || l.number,
           'event:assigned-' || l.id || ':' || ${executor}, l.routed, l.is_open
         FROM bench_case l WHERE l.routed IS NOT NULL
         UNION ALL
         SELECT '2', l.mid || '-coordinator1', l.id, 'CASE_APPROVED', 'Ответ № ' || l.number || ' согласован',
           'event:approved-' || l.id || ':' || l.mid || '-coordinator1', l.appr, l.is_open
         FROM bench_case l WHERE l.appr IS NOT NULL
       ) AS x(k, usr, case_id, kind, title, dedupe, at, is_open)
       ORDER BY 1`,
    );
    // Every month before the current one is closed, as the scheduler would have done.
    await step(
      "month closures",
      `INSERT INTO "MonthClosure" ("id", "municipalityId", "month", "closedAt")
       SELECT m."id" || '-' || to_char(mon, 'YYYY-MM'), m."id", to_char(mon, 'YYYY-MM'), mon + interval '1 month'
       FROM "Municipality" m
       CROSS JOIN generate_series(date_trunc('month', $1::timestamp - interval '5 years'),
         date_trunc('month', $1::timestamp) - interval '1 month', interval '1 month') mon`,
      [nowIso],
    );
    await client.query(`DROP TABLE bench_case`);
    await step("indexes", restoreIndexes.join(";\n"));
    const vacuumStarted = performance.now();
    await client.query(`VACUUM (ANALYZE)`);
    log(`  vacuum analyze: ${((performance.now() - vacuumStarted) / 1000).toFixed(1)} s`);
    const dbName = new URL(url).pathname.slice(1);
    await client.query(`COMMENT ON DATABASE "${dbName}" IS '${NOW_COMMENT_PREFIX}${nowIso}'`);
  } finally {
    await client.end();
  }
}
