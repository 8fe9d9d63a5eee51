"use client";

import { useRef, useState } from "react";
import { Button, inputClass } from "@/components/ui/form";

/**
 * The approved answer, ready to be pasted into the network (п.8): a read-only box (which a
 * person can always select by hand) and a copy button using the clipboard API, falling back
 * to the older copy command where the API is unavailable (a plain-http intranet address).
 */
export function AnswerToPost({ text, networkName, postUrl }: { text: string; networkName: string; postUrl: string }) {
  const box = useRef<HTMLTextAreaElement>(null);
  const [result, setResult] = useState<string>("");

  async function copy() {
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard API");
      await navigator.clipboard.writeText(text);
      setResult("Текст скопирован");
    } catch {
      const el = box.current;
      el?.focus();
      el?.select();
      const copied = el !== null && document.execCommand("copy");
      setResult(copied ? "Текст скопирован" : "Не удалось скопировать: текст выделен, нажмите Ctrl+C");
    }
  }

  return (
    <div className="space-y-2">
      <label htmlFor="answer-to-post" className="block text-sm font-medium text-slate-700">
        Согласованный текст ответа
      </label>
      <textarea
        id="answer-to-post"
        ref={box}
        readOnly
        rows={Math.min(12, Math.max(4, text.split("\n").length + 1))}
        className={`${inputClass} bg-slate-50`}
        value={text}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={() => void copy()}>
          Скопировать текст
        </Button>
        <a href={postUrl} target="_blank" rel="noreferrer noopener" className="text-sm text-brand-700 hover:underline">
          Открыть публикацию в сети «{networkName}»
        </a>
        <p aria-live="polite" className="text-sm text-slate-600">
          {result}
        </p>
      </div>
    </div>
  );
}
