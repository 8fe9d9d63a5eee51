import { QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { createElement, Fragment, type ComponentProps } from "react";
import { renderToString } from "react-dom/server";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCProvider } from "@/components/trpc/client";
import { makeQueryClient } from "@/components/trpc/query-client";
import { appRouter, type TAppRouter } from "@/server/api/root";
import { commitImport } from "@/server/services/import/commit";
import { createTestDatabase, type TTestDatabase } from "@/server/testing/db";
import { contextFor, createMunicipality, createUser } from "@/server/testing/factories";
import { IMPORT_HISTORY_INPUT } from "./format";
import { ImportHistory } from "./import-history";
import { ImportWorkspace } from "./import-workspace";

/**
 * The import page as the server renders it from the prefetched history: what the coordinator
 * sees before any request from the browser. (Choosing a file and importing is the e2e tests'.)
 */

let t: TTestDatabase;
let municipalityId: string;
let coordinator: { id: string };
/** 28 November 2026, 15:00 in Moscow. */
const now = new Date("2026-11-28T12:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  await t.prisma.socialNetwork.create({ data: { code: "VK", name: "ВКонтакте", hosts: ["vk.com"] } });
  municipalityId = (await createMunicipality(t.prisma)).id;
  coordinator = await createUser(t.prisma, { roles: ["COORDINATOR"], municipalityId });
});
afterAll(async () => {
  await t.cleanup();
});

async function renderPage() {
  const queryClient = makeQueryClient();
  const trpc = createTRPCOptionsProxy<TAppRouter>({
    router: appRouter,
    ctx: await contextFor(t.prisma, coordinator, now),
    queryClient,
  });
  await queryClient.prefetchQuery(trpc.imports.history.queryOptions(IMPORT_HISTORY_INPUT));
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
        createElement(
          Fragment,
          null,
          createElement(ImportWorkspace, { timeZone: "Europe/Moscow" }),
          createElement(ImportHistory, { timeZone: "Europe/Moscow" }),
        ),
      ),
    ),
  );
  return html.replace(/<!-- -->/g, "");
}

describe("the import page, rendered by the server", () => {
  it("offers a labelled file picker and says there were no imports yet", async () => {
    const html = await renderPage();
    expect(html).toMatch(/<label for="([^"]+)-file"[^>]*>Файл выгрузки \(CSV или XLSX\)<\/label>/);
    expect(html).toContain('type="file"');
    expect(html).toContain("Импортов ещё не было.");
  });

  it("lists an import with its counts, in Moscow time", async () => {
    const csv = [
      "ID инцидента;Ссылка;Текст;Дата поступления",
      "R-1;https://vk.com/wall-8_1;Нет воды;28.11.2026 14:05",
      "R-2;;Без ссылки;28.11.2026 14:06",
    ].join("\n");
    await commitImport(
      t.prisma,
      { userId: coordinator.id, municipalityId },
      { name: "ноябрь.csv", bytes: Buffer.from(csv) },
      null,
      now,
    );
    const html = await renderPage();
    expect(html).not.toContain("Импортов ещё не было.");
    expect(html).toContain("ноябрь.csv");
    // 12:00 UTC is 15:00 in Moscow.
    expect(html).toContain("28.11.2026, 15:00");
    expect(html).toMatch(/<td[^>]*>2<\/td><td[^>]*>1<\/td><td[^>]*>0<\/td><td[^>]*>1<\/td>/);
    expect(html).toContain('aria-label="Показать отчёт импорта «ноябрь.csv» от 28.11.2026, 15:00"');
  });
});
