/**
 * Counting NaN-like values for allowNaNs and maxFractionNaNs. As pandas'
 * `isna`, which Hamilton uses, NaN, null, undefined and an Invalid Date (JS's
 * NaT) all count; the counts are kept apart for diagnostics.
 */
import { isDate } from './describe.js';
import { elementKind, SAMPLE_LIMIT, type ColumnLike } from './elements.js';

/** NaN-like values in a column. */
export interface NaNCount {
  /** NaN numbers and Invalid Dates. */
  readonly nans: number;
  /** null and undefined. */
  readonly missing: number;
  /** The first few indices of NaN-like values. */
  readonly indices: readonly number[];
}

/**
 * True for NaN, null, undefined and an Invalid Date.
 *
 * @example
 * isNaNLike(null); // true
 * isNaNLike('NaN'); // false
 */
export function isNaNLike(x: unknown): boolean {
  // x !== x holds for NaN only.
  return x === null || x === undefined || x !== x || (typeof x === 'object' && isDate(x) && Number.isNaN(Date.prototype.getTime.call(x)));
}

/**
 * Counts the NaN-like values of a column; integer and bigint typed arrays cannot hold any.
 *
 * @example
 * countNaNs(new Float64Array([NaN, 1])); // { nans: 1, missing: 0, indices: [0] }
 */
export function countNaNs(column: ColumnLike): NaNCount {
  switch (elementKind(column)) {
    case 'float':
      return column instanceof Float64Array ? countFloat64(column) : countFloats(column as ArrayLike<number>);
    case 'int':
    case 'bigint':
      return { nans: 0, missing: 0, indices: [] };
    case 'array':
      return countAnything(column);
  }
}

/** The hot path: four values per step with one combined test (see range.ts). */
function countFloat64(a: Float64Array): NaNCount {
  let nans = 0;
  const indices: number[] = [];
  const n = a.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const x0 = a[i]!;
    const x1 = a[i + 1]!;
    const x2 = a[i + 2]!;
    const x3 = a[i + 3]!;
    if (x0 === x0 && x1 === x1 && x2 === x2 && x3 === x3) continue;
    for (let j = i; j < i + 4; j++) {
      if (a[j] === a[j]) continue;
      nans++;
      if (indices.length < SAMPLE_LIMIT) indices.push(j);
    }
  }
  for (; i < n; i++) {
    if (a[i] === a[i]) continue;
    nans++;
    if (indices.length < SAMPLE_LIMIT) indices.push(i);
  }
  return { nans, missing: 0, indices };
}

function countFloats(a: ArrayLike<number>): NaNCount {
  let nans = 0;
  const indices: number[] = [];
  for (let i = 0, n = a.length; i < n; i++) {
    const x = a[i]!;
    if (x === x) continue;
    nans++;
    if (indices.length < SAMPLE_LIMIT) indices.push(i);
  }
  return { nans, missing: 0, indices };
}

function countAnything(a: ColumnLike): NaNCount {
  let nans = 0;
  let missing = 0;
  const indices: number[] = [];
  for (let i = 0, n = a.length; i < n; i++) {
    const x = a[i];
    if (x === null || x === undefined) missing++;
    else if (x !== x || (typeof x === 'object' && isNaNLike(x))) nans++;
    else continue;
    if (indices.length < SAMPLE_LIMIT) indices.push(i);
  }
  return { nans, missing, indices };
}
