"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button, errorsOf } from "@/components/ui/form";
import { formatDateTime } from "@/server/domain/time/zone";
import { IMPORT_HISTORY_INPUT, SkippedList } from "./format";

/** The municipality's latest imports with their counts; each opens its report. */
export function ImportHistory({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.imports.history.queryOptions(IMPORT_HISTORY_INPUT));
  const [open, setOpen] = useState<string | null>(null);

  return (
    <section aria-labelledby="import-history-title" className="space-y-2">
      <h2 id="import-history-title" className="text-lg font-semibold">
        История импорта
      </h2>
      {history.isPending ? <p className="text-slate-500">Загрузка…</p> : null}
      {history.error ? <p role="alert">{errorsOf(history.error).message}</p> : null}
      {history.data && history.data.length === 0 ? (
        <p className="text-sm text-slate-600">Импортов ещё не было.</p>
      ) : null}
      {history.data && history.data.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left">
              <tr>
                <th scope="col" className="px-2 py-1.5 font-medium">
                  Когда
                </th>
                <th scope="col" className="px-2 py-1.5 font-medium">
                  Файл
                </th>
                <th scope="col" className="px-2 py-1.5 font-medium">
                  Кто
                </th>
                <th scope="col" className="px-2 py-1.5 text-right font-medium">
                  Строк
                </th>
                <th scope="col" className="px-2 py-1.5 text-right font-medium">
                  Импортировано
                </th>
                <th scope="col" className="px-2 py-1.5 text-right font-medium">
                  Уже были
                </th>
                <th scope="col" className="px-2 py-1.5 text-right font-medium">
                  Пропущено
                </th>
                <th scope="col" className="px-2 py-1.5">
                  <span className="sr-only">Отчёт</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {history.data.map((b) => (
                <HistoryRow
                  key={b.id}
                  batch={b}
                  timeZone={timeZone}
                  open={open === b.id}
                  onToggle={() => setOpen(open === b.id ? null : b.id)}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function HistoryRow({
  batch,
  timeZone,
  open,
  onToggle,
}: {
  batch: {
    id: string;
    fileName: string;
    format: string;
    createdAt: Date;
    createdBy: string | null;
    totalRows: number;
    imported: number;
    duplicates: number;
    skipped: number;
  };
  timeZone: string;
  open: boolean;
  onToggle: () => void;
}) {
  const when = formatDateTime(batch.createdAt, timeZone);
  return (
    <>
      <tr>
        <td className="whitespace-nowrap px-2 py-1.5">{when}</td>
        <td className="px-2 py-1.5">
          {batch.fileName} <span className="text-xs text-slate-500">{batch.format}</span>
        </td>
        <td className="px-2 py-1.5">{batch.createdBy ?? "—"}</td>
        <td className="px-2 py-1.5 text-right tabular-nums">{batch.totalRows}</td>
        <td className="px-2 py-1.5 text-right tabular-nums">{batch.imported}</td>
        <td className="px-2 py-1.5 text-right tabular-nums">{batch.duplicates}</td>
        <td className="px-2 py-1.5 text-right tabular-nums">{batch.skipped}</td>
        <td className="px-2 py-1.5 text-right">
          <Button
            variant="secondary"
            aria-expanded={open}
            aria-label={`${open ? "Скрыть" : "Показать"} отчёт импорта «${batch.fileName}» от ${when}`}
            onClick={onToggle}
          >
            {open ? "Скрыть" : "Отчёт"}
          </Button>
        </td>
      </tr>
      {open ? (
        <tr>
          <td colSpan={8} className="bg-slate-50 px-3 py-2">
            <BatchReport id={batch.id} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function BatchReport({ id }: { id: string }) {
  const trpc = useTRPC();
  const batch = useQuery(trpc.imports.batch.queryOptions({ id }));
  if (batch.isPending) return <p className="text-slate-500">Загрузка…</p>;
  if (batch.error) return <p role="alert">{errorsOf(batch.error).message}</p>;
  const { report } = batch.data;
  const cases = [...report.imported];
  return (
    <div className="space-y-2 text-sm">
      {cases.length > 0 ? (
        <p>
          Импортированы:{" "}
          {cases.slice(0, 100).map((c, i) => (
            <span key={c.caseId}>
              {i > 0 ? ", " : ""}
              <Link href={`/cases/${c.caseId}`} className="text-brand-700 underline">
                № {c.number ?? "?"}
              </Link>
            </span>
          ))}
          {cases.length > 100 ? ` и ещё ${cases.length - 100}` : ""}
        </p>
      ) : (
        <p>Новых публикаций не импортировано.</p>
      )}
      {report.duplicates.length > 0 ? (
        <p>
          Уже были в системе:{" "}
          {report.duplicates
            .slice(0, 100)
            .map((d) => `строка ${d.row} → № ${d.number ?? "?"}`)
            .join(", ")}
          {report.duplicates.length > 100 ? ` и ещё ${report.duplicates.length - 100}` : ""}
        </p>
      ) : null}
      <SkippedList skipped={report.skipped} />
      {report.warnings.length > 0 ? (
        <details>
          <summary className="cursor-pointer">Предупреждения ({report.warnings.length})</summary>
          <ul className="mt-1 list-disc pl-5 text-amber-900">
            {report.warnings.map((w) => (
              <li key={w.row}>{w.messages.join("; ")}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
