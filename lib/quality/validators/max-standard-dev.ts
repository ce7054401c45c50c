/**
 * `maxStandardDev: s`: the sample standard deviation is at most s (Hamilton's
 * max_standard_dev_validator, which uses pandas' `Series.std()`: ddof = 1,
 * NaN-like values skipped). Fewer than two numbers have no standard deviation and fail.
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
 * Checks that the sample standard deviation of a column's numbers is at most `maxStandardDev`.
 *
 * @example
 * new MaxStandardDevValidator(1, 'warn').validate([1, 2, 3]).passed; // true (std 1)
 */
export class MaxStandardDevValidator implements Validator {
  readonly name = 'max_standard_dev_validator';
  readonly description: string;

  constructor(
    readonly maxStandardDev: number,
    readonly importance: Importance,
  ) {
    this.description = `Validates that the sample standard deviation is at most ${maxStandardDev}.`;
  }

  validate(value: unknown): ValidatorOutcome {
    return safely(this.name, () => this.check(value));
  }

  private check(value: unknown): ValidatorOutcome {
    const max = this.maxStandardDev;
    const shape = shapeOf(value);
    if (shape === 'table') return notForTables(value as ColumnTable, 'maxStandardDev', String(max));
    if (shape === 'scalar') return { passed: false, message: m.stats.scalarStd(value), diagnostics: { maxStandardDev: jsonSafe(max), rows: 1, value: jsonSafe(value) } };
    const column = value as ColumnLike;
    const s = moments(column, true);
    const diagnostics = { maxStandardDev: jsonSafe(max), rows: s.rows, count: s.count, skipped: s.skipped, mean: jsonSafe(s.mean), standardDev: jsonSafe(s.std) };
    if (s.notNumbers > 0) return { passed: false, message: m.stats.notNumbers('standard deviation', s.notNumbers, s.rows, { index: s.firstNotNumber!.index, value: column[s.firstNotNumber!.index] }), diagnostics: { ...diagnostics, notNumbers: s.notNumbers, firstNotNumber: s.firstNotNumber } };
    if (s.rows === 0) return { passed: false, message: m.stats.empty('standard deviation'), diagnostics };
    if (s.count < 2) return { passed: false, message: m.stats.tooFew(s.count, s.rows), diagnostics };
    if (Number.isNaN(s.std)) return { passed: false, message: m.stats.infinities('standard deviation'), diagnostics };
    const passed = s.std <= max;
    return { passed, message: m.stats.std(passed, s.std, max, s.count, s.skipped), diagnostics };
  }
}
