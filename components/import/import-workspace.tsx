"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button, FormMessage, inputClass } from "@/components/ui/form";
import { IMPORT_FIELD_INFO, IMPORT_FIELDS, type TImportField } from "@/server/domain/import/fields";
import {
  IMPORT_LIMITS_TEXT,
  IMPORT_MAX_BYTES,
  IMPORT_PREVIEW_ISSUES,
  IMPORT_PREVIEW_ROWS,
} from "@/server/domain/import/limits";
import { formatDateTime } from "@/server/domain/time/zone";
import type { TImportPreview, TImportPreviewRow, TImportResult } from "@/server/services/import/types";
import { publicationsAccusative, publicationsWord, rowsWord, SkippedList, StatusChip } from "./format";

type TMapping = Record<TImportField, string | null>;

type TState =
  | { phase: "idle" }
  | { phase: "checking"; file: File; preview: TImportPreview | null }
  | { phase: "ready"; file: File; preview: TImportPreview }
  | { phase: "importing"; file: File; preview: TImportPreview }
  | { phase: "done"; result: TImportResult };

type TAnswer<T> = { ok: true; data: T } | { ok: false; message: string };

const OFFLINE = "Нет связи с сервером. Проверьте сеть и повторите.";

/** POST /api/imports with the file, the mode and the mapping; the server's reason on refusal. */
async function sendImport<T>(file: File, mode: "preview" | "commit", mapping: TMapping | null): Promise<TAnswer<T>> {
  const form = new FormData();
  form.append("file", file, file.name);
  form.append("mode", mode);
  if (mapping) form.append("mapping", JSON.stringify(mapping));
  try {
    const response = await fetch("/api/imports", { method: "POST", body: form });
    const body = (await response.json().catch(() => null)) as unknown;
    if (response.ok && body) return { ok: true, data: body as T };
    const message = (body as { message?: unknown } | null)?.message;
    if (typeof message === "string" && message) return { ok: false, message };
    if (response.status === 401) return { ok: false, message: "Сеанс завершён: войдите в систему снова" };
    return { ok: false, message: `Не удалось обработать файл (ошибка ${response.status}). Повторите попытку позже` };
  } catch {
    return { ok: false, message: OFFLINE };
  }
}

/**
 * The import of the curator's export: choose a file → the server checks every row and guesses
 * (or remembers) which column is which → the person corrects the columns, sees each row's fate
 * → imports the valid rows → sees what was imported, what was already there and what was
 * skipped, and why. The server re-checks everything on import; this page only shows.
 */
