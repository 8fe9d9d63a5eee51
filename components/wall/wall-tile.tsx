import { readWallClock, type TWallCase } from "@/server/domain/wall/board";
import { formatCountdown } from "@/server/domain/wall/countdown";
import type { TWallPanel } from "@/server/domain/wall/paging";
import type { TClockState } from "@/server/domain/cases/clocks";
import { WALL_CLOCK_LABELS, WALL_STATE_LABELS } from "./labels";
import { StarIcon, StateIcon } from "./wall-icons";

/*
 * Sizes are those of WALL_LAYOUT (server/domain/wall/paging.ts): a tile's header is 84 px and
 * each case 100 px (92 + the 8 px gap), so `casesPerTile` cases fit. Case numbers (32 px) and
 * countdowns (36 px) are read from 5 m on a 1080p TV; the excerpt is for whoever walks up.
 */

const TILE_BORDER = {
  OVERDUE: "border-red-500",
  AT_RISK: "border-amber-400",
  ON_TIME: "border-slate-700",
} as const satisfies Record<TClockState, string>;

const ROW = {
  OVERDUE: "wall-overdue text-white",
  AT_RISK: "bg-amber-950 text-amber-50 ring-2 ring-inset ring-amber-400",
  ON_TIME: "bg-slate-800 text-slate-50",
} as const satisfies Record<TClockState, string>;

const COUNTDOWN = {
  OVERDUE: "text-white",
  AT_RISK: "text-amber-300",
  ON_TIME: "text-emerald-300",
} as const satisfies Record<TClockState, string>;

const DETAIL = {
  OVERDUE: "text-red-50",
  AT_RISK: "text-amber-100",
  ON_TIME: "text-slate-300",
} as const satisfies Record<TClockState, string>;

export function WallTile({ panel, nowMs }: { panel: TWallPanel; nowMs: number }) {
  const { tile } = panel;
  // The department's counts cover all its cases, also those on its other tiles.
  let overdue = 0;
  let atRisk = 0;
  for (const c of tile.cases) {
    const state = readWallClock(c, nowMs)?.state;
    if (state === "OVERDUE") overdue++;
    else if (state === "AT_RISK") atRisk++;
  }
  const worst: TClockState = overdue > 0 ? "OVERDUE" : atRisk > 0 ? "AT_RISK" : "ON_TIME";
  const counts = [
    `открыто ${tile.cases.length}`,
    ...(overdue > 0 ? [`просрочено ${overdue}`] : []),
    ...(atRisk > 0 ? [`под угрозой ${atRisk}`] : []),
  ].join(" · ");

  return (
    <section
      data-testid="wall-tile"
      data-department={tile.name}
      aria-label={tile.name}
      className={`flex h-full min-h-0 flex-col overflow-hidden rounded-xl border-2 bg-slate-900 px-2 pt-2 ${TILE_BORDER[worst]}`}
    >
      <header className="h-[76px] shrink-0 px-1">
        <h2 className="truncate text-[28px] leading-[38px] font-bold" title={tile.name}>
          {tile.title}
          {panel.parts > 1 ? (
            <span className="ml-2 text-[20px] font-normal text-slate-300">
              {panel.part}/{panel.parts}
            </span>
          ) : null}
        </h2>
        <p className="truncate text-[18px] leading-[28px] text-slate-300">
          {tile.cases.length === 0 ? "нет открытых публикаций" : counts}
        </p>
      </header>
      {tile.cases.length === 0 ? (
        <p className="flex items-center gap-2 text-[22px] text-emerald-300">
          <StateIcon state="ON_TIME" className="h-7 w-7" />
          Всё отвечено
        </p>
      ) : (
        <ul className="flex min-h-0 flex-col gap-2">
          {panel.cases.map((c) => (
            <WallCaseRow key={c.id} wallCase={c} nowMs={nowMs} />
          ))}
        </ul>
      )}
    </section>
  );
}

function WallCaseRow({ wallCase: c, nowMs }: { wallCase: TWallCase; nowMs: number }) {
  const reading = readWallClock(c, nowMs);
  const state: TClockState = reading?.state ?? "ON_TIME";
  const countdown = reading ? formatCountdown(reading.remainingMs) : "—";
  return (
    <li
      data-testid="wall-case"
      data-number={c.number}
      data-state={state}
      className={`h-[92px] shrink-0 overflow-hidden rounded-lg px-2 py-1 ${ROW[state]} ${
        c.significant ? "border-l-[6px] border-yellow-300" : ""
      }`}
    >
      {/* At 1080p a tile is ~360 px wide: number, star and countdown just fit; the countdown never yields. */}
      <div className="flex items-baseline gap-1.5 leading-[40px]">
        <span className="min-w-0 truncate text-[32px] font-bold tabular-nums">
          <span className="text-[18px] font-semibold">№</span>
          {"\u202f"}
          {c.number}
        </span>
        {c.significant ? <StarIcon className="h-6 w-6 shrink-0 self-center text-yellow-300" /> : null}
        <span
          className={`ml-auto shrink-0 text-[36px] font-bold tabular-nums ${COUNTDOWN[state]}`}
          aria-label={reading ? `${WALL_STATE_LABELS[state]}: ${countdown}` : "срок не идёт"}
        >
          {countdown}
        </span>
      </div>
      <p className={`flex items-center gap-1.5 truncate text-[17px] leading-[22px] ${DETAIL[state]}`}>
        <StateIcon state={state} className="h-5 w-5 shrink-0" />
        <span className="font-bold uppercase">{WALL_STATE_LABELS[state]}</span>
        {reading ? <span className="truncate">· {WALL_CLOCK_LABELS[reading.kind]}</span> : null}
      </p>
      <p className={`truncate text-[17px] leading-[22px] ${DETAIL[state]}`}>
        {c.significant ? <span className="font-bold text-yellow-200">Социально значимая · </span> : null}
        <span className="font-semibold">{c.network}</span> — {c.excerpt}
      </p>
    </li>
  );
}
