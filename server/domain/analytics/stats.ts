/**
 * The arithmetic of the monthly analysis (п.13): percentiles, shares and changes. The SQL in
 * server/services/analytics computes the same numbers with PostgreSQL's aggregates; these
 * functions define them, and the integration tests check the two agree.
 */

/**
 * The p-th percentile (0 ≤ p ≤ 1) by linear interpolation between the closest ranks, exactly as
 * PostgreSQL's `percentile_cont(p) WITHIN GROUP (ORDER BY x)`: sorted ascending, the value at
 * the fractional position p·(n − 1), interpolated between its two neighbours. The median is
 * p = 0.5 (the mean of the two middle values for an even count); p = 0.9 of 1…10 is 9.1.
 * Null for no values (no "0 minutes" for "nothing to measure").
 */
export function percentileCont(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile out of [0, 1]: ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (position - lower);
}

export function median(values: readonly number[]): number | null {
  return percentileCont(values, 0.5);
}

/** part / whole, or null when there is nothing to judge (whole = 0). */
export function shareOf(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return part / whole;
}

/** `value` rounded to `digits` decimals (half away from zero); null stays null. */
export function roundTo(value: number, digits: number): number;
export function roundTo(value: number | null, digits: number): number | null;
export function roundTo(value: number | null, digits: number): number | null {
  if (value === null) return null;
  const factor = 10 ** digits;
  const rounded = Math.sign(value) * (Math.round(Math.abs(value) * factor + Number.EPSILON) / factor);
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** How a number changed against an earlier one. */
export interface TChange {
  /** current − earlier; null when either is unknown. */
  difference: number | null;
  /** (current − earlier) / earlier; null when either is unknown or the earlier one is 0. */
  relative: number | null;
}

export function changeOf(current: number | null, earlier: number | null): TChange {
  if (current === null || earlier === null) return { difference: null, relative: null };
  return { difference: current - earlier, relative: earlier === 0 ? null : (current - earlier) / earlier };
}
