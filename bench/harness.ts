/**
 * Small measuring helpers shared by every benchmark suite: timing, medians,
 * interleaved A/B comparisons (with a clean heap, or in steady state), peak
 * memory and the one-JSON-line-per-case report.
 */
import { performance } from 'node:perf_hooks';

/** A benchmark record: flat JSON, one per case (`suite` and `case` name it). */
export type BenchRecord = Record<string, unknown>;

/** What every suite exports: runs its cases, calling `report` once per case. */
export type SuiteRun = (report: (record: BenchRecord) => void) => Promise<void>;

/** How many times to run a measured function. */
export interface MeasureOptions {
  /** Measured runs (default 10). */
  readonly runs?: number;
  /** Unmeasured runs first, so the JIT has compiled the hot paths (default 2). */
  readonly warmup?: number;
}

/**
 * What gets timed: a function, or a timed `run` with untimed `setup` before it
 * and `teardown` after it (e.g. writing a fresh file, disposing a runtime).
 * Each receives the run's number, warmups included, counting from 0.
 */
export type Timed =
  | ((run: number) => unknown)
  | {
      readonly setup?: (run: number) => unknown;
      readonly run: (run: number) => unknown;
      readonly teardown?: (run: number) => unknown;
    };

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Collects garbage when node runs with --expose-gc, so an earlier case's garbage
 * is not collected (and timed) during the next case.
 *
 * @example
 * collectGarbage();
 */
export function collectGarbage(): void {
  gc?.();
}

/**
 * The median of some numbers (the mean of the middle two for an even count).
 *
 * @example
 * median([3, 1, 2]); // 2
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs one timed step (setup and teardown untimed) and returns its ms. */
async function timeOnce(timed: Timed, run: number): Promise<number> {
  const steps = typeof timed === 'function' ? { run: timed } : timed;
  await steps.setup?.(run);
  const start = performance.now();
  await steps.run(run);
  const elapsed = performance.now() - start;
  await steps.teardown?.(run);
  await settle();
  return elapsed;
}

/**
 * Lets work left over by the run (promise chains, timers of a disposed
 * runtime) finish before the next run starts, so it is not timed there.
 */
