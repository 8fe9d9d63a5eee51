import { pluralRu } from "@/server/domain/cases/russian-plural";
import type { TImportRowStatus } from "@/server/services/import/types";

/** The tRPC input of the history list, shared by the page's prefetch and the component. */
export const IMPORT_HISTORY_INPUT = { limit: 20 } as const;

export const publicationsWord = (n: number) => pluralRu(n, "публикация", "публикации", "публикаций");
export const publicationsAccusative = (n: number) => pluralRu(n, "публикацию", "публикации", "публикаций");
export const rowsWord = (n: number) => pluralRu(n, "строка", "строки", "строк");

export const STATUS_LABELS = {
  new: "Будет импортирована",
  existing: "Уже в системе",
  invalid: "Ошибка",
  repeat: "Повтор в файле",
} as const satisfies Record<TImportRowStatus, string>;

export const STATUS_STYLES = {
  new: "bg-green-100 text-green-900",
  existing: "bg-slate-200 text-slate-800",
  invalid: "bg-red-100 text-red-900",
  repeat: "bg-amber-100 text-amber-900",
} as const satisfies Record<TImportRowStatus, string>;

export function StatusChip({ status }: { status: TImportRowStatus }) {
  return (
    <span
      className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLES[status]}`}
    >
      {STATUS_LABELS[status]}
    </span>
  );
}

/** Rows left out of an import, each with its reasons. */
export function SkippedList({ skipped }: { skipped: { row: number; messages: string[] }[] }) {
  if (skipped.length === 0) return null;
  return (
    <div>
      <h3 className="text-sm font-semibold">Пропущенные строки и причины</h3>
      <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-red-900">
        {skipped.map((s) => (
          <li key={s.row}>{s.messages.join("; ")}</li>
        ))}
      </ul>
    </div>
  );
}
