/**
 * What the wall's clocks read. A countdown is whole seconds: while time is left it rounds down
 * (never promise more than there is); once the deadline has passed it rounds up, so a clock
 * half a second late already reads "−00:00:01", as `measureRemaining` does for minutes.
 */

const SECOND_MS = 1000;
/** U+2212, the minus sign: as wide as the digits, unlike a hyphen, so the digits do not jump. */
export const MINUS = "\u2212";

const pad = (n: number) => String(n).padStart(2, "0");

/** "ЧЧ:ММ:СС" left, or "−ЧЧ:ММ:СС" overdue; hours go past 24 for long clocks ("31:00:00"). */
export function formatCountdown(remainingMs: number): string {
  const overdue = remainingMs < 0;
  const seconds = overdue ? Math.ceil(-remainingMs / SECOND_MS) : Math.floor(remainingMs / SECOND_MS);
  const text = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
  return overdue ? `${MINUS}${text}` : text;
}

/** "14:05:09": the time of day in the municipality's zone, for the wall's header. */
export function formatTimeOfDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("ru-RU", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).format(at);
}

/**
 * The server's clock as the screen should read it: the screen's own clock corrected by the
 * difference seen when the server last spoke (a TV's clock is often minutes off).
 */
export function estimateClockOffset(serverNowMs: number, clientNowMs: number): number {
  return serverNowMs - clientNowMs;
}
