"use client";

import { WEEK_STATUS_LABELS, type TWeekStatus } from "@/server/domain/routine/compliance";
import { formatIsoWeekDays } from "@/server/domain/routine/iso-week";
import { formatRoutinePostCount } from "@/server/domain/routine/reminder";

export interface TGridWeek {
  key: string;
  week: number;
  monday: string;
  sunday: string;
  current: boolean;
}

export interface TGridAccount {
  id: string;
  name: string;
  url: string;
  network: { name: string };
  responsible: { fullName: string } | null;
  cells: { key: string; count: number; status: TWeekStatus; current: boolean }[];
  summary: { endedWeeks: number; weeksMet: number };
}

const CELL_STYLE = {
  MET: "bg-green-100 text-green-900",
  SHORT: "bg-red-100 text-red-900",
  IN_PROGRESS: "bg-amber-50 text-amber-900",
  FUTURE: "bg-slate-50 text-slate-400",
} as const satisfies Record<TWeekStatus, string>;

/**
 * Accounts × ISO weeks: the posts of each week against the minimum (п.6). Colour and text both
 * carry the status, so it reads without colour too; the current week is outlined.
 */
export function RoutineGrid({
  weeks,
  accounts,
  minimum,
  selectedId,
  onSelect,
}: {
  weeks: TGridWeek[];
  accounts: TGridAccount[];
  minimum: number;
  selectedId: string | null;
  onSelect: (accountId: string) => void;
}) {
  if (accounts.length === 0) {
    return (
      <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">
        Действующих официальных аккаунтов нет. Их регистрирует сектор информационных технологий в разделе «Официальные
        аккаунты».
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full border-separate border-spacing-0 text-sm" data-testid="routine-grid">
        <caption className="sr-only">Плановые публикации по неделям: число публикаций из {minimum} требуемых</caption>
        <thead className="text-left text-slate-600">
          <tr>
            <th scope="col" className="sticky left-0 bg-slate-50 px-3 py-2">
              Аккаунт
            </th>
            {weeks.map((w) => (
              <th
                key={w.key}
                scope="col"
                className={`px-1.5 py-2 text-center text-xs font-medium whitespace-nowrap ${w.current ? "bg-brand-50 text-brand-900" : "bg-slate-50"}`}
                title={`${w.key}: ${formatIsoWeekDays(w, true)}`}
              >
                <span className="block">нед. {w.week}</span>
                <span className="block font-normal">{formatIsoWeekDays(w)}</span>
                {w.current ? <span className="block font-semibold">текущая</span> : null}
              </th>
            ))}
            <th scope="col" className="bg-slate-50 px-3 py-2 text-xs font-medium">
              Норма выполнена
            </th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id} data-testid="routine-row" className={a.id === selectedId ? "bg-brand-50/40" : ""}>
              <th
                scope="row"
                className="sticky left-0 border-t border-slate-100 bg-white px-3 py-2 text-left font-normal"
              >
                <button
                  type="button"
                  className="text-left font-medium text-brand-700 hover:underline"
                  aria-pressed={a.id === selectedId}
                  onClick={() => onSelect(a.id)}
                >
                  {a.name}
                </button>
                <span className="block text-xs text-slate-500">
                  {a.network.name}
                  {a.responsible ? ` · ${a.responsible.fullName}` : ""}
                </span>
              </th>
              {a.cells.map((c) => {
                const label = `${formatRoutinePostCount(c.count)} из ${minimum}: ${WEEK_STATUS_LABELS[c.status]}`;
                return (
                  <td
                    key={c.key}
                    className={`border-t border-slate-100 px-1.5 py-2 text-center tabular-nums ${CELL_STYLE[c.status]} ${c.current ? "ring-2 ring-brand-500 ring-inset" : ""}`}
                    title={label}
                    data-status={c.status}
                  >
                    <span aria-hidden="true">
                      {c.count}/{minimum}
                    </span>
                    <span className="sr-only">{label}</span>
                  </td>
                );
              })}
              <td className="border-t border-slate-100 px-3 py-2 text-xs whitespace-nowrap">
                {a.summary.endedWeeks === 0 ? "—" : `${a.summary.weeksMet} из ${a.summary.endedWeeks} нед.`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The colours explained, under the grid. */
export function RoutineLegend({ minimum }: { minimum: number }) {
  const items: TWeekStatus[] = ["MET", "SHORT", "IN_PROGRESS"];
  return (
    <ul className="flex flex-wrap gap-3 text-xs text-slate-600">
      {items.map((s) => (
        <li key={s} className="flex items-center gap-1">
          <span className={`inline-block h-3 w-3 rounded ${CELL_STYLE[s]}`} aria-hidden="true" />
          {s === "MET"
            ? `не меньше ${minimum} — норма выполнена`
            : s === "SHORT"
              ? "меньше нормы"
              : "текущая неделя: норма ещё не набрана"}
        </li>
      ))}
    </ul>
  );
}
