import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type TPrismaClient } from "../../db/client";
import { EMAIL_MAX_ATTEMPTS, EMAIL_RETRY_DELAYS_MINUTES } from "../../domain/notifications/backoff";
import { cleanupsAfterEach } from "../../testing/cleanups";
import { createTestDatabase, type TTestDatabase } from "../../testing/db";
import { createDepartment, createMunicipality, createUser } from "../../testing/factories";
import { notifyRoles, notifyUsers } from "../cases/notify";
import { registerCase } from "../cases/intake";
import { listNotifications } from "../notifications/notifications";
import { deliverPendingEmails, type TDeliveryReport } from "./deliver";
import { setEmailPreferences } from "./preferences";
import { smtpError, startSilentServer, startTestSmtpServer, type TTestSmtpServer } from "./test-smtp-server";
import { createMailTransport, type TMailTransport } from "./transport";

const APP_URL = "https://otklik.myasnikovsky.example";
const MAIL_FROM = '"Отклик — Мясниковский район" <otklik@myasnikovsky.example>';

let t: TTestDatabase;
let municipalityId: string;
let caseId: string;
let caseNumber: number;
const people: Record<
  "coordinator" | "manager" | "head" | "executor" | "noAddress" | "refused",
  { id: string; email: string | null }
> = {} as never;

const defer = cleanupsAfterEach();
afterEach(() => {
  vi.unstubAllEnvs();
});

// Each test has its own day, later than the one before, so nothing one test leaves due could be
// picked up by the next without that test saying so.
const day = (n: number, minutes = 0) => new Date(Date.UTC(2026, 10, 2 + n, 7, 0) + minutes * 60_000);

beforeAll(async () => {
  t = await createTestDatabase();
  await t.prisma.socialNetwork.create({
    data: { code: "VK", name: "ВКонтакте", hosts: ["vk.com"], maxAnswerLength: 4096, sortOrder: 1 },
  });
  municipalityId = (await createMunicipality(t.prisma, { name: "Мясниковский район" })).id;
  const org = await createDepartment(t.prisma, municipalityId, { isCoordinating: true });
  const zhkh = await createDepartment(t.prisma, municipalityId, { name: "ЖКХ" });
  const person = async (username: string, roles: Parameters<typeof createUser>[1]["roles"], email?: string | null) => {
    const user = await createUser(t.prisma, {
      username,
      roles,
      municipalityId,
      departmentId: roles.includes("EXECUTOR") ? zhkh.id : org.id,
      ...(email === undefined ? {} : { email }),
    });
    return { id: user.id, email: user.email };
  };
  people.coordinator = await person("coordinator", ["COORDINATOR"]);
  people.manager = await person("manager", ["MANAGER"]);
  people.head = await person("head", ["HEAD"]);
  people.executor = await person("executor", ["EXECUTOR"]);
  people.noAddress = await person("no-address", ["DEPUTY_HEAD"], null);
  people.refused = await person("refused", ["DEPUTY_HEAD"], "refused@example.test");
  // Written with no mail server configured: the intake's own notifications stay in-app only.
  vi.stubEnv("SMTP_URL", "");
  const registered = await registerCase(
    t.prisma,
    { userId: people.coordinator.id, municipalityId, via: "UI" },
    { source: "CURATOR", url: "https://vk.com/wall-1_100", text: "Нет воды в хуторе Ленинаван третий день" },
    day(0),
  );
  vi.unstubAllEnvs();
  caseId = registered.caseId;
  caseNumber = (await t.prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { number: true } })).number;
});
afterAll(async () => {
  await t.cleanup();
});

async function mailServer(options: Parameters<typeof startTestSmtpServer>[0] = {}): Promise<TTestSmtpServer> {
  const server = await startTestSmtpServer(options);
  defer(() => server.close());
  // The portal's configuration says where the mail server is, so notifications are queued.
  vi.stubEnv("SMTP_URL", server.url);
  return server;
}

function transportTo(url: string): TMailTransport {
  const transport = createMailTransport({ SMTP_URL: url, MAIL_FROM, APP_URL });
  if (!transport) throw new Error("a transport for a configured URL");
  defer(() => transport.close());
  return transport;
}

