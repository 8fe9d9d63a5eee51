/**
 * How the monthly analysis writes its numbers, the same on the page and in the documents:
 * Russian conventions (a comma for decimals, a space between thousands, "87,5 %"), a dash for
 * "nothing to judge" (a null share), durations in hours and minutes, and changes against an
 * earlier month in words a head reads without a legend ("+3,2 п.п.", "−4 (−12,5 %)").
 */

/** What "nothing to judge" looks like: a share whose denominator was zero, a missing month. */
export const NO_VALUE = "—";

const countFormat = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 0 });
const percentFormat = new Intl.NumberFormat("ru-RU", { style: "percent", maximumFractionDigits: 1 });
const decimalFormat = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 1 });

/** Intl writes a hyphen for minus; typeset Russian uses the minus sign. */
function minus(text: string): string {
  return text.replace(/^-/, "−");
}

/** "1 234" (with a no-break space); "—" for null. */
export function formatCount(value: number | null): string {
  return value === null ? NO_VALUE : minus(countFormat.format(value));
}

/** A share in [0, 1] as "87,5 %"; "—" for null. */
export function formatShare(value: number | null): string {
  return value === null ? NO_VALUE : minus(percentFormat.format(value));
}

/** "78,4": a score or any number with at most one decimal; "—" for null. */
export function formatDecimal(value: number | null): string {
  return value === null ? NO_VALUE : minus(decimalFormat.format(value));
}

/** A share as percent with one decimal, for chart labels: 0.875 → 87.5. */
export function toPercent(share: number): number {
  return Math.round(share * 1000) / 10;
}

/**
 * Minutes as people say them: "35 мин", "2 ч 15 мин", "26 ч". Rounded to the minute; "—" for
 * null. Days are not used: the regulation counts its deadlines in hours.
 */
export function formatMinutes(value: number | null): string {
  if (value === null) return NO_VALUE;
  const total = Math.round(value);
  if (total < 60) return `${total} мин`;
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  return minutes === 0 ? `${countFormat.format(hours)} ч` : `${countFormat.format(hours)} ч ${minutes} мин`;
}

export type TValueKind = "count" | "share" | "minutes" | "score";

export function formatValue(value: number | null, kind: TValueKind): string {
  switch (kind) {
    case "count":
      return formatCount(value);
    case "share":
      return formatShare(value);
    case "minutes":
      return formatMinutes(value);
    case "score":
      return formatDecimal(value);
  }
}

/** Whether a rise of the figure is good news (answered in time), bad news (violations) or neither (volume). */
export type TBetter = "up" | "down" | "neither";

export interface TChange {
  /** "+3,2 п.п.", "−4 (−12,5 %)", "без изменений", "нет данных". */
  text: string;
  direction: "up" | "down" | "same" | "unknown";
  /** Good or bad news for the municipality, neutral when unchanged or not judged. */
  tone: "good" | "bad" | "neutral";
  /** "▲", "▼", "=" or "" for unknown: shown next to the words, never instead of them. */
  arrow: string;
}

const signedDecimal = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 1, signDisplay: "exceptZero" });
const signedCount = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 0, signDisplay: "exceptZero" });
const signedPercent = new Intl.NumberFormat("ru-RU", {
  style: "percent",
  maximumFractionDigits: 1,
  signDisplay: "exceptZero",
});

function signed(format: Intl.NumberFormat, value: number): string {
  return format.format(value).replace("-", "−");
}

/**
 * The change from `base` (an earlier month) to `current`. Shares change in percentage points
 * (a rise from 80 % to 90 % is "+10 п.п.", not "+12,5 %"); counts by the difference and, when
 * the earlier month had any, the relative change; minutes and scores by the difference. A
 * difference that rounds to nothing is "без изменений".
 */
export function describeChange(
  current: number | null,
  base: number | null,
  kind: TValueKind,
  better: TBetter = "neither",
): TChange {
  if (current === null || base === null)
    return { text: "нет данных", direction: "unknown", tone: "neutral", arrow: "" };
  const diff = current - base;
  // Compare what is shown: a change that prints as zero is no change.
  const shown =
    kind === "share"
      ? Math.round(diff * 1000)
      : kind === "count" || kind === "minutes"
        ? Math.round(diff)
        : Math.round(diff * 10);
  if (shown === 0) return { text: "без изменений", direction: "same", tone: "neutral", arrow: "=" };
  const direction = shown > 0 ? "up" : "down";
  const tone = better === "neither" ? "neutral" : better === direction ? "good" : "bad";
  const arrow = direction === "up" ? "▲" : "▼";
  let text: string;
  switch (kind) {
    case "share":
      text = `${signed(signedDecimal, Math.round(diff * 1000) / 10)} п.п.`;
      break;
    case "count":
      text =
        base > 0 ? `${signed(signedCount, diff)} (${signed(signedPercent, diff / base)})` : signed(signedCount, diff);
      break;
    case "minutes":
      text = `${diff > 0 ? "+" : "−"}${formatMinutes(Math.abs(diff))}`;
      break;
    case "score":
      text = signed(signedDecimal, Math.round(diff * 10) / 10);
      break;
  }
  return { text, direction, tone, arrow };
}
