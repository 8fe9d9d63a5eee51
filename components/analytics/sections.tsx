"use client";

import { skipToken, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import type { TAnalyticsReport, TCountRow, TFigure } from "@/server/domain/analytics/types";
import { formatCount, formatDecimal, formatMinutes, formatShare, formatValue } from "@/server/domain/reports/format";
import { departmentLeague, ratingValueKind, weightShares } from "@/server/domain/reports/tables";
import { formatDateTime } from "@/server/domain/time/zone";
import { figureHref, type TAnalyticsScope } from "./links";
import { DataTable, FigureLink, Panel } from "./panel";

type TProps = { report: TAnalyticsReport; scope: TAnalyticsScope };

function CountTable({
  caption,
  header,
  rows,
  total,
  figure,
  scope,
}: {
  caption: string;
  header: string;
  rows: readonly TCountRow[];
  total: number;
  figure: TFigure;
  scope: TAnalyticsScope;
}) {
  return (
    <DataTable
      caption={caption}
      columns={[{ header }, { header: "Количество", numeric: true }, { header: "Доля", numeric: true }]}
      rows={rows.map((r) => ({
        key: r.key,
        cells: [
          r.label,
          <FigureLink key="c" href={r.count > 0 ? figureHref(scope, figure, r.key) : null}>
            {formatCount(r.count)}
          </FigureLink>,
          formatShare(total > 0 ? r.count / total : null),
        ],
      }))}
    />
  );
}

/** Volumes other than by network: by source and topic, repeated and socially significant. */
export function VolumeSection({ report, scope }: TProps) {
  const v = report.current.volume;
  return (
    <Panel title="Поступление публикаций" testId="analytics-volume">
      <p className="text-sm">
        Повторных публикаций: <FigureLink href={figureHref(scope, "repeated")}>{formatCount(v.repeated)}</FigureLink>;
        социально значимых:{" "}
        <FigureLink href={figureHref(scope, "significant")}>{formatCount(v.significant)}</FigureLink>.
      </p>
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        <div>
          <h3 className="mb-1 text-sm font-medium text-slate-700">По источникам</h3>
          <CountTable
            caption="Публикации по источникам"
            header="Источник"
            rows={v.bySource}
            total={v.received}
            figure="bySource"
            scope={scope}
          />
        </div>
        <div>
          <h3 className="mb-1 text-sm font-medium text-slate-700">По темам</h3>
          <CountTable
            caption="Публикации по темам"
            header="Тема"
            rows={v.byTopic}
            total={v.received}
            figure="byTopic"
            scope={scope}
          />
        </div>
      </div>
    </Panel>
  );
}

/** Median and 90th percentile of the times to route, to draft and to answer. */
export function DurationsSection({ report, scope }: TProps) {
  const t = report.current.timeliness;
  const q = report.current.quality;
  const rows = [
    { key: "route", label: "направления в отдел", s: t.timeToRoute },
    { key: "draft", label: "проекта ответа", s: t.timeToDraft },
    { key: "answer", label: "размещения ответа", s: t.timeToAnswer },
  ];
  return (
    <Panel title="Время обработки и качество" testId="analytics-durations">
      <DataTable
        caption="Время от поступления публикации"
        columns={[
          { header: "От поступления до" },
          { header: "Публикаций", numeric: true },
          { header: "Медиана", numeric: true },
          { header: "90-й процентиль", numeric: true },
        ]}
        rows={rows.map((r) => ({
          key: r.key,
          cells: [r.label, formatCount(r.s.count), formatMinutes(r.s.medianMinutes), formatMinutes(r.s.p90Minutes)],
        }))}
      />
      <p className="mt-3 text-sm">
        Ответ не размещён в течение 24 часов:{" "}
        <FigureLink href={figureHref(scope, "answeredLate")}>
          {formatCount(t.answerDue - t.answeredWithin24h)}
        </FigureLink>{" "}
        из {formatCount(t.answerDue)}. Возвратов на доработку: {formatCount(q.reworkRounds)}, публикаций с возвратами:{" "}
        <FigureLink href={figureHref(scope, "reworked")}>{formatCount(q.reworkedCases)}</FigureLink>.
      </p>
    </Panel>
  );
}

export function ViolationsSection({ report, scope }: TProps) {
  const v = report.current.violations;
  return (
    <Panel
      title="Нарушения сроков"
      description={`Всего за месяц: ${formatCount(v.total)}.`}
      testId="analytics-violations"
    >
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <h3 className="mb-1 text-sm font-medium text-slate-700">По видам</h3>
          <CountTable
            caption="Нарушения по видам"
            header="Вид нарушения"
            rows={v.byType}
            total={v.total}
            figure="violationsByType"
            scope={scope}
          />
        </div>
        <div>
          <h3 className="mb-1 text-sm font-medium text-slate-700">По отделам</h3>
          <CountTable
            caption="Нарушения по отделам"
            header="Отдел"
            rows={v.byDepartment}
            total={v.total}
            figure="violationsByDepartment"
            scope={scope}
          />
        </div>
      </div>
      <h3 className="mt-4 mb-1 text-sm font-medium text-slate-700">По исполнителям</h3>
      <DataTable
        caption="Нарушения по исполнителям"
        empty="Нарушений, отнесённых на исполнителей, нет"
        columns={[{ header: "Сотрудник" }, { header: "Отдел" }, { header: "Нарушений", numeric: true }]}
        rows={v.byExecutor.map((e) => ({
          key: e.userId,
          cells: [
            e.fullName,
            e.departmentName ?? "—",
            <FigureLink key="c" href={figureHref(scope, "violationsByExecutor", e.userId)}>
              {formatCount(e.count)}
            </FigureLink>,
          ],
        }))}
      />
    </Panel>
  );
}

export function RoutineSection({ report }: { report: TAnalyticsReport }) {
  const r = report.current.routine;
  return (
    <Panel
      title="Плановые публикации (п.6)"
      description={`Норма — не реже ${formatCount(r.weeklyMinimum)} раз в неделю на каждом официальном аккаунте. Учтены завершившиеся недели, начавшиеся в этом месяце. Всего: ${formatCount(r.weeksMet)} из ${formatCount(r.weeks)} недель с нормой (${formatShare(r.share)}).`}
      testId="analytics-routine"
    >
      <DataTable
        caption="Плановые публикации по аккаунтам"
        empty="Официальные аккаунты не зарегистрированы"
        columns={[
          { header: "Аккаунт" },
          { header: "Публикаций", numeric: true },
          { header: "Недель", numeric: true },
          { header: "Недель с нормой", numeric: true },
          { header: "Доля", numeric: true },
        ]}
        rows={r.accounts.map((a) => ({
          key: a.accountId,
          cells: [
            a.label,
            formatCount(a.posts),
            formatCount(a.weeks),
            formatCount(a.weeksMet),
            formatShare(a.weeks > 0 ? a.weeksMet / a.weeks : null),
          ],
        }))}
      />
    </Panel>
  );
}

export function RatingSection({ report, scope }: TProps) {
  const rating = report.rating;
  const weights = weightShares(rating.components);
  const league = departmentLeague(report);
  // The speed thresholds are the municipality's; a report over several municipalities may mix them.
  const trpc = useTRPC();
  const [only] = report.scope.municipalityIds;
  const formula = useQuery(
    trpc.analytics.ratingFormula.queryOptions(
      report.scope.municipalityIds.length === 1 && only ? { municipalityId: only } : skipToken,
    ),
  );
  const speed = formula.data?.formula.speed;
  return (
    <Panel
      title="Рейтинг (самооценка)"
      description="Оценка по формуле того же вида, что у регионального ЦУР: составляющие в баллах из 100, взвешенные. Составляющая, которую в этом месяце не измерить, не учитывается, а её вес делится между остальными. Веса задаёт администратор в настройках."
      testId="analytics-rating"
    >
      <p className="text-sm">
        Итоговый балл:{" "}
        <strong className="text-2xl font-semibold tabular-nums" data-testid="rating-score">
          {formatDecimal(rating.score)}
        </strong>{" "}
        {rating.score === null ? "(за месяц нечего оценивать)" : "из 100"}
      </p>
      {speed ? (
        <p className="mt-1 text-sm text-slate-600" data-testid="rating-speed-thresholds">
          Оперативность: полный балл при медиане до {formatDecimal(speed.fullPointsHours)} ч, ноль баллов — от{" "}
          {formatDecimal(speed.zeroPointsHours)} ч, между ними — пропорционально.
        </p>
      ) : null}
      <div className="mt-3 grid gap-4 lg:grid-cols-2">
        <div>
          <h3 className="mb-1 text-sm font-medium text-slate-700">Составляющие</h3>
          <DataTable
            caption="Составляющие рейтинга"
            columns={[
              { header: "Составляющая" },
              { header: "Значение", numeric: true },
              { header: "Баллы", numeric: true },
              { header: "Вес", numeric: true },
            ]}
            rows={rating.components.map((c, i) => ({
              key: c.key,
              cells: [
                c.label,
                formatValue(c.value, ratingValueKind(c)),
                formatDecimal(c.points),
                formatShare(weights[i] ?? null),
              ],
            }))}
          />
        </div>
        <div>
          <h3 className="mb-1 text-sm font-medium text-slate-700">Рейтинг отделов</h3>
          <DataTable
            caption="Рейтинг отделов, лучшие сверху"
            columns={[{ header: "Место" }, { header: "Отдел" }, { header: "Баллы", numeric: true }]}
            rows={league.map((d, i) => ({
              key: d.departmentId,
              cells: [
                d.score === null ? "—" : String(i + 1),
                <FigureLink key="n" href={figureHref(scope, "byDepartment", d.departmentId)}>
                  {d.name}
                </FigureLink>,
                formatDecimal(d.score),
              ],
            }))}
          />
        </div>
      </div>
    </Panel>
  );
}

const SURGE_KINDS = { TOPIC: "тема", SETTLEMENT: "населённый пункт" } as const;

export function SurgesSection({ report }: { report: TAnalyticsReport }) {
  return (
    <Panel
      title="Всплески активности (п.13)"
      description="Несколько публикаций на одну тему или об одном населённом пункте за короткое время; глава и заместитель главы получают уведомление сразу."
      testId="analytics-surges"
    >
      {report.surges.length === 0 ? (
        <p className="text-sm text-slate-500">Всплесков за месяц не было.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {report.surges.map((s) => (
            <li key={s.id}>
              <span className="font-medium">{s.label}</span> ({SURGE_KINDS[s.kind]}) — {formatCount(s.caseCount)} публ.,
              первая {formatDateTime(new Date(s.firstCaseAt), report.scope.timeZone)}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