let dedupe = 0;
function remind(
  userIds: string[],
  now: Date,
  title = `Срок ответа по публикации № ${caseNumber} истекает через 6 часов`,
) {
  dedupe += 1;
  return t.prisma.$transaction((tx) =>
    notifyUsers(tx, {
      userIds,
      caseId,
      kind: "DEADLINE_REMINDER",
      title,
      body: "Подготовьте и разместите ответ в социальной сети (п.8).",
      dedupe: `reminder-test:${dedupe}`,
      now,
    }),
  );
}

function rowsOf(userId: string, kind = "DEADLINE_REMINDER") {
  return t.prisma.notification.findMany({
    where: { userId, kind },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      title: true,
      emailStatus: true,
      emailAttempts: true,
      emailNextAttemptAt: true,
      emailError: true,
    },
  });
}

const nothing: TDeliveryReport = { sent: 0, retried: 0, failed: 0, skipped: 0, deferred: 0 };

describe("e-mailing notifications", () => {
  it("delivers a deadline reminder to its recipient's address with the subject and the absolute link to the case", async () => {
    const server = await mailServer();
    const now = day(1);
    await remind([people.executor.id], now);
    const [queued] = await rowsOf(people.executor.id);
    expect(queued).toMatchObject({ emailStatus: "PENDING", emailAttempts: 0, emailNextAttemptAt: now });

    const report = await deliverPendingEmails(t.prisma, { now, transport: transportTo(server.url) });

    expect(report).toEqual({ ...nothing, sent: 1 });
    expect(server.received).toHaveLength(1);
    const mail = server.received[0]!;
    expect(mail.envelopeTo).toEqual([people.executor.email]);
    expect(mail.to).toBe(people.executor.email);
    expect(mail.envelopeFrom).toBe("otklik@myasnikovsky.example");
    expect(mail.from).toBe("Отклик — Мясниковский район <otklik@myasnikovsky.example>");
    expect(mail.subject).toBe(`[Отклик] Срок ответа по публикации № ${caseNumber} истекает через 6 часов`);
    const link = `${APP_URL}/cases/${caseId}`;
    expect(mail.text).toContain(`Открыть публикацию: ${link}`);
    expect(mail.text).toContain("Портал «Отклик» · Мясниковский район");
    expect(mail.text).toContain("Время уведомления: 03.11.2026, 10:00 (Europe/Moscow)");
    expect(mail.text).toContain(`${APP_URL}/profile/notifications`);
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.html).toContain("Подготовьте и разместите ответ в социальной сети (п.8).");
    expect(await rowsOf(people.executor.id)).toEqual([
      expect.objectContaining({ emailStatus: "SENT", emailAttempts: 1, emailNextAttemptAt: null, emailError: null }),
    ]);

    // Sent once: the next tick finds nothing to do.
    expect(await deliverPendingEmails(t.prisma, { now: day(1, 5), transport: transportTo(server.url) })).toEqual(
      nothing,
    );
    expect(server.received).toHaveLength(1);
  });

  it("sends nothing to a person who switched the kind off, who still sees it in the portal", async () => {
    const server = await mailServer();
    const now = day(2);
    await setEmailPreferences(t.prisma, people.manager.id, { DEADLINE_REMINDER: false });
    await remind([people.manager.id, people.coordinator.id, people.noAddress.id], now);

    const [managerRow] = await rowsOf(people.manager.id);
    expect(managerRow).toMatchObject({ emailStatus: "NONE", emailNextAttemptAt: null });
    expect((await rowsOf(people.noAddress.id))[0]).toMatchObject({ emailStatus: "NONE" });

    const report = await deliverPendingEmails(t.prisma, { now, transport: transportTo(server.url) });
    expect(report).toEqual({ ...nothing, sent: 1 });
    expect(server.received.map((m) => m.envelopeTo)).toEqual([[people.coordinator.email]]);

    const inApp = await listNotifications(t.prisma, people.manager.id);
    expect(inApp.items.map((n) => n.id)).toContain(managerRow!.id);
    expect(inApp.items.find((n) => n.id === managerRow!.id)).toMatchObject({ link: `/cases/${caseId}`, readAt: null });
  });

  it("e-mails a п.13 alert even to a person who switched everything off, marked urgent", async () => {
    const server = await mailServer();
    const now = day(3);
    const everythingOff = Object.fromEntries(
      ["DEADLINE_REMINDER", "VIOLATION", "CASE_RECEIVED", "CASE_ASSIGNED", "OTHER"].map((k) => [k, false]),
    );
    await setEmailPreferences(t.prisma, people.head.id, everythingOff);
    await t.prisma.$transaction((tx) =>
      notifyRoles(tx, {
        municipalityId,
        roles: ["HEAD"],
        caseId,
        kind: "SIGNIFICANT_ALERT",
        title: `Социально значимая публикация № ${caseNumber}`,
        body: "Жалобы <жителей> хутора на отсутствие воды",
        dedupe: "significant-test",
        now,
      }),
    );

    expect(await deliverPendingEmails(t.prisma, { now, transport: transportTo(server.url) })).toEqual({
      ...nothing,
      sent: 1,
    });
    const mail = server.received[0]!;
    expect(mail.envelopeTo).toEqual([people.head.email]);
    expect(mail.subject).toBe(`[Отклик] Срочно: Социально значимая публикация № ${caseNumber}`);
    expect(mail.headers.get("x-priority")).toMatch(/^1/);
    expect(mail.html).toContain("Жалобы &lt;жителей&gt; хутора");
    expect(mail.text).toContain("Жалобы <жителей> хутора");
  });

  it("keeps notifications in-app only when no mail server is configured", async () => {
    vi.stubEnv("SMTP_URL", "");
    await remind([people.coordinator.id], day(4), "Без почты");
    const row = (await rowsOf(people.coordinator.id)).find((r) => r.title === "Без почты");
    expect(row).toMatchObject({ emailStatus: "NONE", emailNextAttemptAt: null, emailAttempts: 0 });
    expect(createMailTransport({ SMTP_URL: undefined, MAIL_FROM, APP_URL })).toBeNull();
  });

  it("follows a choice changed after the e-mail was queued", async () => {
    const server = await mailServer();
    const now = day(5);
    await remind([people.executor.id], now, "Передумал");
    await setEmailPreferences(t.prisma, people.executor.id, { DEADLINE_REMINDER: false });

    expect(await deliverPendingEmails(t.prisma, { now, transport: transportTo(server.url) })).toEqual({
      ...nothing,
      skipped: 1,
    });
    expect(server.received).toHaveLength(0);
    const row = (await rowsOf(people.executor.id)).find((r) => r.title === "Передумал");
    expect(row).toMatchObject({ emailStatus: "NONE", emailAttempts: 0, emailNextAttemptAt: null });
    expect(row?.emailError).toBe("Пользователь отключил уведомления этого вида по почте");
    await setEmailPreferences(t.prisma, people.executor.id, {});
  });

  it("retries a refused e-mail with growing pauses, gives up after the last attempt, and still sends the others", async () => {
    const server = await mailServer({
      onRecipient: (address) =>
        address === "refused@example.test" ? smtpError(451, "4.2.1 Mailbox temporarily unavailable") : null,
    });
    const transport = transportTo(server.url);
    let now = day(6);
    await remind([people.refused.id, people.coordinator.id], now, "Отказ сервера");

    expect(await deliverPendingEmails(t.prisma, { now, transport })).toEqual({ ...nothing, sent: 1, retried: 1 });
    expect(server.received.map((m) => m.envelopeTo)).toEqual([[people.coordinator.email]]);

    const refusedRow = async () => (await rowsOf(people.refused.id)).find((r) => r.title === "Отказ сервера")!;
    for (const [index, delay] of EMAIL_RETRY_DELAYS_MINUTES.entries()) {
      const row = await refusedRow();
      const due = new Date(now.getTime() + delay * 60_000);
      expect(row).toMatchObject({ emailStatus: "PENDING", emailAttempts: index + 1, emailNextAttemptAt: due });
      expect(row.emailError).toMatch(/451 4\.2\.1 Mailbox temporarily unavailable/);
      // Not before its time.
      expect(await deliverPendingEmails(t.prisma, { now: new Date(due.getTime() - 1_000), transport })).toEqual(
        nothing,
      );
      now = due;
      const last = index === EMAIL_RETRY_DELAYS_MINUTES.length - 1;
      expect(await deliverPendingEmails(t.prisma, { now, transport })).toEqual({
        ...nothing,
        ...(last ? { failed: 1 } : { retried: 1 }),
      });
    }
    expect(await refusedRow()).toMatchObject({
      emailStatus: "FAILED",
      emailAttempts: EMAIL_MAX_ATTEMPTS,
      emailNextAttemptAt: null,
      emailError: expect.stringMatching(/451/) as unknown,
    });
    expect(await deliverPendingEmails(t.prisma, { now: day(6, 24 * 60 - 1), transport })).toEqual(nothing);
    // The one good recipient got exactly one e-mail all along; the refused one is still in-app.
    expect(server.received).toHaveLength(1);
    expect((await listNotifications(t.prisma, people.refused.id)).items.map((n) => n.title)).toContain("Отказ сервера");
  });

  it("gives up on a mail server that never answers within each message's timeout and the run's budget", async () => {
    const silent = await startSilentServer();
    defer(() => silent.close());
    vi.stubEnv("SMTP_URL", silent.url);
    const now = day(7);
    for (const title of ["Тишина 1", "Тишина 2", "Тишина 3"]) await remind([people.coordinator.id], now, title);

    const started = performance.now();
    const report = await deliverPendingEmails(t.prisma, {
      now,
      transport: transportTo(silent.url),
      messageTimeoutMs: 600,
      deadlineMs: 1_000,
    });
    const elapsed = performance.now() - started;

    // 600 ms for the first, the 400 ms left of the budget for the second, none for the third.
    expect(report).toEqual({ ...nothing, retried: 2, deferred: 1 });
    expect(elapsed).toBeGreaterThanOrEqual(990);
    expect(elapsed).toBeLessThan(2_500);
    expect(silent.connections()).toBe(2);
    const rows = (await rowsOf(people.coordinator.id)).filter((r) => r.title.startsWith("Тишина"));
    expect(rows.map((r) => [r.emailStatus, r.emailAttempts, r.emailNextAttemptAt])).toEqual([
      ["PENDING", 1, day(7, 1)],
      ["PENDING", 1, day(7, 1)],
      ["PENDING", 0, now],
    ]);
    expect(rows[0]?.emailError).toMatch(/did not answer within 600 ms/);

    // Once a mail server answers, all three go out.
    const server = await mailServer();
    expect(await deliverPendingEmails(t.prisma, { now: day(7, 1), transport: transportTo(server.url) })).toEqual({
      ...nothing,
      sent: 3,
    });
    expect(server.received.map((m) => m.subject).sort()).toEqual([
      "[Отклик] Тишина 1",
      "[Отклик] Тишина 2",
      "[Отклик] Тишина 3",
    ]);
  });

  it("sends each e-mail exactly once when two servers deliver at the same time", async () => {
    const server = await mailServer();
    const now = day(8);
    const titles = Array.from({ length: 12 }, (_, i) => `Параллельно ${i + 1}`);
    for (const title of titles) await remind([people.coordinator.id, people.executor.id], now, title);
    const drain = async (prisma: TPrismaClient) => {
      const transport = transportTo(server.url);
      let sent = 0;
      for (;;) {
        const report = await deliverPendingEmails(prisma, { now, transport, limit: 3 });
        if (report.sent === 0) return sent;
        sent += report.sent;
      }
    };

    // A second instance of the portal has its own connections to the database. (The embedded
    // database is one session serving one connection: there both instances share it, and
    // there are no row locks between sessions to test.)
    let other: TPrismaClient = t.prisma;
    let sentAroundLock = 0;
    if (!t.embedded) {
      other = createPrismaClient(t.url, { poolMax: 3 });
      defer(() => other.$disconnect());
      // The other instance is in the middle of claiming four rows: a run skips them rather
      // than waiting for it or sending them too.
      await other.$transaction(
        async (tx) => {
          const locked = await tx.$queryRaw<{ id: string }[]>`
            SELECT "id" FROM "Notification" WHERE "title" = ${titles[0]} OR "title" = ${titles[1]} FOR UPDATE`;
          expect(locked).toHaveLength(4);
          const report = await deliverPendingEmails(t.prisma, { now, transport: transportTo(server.url) });
          expect(report).toEqual({ ...nothing, sent: 20 });
          sentAroundLock = report.sent;
        },
        { timeout: 15_000 },
      );
    }
    const [first, second] = await Promise.all([drain(t.prisma), drain(other)]);

    expect(sentAroundLock + first + second).toBe(24);
    const delivered = server.received.map((m) => `${m.envelopeTo.join()} ${m.subject}`);
    expect(delivered).toHaveLength(24);
    expect(new Set(delivered).size).toBe(24);
    const rows = await t.prisma.notification.findMany({
      where: { title: { startsWith: "Параллельно" } },
      select: { emailStatus: true, emailAttempts: true },
    });
    expect(rows).toHaveLength(24);
    expect(rows.every((r) => r.emailStatus === "SENT" && r.emailAttempts === 1)).toBe(true);
  });
});
