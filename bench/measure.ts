/** Timing helpers of the benchmark: interleaved app/raw runs, medians and percentiles. */

export interface TFigure {
  name: string;
  medianMs: number;
  p95Ms: number;
  rawMedianMs: number | null;
  /** Goal on the p95 (ms), when the figure has one. */
  goalP95Ms: number | null;
  note?: string;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = (sorted.length - 1) * p;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const a = sorted[low] ?? Number.NaN;
  const b = sorted[high] ?? Number.NaN;
  return a + (b - a) * (rank - low);
}

const sortedOf = (xs: readonly number[]) => [...xs].sort((x, y) => x - y);

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/**
 * The app's call and the raw SQL returning the same data, alternated (which goes first swaps
 * every iteration), so both see the same cache and the same noise from the shared machine.
 */
export async function measurePair(params: {
  name: string;
  app: () => Promise<unknown>;
  raw: (() => Promise<unknown>) | null;
  goalP95Ms: number | null;
  warmup: number;
  iterations: number;
}): Promise<TFigure> {
  const { app, raw } = params;
  for (let i = 0; i < params.warmup; i++) {
    await app();
    if (raw) await raw();
  }
  const appTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let i = 0; i < params.iterations; i++) {
    if (raw && i % 2 === 1) rawTimes.push(await timed(raw));
    appTimes.push(await timed(app));
    if (raw && i % 2 === 0) rawTimes.push(await timed(raw));
  }
  const a = sortedOf(appTimes);
  return {
    name: params.name,
    medianMs: percentile(a, 0.5),
    p95Ms: percentile(a, 0.95),
    rawMedianMs: raw ? percentile(sortedOf(rawTimes), 0.5) : null,
    goalP95Ms: params.goalP95Ms,
  };
}

/** Goal on the ratio app median / raw median. */
export const RATIO_GOAL = 1.3;

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

/** `name: median ms (p95 ms) | raw SQL: median ms | ratio` */
export function formatFigure(f: TFigure): string {
  const raw =
    f.rawMedianMs === null
      ? "raw SQL: n/a | ratio n/a"
      : `raw SQL: ${ms(f.rawMedianMs)} ms | ${(f.medianMs / f.rawMedianMs).toFixed(2)}`;
  return `${f.name}: ${ms(f.medianMs)} ms (${ms(f.p95Ms)} ms) | ${raw}${f.note ? `   [${f.note}]` : ""}`;
}

export interface TGoal {
  label: string;
  met: boolean;
}

export function goalsOf(f: TFigure): TGoal[] {
  const goals: TGoal[] = [];
  if (f.goalP95Ms !== null) goals.push({ label: `${f.name} p95 < ${f.goalP95Ms} ms`, met: f.p95Ms < f.goalP95Ms });
  if (f.rawMedianMs !== null) {
    goals.push({ label: `${f.name} ratio ≤ ${RATIO_GOAL}`, met: f.medianMs / f.rawMedianMs <= RATIO_GOAL });
  }
  return goals;
}
