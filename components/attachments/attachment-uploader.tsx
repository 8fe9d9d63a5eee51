"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { acceptAttribute, describeAllowedTypes, type TAttachmentPurpose } from "@/server/domain/attachments/file-types";

type TItem = {
  key: number;
  name: string;
  state: "waiting" | "uploading" | "done" | "failed";
  /** 0…1 of the bytes sent. */
  progress: number;
  message?: string;
};

type TSendResult = { ok: true } | { ok: false; message: string };

type TUploadSession = { xhr: XMLHttpRequest | null; active: boolean };

const OFFLINE = "Нет связи с сервером. Проверьте сеть и повторите.";

/**
 * A labelled file picker that uploads each chosen file in turn to
 * POST /api/cases/{caseId}/attachments?purpose=…, showing its progress and, for a refused file,
 * the server's reason. The server decides by content and size; `accept` only narrows the picker.
 */
export function AttachmentUploader({
  caseId,
  purpose,
  label,
  onUploaded,
}: {
  caseId: string;
  purpose: TAttachmentPurpose;
  label: string;
  onUploaded?: () => void;
}) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [items, setItems] = useState<TItem[]>([]);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  // The request in flight, and whether the component is still on the page.
  const session = useRef<TUploadSession>({ xhr: null, active: true });
  const nextKey = useRef(0);

  useEffect(() => {
    const current = session.current;
    current.active = true;
    return () => {
      // Leaving the page stops the upload in flight and the ones waiting.
      current.active = false;
      current.xhr?.abort();
    };
  }, []);

  const update = (key: number, patch: Partial<TItem>) =>
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...patch } : item)));

  async function uploadAll(files: File[]) {
    const batch: TItem[] = files.map((file) => ({
      key: (nextKey.current += 1),
      name: file.name,
      state: "waiting",
      progress: 0,
    }));
    setItems(batch);
    setAnnouncement("");
    setBusy(true);
    const url = `/api/cases/${encodeURIComponent(caseId)}/attachments?purpose=${purpose}`;
    for (const [index, file] of files.entries()) {
      const item = batch[index];
      if (!item || !session.current.active) return;
      update(item.key, { state: "uploading" });
      const result = await sendFile(url, file, (progress) => update(item.key, { progress }), session.current);
      if (!session.current.active) return;
      if (result.ok) {
        update(item.key, { state: "done", progress: 1 });
        setAnnouncement(`Файл «${file.name}» загружен`);
        void queryClient.invalidateQueries({ queryKey: trpc.cases.get.queryKey({ id: caseId }) });
        onUploaded?.();
      } else {
        update(item.key, { state: "failed", message: result.message });
        setAnnouncement(`Файл «${file.name}» не загружен: ${result.message}`);
      }
    }
    setBusy(false);
  }

  const allowed = describeAllowedTypes(purpose);

  return (
    <div className="space-y-2">
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={inputId}
        type="file"
        multiple
        accept={acceptAttribute(purpose)}
        disabled={busy}
        aria-describedby={hintId}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          // Cleared at once, so that choosing the same file again after a failure uploads it again.
          e.currentTarget.value = "";
          if (files.length > 0) void uploadAll(files);
        }}
        // The native control's own text follows the browser's language, not the portal's:
        // it is visually hidden and a Russian button-like label stands in for it.
        className="peer sr-only"
      />
      <label
        htmlFor={inputId}
        aria-hidden="true"
        className={`inline-flex cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600 peer-focus-visible:ring-offset-1 hover:bg-slate-100 ${busy ? "pointer-events-none opacity-60" : ""}`}
      >
        {busy ? "Загрузка…" : "Выбрать файлы…"}
      </label>
      <p id={hintId} className="text-xs text-slate-600">
        {allowed.charAt(0).toUpperCase() + allowed.slice(1)}; можно выбрать несколько файлов сразу.
      </p>

      {items.length > 0 ? (
        <ul className="space-y-1.5 text-sm">
          {items.map((item) => (
            <li key={item.key}>
              <div className="flex items-center gap-2">
                <span className="min-w-0 flex-1 truncate" title={item.name}>
                  {item.name}
                </span>
                {item.state === "uploading" ? (
                  <progress
                    max={100}
                    value={Math.round(item.progress * 100)}
                    aria-label={`Загрузка файла «${item.name}»`}
                    className="h-2 w-24 shrink-0 sm:w-32"
                  />
                ) : null}
                <span className={`shrink-0 text-xs ${STATE_STYLES[item.state]}`}>{stateText(item)}</span>
              </div>
              {item.state === "failed" && item.message ? <p className="mt-0.5 text-red-700">{item.message}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

const STATE_STYLES = {
  waiting: "text-slate-600",
  uploading: "text-slate-700",
  done: "text-green-800",
  failed: "text-red-700",
} as const satisfies Record<TItem["state"], string>;

function stateText(item: TItem): string {
  switch (item.state) {
    case "waiting":
      return "в очереди";
    case "uploading":
      // All bytes sent: the server is checking the file and making its thumbnail.
      return item.progress >= 1 ? "обработка…" : `${Math.round(item.progress * 100)} %`;
    case "done":
      return "загружен";
    case "failed":
      return "не загружен";
  }
}

/** XMLHttpRequest rather than fetch: only it reports upload progress. */
function sendFile(
  url: string,
  file: File,
  onProgress: (fraction: number) => void,
  session: TUploadSession,
): Promise<TSendResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    session.xhr = xhr;
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status === 201) {
        resolve({ ok: true });
        return;
      }
      const body = xhr.response as { message?: unknown } | null;
      resolve({ ok: false, message: typeof body?.message === "string" ? body.message : fallbackMessage(xhr.status) });
    };
    xhr.onerror = () => resolve({ ok: false, message: OFFLINE });
    xhr.onabort = () => resolve({ ok: false, message: "Загрузка отменена" });
    xhr.onloadend = () => {
      if (session.xhr === xhr) session.xhr = null;
    };
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
}

function fallbackMessage(status: number): string {
  if (status === 401) return "Сеанс завершён: войдите в систему снова";
  if (status === 413) return "Файл слишком большой";
  return `Не удалось загрузить файл (ошибка ${status}). Повторите попытку позже`;
}
