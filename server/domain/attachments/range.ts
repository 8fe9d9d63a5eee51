/**
 * The `Range` request header (RFC 9110 §14), as video players use it to seek and to stream.
 *
 * One range is served (206). A header this server does not take is ignored and the whole file
 * is sent (200), which RFC 9110 §14.2 allows: another unit than bytes, invalid syntax, and
 * several ranges — browsers' players never ask for several, and a multipart/byteranges body
 * would buy nothing here. A single range that starts beyond the end is unsatisfiable (416).
 */
export type TByteRange = { start: number; end: number };

export type TRangeDecision = { kind: "full" } | ({ kind: "partial" } & TByteRange) | { kind: "unsatisfiable" };

const FULL: TRangeDecision = { kind: "full" };
const UNSATISFIABLE: TRangeDecision = { kind: "unsatisfiable" };

export function decideRange(header: string | null | undefined, size: number): TRangeDecision {
  if (!header) return FULL;
  const match = /^\s*bytes\s*=\s*(.*)$/i.exec(header);
  if (!match) return FULL;
  const specs = (match[1] ?? "").split(",");
  if (specs.length !== 1) return FULL;
  const spec = (specs[0] ?? "").trim();

  const suffix = /^-(\d+)$/.exec(spec);
  if (suffix) {
    const length = Number(suffix[1]);
    if (length === 0 || size === 0) return UNSATISFIABLE;
    return { kind: "partial", start: Math.max(0, size - length), end: size - 1 };
  }

  const bounded = /^(\d+)-(\d*)$/.exec(spec);
  if (!bounded) return FULL;
  const start = Number(bounded[1]);
  const end = bounded[2] ? Number(bounded[2]) : Number.POSITIVE_INFINITY;
  // "last-byte-pos < first-byte-pos" makes the range invalid, not unsatisfiable: ignored.
  if (end < start) return FULL;
  if (start >= size) return UNSATISFIABLE;
  return { kind: "partial", start, end: Math.min(end, size - 1) };
}

/** `Content-Range` of a 206 answer, or of a 416 answer when `range` is null. */
export function contentRange(range: TByteRange | null, size: number): string {
  return range ? `bytes ${range.start}-${range.end}/${size}` : `bytes */${size}`;
}
