/**
 * `meanInRange: [min, max]`: the mean lies in the closed range (Hamilton's
 * mean_in_range_validator). NaN-like values are skipped, as pandas'
 * `Series.mean()`; a column with no numbers has no mean and fails.
 */
import type { ColumnTable } from 'arquero';
import type { Importance } from '../result.js';
import type { Validator, ValidatorOutcome } from '../validator.js';
import { validatorMessages as m } from '../validator-messages.js';
import { jsonSafe } from './describe.js';
import { shapeOf, type ColumnLike } from './elements.js';
import { moments } from './moments.js';
import { notForTables, safely } from './outcome.js';

/**
 * Checks that the mean of a column's numbers (a scalar number is its own mean) is within `[min, max]`.
 *
 * @example
 * new MeanInRangeValidator([0, 1], 'warn').validate(new Float64Array([0.2, 0.4])).passed; // true
 */
export class MeanInRangeValidator implements Validator {
  readonly name = 'mean_in_range_validator';
  readonly description: string;

  constructor(
    readonly range: readonly [number, number],
    readonly importance: Importance,
  ) {
    this.description = `Validates that the mean is within [${range[0]}, ${range[1]}].`;
  }

  validate(value: unknown): ValidatorOutcome {
    return safely(this.name, () => this.check(value));
  }

  private check(value: unknown): ValidatorOutcome {
    const range = this.range;
    const shape = shapeOf(value);
    if (shape === 'table') return notForTables(value as ColumnTable, 'meanInRange', `[${range[0]}, ${range[1]}]`);
    const column: ColumnLike = shape === 'column' ? (value as ColumnLike) : [value];
    const s = moments(column, false);
    const diagnostics = { meanInRange: range.map(jsonSafe), rows: s.rows, count: s.count, skipped: s.skipped, mean: jsonSafe(s.mean) };
    if (s.notNumbers > 0) return { passed: false, message: m.stats.notNumbers('mean', s.notNumbers, s.rows, { index: s.firstNotNumber!.index, value: column[s.firstNotNumber!.index] }), diagnostics: { ...diagnostics, notNumbers: s.notNumbers, firstNotNumber: s.firstNotNumber } };
    if (s.rows === 0) return { passed: false, message: m.stats.empty('mean'), diagnostics };
    if (s.count === 0) return { passed: false, message: m.stats.allSkipped('mean', s.rows), diagnostics };
    if (Number.isNaN(s.mean)) return { passed: false, message: m.stats.infinities('mean'), diagnostics };
    const passed = s.mean >= range[0] && s.mean <= range[1];
    return { passed, message: m.stats.mean(passed, s.mean, range, s.count, s.skipped), diagnostics };
  }
}
