/**
 * A polite live region that exists before its first message, so screen readers announce each
 * confirmation (a region rendered together with its text is often not read).
 */
export function StatusMessage({ message }: { message: string }) {
  return (
    <div role="status" aria-live="polite" className="min-h-0">
      {message ? <p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{message}</p> : null}
    </div>
  );
}
