import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { createElement, type ComponentProps, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCProvider } from "@/components/trpc/client";
import { makeQueryClient } from "@/components/trpc/query-client";
import { appRouter, createCaller, type TAppRouter } from "@/server/api/root";
import { createTestDatabase, type TTestDatabase } from "@/server/testing/db";
import { contextFor, createDepartment, createMunicipality, createUser } from "@/server/testing/factories";
import { CuratorQueue } from "./curator-queue";
import { InboxQueue } from "./inbox-queue";
import { WorkQueue } from "./work-queue";

/**
 * The queues as their pages render them on the server, from the data the page prefetches: what
 * a person sees before any request from the browser. (Interaction is the end-to-end tests'.)
 */

let t: TTestDatabase;
let municipalityId: string;
let zhkhId: string;
const users = {} as Record<"coordinator" | "executor" | "curator", { id: string }>;
const now = new Date("2026-11-27T09:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  await t.prisma.socialNetwork.create({ data: { code: "VK", name: "ВКонтакте", hosts: ["vk.com"] } });
  municipalityId = (await createMunicipality(t.prisma)).id;
  await createDepartment(t.prisma, municipalityId, { name: "Организационный отдел", isCoordinating: true });
  zhkhId = (await createDepartment(t.prisma, municipalityId, { name: "Отдел ЖКХ" })).id;
  users.coordinator = await createUser(t.prisma, { roles: ["COORDINATOR"], municipalityId });
  users.executor = await createUser(t.prisma, { roles: ["EXECUTOR"], municipalityId, departmentId: zhkhId });
  users.curator = await createUser(t.prisma, { roles: ["CURATOR"], municipalityId: null, curates: [municipalityId] });
});
afterAll(async () => {
  await t.cleanup();
});

type TProxy = ReturnType<typeof createTRPCOptionsProxy<TAppRouter>>;

/** Renders `element` for `user` the way a page does: its queries prefetched, then hydrated. */
async function render(
  user: { id: string },
  element: ReactElement,
  prefetch: (trpc: TProxy, queryClient: QueryClient) => Promise<unknown>,
) {
  const queryClient = makeQueryClient();
  const trpc = createTRPCOptionsProxy<TAppRouter>({
    router: appRouter,
    ctx: await contextFor(t.prisma, user, now),
    queryClient,
  });
  await prefetch(trpc, queryClient);
  // Never called: everything the page needs is already in the cache.
  const trpcClient = createTRPCClient<TAppRouter>({
    links: [httpBatchLink({ url: "http://127.0.0.1:9/api/trpc", transformer: superjson })],
  });
  const html = renderToString(
    createElement(
      QueryClientProvider,
      { client: queryClient },
      // The child goes as createElement's argument; the props type still lists it.
      createElement(TRPCProvider, { trpcClient, queryClient } as ComponentProps<typeof TRPCProvider>, element),
    ),
  );
  return html.replace(/<!-- -->/g, "");
}

const inbox = () =>
  render(users.coordinator, createElement(InboxQueue), (trpc, qc) =>
    Promise.all([
      qc.prefetchQuery(trpc.queues.inbox.queryOptions()),
      qc.prefetchQuery(trpc.queues.routingOptions.queryOptions()),
    ]),
  );

