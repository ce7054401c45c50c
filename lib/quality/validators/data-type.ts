/**
 * `dataType`: every value has the declared type (Hamilton's data_type_validator).
 *
 * Hamilton checks a pandas Series' dtype, so a float Series holding NaN passes
 * as float and missing values never change the verdict. The JS equivalents:
 * NaN and ±Infinity are numbers (reject them with `allowNaNs: false` or a
 * `range`), and null/undefined elements of a column are missing values,
 * skipped and counted (reject them with `allowNull: false`). A scalar null is
 * not of any type. Types are read from the values, not from the column's
 * class: `[1, 2]` and `new Float64Array([1, 2])` are both 'integer'.
 */
import type { ColumnTable } from 'arquero';
import type { Importance } from '../result.js';
import type { Validator, ValidatorOutcome } from '../validator.js';
import { validatorMessages as m } from '../validator-messages.js';
import { isDate, jsonSafe, kindOf } from './describe.js';
import { elementKind, isMissing, sampleFailures, shapeOf, type ColumnLike, type ElementKind } from './elements.js';
import { notForTables, safely } from './outcome.js';

/** The types `dataType` can require. */
export type DataType = 'number' | 'integer' | 'string' | 'boolean' | 'bigint' | 'date' | 'object';

/**
 * Every DataType, in the order messages list them.
 *
 * @example
 * DATA_TYPES.includes('integer'); // true
 */
export const DATA_TYPES: readonly DataType[] = ['number', 'integer', 'string', 'boolean', 'bigint', 'date', 'object'];

const IS: Readonly<Record<DataType, (x: unknown) => boolean>> = {
  number: (x) => typeof x === 'number',
  integer: (x) => Number.isInteger(x),
  string: (x) => typeof x === 'string',
  boolean: (x) => typeof x === 'boolean',
  bigint: (x) => typeof x === 'bigint',
  date: (x) => isDate(x),
  // A Date is its own type; arrays, maps and class instances are objects.
  object: (x) => typeof x === 'object' && x !== null && !isDate(x),
};

/**
 * What a typed array's element kind settles without looking at the values:
 * true (all pass), false (all fail) or undefined (check each value).
 */
function settledByKind(kind: ElementKind, type: DataType): boolean | undefined {
  if (kind === 'array') return undefined;
  if (kind === 'bigint') return type === 'bigint';
  if (type === 'number') return true;
  if (type === 'integer') return kind === 'int' ? true : undefined;
  return false;
}

/**
 * Checks that a value, or every non-missing element of a column, is of `dataType`.
 *
 * @example
 * new DataTypeValidator('integer', 'warn').validate([1, 2.5]).passed; // false
 */
export class DataTypeValidator implements Validator {
  readonly name = 'data_type_validator';
  readonly description: string;

  constructor(
    readonly dataType: DataType,
    readonly importance: Importance,
  ) {
    this.description = `Validates that every value is ${m.dataType.noun(dataType, 1)} (null and undefined elements of a column are skipped).`;
  }

  validate(value: unknown): ValidatorOutcome {
    return safely(this.name, () => this.check(value));
  }

  private check(value: unknown): ValidatorOutcome {
    const type = this.dataType;
    const is = IS[type];
    const shape = shapeOf(value);
    if (shape === 'table') return notForTables(value as ColumnTable, 'dataType', `'${type}'`);
    if (shape === 'scalar') {
      const passed = is(value);
      return {
        passed,
        message: passed ? m.dataType.scalarIs(value, type) : m.dataType.scalarIsNot(value, kindOf(value), type),
        diagnostics: { dataType: type, rows: 1, failures: passed ? 0 : 1, value: jsonSafe(value), kind: kindOf(value) },
      };
    }
    const column = value as ColumnLike;
    const rows = column.length;
    const settled = rows === 0 ? true : settledByKind(elementKind(column), type);
    const fails = (x: unknown) => !isMissing(x) && !is(x);
    let failures = settled === true ? 0 : settled === false ? rows : -1;
    let missing = 0;
    let first = 0;
    if (failures < 0) {
      failures = 0;
      first = -1;
      for (let i = 0; i < rows; i++) {
        const x = column[i];
        if (isMissing(x)) missing++;
        else if (!is(x)) {
          if (failures === 0) first = i;
          failures++;
        }
      }
    }
    const counts = { dataType: type, rows, failures, missing };
    if (failures === 0) return { passed: true, message: m.dataType.allAre(rows, missing, type), diagnostics: counts };
    const firstFailures = sampleFailures(column, fails, first).map((s) => ({ ...s, kind: kindOf(column[s.index]) }));
    return { passed: false, message: m.dataType.someAreNot(failures, rows, type, { index: first, value: column[first], kind: kindOf(column[first]) }), diagnostics: { ...counts, firstFailures } };
  }
}