async function settle(): Promise<void> {
  for (let k = 0; k < 3; k++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * Runs `timed` `warmup + runs` times and returns the duration of each measured
 * run in ms. Garbage is collected once, before the warmups: a forced full
 * collection before every run was measured to slow the next run down several
 * times (the heap is being swept while it runs), which distorts more than it removes.
 *
 * @example
 * const ms = await measure(() => dr.execute(['a'], { inputs }), { runs: 20, warmup: 5 });
 * median(ms);
 */
export async function measure(timed: Timed, options: MeasureOptions = {}): Promise<number[]> {
  const { runs = 10, warmup = 2 } = options;
  const times: number[] = [];
  collectGarbage();
  for (let run = 0; run < warmup + runs; run++) {
    const elapsed = await timeOnce(timed, run);
    if (run >= warmup) times.push(elapsed);
  }
  return times;
}

/** Per-run durations (ms) of both sides of an interleaved comparison. */
export interface Comparison {
  readonly a: number[];
  readonly b: number[];
}

/**
 * Measures two sides alternately (A B A B ...), so that a noisy shared machine
 * slows both alike; returns each side's per-run ms.
 *
 * @example
 * const { a, b } = await compareInterleaved(() => ours(), () => direct(), { runs: 30 });
 * median(a) / median(b);
 */
export async function compareInterleaved(a: Timed, b: Timed, options: MeasureOptions = {}): Promise<Comparison> {
  const { runs = 10, warmup = 2 } = options;
  const times: Comparison = { a: [], b: [] };
  collectGarbage();
  for (let run = 0; run < warmup + runs; run++) {
    const ta = await timeOnce(a, run);
    const tb = await timeOnce(b, run);
    if (run >= warmup) { times.a.push(ta); times.b.push(tb); }
  }
  return times;
}

/**
 * Measures two sides alternately (A B A B ...) in steady state: unlike
 * compareInterleaved, garbage is not collected before the runs and nothing
 * settles between them. A forced full collection shrinks the young generation,
 * and a run that allocates a few MB then pays for scavenges a warm process
 * never sees (4-5x slower at 100 nodes). Garbage from earlier runs is still
 * collected during later ones, so the cost of collecting stays in the figures.
 *
 * @example
 * const { a, b } = await compareSteady(() => buildAndRun(checked), () => buildAndRun(plain), { runs: 100, warmup: 20 });
 */
export async function compareSteady(a: () => unknown, b: () => unknown, options: MeasureOptions = {}): Promise<Comparison> {
  const { runs = 10, warmup = 2 } = options;
  const times: Comparison = { a: [], b: [] };
  for (let run = 0; run < warmup + runs; run++) {
    let start = performance.now();
    await a();
    const ta = performance.now() - start;
    start = performance.now();
    await b();
    const tb = performance.now() - start;
    if (run >= warmup) { times.a.push(ta); times.b.push(tb); }
  }
  return times;
}

/**
 * The process's peak resident set size so far, in KiB (as `process.resourceUsage` reports it).
 *
 * @example
 * report({ suite: 'core', case: 'peak RSS', peakRssKiB: peakRssKiB() });
 */
export function peakRssKiB(): number {
  return process.resourceUsage().maxRSS;
}

/**
 * Rounds to a few significant digits, so records stay readable.
 *
 * @example
 * round(12.345678); // 12.35
 */
export function round(value: number, digits = 4): number {
  return Number.isFinite(value) ? Number(value.toPrecision(digits)) : value;
}

/**
 * Prints one record as one JSON line on stdout.
 *
 * @example
 * report({ suite: 'core', case: 'build wide 4000', medianMs: 12.3, runs: 10 });
 */
export function report(record: BenchRecord): void {
  process.stdout.write(`${JSON.stringify(record)}\n`);
}

/**
 * A case runner for one suite: reports the case's record, or `{ error }` when
 * it throws, so the other cases still run; resolves to the record (undefined
 * when the case threw), for summaries across cases.
 *
 * @example
 * const attempt = caseRunner('io', report);
 * await attempt('save+load csv', async () => ({ medianMs: 12 }));
 */
export function caseRunner(suite: string, reportRecord: (record: BenchRecord) => void) {
  return async (name: string, fn: () => Promise<BenchRecord>): Promise<BenchRecord | undefined> => {
    try {
      const record = await fn();
      reportRecord({ suite, case: name, ...record });
      return record;
    } catch (e) {
      reportRecord({ suite, case: name, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
      return undefined;
    }
  };
}

/**
 * The median of run-by-run differences a[i] - b[i] of an interleaved comparison:
 * each pair ran back to back, so it is steadier than the difference of two
 * medians (still noisy when the difference is small next to both sides).
 *
 * @example
 * pairedDifference(ours, floor); // ms that ours took more, typically
 */
export function pairedDifference(a: readonly number[], b: readonly number[]): number {
  return median(a.map((x, i) => x - b[i]!));
}

/**
 * Guards the figures: a benchmark of wrong answers measures nothing. Throws
 * unless both lists hold the same values (Object.is), naming `what`.
 *
 * @example
 * checkAgree('wide 4000', Object.values(ours), direct(inputs));
 */
export function checkAgree(what: string, ours: readonly unknown[], reference: readonly unknown[]): void {
  const same = ours.length === reference.length && ours.every((v, i) => Object.is(v, reference[i]));
  if (!same) throw new Error(`${what}: ours and the reference disagree on the outputs' values.`);
}

/**
 * Measures any number of sides in turn (A B C A B C ...), so a noisy machine
 * slows all alike; returns each side's per-run ms, by the sides' names.
 *
 * @example
 * const t = await interleave({ ours: () => ours(), floor: () => floor() }, { runs: 15 });
 * median(t.ours!) / median(t.floor!);
 */
export async function interleave(sides: Readonly<Record<string, Timed>>, options: MeasureOptions = {}): Promise<Record<string, number[]>> {
  const { runs = 10, warmup = 2 } = options;
  const names = Object.keys(sides);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  collectGarbage();
  for (let run = 0; run < warmup + runs; run++) {
    for (const name of names) {
      const elapsed = await timeOnce(sides[name]!, run);
      if (run >= warmup) times[name]!.push(elapsed);
    }
  }
  return times;
}

/**
 * The median of run-by-run ratios a[i] / b[i] of an interleaved comparison:
 * each pair ran back to back, so a load change between pairs cancels out.
 *
 * @example
 * pairedRatio([10, 30], [5, 10]); // 2.5
 */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
  return median(a.map((x, i) => x / b[i]!));
}
