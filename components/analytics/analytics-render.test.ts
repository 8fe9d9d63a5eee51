import { QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { PathnameContext, SearchParamsContext } from "next/dist/shared/lib/hooks-client-context.shared-runtime";
import { createElement, type ComponentProps, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { TRPCProvider } from "@/components/trpc/client";
import { makeQueryClient } from "@/components/trpc/query-client";
import type { TAppRouter } from "@/server/api/root";
import { fixtureReport } from "@/server/domain/reports/fixture";
import { AnalyticsDashboard } from "./analytics-dashboard";
import { FigureCases } from "./figure-cases";
import { figureCasesInput, readFigureQuery, reportInput } from "./links";

/**
 * The analytics pages as the server renders them from data already in the cache (the page
 * prefetches it): the headline numbers, the four charts as SVG with their test ids, the links
 * of the drill-down and its list. Interaction (the table toggle, clicking a bar) is the e2e
 * tests'.
 */

// Never called: everything the components need is put in the cache first.
const trpcClient = createTRPCClient<TAppRouter>({
  links: [httpBatchLink({ url: "http://127.0.0.1:9/api/trpc", transformer: superjson })],
});

const router = {
  back: () => {},
  forward: () => {},
  refresh: () => {},
  hmrRefresh: () => {},
  push: () => {},
  replace: () => {},
  prefetch: () => {},
} as unknown as AppRouterInstance;

function render(
  pathname: string,
  search: string,
  element: ReactElement,
  fill: (q: ReturnType<typeof makeQueryClient>) => void,
) {
  const queryClient = makeQueryClient();
  fill(queryClient);
  const html = renderToString(
    createElement(
      AppRouterContext.Provider,
      { value: router },
      createElement(
        PathnameContext.Provider,
        { value: pathname },
        createElement(
          SearchParamsContext.Provider,
          { value: new URLSearchParams(search) },
          createElement(
            QueryClientProvider,
            { client: queryClient },
            createElement(TRPCProvider, { trpcClient, queryClient } as ComponentProps<typeof TRPCProvider>, element),
          ),
        ),
      ),
    ),
  );
  return html.replace(/<!-- -->/g, "").replace(/\u00a0|\u202f/g, " ");
}

const trpcFor = (queryClient: ReturnType<typeof makeQueryClient>) =>
  createTRPCOptionsProxy<TAppRouter>({ client: trpcClient, queryClient });

const municipalities = [
  { id: "mun-1", name: "Мясниковский район", timeZone: "Europe/Moscow", regionName: "Ростовская область" },
];

function renderDashboard(search: string, list = municipalities) {
  return render("/analytics", search, createElement(AnalyticsDashboard, { defaultMonth: "2026-04" }), (q) => {
    const trpc = trpcFor(q);
    q.setQueryData(trpc.analytics.municipalities.queryKey(), list);
    q.setQueryData(trpc.analytics.report.queryKey(reportInput({ month: "2026-03", municipality: "" })), fixtureReport);
    const formula = {
      weights: { timeliness: 40, speed: 20, quality: 25, overdue: 15 },
      speed: { fullPointsHours: 8, zeroPointsHours: 24 },
    };
    q.setQueryData(trpc.analytics.ratingFormula.queryKey({ municipalityId: "mun-1" }), {
      municipalityId: "mun-1",
      formula: { ...formula, speed: { fullPointsHours: 6, zeroPointsHours: 20.5 } },
      isDefault: false,
      defaults: formula,
    });
  });
}

/** The element with this test id and everything up to the next chart's. */
function section(html: string, testId: string): string {
  const start = html.indexOf(`data-testid="${testId}"`);
  expect(start, testId).toBeGreaterThan(0);
  const next = html.indexOf('data-testid="chart-', start + testId.length + 14);
  return html.slice(start, next > 0 ? next : undefined);
}

describe("the analytics page", () => {
  it("shows the headline numbers with their changes in words, each opening its cases", () => {
    const html = renderDashboard("?month=2026-03");
    expect(html).toContain("Мясниковский район, март 2026 г.");
    expect(html).toContain("данные окончательные (месяц закрыт)");
    const received = /data-testid="headline-received"[\s\S]*?<\/li>/.exec(html)?.[0] ?? "";
    expect(received).toContain("Поступило публикаций");
    expect(received).toContain('href="/analytics/cases?month=2026-03&amp;figure=received"');
    expect(received).toContain(">40</a>");
    expect(received).toContain("+8 (+25 %)");
    const timely = /data-testid="headline-answeredWithin24hShare"[\s\S]*?<\/li>/.exec(html)?.[0] ?? "";
    expect(timely).toContain("83,3 %");
    expect(timely).toMatch(/text-green-700[^>]*>.*▲.*\+3,3 п\.п\./);
    expect(timely).toContain("(лучше)");
  });

  it("gives each of the four charts a sized container, with a switch to its table", () => {
    // recharts draws its SVG in the browser, once it has measured the container (the e2e
    // tests check the SVG); on the server the container must already have its size.
    const html = renderDashboard("?month=2026-03");
    for (const id of ["chart-trend", "chart-departments", "chart-networks", "chart-clocks"]) {
      const chart = section(html, id);
      expect(chart).toContain("recharts-responsive-container");
      expect(chart).toMatch(/class="recharts-wrapper" style="[^"]*width:800px;height:\d+px/);
      expect(chart).toMatch(/aria-pressed="true"[^>]*>График<\/button>/);
      expect(chart).toMatch(/aria-pressed="false"[^>]*>Таблица<\/button>/);
    }
    expect(section(html, "chart-trend")).toContain('class="h-80 w-full"');
    // Four departments: room for each one's two bars.
    expect(section(html, "chart-departments")).toContain('style="height:262px"');
  });

  it("offers both documents of the month shown", () => {
    const html = renderDashboard("?month=2026-03");
    expect(html).toContain('href="/api/reports/monthly?month=2026-03&amp;format=docx"');
    expect(html).toContain('href="/api/reports/monthly?month=2026-03&amp;format=xlsx"');
  });

  it("shows the rating with weights, the league table best first, and the tables with drill-down links", () => {
    const html = renderDashboard("?month=2026-03");
    expect(html).toMatch(/data-testid="rating-score"[^>]*>81,3</);
    const rating = html.slice(html.indexOf('data-testid="analytics-rating"'));
    expect(rating).toContain("Своевременность ответов");
    expect(rating).toContain(">40 %<");
    expect(rating).toContain("Оперативность: полный балл при медиане до 6 ч, ноль баллов — от 20,5 ч");
    const league = ["Отдел архитектуры и градостроительства", "Отдел образования", "Отдел ЖКХ", "Отдел культуры"].map(
      (name) => rating.indexOf(`>${name}</a>`),
    );
    expect(league.every((at) => at > 0)).toBe(true);
    expect([...league].sort((a, b) => a - b)).toEqual(league);
    expect(html).toContain('href="/analytics/cases?month=2026-03&amp;figure=violationsByExecutor&amp;key=user-ivanov"');
    expect(html).toContain('href="/analytics/cases?month=2026-03&amp;figure=bySource&amp;key=OWN_MONITORING"');
    expect(html).toContain("Администрация района (Одноклассники)");
    expect(html).toContain("с. Чалтырь");
  });

  it("lets only a curator with several municipalities choose among them", () => {
    expect(renderDashboard("?month=2026-03")).not.toContain("Все муниципальные образования");
    const curated = renderDashboard("?month=2026-03", [
      ...municipalities,
      { id: "mun-2", name: "Аксайский район", timeZone: "Europe/Moscow", regionName: "Ростовская область" },
    ]);
    expect(curated).toMatch(/<option value=""[^>]*>Все муниципальные образования<\/option>/);
    expect(curated).toContain('<option value="mun-2">Аксайский район</option>');
  });
});

describe("the drill-down page", () => {
  it("lists the cases of the figure, each opening its case, under the figure's name", () => {
    const search = "?month=2026-03&figure=byDepartment&key=dep-zhkh";
    const html = render(
      "/analytics/cases",
      search,
      createElement(FigureCases, { defaultMonth: "2026-04", timeZone: "Europe/Moscow" }),
      (q) => {
        const trpc = trpcFor(q);
        const query = readFigureQuery(new URLSearchParams(search), "2026-04")!;
        q.setQueryData(trpc.analytics.report.queryKey(reportInput(query.scope)), fixtureReport);
        q.setQueryData(trpc.analytics.figureCases.infiniteQueryKey(figureCasesInput(query)), {
          pages: [
            {
              items: [
                {
                  id: "case-7",
                  number: 7,
                  municipalityName: "Мясниковский район",
                  receivedAt: new Date("2026-03-10T08:00:00Z"),
                  status: "POSTED" as const,
                  networkName: "ВКонтакте",
                  departmentName: "Отдел ЖКХ",
                  excerpt: "Нет воды третий день",
                },
              ],
              nextCursor: "2026-03-10T08:00:00.000Z|case-7",
              total: 22,
            },
          ],
          pageParams: [null],
        });
      },
    );
    expect(html).toMatch(/data-testid="figure-title"[^>]*>Публикации по отделу: Отдел ЖКХ</);
    expect(html).toContain("Мясниковский район, март 2026 г. — публикаций: 22");
    expect(html).toContain(
      '<a class="font-medium text-brand-700 hover:underline" href="/cases/case-7">Публикация № 7</a>',
    );
    expect(html).toContain("10.03.2026, 11:00");
    expect(html).toContain("Ответ размещён");
    expect(html).toContain("Показать ещё");
    expect(html).toContain('href="/analytics?month=2026-03"');
  });

  it("says so when the address names no figure", () => {
    const html = render(
      "/analytics/cases",
      "?month=2026-03",
      createElement(FigureCases, { defaultMonth: "2026-04", timeZone: "Europe/Moscow" }),
      () => {},
    );
    expect(html).toContain("Ссылка неполная или устарела");
  });
});
