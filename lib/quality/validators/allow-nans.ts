/**
 * `allowNaNs: false`: no NaN-like value (Hamilton's allow_nans_validator, a
 * max_fraction_nans_validator with limit 0). As pandas' `isna`: NaN, null,
 * undefined and Invalid Dates count.
 */
import type { ColumnTable } from 'arquero';
import type { Importance } from '../result.js';
import type { Validator, ValidatorOutcome } from '../validator.js';
import { validatorMessages as m } from '../validator-messages.js';
import { jsonSafe } from './describe.js';
import { samplesAt, shapeOf, type ColumnLike } from './elements.js';
import { countNaNs, isNaNLike } from './nans.js';
import { notForTables, safely } from './outcome.js';

/**
 * Checks that a value, or every element of a column, is not NaN, null, undefined or an Invalid Date.
 * `allowNaNs: true` creates no validator: it checks nothing.
 *
 * @example
 * new AllowNaNsValidator('fail').validate([1, NaN]).passed; // false
 */
export class AllowNaNsValidator implements Validator {
  readonly name = 'allow_nans_validator';
  readonly description = 'Validates that no value is NaN (or null, undefined, an Invalid Date).';

  constructor(readonly importance: Importance) {}

  validate(value: unknown): ValidatorOutcome {
    return safely(this.name, () => this.check(value));
  }

  private check(value: unknown): ValidatorOutcome {
    const shape = shapeOf(value);
    if (shape === 'table') return notForTables(value as ColumnTable, 'allowNaNs', 'false');
    if (shape === 'scalar') {
      const passed = !isNaNLike(value);
      return {
        passed,
        message: passed ? m.nans.scalarFine() : m.nans.scalarNaN(value),
        diagnostics: { rows: 1, failures: passed ? 0 : 1, value: jsonSafe(value) },
      };
    }
    const column = value as ColumnLike;
    const rows = column.length;
    const { nans, missing, indices } = countNaNs(column);
    const failures = nans + missing;
    const counts = { rows, failures, nans, missing, fractionNaNs: rows === 0 ? 0 : failures / rows };
    if (failures === 0) return { passed: true, message: m.nans.noneIn(rows), diagnostics: counts };
    const first = indices[0]!;
    return { passed: false, message: m.nans.someIn(failures, rows, { index: first, value: column[first] }), diagnostics: { ...counts, firstFailures: samplesAt(column, indices) } };
  }
}
