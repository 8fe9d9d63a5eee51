"use client";

import { useQueryClient } from "@tanstack/react-query";
import Image from "next/image";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/form";
import { ATTACHMENT_KIND_LABELS } from "@/server/domain/attachments/file-types";
import { formatFileSize } from "@/server/domain/attachments/limits";
import { canRemoveAttachment } from "@/server/domain/attachments/policy";
import type { TPresentedAttachment } from "@/server/services/attachments/present";

/**
 * A case's files as a grid: images as thumbnails opening the full picture, videos as players
 * (only their first frames are fetched until played). `removable`: the list may offer removal —
 * pass it where the case is open; each file then shows «Удалить» to its uploader while the
 * rules allow (evidence not yet sent with a draft, screenshots). The server decides again.
 */
export function AttachmentGallery({
  attachments,
  currentUserId,
  removable = false,
}: {
  attachments: TPresentedAttachment[];
  currentUserId: string;
  removable?: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [removing, setRemoving] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  if (attachments.length === 0) return null;

  async function remove(a: TPresentedAttachment) {
    if (!window.confirm(`Удалить файл «${a.fileName}»?`)) return;
    setRemoving(a.id);
    setErrors(({ [a.id]: _old, ...rest }) => rest);
    let problem: string | null = null;
    try {
      const response = await fetch(a.url, { method: "DELETE" });
      if (response.ok) {
        await queryClient.invalidateQueries(trpc.cases.get.pathFilter());
      } else {
        const body = (await response.json().catch(() => null)) as { message?: unknown } | null;
        problem =
          typeof body?.message === "string" ? body.message : `Не удалось удалить файл (ошибка ${response.status})`;
      }
    } catch {
      problem = "Нет связи с сервером. Проверьте сеть и повторите.";
    }
    if (problem) setErrors((all) => ({ ...all, [a.id]: problem }));
    setRemoving(null);
  }

  return (
    <ul className="grid grid-cols-[repeat(auto-fill,minmax(9rem,1fr))] gap-3">
      {attachments.map((a) => {
        const kind = ATTACHMENT_KIND_LABELS[a.kind];
        const mayRemove =
          removable &&
          canRemoveAttachment({
            attachment: { kind: a.kind, uploadedById: a.uploadedBy.id, draftId: a.draftId },
            actorId: currentUserId,
            caseOpen: true,
          });
        return (
          <li
            key={a.id}
            data-testid="attachment"
            className="flex min-w-0 flex-col overflow-hidden rounded-md border border-slate-200 bg-white"
          >
            <Preview attachment={a} kind={kind} />
            <div className="flex flex-1 flex-col gap-0.5 p-2 text-xs">
              <p className="truncate font-medium text-slate-800" title={a.fileName}>
                {a.fileName}
              </p>
              <p className="text-slate-600">
                {kind} · {formatFileSize(a.sizeBytes)}
              </p>
              <p className="truncate text-slate-600" title={`Загрузил: ${a.uploadedBy.fullName}`}>
                <span className="sr-only">Загрузил: </span>
                {a.uploadedBy.fullName}
              </p>
              {mayRemove ? (
                <Button
                  variant="danger"
                  className="mt-1 self-start"
                  disabled={removing === a.id}
                  aria-label={`Удалить файл «${a.fileName}»`}
                  onClick={() => void remove(a)}
                >
                  {removing === a.id ? "Удаление…" : "Удалить"}
                </Button>
              ) : null}
              {errors[a.id] ? (
                <p role="alert" className="mt-1 text-red-700">
                  {errors[a.id]}
                </p>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

function Preview({ attachment: a, kind }: { attachment: TPresentedAttachment; kind: string }) {
  if (a.mimeType.startsWith("video/")) {
    return (
      <video
        controls
        preload="metadata"
        src={a.url}
        aria-label={`${kind}: ${a.fileName}`}
        className="aspect-video w-full bg-black"
      />
    );
  }
  if (a.mimeType.startsWith("image/")) {
    return (
      <a href={a.url} target="_blank" rel="noopener noreferrer" className="block bg-slate-100">
        {/* unoptimized: the file is served to this session only; Next's optimiser would fetch it without one. */}
        <Image
          src={a.thumbnailUrl ?? a.url}
          alt={`${kind}: ${a.fileName} — открыть в полном размере`}
          width={a.width ?? 320}
          height={a.height ?? 240}
          unoptimized
          loading="lazy"
          className="aspect-[4/3] w-full object-cover"
        />
      </a>
    );
  }
  return (
    <a
      href={a.url}
      target="_blank"
      rel="noopener noreferrer"
      className="flex aspect-[4/3] items-center justify-center bg-slate-50 text-sm text-brand-700 underline"
    >
      Открыть файл
    </a>
  );
}
