/**
 * `allowNull: false`: no null or undefined (Hamilton's allow_none_validator;
 * JS has two missing values where Python has None). NaN is a number, not a
 * missing value: forbid it with `allowNaNs: false`.
 */
import type { ColumnTable } from 'arquero';
import type { Importance } from '../result.js';
import type { Validator, ValidatorOutcome } from '../validator.js';
import { validatorMessages as m } from '../validator-messages.js';
import { countFailures, elementKind, isMissing, sampleFailures, shapeOf, type ColumnLike } from './elements.js';
import { notForTables, safely } from './outcome.js';

/**
 * Checks that a value, and every element of a column, is neither null nor undefined.
 * `allowNull: true` creates no validator: it checks nothing.
 *
 * @example
 * new AllowNullValidator('fail').validate(['a', null]).passed; // false
 */
export class AllowNullValidator implements Validator {
  readonly name = 'allow_null_validator';
  readonly description = 'Validates that no value is null or undefined.';

  constructor(readonly importance: Importance) {}

  validate(value: unknown): ValidatorOutcome {
    return safely(this.name, () => this.check(value));
  }

  private check(value: unknown): ValidatorOutcome {
    const shape = shapeOf(value);
    if (shape === 'table') return notForTables(value as ColumnTable, 'allowNull', 'false');
    if (shape === 'scalar') {
      const passed = !isMissing(value);
      return { passed, message: passed ? m.nulls.scalarFine() : m.nulls.scalarMissing(value), diagnostics: { rows: 1, failures: passed ? 0 : 1 } };
    }
    const column = value as ColumnLike;
    const rows = column.length;
    // Typed arrays cannot hold null or undefined.
    const { failures, first } = elementKind(column) === 'array' ? countFailures(column, isMissing) : { failures: 0, first: -1 };
    if (failures === 0) return { passed: true, message: m.nulls.noneIn(rows), diagnostics: { rows, failures } };
    const firstFailures = sampleFailures(column, isMissing, first);
    return { passed: false, message: m.nulls.someIn(failures, rows, { index: first, value: column[first] }), diagnostics: { rows, failures, firstFailures } };
  }
}
