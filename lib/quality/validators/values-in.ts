/**
 * `valuesIn: [...]`: every value is one of the allowed values (Hamilton's
 * values_in_validator). As in Hamilton, NaN-like elements of a column (NaN,
 * null, undefined, Invalid Date) are ignored; a scalar must itself be allowed.
 * Membership is `Set.has` (SameValueZero): `1` and `1n` and `'1'` differ.
 */
import type { ColumnTable } from 'arquero';
import type { Importance } from '../result.js';
import type { Validator, ValidatorOutcome } from '../validator.js';
import { validatorMessages as m } from '../validator-messages.js';
import { jsonSafe } from './describe.js';
import { elementKind, sampleFailures, shapeOf, type ColumnLike } from './elements.js';
import { isNaNLike } from './nans.js';
import { notForTables, safely } from './outcome.js';

/** How many allowed values diagnostics list. */
const LISTED_VALUES = 20;
/** How many distinct wrong values diagnostics count. */
const DISTINCT_FAILURES = 5;

/**
 * Checks that a value, or every non-NaN element of a column, is in `values`.
 *
 * @example
 * new ValuesInValidator(['a', 'b'], 'warn').validate(['a', 'c', null]).passed; // false ('c')
 */
export class ValuesInValidator implements Validator {
  readonly name = 'values_in_validator';
  readonly description: string;
  private readonly allowed: ReadonlySet<unknown>;

  constructor(
    readonly values: readonly unknown[],
    readonly importance: Importance,
  ) {
    this.allowed = new Set(values);
    this.description = `Validates that every value is one of ${m.valuesIn.set(values)}, ignoring NaN, null and undefined.`;
  }

  validate(value: unknown): ValidatorOutcome {
    return safely(this.name, () => this.check(value));
  }

  private check(value: unknown): ValidatorOutcome {
    const allowed = this.allowed;
    const listed = this.values.slice(0, LISTED_VALUES).map(jsonSafe);
    const shape = shapeOf(value);
    if (shape === 'table') return notForTables(value as ColumnTable, 'valuesIn', '[...]');
    if (shape === 'scalar') {
      const passed = allowed.has(value);
      return {
        passed,
        message: passed ? m.valuesIn.scalarIn(value, this.values) : m.valuesIn.scalarOut(value, this.values),
        diagnostics: { valuesIn: listed, rows: 1, failures: passed ? 0 : 1, value: jsonSafe(value) },
      };
    }
    const column = value as ColumnLike;
    const rows = column.length;
    const fails = (x: unknown) => !allowed.has(x) && !isNaNLike(x);
    const { failures, first, ignored } = elementKind(column) === 'array' ? scanAnything(column, allowed) : scanTyped(column, allowed);
    const counts = { valuesIn: listed, rows, failures, ignored };
    if (failures === 0) return { passed: true, message: m.valuesIn.allIn(rows, ignored, this.values), diagnostics: counts };
    const firstFailures = sampleFailures(column, fails, first);
    return {
      passed: false,
      message: m.valuesIn.someOut(failures, rows, this.values, { index: first, value: column[first] }),
      diagnostics: { ...counts, firstFailures, distinctFailures: distinctFailures(column, fails, first) },
    };
  }
}

// Typed arrays hold numbers or bigints only; `x === x` skips NaN.
function scanTyped(a: ColumnLike, allowed: ReadonlySet<unknown>) {
  let failures = 0;
  let first = -1;
  let ignored = 0;
  for (let i = 0, n = a.length; i < n; i++) {
    const x = a[i];
    if (x !== x) ignored++;
    else if (!allowed.has(x)) {
      if (failures === 0) first = i;
      failures++;
    }
  }
  return { failures, first, ignored };
}

function scanAnything(a: ColumnLike, allowed: ReadonlySet<unknown>) {
  let failures = 0;
  let first = -1;
  let ignored = 0;
  for (let i = 0, n = a.length; i < n; i++) {
    const x = a[i];
    if (allowed.has(x)) continue;
    if (isNaNLike(x)) ignored++;
    else {
      if (failures === 0) first = i;
      failures++;
    }
  }
  return { failures, first, ignored };
}

/** The most frequent wrong values and their counts (as Hamilton's `incorrect_values`), most frequent first. */
function distinctFailures(column: ColumnLike, fails: (x: unknown) => boolean, first: number) {
  const counts = new Map<unknown, number>();
  for (let i = first, n = column.length; i < n; i++) {
    const x = column[i];
    if (fails(x)) counts.set(x, (counts.get(x) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, DISTINCT_FAILURES)
    .map(([value, count]) => ({ value: jsonSafe(value), count }));
}