describe("queues rendered by their pages", () => {
  it("says so when there is nothing to do", async () => {
    const html = await inbox();
    expect(html).toContain("Новых публикаций нет");
    expect(html).toContain("Проектов, ожидающих проверки, нет");
    expect(html).toContain("Согласованных ответов, ожидающих размещения, нет");
    expect(html).toMatch(/role="status"/);
    const work = await render(users.executor, createElement(WorkQueue, { departmentName: "Отдел ЖКХ" }), (trpc, qc) =>
      qc.prefetchQuery(trpc.queues.work.queryOptions()),
    );
    expect(work).toContain("Публикаций, ожидающих проекта ответа, нет");
    const curator = await render(users.curator, createElement(CuratorQueue), (trpc, qc) =>
      qc.prefetchQuery(trpc.queues.curator.queryOptions()),
    );
    expect(curator).toContain("Проектов ответов на согласовании нет");
  });

  it("shows each new case with its clocks and a routing form pre-set to the suggestion", async () => {
    const topic = await t.prisma.topic.create({ data: { municipalityId, name: "Вода", defaultDepartmentId: zhkhId } });
    const coordinator = createCaller(await contextFor(t.prisma, users.coordinator, now));
    await coordinator.cases.intake({
      source: "CURATOR",
      url: "https://vk.com/wall-1_1",
      text: "Нет воды в доме на улице Ленина",
      authorName: "Иванов Пётр",
      topicId: topic.id,
      significant: true,
      receivedAt: new Date(now.getTime() - 20 * 60_000),
    });
    const html = await inbox();
    const row = /<li data-testid="inbox-row"[\s\S]*?<\/li>/.exec(html)?.[0] ?? "";
    expect(row).toContain("Нет воды в доме на улице Ленина");
    expect(row).toContain("Иванов Пётр");
    // 11:40 in Moscow: received 20 minutes before 12:00.
    expect(row).toContain("27.11.2026, 11:40");
    expect(row).toContain("Социально значимая");
    expect(row).toMatch(/data-testid="clock-ROUTE" data-state="ON_TIME"[^>]*>.*осталось 10 мин/);
    expect(row).toMatch(/data-testid="clock-ANSWER"/);
    expect(row).toMatch(/Отдел<span class="sr-only"> для публикации № \d+<\/span>/);
    expect(row).toMatch(/Исполнитель<span class="sr-only"> для публикации № \d+<\/span>/);
    expect(row).toMatch(new RegExp(`<option value="${zhkhId}" selected="">Отдел ЖКХ</option>`));
    expect(row).toContain("Подсказка: Отдел ЖКХ — по теме «Вода»");
    expect(row).toMatch(/<button type="submit"[^>]*>Направить<\/button>/);
  });

  it("puts the draft's text and the decision form in the curator's row", async () => {
    const coordinator = createCaller(await contextFor(t.prisma, users.coordinator, now));
    const executor = createCaller(await contextFor(t.prisma, users.executor, now));
    const { caseId } = await coordinator.cases.intake({
      source: "CURATOR",
      url: "https://vk.com/wall-1_2",
      text: "Яма на дороге у школы",
    });
    await coordinator.cases.transition({ caseId, event: "route", input: { departmentId: zhkhId } });
    await executor.cases.transition({
      caseId,
      event: "submitDraft",
      draft: { kind: "MEASURES", measures: "Яма засыпана щебнем.", stages: "Асфальтирование до 30.11.2026." },
    });
    await coordinator.cases.transition({ caseId, event: "forward" });

    const html = await render(users.curator, createElement(CuratorQueue), (trpc, qc) =>
      qc.prefetchQuery(trpc.queues.curator.queryOptions()),
    );
    const row = /<li data-testid="curator-row"[\s\S]*?<\/li>/.exec(html)?.[0] ?? "";
    expect(row).toContain("Проект ответа, версия 1: Принятые меры, этапы и сроки");
    expect(row).toMatch(/data-testid="draft-text"[^>]*>[^<]*Яма засыпана щебнем\./);
    expect(row).toMatch(/Комментарий куратора<span class="sr-only"> к публикации № \d+<\/span>/);
    expect(row).toMatch(/>Согласовать<\/button>/);
    expect(row).toMatch(/>Вернуть на доработку<\/button>/);
    expect(html).not.toContain("Вы вносите решения куратора");

    const onBehalf = await render(users.coordinator, createElement(CuratorQueue), (trpc, qc) =>
      qc.prefetchQuery(trpc.queues.curator.queryOptions()),
    );
    expect(onBehalf).toContain("Вы вносите решения куратора");
  });
});
