import { QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { createElement, type ComponentProps } from "react";
import { renderToString } from "react-dom/server";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCProvider } from "@/components/trpc/client";
import { makeQueryClient } from "@/components/trpc/query-client";
import { appRouter, createCaller, type TAppRouter } from "@/server/api/root";
import { createTestDatabase, type TTestDatabase } from "@/server/testing/db";
import { contextFor, createDepartment, createMunicipality, createUser } from "@/server/testing/factories";
import { MyViolations } from "./my-violations";
import { MY_VIOLATIONS_INPUT } from "./types";

/**
 * "My violations" as its page renders it on the server from the prefetched data: what the
 * responsible person sees before any request from the browser. (Interaction is the e2e tests'.)
 */

let t: TTestDatabase;
let municipalityId: string;
let orgId: string;
let zhkhId: string;
const users = {} as Record<"coordinator" | "executor" | "deputy", { id: string }>;
/** 10 March 2026, 15:00 in Moscow. */
const now = new Date("2026-03-10T12:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  await t.prisma.socialNetwork.create({ data: { code: "VK", name: "ВКонтакте", hosts: ["vk.com"] } });
  municipalityId = (await createMunicipality(t.prisma)).id;
  orgId = (await createDepartment(t.prisma, municipalityId, { name: "Орготдел", isCoordinating: true })).id;
  zhkhId = (await createDepartment(t.prisma, municipalityId, { name: "Отдел ЖКХ" })).id;
  users.coordinator = await createUser(t.prisma, { roles: ["COORDINATOR"], municipalityId, departmentId: orgId });
  users.executor = await createUser(t.prisma, { roles: ["EXECUTOR"], municipalityId, departmentId: zhkhId });
  users.deputy = await createUser(t.prisma, { roles: ["DEPUTY_HEAD"], municipalityId });
});
afterAll(async () => {
  await t.cleanup();
});

async function renderMine(user: { id: string }) {
  const queryClient = makeQueryClient();
  const trpc = createTRPCOptionsProxy<TAppRouter>({
    router: appRouter,
    ctx: await contextFor(t.prisma, user, now),
    queryClient,
  });
  await queryClient.prefetchInfiniteQuery(
    trpc.violations.mine.infiniteQueryOptions(MY_VIOLATIONS_INPUT, {
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  );
  // Never called: everything the page needs is already in the cache.
  const trpcClient = createTRPCClient<TAppRouter>({
    links: [httpBatchLink({ url: "http://127.0.0.1:9/api/trpc", transformer: superjson })],
  });
  const html = renderToString(
    createElement(
      QueryClientProvider,
      { client: queryClient },
      createElement(
        TRPCProvider,
        { trpcClient, queryClient } as ComponentProps<typeof TRPCProvider>,
        createElement(MyViolations, { timeZone: "Europe/Moscow" }),
      ),
    ),
  );
  return html.replace(/<!-- -->/g, "");
}

describe("my violations, rendered by the page", () => {
  it("says so when there are none", async () => {
    expect(await renderMine(users.executor)).toContain("Нарушений сроков за вами и вашим отделом нет.");
  });

  it("shows a late routing to the coordinating department with the form, and the decision once explained", async () => {
    const coordinator = createCaller(await contextFor(t.prisma, users.coordinator, now));
    // Received at 12:00 Moscow, routed at 15:00: 2 h 30 min past the 12:30 deadline.
    const { caseId } = await coordinator.cases.intake({
      source: "CURATOR",
      url: "https://vk.com/wall-1_1",
      text: "Нет воды",
      receivedAt: new Date(now.getTime() - 3 * 3600_000),
    });
    await coordinator.cases.transition({ caseId, event: "route", input: { departmentId: zhkhId } });
    const { number } = await t.prisma.case.findUniqueOrThrow({ where: { id: caseId } });

    const before = await renderMine(users.coordinator);
    const card = /<article[\s\S]*?<\/article>/.exec(before)?.[0] ?? "";
    expect(card).toContain(`Публикация № ${number}</a>: Публикация не направлена в отдел в срок (п.7)`);
    expect(card).toContain("Направление в отдел: срок истёк 10.03.2026, 12:30 · за отделом, Орготдел");
    expect(card).toContain("на 2 ч 30 мин");
    expect(card).toContain("выполнено 10.03.2026, 15:00");
    expect(card).toContain("Решение не принято");
    expect(card).toMatch(/aria-label="Объяснение по нарушению, публикация № \d+"/);
    expect(card).toMatch(/<label for="[^"]+" class="[^"]*">Объяснение<\/label>/);
    expect(card).toMatch(/<button type="submit"[^>]*>Отправить объяснение<\/button>/);
    expect(before).toContain("Ждут вашего объяснения: 1.");
    // The executor's department is not charged with routing.
    expect(await renderMine(users.executor)).toContain("Нарушений сроков за вами и вашим отделом нет.");

    const [v] = (await coordinator.violations.mine()).items;
    await coordinator.violations.explain({ violationId: v!.id, explanation: "Куратор прислал публикацию поздно" });
    const deputy = createCaller(await contextFor(t.prisma, users.deputy, now));
    await deputy.violations.decide({ violationId: v!.id, kind: "NO_MEASURES", text: "Причина уважительная" });

    const after = await renderMine(users.coordinator);
    expect(after).toContain("Объяснения по всем нарушениям даны.");
    expect(after).toContain("Куратор прислал публикацию поздно");
    expect(after).toMatch(/data-testid="current-decision"[^>]*><span[^>]*>Меры не применяются<\/span>/);
    expect(after).toContain("Причина уважительная");
    expect(after).not.toContain("Отправить объяснение");
  });
});
