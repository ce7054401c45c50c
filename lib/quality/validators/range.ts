/**
 * `range: [min, max]`: every value lies in the closed range (Hamilton's
 * range_validator). NaN, null and non-numbers are outside, as in pandas'
 * `Series.between`.
 */
import type { ColumnTable } from 'arquero';
import type { Importance } from '../result.js';
import type { Validator, ValidatorOutcome } from '../validator.js';
import { validatorMessages as m } from '../validator-messages.js';
import { jsonSafe, kindOf } from './describe.js';
import { elementKind, SAMPLE_LIMIT, samplesAt, shapeOf, type ColumnLike } from './elements.js';
import { notForTables, safely } from './outcome.js';

interface RangeScan {
  failures: number;
  notNumbers: number;
  /** The first few failing indices, recorded on the (cold) failure path. */
  indices: number[];
}

/**
 * Checks that a number (or bigint), or every element of a column, lies in `[min, max]`.
 * Bigints compare exactly with the bounds (no rounding beyond 2^53).
 *
 * @example
 * new RangeValidator([-5, 5], 'warn').validate(new Float64Array([1, 7.2])).passed; // false
 */
export class RangeValidator implements Validator {
  readonly name = 'range_validator';
  readonly description: string;

  constructor(
    readonly range: readonly [number, number],
    readonly importance: Importance,
  ) {
    this.description = `Validates that every value falls within the range [${range[0]}, ${range[1]}].`;
  }

  validate(value: unknown): ValidatorOutcome {
    return safely(this.name, () => this.check(value));
  }

  private check(value: unknown): ValidatorOutcome {
    const [lo, hi] = this.range;
    const range = this.range.map(jsonSafe);
    const shape = shapeOf(value);
    if (shape === 'table') return notForTables(value as ColumnTable, 'range', `[${lo}, ${hi}]`);
    if (shape === 'scalar') {
      const isNumber = typeof value === 'number' || typeof value === 'bigint';
      const passed = isNumber && inRange(value, lo, hi);
      const message = !isNumber ? m.range.notNumber(kindOf(value), this.range) : passed ? m.range.scalarIn(value, this.range) : m.range.scalarOut(value, this.range);
      return { passed, message, diagnostics: { range, rows: 1, failures: passed ? 0 : 1, value: jsonSafe(value) } };
    }
    const column = value as ColumnLike;
    const scan = scanRange(column, lo, hi);
    const rows = column.length;
    if (scan.failures === 0) return { passed: true, message: m.range.allIn(rows, this.range), diagnostics: { range, rows, failures: 0 } };
    const firstFailures = samplesAt(column, scan.indices);
    const first = scan.indices[0]!;
    return {
      passed: false,
      message: m.range.someOut(scan.failures, rows, this.range, scan.notNumbers, { index: first, value: column[first] }),
      diagnostics: { range, rows, failures: scan.failures, notNumbers: scan.notNumbers, firstFailures },
    };
  }
}

/** True for a number or bigint within [lo, hi]; relational operators compare bigints with numbers exactly. */
function inRange(x: unknown, lo: number, hi: number): boolean {
  return (typeof x === 'number' || typeof x === 'bigint') && x >= lo && x <= hi;
}

function scanRange(column: ColumnLike, lo: number, hi: number): RangeScan {
  switch (elementKind(column)) {
    case 'float':
      return column instanceof Float64Array ? scanFloat64(column, lo, hi) : scanNumbers(column as ArrayLike<number>, lo, hi);
    case 'int':
      return scanNumbers(column as ArrayLike<number>, lo, hi);
    case 'bigint':
      return scanBigInts(column as ArrayLike<bigint>, lo, hi);
    case 'array':
      return scanAnything(column, lo, hi);
  }
}

// One loop per element kind keeps each loop monomorphic. `!(x >= lo && x <= hi)`
// is true for NaN, so NaN needs no test of its own.

/**
 * The hot path: four values per step with one combined test, so a passing
 * block costs no branch per value; only a block holding a failure is looked at
 * value by value. About twice as fast as the plain loop on a million values.
 */
function scanFloat64(a: Float64Array, lo: number, hi: number): RangeScan {
  let failures = 0;
  const indices: number[] = [];
  const n = a.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const x0 = a[i]!;
    const x1 = a[i + 1]!;
    const x2 = a[i + 2]!;
    const x3 = a[i + 3]!;
    if (x0 >= lo && x0 <= hi && x1 >= lo && x1 <= hi && x2 >= lo && x2 <= hi && x3 >= lo && x3 <= hi) continue;
    for (let j = i; j < i + 4; j++) {
      const x = a[j]!;
      if (x >= lo && x <= hi) continue;
      failures++;
      if (indices.length < SAMPLE_LIMIT) indices.push(j);
    }
  }
  for (; i < n; i++) {
    const x = a[i]!;
    if (x >= lo && x <= hi) continue;
    failures++;
    if (indices.length < SAMPLE_LIMIT) indices.push(i);
  }
  return { failures, notNumbers: 0, indices };
}

// scanNumbers and scanBigInts look alike on purpose: one element type per loop keeps
// each loop monomorphic, which is what keeps the check near a hand-written loop.
function scanNumbers(a: ArrayLike<number>, lo: number, hi: number): RangeScan {
  let failures = 0;
  const indices: number[] = [];
  for (let i = 0, n = a.length; i < n; i++) {
    const x = a[i]!;
    if (x >= lo && x <= hi) continue;
    failures++;
    if (indices.length < SAMPLE_LIMIT) indices.push(i);
  }
  return { failures, notNumbers: 0, indices };
}

function scanBigInts(a: ArrayLike<bigint>, lo: number, hi: number): RangeScan {
  let failures = 0;
  const indices: number[] = [];
  for (let i = 0, n = a.length; i < n; i++) {
    const x = a[i]!;
    if (x >= lo && x <= hi) continue;
    failures++;
    if (indices.length < SAMPLE_LIMIT) indices.push(i);
  }
  return { failures, notNumbers: 0, indices };
}

function scanAnything(a: ColumnLike, lo: number, hi: number): RangeScan {
  let failures = 0;
  let notNumbers = 0;
  const indices: number[] = [];
  for (let i = 0, n = a.length; i < n; i++) {
    const x = a[i];
    if (typeof x === 'number' || typeof x === 'bigint') {
      if (x >= lo && x <= hi) continue;
    } else {
      notNumbers++;
    }
    failures++;
    if (indices.length < SAMPLE_LIMIT) indices.push(i);
  }
  return { failures, notNumbers, indices };
}
