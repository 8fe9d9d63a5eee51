import { formatLongDate } from "@/server/domain/time/zone";
import { formatTimeOfDay } from "@/server/domain/wall/countdown";
import type { TWallTotals } from "@/server/domain/wall/board";
import type { TWallConnection } from "./use-wall-stream";

const CONNECTION = {
  connecting: { text: "подключение…", style: "bg-slate-700 text-slate-50" },
  online: { text: "на связи", style: "bg-emerald-900 text-emerald-100" },
  offline: { text: "нет связи", style: "bg-red-700 text-white" },
  unavailable: { text: "данные не обновляются", style: "bg-amber-400 text-slate-950" },
  denied: { text: "доступ закрыт", style: "bg-red-700 text-white" },
} as const satisfies Record<TWallConnection["state"], { text: string; style: string }>;

/** Sized to WALL_LAYOUT.headerPx (136 px). */
export function WallHeader({
  municipality,
  totals,
  nowMs,
  timeZone,
  connection,
  page,
}: {
  municipality: string;
  totals: TWallTotals;
  nowMs: number;
  timeZone: string;
  connection: TWallConnection["state"];
  page: { index: number; count: number };
}) {
  const now = new Date(nowMs);
  return (
    <header className="flex h-[136px] shrink-0 items-center gap-3 border-b border-slate-800 px-6 xl:gap-6">
      <div className="min-w-0 flex-1">
        <p className="text-[18px] text-slate-400">Табло сроков ответов на публикации</p>
        <h1 className="truncate text-[30px] leading-tight font-bold">{municipality}</h1>
      </div>
      <dl className="flex shrink-0 gap-2 xl:gap-3">
        <Stat label="открыто" value={totals.open} style="bg-slate-800 text-slate-50" />
        <Stat
          label="под угрозой"
          value={totals.atRisk}
          style={totals.atRisk > 0 ? "bg-amber-400 text-slate-950" : "bg-slate-800 text-slate-300"}
        />
        <Stat
          label="просрочено"
          value={totals.overdue}
          style={totals.overdue > 0 ? "wall-overdue text-white" : "bg-slate-800 text-slate-300"}
        />
        <Stat label="отвечено сегодня в срок" value={totals.answeredToday} style="bg-emerald-900 text-emerald-50" />
      </dl>
      <div className="shrink-0 text-right">
        <p className="text-[36px] leading-none font-bold tabular-nums xl:text-[52px]" aria-label="Текущее время">
          {formatTimeOfDay(now, timeZone)}
        </p>
        <p className="mt-1 hidden text-[16px] text-slate-300 xl:block">{formatLongDate(now, timeZone)}</p>
        <p className="mt-1 flex justify-end gap-2 text-[16px]">
          {page.count > 1 ? (
            <span data-testid="wall-page" className="rounded bg-slate-800 px-2 tabular-nums">
              страница {page.index + 1}/{page.count}
            </span>
          ) : null}
          <span
            data-testid="wall-connection"
            data-state={connection}
            className={`rounded px-2 font-semibold ${CONNECTION[connection].style}`}
          >
            {CONNECTION[connection].text}
          </span>
        </p>
      </div>
    </header>
  );
}

function Stat({ label, value, style }: { label: string; value: number; style: string }) {
  return (
    <div className={`flex min-w-[96px] flex-col-reverse items-center rounded-lg px-3 py-2 xl:min-w-[150px] ${style}`}>
      <dt className="max-w-[150px] text-center text-[14px] leading-tight font-semibold xl:max-w-none xl:text-[16px]">
        {label}
      </dt>
      <dd className="text-[32px] leading-none font-bold tabular-nums xl:text-[44px]">{value}</dd>
    </div>
  );
}
