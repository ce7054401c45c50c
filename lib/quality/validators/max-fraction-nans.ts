/**
 * `maxFractionNaNs: f`: at most a fraction f of the values are NaN-like
 * (Hamilton's max_fraction_nans_validator; NaN, null, undefined and Invalid
 * Dates count, as pandas' `isna`).
 */
import type { ColumnTable } from 'arquero';
import type { Importance } from '../result.js';
import type { Validator, ValidatorOutcome } from '../validator.js';
import { validatorMessages as m } from '../validator-messages.js';
import { samplesAt, shapeOf, type ColumnLike } from './elements.js';
import { countNaNs } from './nans.js';
import { notForTables, safely } from './outcome.js';

/**
 * Checks that the fraction of NaN-like values in a column (a scalar counts as
 * a column of one) is at most `maxFraction`. An empty column has fraction 0, as in Hamilton.
 *
 * @example
 * new MaxFractionNaNsValidator(0.5, 'warn').validate([1, NaN, 3]).passed; // true
 */
export class MaxFractionNaNsValidator implements Validator {
  readonly name = 'max_fraction_nans_validator';
  readonly description: string;

  constructor(
    readonly maxFraction: number,
    readonly importance: Importance,
  ) {
    this.description = `Validates that no more than ${m.percent(maxFraction)} of the values are NaN (or null, undefined, an Invalid Date).`;
  }

  validate(value: unknown): ValidatorOutcome {
    return safely(this.name, () => this.check(value));
  }

  private check(value: unknown): ValidatorOutcome {
    const shape = shapeOf(value);
    if (shape === 'table') return notForTables(value as ColumnTable, 'maxFractionNaNs', String(this.maxFraction));
    const column: ColumnLike = shape === 'column' ? (value as ColumnLike) : [value];
    const rows = column.length;
    const { nans, missing, indices } = countNaNs(column);
    const total = nans + missing;
    const fractionNaNs = rows === 0 ? 0 : total / rows;
    const passed = fractionNaNs <= this.maxFraction;
    const diagnostics = { rows, nans, missing, fractionNaNs, maxFractionNaNs: this.maxFraction };
    const message = m.nans.fraction(passed, total, rows, fractionNaNs, this.maxFraction);
    if (passed || total === 0) return { passed, message, diagnostics };
    return { passed, message, diagnostics: { ...diagnostics, firstFailures: samplesAt(column, indices) } };
  }
}