export function ImportWorkspace({ timeZone }: { timeZone: string }) {
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<TState>({ phase: "idle" });
  const [mapping, setMapping] = useState<TMapping | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Only the answer to the latest request counts: the columns may change faster than answers come.
  const latest = useRef(0);
  const fileInput = useRef<HTMLInputElement>(null);

  async function check(file: File, chosen: TMapping | null, previous: TImportPreview | null) {
    const ticket = (latest.current += 1);
    setError(null);
    setState({ phase: "checking", file, preview: previous });
    const answer = await sendImport<TImportPreview>(file, "preview", chosen);
    if (ticket !== latest.current) return;
    if (!answer.ok) {
      setError(answer.message);
      setState(previous ? { phase: "ready", file, preview: previous } : { phase: "idle" });
      // Cleared, so that choosing the same file again (after fixing it, or the network) retries.
      if (!previous && fileInput.current) fileInput.current.value = "";
      return;
    }
    setMapping(answer.data.mapping);
    setState({ phase: "ready", file, preview: answer.data });
  }

  function chooseFile(file: File | undefined) {
    setMapping(null);
    if (!file) {
      latest.current += 1;
      setState({ phase: "idle" });
      return;
    }
    if (file.size > IMPORT_MAX_BYTES) {
      latest.current += 1;
      setError(`Файл слишком большой: принимаются файлы ${IMPORT_LIMITS_TEXT}`);
      setState({ phase: "idle" });
      if (fileInput.current) fileInput.current.value = "";
      return;
    }
    void check(file, null, null);
  }

  function changeColumn(field: TImportField, header: string) {
    if (state.phase !== "ready" && state.phase !== "checking") return;
    if (!mapping) return;
    const next = { ...mapping, [field]: header === "" ? null : header };
    setMapping(next);
    void check(state.file, next, state.preview);
  }

  async function commit() {
    if (state.phase !== "ready" || !mapping) return;
    const { file, preview } = state;
    latest.current += 1;
    setError(null);
    setState({ phase: "importing", file, preview });
    const answer = await sendImport<TImportResult>(file, "commit", mapping);
    if (!answer.ok) {
      setError(answer.message);
      setState({ phase: "ready", file, preview });
      return;
    }
    setState({ phase: "done", result: answer.data });
    void queryClient.invalidateQueries({ queryKey: trpc.imports.history.queryKey() });
  }

  function startOver() {
    latest.current += 1;
    setMapping(null);
    setError(null);
    setState({ phase: "idle" });
    if (fileInput.current) fileInput.current.value = "";
  }

  const preview = state.phase === "idle" || state.phase === "done" ? null : state.preview;
  const busy = state.phase === "checking" || state.phase === "importing";

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        Новый импорт
      </h2>

      {state.phase === "done" ? (
        <ImportResultView result={state.result} onAgain={startOver} />
      ) : (
        <>
          <div>
            <label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-700">
              Файл выгрузки (CSV или XLSX)
            </label>
            <input
              ref={fileInput}
              id={`${id}-file`}
              type="file"
              accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={`${id}-file-hint`}
              disabled={state.phase === "importing"}
              onChange={(e) => chooseFile(e.currentTarget.files?.[0])}
              className="mt-1 block text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-slate-100"
            />
            <p id={`${id}-file-hint`} className="mt-1 text-xs text-slate-600">
              Выгрузка системы куратора: CSV (UTF-8 или Windows-1251, разделитель «;», «,» или табуляция) или книга
              Excel .xlsx; {IMPORT_LIMITS_TEXT}. Первая строка — заголовки столбцов.
            </p>
          </div>

          <FormMessage message={error} />
          <p role="status" aria-live="polite" className="text-sm text-slate-600">
            {state.phase === "checking" ? "Проверка файла…" : state.phase === "importing" ? "Импорт…" : ""}
          </p>

          {preview && mapping ? (
            <>
              <MappingForm
                id={id}
                preview={preview}
                mapping={mapping}
                disabled={state.phase === "importing"}
                onChange={changeColumn}
              />
              {preview.mappingProblems.length === 0 ? <PreviewView preview={preview} timeZone={timeZone} /> : null}
              <div className="flex flex-wrap items-center gap-3">
                <Button
                  onClick={() => void commit()}
                  disabled={busy || preview.mappingProblems.length > 0 || preview.counts.new === 0}
                >
                  {state.phase === "importing"
                    ? "Импорт…"
                    : `Импортировать ${preview.counts.new} ${publicationsAccusative(preview.counts.new)}`}
                </Button>
                <Button variant="secondary" onClick={startOver} disabled={state.phase === "importing"}>
                  Выбрать другой файл
                </Button>
                {preview.counts.new === 0 && preview.mappingProblems.length === 0 ? (
                  <span className="text-sm text-slate-600">В файле нет новых публикаций для импорта.</span>
                ) : null}
              </div>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

function MappingForm({
  id,
  preview,
  mapping,
  disabled,
  onChange,
}: {
  id: string;
  preview: TImportPreview;
  mapping: TMapping;
  disabled: boolean;
  onChange: (field: TImportField, header: string) => void;
}) {
  const source = {
    provided: "Столбцы выбраны вами.",
    remembered: "Столбцы сопоставлены так же, как при прошлом импорте. Проверьте их.",
    suggested: "Столбцы подобраны по заголовкам файла. Проверьте их.",
  }[preview.mappingSource];
  /** A column's first values, to recognise it by content. */
  const example = (header: string) => {
    const index = preview.headers.indexOf(header);
    const value = preview.sample.map((row) => row[index] ?? "").find((v) => v.trim() !== "");
    return value ? (value.length > 40 ? `${value.slice(0, 39)}…` : value) : "";
  };
  return (
    <fieldset className="space-y-3" disabled={disabled}>
      <legend className="text-base font-semibold">Сопоставление столбцов</legend>
      <p className="text-sm text-slate-600">
        Файл «{preview.file.name}»: {preview.file.format}
        {preview.file.encoding ? `, ${preview.file.encoding}` : ""}
        {preview.file.delimiter
          ? `, разделитель ${preview.file.delimiter === "\t" ? "табуляция" : `«${preview.file.delimiter}»`}`
          : ""}
        {preview.file.sheetName ? `, лист «${preview.file.sheetName}»` : ""}. {source} Поля, отмеченные *, обязательны.
      </p>
      {preview.mappingProblems.length > 0 ? (
        <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          <p className="font-medium">Выберите столбцы, чтобы проверить строки:</p>
          <ul className="list-disc pl-5">
            {preview.mappingProblems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {IMPORT_FIELDS.map((field) => {
          const info = IMPORT_FIELD_INFO[field];
          const selectId = `${id}-map-${field}`;
          const chosen = mapping[field];
          return (
            <div key={field}>
              <label htmlFor={selectId} className="block text-sm font-medium text-slate-700">
                {info.label}
                {info.required ? (
                  <>
                    <span aria-hidden="true" className="text-red-700">
                      {" "}
                      *
                    </span>
                    <span className="sr-only"> (обязательное поле)</span>
                  </>
                ) : null}
              </label>
              <select
                id={selectId}
                className={inputClass}
                value={chosen ?? ""}
                required={info.required}
                aria-describedby={info.hint || chosen ? `${selectId}-hint` : undefined}
                onChange={(e) => onChange(field, e.currentTarget.value)}
              >
                <option value="">— не импортировать —</option>
                {preview.headers.map((header) => (
                  <option key={header} value={header}>
                    {header}
                  </option>
                ))}
              </select>
              {info.hint || chosen ? (
                <p id={`${selectId}-hint`} className="mt-1 text-xs text-slate-500">
                  {chosen && example(chosen) ? `Например: ${example(chosen)}. ` : ""}
                  {info.hint}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

function PreviewView({ preview, timeZone }: { preview: TImportPreview; timeZone: string }) {
  const { counts } = preview;
  const shownRows = new Set(preview.rows.map((r) => r.row));
  const laterIssues = preview.issues.filter((r) => !shownRows.has(r.row));
  return (
    <div className="space-y-3">
      <h3 className="text-base font-semibold">Проверка строк</h3>
      <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm" aria-label="Итоги проверки">
        <li>
          Всего: <strong>{counts.total}</strong> {rowsWord(counts.total)}
        </li>
        <li>
          Будут импортированы: <strong>{counts.new}</strong>
        </li>
        <li>
          Уже в системе: <strong>{counts.existing}</strong>
        </li>
        <li>
          С ошибками: <strong>{counts.invalid}</strong>
        </li>
        <li>
          Повторы в файле: <strong>{counts.repeat}</strong>
        </li>
        {counts.withWarnings > 0 ? (
          <li>
            С предупреждениями: <strong>{counts.withWarnings}</strong>
          </li>
        ) : null}
      </ul>
      {preview.earlierImports.length > 0 ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Этот файл уже импортировался:{" "}
          {preview.earlierImports
            .map(
              (b) =>
                `${formatDateTime(new Date(b.createdAt), timeZone)}${b.createdBy ? ` (${b.createdBy})` : ""} — импортировано ${b.imported}`,
            )
            .join("; ")}
          . Повторный импорт ничего не удвоит.
        </p>
      ) : null}

      <div className="overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="mb-1 text-left text-sm text-slate-600">
            {counts.total > IMPORT_PREVIEW_ROWS
              ? `Первые ${IMPORT_PREVIEW_ROWS} строк файла из ${counts.total}`
              : "Строки файла"}
          </caption>
          <thead className="bg-slate-50 text-left">
            <tr>
              <th scope="col" className="px-2 py-1.5 font-medium">
                Строка
              </th>
              <th scope="col" className="px-2 py-1.5 font-medium">
                Статус
              </th>
              <th scope="col" className="px-2 py-1.5 font-medium">
                Идентификатор
              </th>
              <th scope="col" className="px-2 py-1.5 font-medium">
                Поступила
              </th>
              <th scope="col" className="px-2 py-1.5 font-medium">
                Публикация
              </th>
              <th scope="col" className="px-2 py-1.5 font-medium">
                Замечания
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {preview.rows.map((row) => (
              <PreviewRow key={row.row} row={row} timeZone={timeZone} />
            ))}
          </tbody>
        </table>
      </div>

      {laterIssues.length > 0 ? (
        <div>
          <h4 className="text-sm font-semibold">Замечания по остальным строкам</h4>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm">
            {laterIssues.map((row) => (
              <li key={row.row}>
                <StatusChip status={row.status} /> {[...row.reasons, ...row.warnings].join("; ")}
              </li>
            ))}
          </ul>
          {preview.issues.length >= IMPORT_PREVIEW_ISSUES ? (
            <p className="text-sm text-slate-600">
              Показаны первые {IMPORT_PREVIEW_ISSUES} строк с замечаниями; все будут в отчёте импорта.
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function PreviewRow({ row, timeZone }: { row: TImportPreviewRow; timeZone: string }) {
  return (
    <tr className="align-top">
      <td className="px-2 py-1.5 tabular-nums">{row.row}</td>
      <td className="px-2 py-1.5">
        <StatusChip status={row.status} />
        {row.case ? (
          <div className="mt-1">
            <Link href={`/cases/${row.case.id}`} className="text-brand-700 underline">
              № {row.case.number}
            </Link>
          </div>
        ) : null}
      </td>
      <td className="px-2 py-1.5">{row.externalId ?? <span className="text-slate-500">по ссылке</span>}</td>
      <td className="whitespace-nowrap px-2 py-1.5">
        {row.receivedAt ? formatDateTime(new Date(row.receivedAt), timeZone) : (row.receivedAtText ?? "")}
      </td>
      <td className="max-w-md px-2 py-1.5">
        {row.url ? (
          <div className="truncate text-slate-600" title={row.url}>
            {row.url}
          </div>
        ) : null}
        <div className="line-clamp-2">{row.text}</div>
      </td>
      <td className="px-2 py-1.5">
        {row.reasons.length + row.warnings.length > 0 ? (
          <ul className="space-y-0.5">
            {row.reasons.map((r) => (
              <li key={r} className="text-red-800">
                {r}
              </li>
            ))}
            {row.warnings.map((w) => (
              <li key={w} className="text-amber-800">
                {w}
              </li>
            ))}
          </ul>
        ) : null}
      </td>
    </tr>
  );
}

function ImportResultView({ result, onAgain }: { result: TImportResult; onAgain: () => void }) {
  const { report } = result;
  return (
    <div className="space-y-3">
      <div role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
        <p className="font-medium">Импорт файла «{result.fileName}» завершён.</p>
        <p>
          Импортировано: {result.imported} {publicationsWord(result.imported)}. Уже были в системе: {result.duplicates}.
          Пропущено: {result.skipped}.
        </p>
      </div>
      {report.imported.length > 0 ? (
        <div>
          <h3 className="text-sm font-semibold">Новые публикации</h3>
          <p className="text-sm">
            {report.imported.slice(0, 50).map((c, i) => (
              <span key={c.caseId}>
                {i > 0 ? ", " : ""}
                <Link href={`/cases/${c.caseId}`} className="text-brand-700 underline">
                  № {c.number ?? "?"}
                </Link>
              </span>
            ))}
            {report.imported.length > 50 ? ` и ещё ${report.imported.length - 50}` : ""}
          </p>
        </div>
      ) : null}
      <SkippedList skipped={report.skipped} />
      <div className="flex flex-wrap gap-3">
        <Link
          href="/cases"
          className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
        >
          Перейти к списку публикаций
        </Link>
        <Button variant="secondary" onClick={onAgain}>
          Импортировать другой файл
        </Button>
      </div>
    </div>
  );
}
