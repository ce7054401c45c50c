/**
 * How validators walk a value: its shape (scalar, column, table), the element
 * kind of a column (so hot loops can take a typed-array fast path), and lazy
 * sampling of the first failing elements.
 */
import { isColumn, isTable } from '../../core/values.js';
import { jsonSafe, typeName } from './describe.js';

/** What a validator is given: a single value, a column (Array or typed array), or an arquero table. */
export type Shape = 'scalar' | 'column' | 'table';

/**
 * The element kind of a column: 'float' (Float32/64Array), 'int' (the other
 * number typed arrays), 'bigint' (BigInt64/BigUint64Array) or 'array' (anything goes).
 */
export type ElementKind = 'float' | 'int' | 'bigint' | 'array';

/** A column as validators read it. */
export type ColumnLike = ArrayLike<unknown>;

/**
 * How many first failures diagnostics keep.
 *
 * @example
 * if (indices.length < SAMPLE_LIMIT) indices.push(i);
 */
export const SAMPLE_LIMIT = 5;

/** One failing element: its index and a JSON-safe rendering of its value. */
export interface FailureSample {
  readonly index: number;
  readonly value: unknown;
}

/**
 * The shape of a value.
 *
 * @example
 * shapeOf(new Float64Array(2)); // 'column'
 */
export function shapeOf(value: unknown): Shape {
  if (isColumn(value)) return 'column';
  if (isTable(value)) return 'table';
  return 'scalar';
}

const KINDS: Readonly<Record<string, ElementKind>> = {
  Float64Array: 'float',
  Float32Array: 'float',
  Int8Array: 'int',
  Uint8Array: 'int',
  Uint8ClampedArray: 'int',
  Int16Array: 'int',
  Uint16Array: 'int',
  Int32Array: 'int',
  Uint32Array: 'int',
  BigInt64Array: 'bigint',
  BigUint64Array: 'bigint',
};

/**
 * The element kind of a column; unknown typed arrays (Float16Array, say) read as 'array'.
 *
 * @example
 * elementKind(new Int8Array(1)); // 'int'
 */
export function elementKind(column: ColumnLike): ElementKind {
  return Array.isArray(column) ? 'array' : KINDS[typeName(column)] ?? 'array';
}

/**
 * True for null and undefined: missing values.
 *
 * @example
 * isMissing(undefined); // true
 */
export function isMissing(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

/**
 * Counts the elements for which `fails` holds and finds the first. Used by
 * checks whose per-element test is not hot enough for a dedicated loop.
 *
 * @example
 * countFailures(['a', 1], (x) => typeof x !== 'string'); // { failures: 1, first: 1 }
 */
export function countFailures(column: ColumnLike, fails: (x: unknown) => boolean): { failures: number; first: number } {
  let failures = 0;
  let first = -1;
  for (let i = 0, n = column.length; i < n; i++) {
    if (fails(column[i])) {
      if (failures === 0) first = i;
      failures++;
    }
  }
  return { failures, first };
}

/**
 * The first few failing elements, from `first` on. Called only once a scan
 * found failures, so hot loops keep nothing but a count and an index.
 *
 * @example
 * sampleFailures([1, 9, 9], (x) => x === 9, 1); // [{ index: 1, value: 9 }, { index: 2, value: 9 }]
 */
export function sampleFailures(column: ColumnLike, fails: (x: unknown) => boolean, first: number, limit = SAMPLE_LIMIT): FailureSample[] {
  const samples: FailureSample[] = [];
  for (let i = Math.max(first, 0), n = column.length; i < n && samples.length < limit; i++) {
    const x = column[i];
    if (fails(x)) samples.push({ index: i, value: jsonSafe(x) });
  }
  return samples;
}

/**
 * The failure samples at indices a scan recorded.
 *
 * @example
 * samplesAt([1, NaN], [1]); // [{ index: 1, value: 'NaN' }]
 */
export function samplesAt(column: ColumnLike, indices: readonly number[]): FailureSample[] {
  return indices.map((index) => ({ index, value: jsonSafe(column[index]) }));
}
