/**
 * Mean and sample standard deviation of a column's numbers, as pandas'
 * `Series.mean()` and `Series.std()` (ddof = 1) that Hamilton uses: NaN-like
 * values are skipped. Sums that would overflow (values near 1e308) are
 * rescaled, so a finite answer stays finite. Bigints are read as numbers.
 */
import { jsonSafe } from './describe.js';
import type { ColumnLike } from './elements.js';
import { isNaNLike } from './nans.js';

/** What a pass over a column found. */
export interface Moments {
  /** Elements in the column. */
  readonly rows: number;
  /** Numbers used. */
  readonly count: number;
  /** NaN-like values skipped. */
  readonly skipped: number;
  /** Elements that are not numbers, bigints or NaN-like (strings, booleans ...): no statistic is computed. */
  readonly notNumbers: number;
  readonly firstNotNumber?: { readonly index: number; readonly value: unknown };
  /** The mean (NaN when count is 0, or for Infinity with -Infinity). */
  readonly mean: number;
  /** The sample standard deviation, when asked for (NaN when count < 2 or a value is infinite). */
  readonly std: number;
}

/**
 * Computes the mean (and, with `withStd`, the sample standard deviation) of a column.
 *
 * @example
 * moments([1, NaN, 3], true); // { rows: 3, count: 2, skipped: 1, notNumbers: 0, mean: 2, std: 1.414... }
 */
export function moments(column: ColumnLike, withStd: boolean): Moments {
  const rows = column.length;
  let count = 0;
  let skipped = 0;
  let notNumbers = 0;
  let firstNotNumber: Moments['firstNotNumber'];
  let sum = 0;
  let maxAbs = 0;
  for (let i = 0; i < rows; i++) {
    const v = toNumber(column[i]);
    if (v === undefined) {
      if (isNaNLike(column[i])) skipped++;
      else {
        if (notNumbers === 0) firstNotNumber = { index: i, value: jsonSafe(column[i]) };
        notNumbers++;
      }
      continue;
    }
    count++;
    sum += v;
    const a = Math.abs(v);
    if (a > maxAbs) maxAbs = a;
  }
  const base = { rows, count, skipped, notNumbers, ...(firstNotNumber ? { firstNotNumber } : {}) };
  if (notNumbers > 0 || count === 0) return { ...base, mean: NaN, std: NaN };
  const mean = Number.isFinite(sum) || maxAbs === Infinity ? sum / count : rescaledMean(column, count, maxAbs);
  const std = withStd ? standardDeviation(column, count, mean, maxAbs) : NaN;
  return { ...base, mean, std };
}

/** A number, a bigint as a number, or undefined for anything else (NaN included). */
function toNumber(x: unknown): number | undefined {
  if (typeof x === 'number') return x === x ? x : undefined;
  if (typeof x === 'bigint') return Number(x);
  return undefined;
}

/** Every value divided by the largest magnitude lies in [-1, 1], so the sum cannot overflow. */
function rescaledMean(column: ColumnLike, count: number, maxAbs: number): number {
  let sum = 0;
  for (let i = 0, n = column.length; i < n; i++) {
    const v = toNumber(column[i]);
    if (v !== undefined) sum += v / maxAbs;
  }
  return (sum / count) * maxAbs;
}

function standardDeviation(column: ColumnLike, count: number, mean: number, maxAbs: number): number {
  if (count < 2 || !Number.isFinite(maxAbs) || !Number.isFinite(mean)) return NaN;
  let squares = 0;
  for (let i = 0, n = column.length; i < n; i++) {
    const v = toNumber(column[i]);
    if (v !== undefined) squares += (v - mean) * (v - mean);
  }
  if (Number.isFinite(squares)) return Math.sqrt(squares / (count - 1));
  // Deviations near 1e308 overflow when squared: scale them into [-2, 2] first.
  const m = mean / maxAbs;
  squares = 0;
  for (let i = 0, n = column.length; i < n; i++) {
    const v = toNumber(column[i]);
    if (v !== undefined) squares += (v / maxAbs - m) * (v / maxAbs - m);
  }
  return maxAbs * Math.sqrt(squares / (count - 1));
}

