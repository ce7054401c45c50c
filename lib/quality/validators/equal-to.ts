/**
 * `equalTo: v`: every value equals v. Equality is SameValueZero (as
 * `Array.prototype.includes`: NaN equals NaN, 0 equals -0, `1` differs from
 * `1n` and `'1'`), except that Dates are equal when their times are; other
 * objects must be the same object. When v is itself a column (Array or typed
 * array), a column value must equal it element by element, with the same length.
 */
import type { ColumnTable } from 'arquero';
import type { Importance } from '../result.js';
import type { Validator, ValidatorOutcome } from '../validator.js';
import { validatorMessages as m } from '../validator-messages.js';
import { isDate, jsonSafe, kindOf } from './describe.js';
import { countFailures, SAMPLE_LIMIT, sampleFailures, shapeOf, type ColumnLike } from './elements.js';
import { notForTables, safely } from './outcome.js';

/**
 * SameValueZero, with Dates compared by time.
 *
 * @example
 * sameValue(NaN, NaN); // true
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b || (a !== a && b !== b)) return true;
  return isDate(a) && isDate(b) && Date.prototype.getTime.call(a) === Date.prototype.getTime.call(b);
}

/**
 * Checks that a value, or every element of a column, equals `expected`
 * (element-wise when `expected` is a column).
 *
 * @example
 * new EqualToValidator(0, 'warn').validate(new Int32Array([0, 0, 1])).passed; // false
 */
export class EqualToValidator implements Validator {
  readonly name = 'equal_to_validator';
  readonly description: string;

  constructor(
    readonly expected: unknown,
    readonly importance: Importance,
  ) {
    this.description = shapeOf(expected) === 'column' ? 'Validates that the column equals the expected column.' : `Validates that every value equals ${m.show(expected)}.`;
  }

  validate(value: unknown): ValidatorOutcome {
    return safely(this.name, () => this.check(value));
  }

  private check(value: unknown): ValidatorOutcome {
    const expected = this.expected;
    const shape = shapeOf(value);
    if (shape === 'table') return notForTables(value as ColumnTable, 'equalTo', m.show(expected));
    if (shapeOf(expected) === 'column') return this.checkColumns(value, expected as ColumnLike);
    if (shape === 'scalar') {
      const passed = sameValue(value, expected);
      return {
        passed,
        message: passed ? m.equalTo.scalarEqual(expected) : m.equalTo.scalarDiffers(value, expected),
        diagnostics: { equalTo: jsonSafe(expected), rows: 1, failures: passed ? 0 : 1, value: jsonSafe(value) },
      };
    }
    const column = value as ColumnLike;
    const rows = column.length;
    const differs = (x: unknown) => !sameValue(x, expected);
    const { failures, first } = countFailures(column, differs);
    const counts = { equalTo: jsonSafe(expected), rows, failures };
    if (failures === 0) return { passed: true, message: m.equalTo.allEqual(rows, expected), diagnostics: counts };
    const firstFailures = sampleFailures(column, differs, first);
    return { passed: false, message: m.equalTo.someDiffer(failures, rows, expected, { index: first, value: column[first] }), diagnostics: { ...counts, firstFailures } };
  }

  private checkColumns(value: unknown, expected: ColumnLike): ValidatorOutcome {
    if (shapeOf(value) !== 'column') {
      return { passed: false, message: m.equalTo.notAColumn(kindOf(value), expected.length), diagnostics: { rows: 1, expectedRows: expected.length } };
    }
    const column = value as ColumnLike;
    const rows = column.length;
    if (rows !== expected.length) {
      return { passed: false, message: m.equalTo.lengthDiffers(rows, expected.length), diagnostics: { rows, expectedRows: expected.length } };
    }
    let failures = 0;
    let first = -1;
    const firstFailures: { index: number; value: unknown; expected: unknown }[] = [];
    for (let i = 0; i < rows; i++) {
      if (sameValue(column[i], expected[i])) continue;
      if (failures++ === 0) first = i;
      if (firstFailures.length < SAMPLE_LIMIT) firstFailures.push({ index: i, value: jsonSafe(column[i]), expected: jsonSafe(expected[i]) });
    }
    if (failures === 0) return { passed: true, message: m.equalTo.columnsEqual(rows), diagnostics: { rows, failures } };
    const spot = { index: first, value: column[first], expected: expected[first] };
    return { passed: false, message: m.equalTo.columnsDiffer(failures, rows, spot), diagnostics: { rows, failures, firstFailures } };
  }
}
