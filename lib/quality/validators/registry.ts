/**
 * The built-in checks of `@checkOutput`: their option types, the load-time
 * option check, and the factory that turns options into validators, one per
 * option, in the order the options are written.
 */
import type { Importance } from '../result.js';
import type { Validator } from '../validator.js';
import { AllowNaNsValidator } from './allow-nans.js';
import { AllowNullValidator } from './allow-null.js';
import { OPTION_KEYS, validateCheckOptions } from './check-options.js';
import { ContainsValidator } from './contains.js';
import { DataTypeValidator, type DataType } from './data-type.js';
import { DoesNotContainValidator } from './does-not-contain.js';
import { EqualToValidator } from './equal-to.js';
import { MaxFractionNaNsValidator } from './max-fraction-nans.js';
import { MaxStandardDevValidator } from './max-standard-dev.js';
import { MeanInRangeValidator } from './mean-in-range.js';
import { RangeValidator } from './range.js';
import { SchemaValidator } from './schema.js';
import { ValuesInValidator } from './values-in.js';

export { validateCheckOptions };

/**
 * The check fields of `@checkOutput` (importance and columns belong to the decorator).
 *
 * @example
 * const checks: CheckOptions = { dataType: 'number', range: [-5, 5], allowNaNs: false };
 */
export interface CheckOptions {
  /** Every value within [min, max], bounds included; NaN, null and non-numbers are outside. */
  readonly range?: readonly [number, number];
  /** Every value of this type (null/undefined elements of a column are skipped). */
  readonly dataType?: DataType;
  /** false: no NaN, null, undefined or Invalid Date. true checks nothing. */
  readonly allowNaNs?: boolean;
  /** At most this fraction (0 to 1) of the values are NaN, null, undefined or Invalid Date. */
  readonly maxFractionNaNs?: number;
  /** Every value one of these (NaN, null and undefined elements are ignored). */
  readonly valuesIn?: readonly unknown[];
  /** The mean (NaN-like values skipped) within [min, max]. */
  readonly meanInRange?: readonly [number, number];
  /** The sample standard deviation (n - 1, as pandas) at most this. */
  readonly maxStandardDev?: number;
  /** false: no null or undefined. true checks nothing. */
  readonly allowNull?: boolean;
  /** Every value equal to this (SameValueZero; Dates by time; a column element by element). */
  readonly equalTo?: unknown;
  /** Every string contains the substring(s). */
  readonly contains?: string | readonly string[];
  /** No string contains the substring(s). */
  readonly doesNotContain?: string | readonly string[];
  /** A JSON Schema each table row, column element or value must match (ajv). */
  readonly schema?: object;
}

/** The name of a check option. */
export type CheckKey = keyof CheckOptions;

/**
 * Every key of CheckOptions.
 *
 * @example
 * CHECK_KEYS.includes('range'); // true
 */
export const CHECK_KEYS: readonly CheckKey[] = OPTION_KEYS;

const list = (s: string | readonly string[]): readonly string[] => (typeof s === 'string' ? [s] : s);

type Factory = (value: never, importance: Importance) => Validator | undefined;

// Keyed by every CheckKey, so adding an option without its validator fails to compile.
const FACTORIES: { readonly [K in CheckKey]-?: (value: NonNullable<CheckOptions[K]>, importance: Importance) => Validator | undefined } = {
  range: (r, i) => new RangeValidator([r[0], r[1]], i),
  dataType: (t, i) => new DataTypeValidator(t, i),
  allowNaNs: (allow, i) => (allow ? undefined : new AllowNaNsValidator(i)),
  maxFractionNaNs: (f, i) => new MaxFractionNaNsValidator(f, i),
  valuesIn: (values, i) => new ValuesInValidator(values, i),
  meanInRange: (r, i) => new MeanInRangeValidator([r[0], r[1]], i),
  maxStandardDev: (s, i) => new MaxStandardDevValidator(s, i),
  allowNull: (allow, i) => (allow ? undefined : new AllowNullValidator(i)),
  equalTo: (v, i) => new EqualToValidator(v, i),
  contains: (s, i) => new ContainsValidator(list(s), i),
  doesNotContain: (s, i) => new DoesNotContainValidator(list(s), i),
  schema: (s, i) => new SchemaValidator(s, i),
};

/**
 * Creates one validator per given option, in the order the options are
 * written; `allowNaNs: true`, `allowNull: true` and undefined options create
 * none. The options are checked first (DecoratorError if invalid).
 *
 * @example
 * createValidators({ dataType: 'number', range: [-5, 5] }, 'warn').map((v) => v.name); // ['data_type_validator', 'range_validator']
 */
export function createValidators(checks: CheckOptions, importance: Importance): Validator[] {
  return checksOf(checks, importance).map((c) => c.validator);
}

/**
 * The validator of one check option, for options already checked (as
 * `@checkOutput` does when the class is defined); undefined for options that
 * check nothing (`allowNaNs: true`).
 *
 * @example
 * validatorFor('range', [0, 1], 'warn')?.name; // 'range_validator'
 */
export function validatorFor(key: CheckKey, value: unknown, importance: Importance): Validator | undefined {
  return (FACTORIES[key] as Factory)(value as never, importance);
}

/**
 * One validator per given option with the option that made it, in the order written.
 *
 * @example
 * checksOf({ range: [0, 1] }, 'warn'); // [{ key: 'range', value: [0, 1], validator }]
 */
export function checksOf(checks: CheckOptions, importance: Importance): { key: CheckKey; value: unknown; validator: Validator }[] {
  validateCheckOptions(checks, 'createValidators');
  const out: { key: CheckKey; value: unknown; validator: Validator }[] = [];
  for (const [key, value] of Object.entries(checks) as [CheckKey, unknown][]) {
    if (value === undefined) continue;
    const validator = validatorFor(key, value, importance);
    if (validator) out.push({ key, value, validator });
  }
  return out;
}
